//! The builder's forms as one flow: a track, a topic, a workshop or a question is made with a
//! "new" form under its parent and changed with an "edit" form, each shown again with its
//! errors (422) or saved with its audit records and followed by a redirect. Each resource
//! says what differs by implementing [`Builder`]; [`get_form`] and [`post_form`] do the rest
//! for both kinds of form ([`New`] and [`Edit`]).

use actix_web::{web, HttpResponse};
use diesel::QueryResult;
use serde::de::DeserializeOwned;

use crate::audit::Trail;
use crate::auth::{Editor, StaffContext};
use crate::config::{RuntimeSettings, ServerSite};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::views;
use crate::web::layout::{form_response, see_other, FieldError};
use crate::web::Form;

/// Where a builder form goes: its heading (a locale key), where it posts, where "Tilbage" leads.
pub(super) struct FormTarget {
    pub heading: &'static str,
    pub action: String,
    pub back: String,
}

/// What a form is about: the parent of a new one, or the one being edited.
pub(super) enum Subject<P, T> {
    New(P),
    Edit(T),
}

/// One resource of the builder.
pub(super) trait Builder: 'static {
    /// The path parameter of the "new" form: the parent's id (`()` for a track).
    type Parent: DeserializeOwned + Send + 'static;
    /// The path parameter of the "edit" form.
    type Id: DeserializeOwned + Send + 'static;
    /// What a form is about, loaded: the parent for "new", the resource for "edit".
    type Target: Send + 'static;
    /// The posted form.
    type Input: DeserializeOwned + Send + 'static;
    /// The form once it parsed.
    type Parsed: Send + 'static;

    /// The target of a "new" form (`None`, a 404, when the parent does not exist).
    fn load_new(conn: &mut DbConnection, parent: Self::Parent)
        -> QueryResult<Option<Self::Target>>;
    /// The target of an "edit" form (`None`, a 404, when it does not exist).
    fn load_edit(conn: &mut DbConnection, id: Self::Id) -> QueryResult<Option<Self::Target>>;
    /// Refuses a post the target cannot take (400), before the form is read.
    fn check(_target: &Self::Target) -> Result<(), AppError> {
        Ok(())
    }
    /// The form of a new one.
    fn blank(target: &Self::Target) -> Self::Input;
    /// The form of a new one as first shown, where defaults come from the site's settings
    /// (`server`: what the server's flags fix).
    fn fresh(
        _conn: &mut DbConnection, target: &Self::Target, _server: &ServerSite,
    ) -> Result<Self::Input, AppError> {
        Ok(Self::blank(target))
    }
    /// The form of the stored one.
    fn stored(conn: &mut DbConnection, target: &Self::Target) -> Result<Self::Input, AppError>;
    /// The posted form as it is read: what the target allows to change (the rest as stored).
    fn adjust(_target: &Self::Target, input: Self::Input) -> Self::Input {
        input
    }
    /// Parses the form.
    fn parse(
        lang: Lang, target: &Self::Target, input: &Self::Input,
    ) -> Result<Self::Parsed, Vec<FieldError>>;
    /// The form's page: where it goes and its fields.
    fn form(
        lang: Lang, target: &Self::Target, input: &Self::Input, errors: &[FieldError],
    ) -> (FormTarget, maud::Markup);
    /// Saves a parsed form, noting its audit records; returns where to go next.
    fn save(
        conn: &mut DbConnection, trail: &mut Trail, target: Self::Target, parsed: Self::Parsed,
    ) -> Result<String, AppError>;
}

/// The form page: 200 when fresh, 422 when it comes back with errors.
fn page<B: Builder>(
    cx: &StaffContext<Editor>, target: &B::Target, input: &B::Input, errors: &[FieldError],
) -> HttpResponse {
    let (goes, fields) = B::form(cx.lang, target, input, errors);
    let page = views::FormPage {
        heading: &cx.lang.t(goes.heading),
        action: &goes.action,
        back: &goes.back,
        errors,
        fields,
    };
    form_response(errors, views::form_page(cx.lang, cx.staff(), &cx.csrf, page))
}

/// Parses a posted form and saves it, or shows it again with its errors.
async fn post<B: Builder>(
    cx: StaffContext<Editor>, target: B::Target, input: B::Input,
) -> Result<HttpResponse, AppError> {
    B::check(&target)?;
    let input = B::adjust(&target, input);
    let parsed = match B::parse(cx.lang, &target, &input) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(page::<B>(&cx, &target, &input, &errors)),
    };
    let next = cx.change(move |conn, trail| B::save(conn, trail, target, parsed)).await?;
    Ok(see_other(&next))
}

/// Which form: a new one under its parent, or the edit form of an existing one.
pub(super) trait Which<B: Builder>: 'static {
    /// The path parameter.
    type Key: DeserializeOwned + Send + 'static;
    /// The target the form is about.
    fn load(conn: &mut DbConnection, key: Self::Key) -> QueryResult<Option<B::Target>>;
    /// The form as it first shows.
    fn input(
        conn: &mut DbConnection, target: &B::Target, server: &ServerSite,
    ) -> Result<B::Input, AppError>;
}

/// The "new" form (`…/new`, posting to the parent's list).
pub(super) struct New;

/// The "edit" form (`…/{id}/edit`, posting to the resource).
pub(super) struct Edit;

impl<B: Builder> Which<B> for New {
    type Key = B::Parent;
    fn load(conn: &mut DbConnection, parent: B::Parent) -> QueryResult<Option<B::Target>> {
        B::load_new(conn, parent)
    }
    fn input(
        conn: &mut DbConnection, target: &B::Target, server: &ServerSite,
    ) -> Result<B::Input, AppError> {
        B::fresh(conn, target, server)
    }
}

impl<B: Builder> Which<B> for Edit {
    type Key = B::Id;
    fn load(conn: &mut DbConnection, id: B::Id) -> QueryResult<Option<B::Target>> {
        B::load_edit(conn, id)
    }
    fn input(
        conn: &mut DbConnection, target: &B::Target, _: &ServerSite,
    ) -> Result<B::Input, AppError> {
        B::stored(conn, target)
    }
}

/// `GET` of a form: blank for a new one, as stored for an existing one.
pub(super) async fn get_form<B: Builder, W: Which<B>>(
    cx: StaffContext<Editor>, key: web::Path<W::Key>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let key = key.into_inner();
    let server = settings.settings.site.clone();
    let (target, input) = cx
        .db
        .run(move |conn| {
            let target = W::load(conn, key)?.ok_or(AppError::NotFound)?;
            let input = W::input(conn, &target, &server)?;
            Ok::<_, AppError>((target, input))
        })
        .await?;
    Ok(page::<B>(&cx, &target, &input, &[]))
}

/// `POST` of a form: saved, or shown again with its errors.
pub(super) async fn post_form<B: Builder, W: Which<B>>(
    cx: StaffContext<Editor>, key: web::Path<W::Key>, Form(input): Form<B::Input>,
) -> Result<HttpResponse, AppError> {
    let key = key.into_inner();
    let target = cx.db.find(move |conn| W::load(conn, key)).await?;
    post::<B>(cx, target, input).await
}
