//! `/staff/tracks`: making and changing tracks.

use actix_web::{web, HttpResponse};

use super::{form_response, FormTarget};
use crate::audit::{self, Action};
use crate::auth::Editor;
use crate::db::{Db, TrackId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::forms::TrackInput;
use crate::survey::{store, views};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{see_other, FieldError};
use crate::web::Form;

/// The track form: a new track, or the one with `id`.
fn page(
    (lang, csrf, editor): (Lang, &CsrfToken, &Editor),
    id: Option<&TrackId>,
    input: &TrackInput,
    errors: &[FieldError],
) -> HttpResponse {
    let target = FormTarget {
        heading: if id.is_some() {
            "track-edit"
        } else {
            "track-new"
        },
        action: id.map_or("/staff/tracks".into(), |id| format!("/staff/tracks/{id}")),
        back: "/staff".into(),
    };
    let fields = views::track_fields(lang, &input.title, &input.year, errors);
    form_response(lang, editor, csrf, &target, errors, fields)
}

pub(super) async fn get_new(lang: Lang, csrf: CsrfToken, editor: Editor) -> HttpResponse {
    let input = TrackInput {
        year: chrono::Utc::now().format("%Y").to_string(),
        ..TrackInput::default()
    };
    page((lang, &csrf, &editor), None, &input, &[])
}

pub(super) async fn post_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    Form(input): Form<TrackInput>,
) -> Result<HttpResponse, AppError> {
    let fields = match input.parse(lang) {
        Ok(fields) => fields,
        Err(errors) => return Ok(page((lang, &csrf, &editor), None, &input, &errors)),
    };
    audit::change(&db, editor.id(), move |conn, trail| {
        let id = store::create_track(conn, &fields)?;
        trail.record(Action::TrackCreate, &id, fields.title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other("/staff"))
}

pub(super) async fn get_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<TrackId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let lookup = id.clone();
    let track = db
        .run(move |conn| store::find_track(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    let input = TrackInput {
        title: track.title,
        year: track.year.to_string(),
    };
    Ok(page((lang, &csrf, &editor), Some(&id), &input, &[]))
}

pub(super) async fn post_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<TrackId>,
    Form(input): Form<TrackInput>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let fields = match input.parse(lang) {
        Ok(fields) => fields,
        Err(errors) => return Ok(page((lang, &csrf, &editor), Some(&id), &input, &errors)),
    };
    audit::change(&db, editor.id(), move |conn, trail| {
        if store::update_track(conn, &id, &fields)? == 0 {
            return Err(AppError::NotFound);
        }
        trail.record(Action::TrackUpdate, &id, fields.title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other("/staff"))
}
