//! `/admin/users`: the admin's list of accounts, invitations, roles, disabling.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::Action;
use crate::auth::domain::{Email, PersonName, Role};
use crate::auth::store::{self, User};
use crate::auth::{second_factor, views, Admin, StaffContext};
use crate::config::RuntimeSettings;
use crate::db::{DbConnection, UserId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::{Checks, Form};

/// The users page with the add form as typed (`input`), its errors, a notice and a new link.
struct UsersState<'a> {
    input: Option<&'a AddUserInput>,
    errors: &'a [FieldError],
    notice: Option<String>,
    new_link: Option<(&'a User, String)>,
}

impl<'a> UsersState<'a> {
    /// The form again, as typed, with what is wrong with it.
    fn again(input: &'a AddUserInput, errors: &'a [FieldError]) -> Self {
        UsersState { input: Some(input), errors, notice: None, new_link: None }
    }
}

async fn users_page(
    cx: &StaffContext<Admin>, state: UsersState<'_>,
) -> Result<HttpResponse, AppError> {
    let (users, with_second_factor) = cx
        .db
        .run(|conn| {
            let users = store::list_users(conn)?;
            Ok::<_, diesel::result::Error>((users, second_factor::store::users_with_factor(conn)?))
        })
        .await?;
    let typed = state.input.filter(|_| !state.errors.is_empty());
    let page = views::UsersPage {
        users: &users,
        name: typed.map_or("", |i| i.name.as_str()),
        email: typed.map_or("", |i| i.email.as_str()),
        role: state.input.and_then(|i| Role::parse(&i.role)).unwrap_or(Role::Facilitator),
        errors: state.errors,
        notice: state.notice,
        new_link: state.new_link,
        with_second_factor: &with_second_factor,
    };
    Ok(form_response(state.errors, views::users_page(cx.lang, cx.staff(), &cx.csrf, &page)))
}

pub(super) async fn get_users(
    cx: StaffContext<Admin>, done: Done,
) -> Result<HttpResponse, AppError> {
    let state =
        UsersState { input: None, errors: &[], notice: done.message(cx.lang), new_link: None };
    users_page(&cx, state).await
}

#[derive(Deserialize)]
pub(super) struct AddUserInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

impl AddUserInput {
    fn parse(&self, lang: Lang) -> Result<(PersonName, Email), Vec<FieldError>> {
        let mut checks = Checks::new(lang);
        let name = checks.field("name", PersonName::parse(&self.name), "error-name");
        let email = checks.field("email", Email::parse(&self.email), "error-email");
        checks.finish(name.zip(email))
    }
}

/// Creates an invited account and shows its link once. This is the one POST that answers with
/// a page instead of a redirect: only the link's hash is stored, so it cannot be shown later.
pub(super) async fn post_users(
    cx: StaffContext<Admin>, settings: web::Data<RuntimeSettings>, Form(input): Form<AddUserInput>,
) -> Result<HttpResponse, AppError> {
    let lang = cx.lang;
    let role = Role::parse(&input.role).ok_or(AppError::BadRequest("unknown role"))?;
    let (name, email) = match input.parse(lang) {
        Ok(parsed) => parsed,
        Err(errors) => return users_page(&cx, UsersState::again(&input, &errors)).await,
    };
    let by = cx.staff().id().clone();
    let invited = cx
        .change(move |conn, trail| {
            let invited = store::invite_user(conn, &email, &name, role, &by)?;
            if let Some((user, _)) = &invited {
                trail.record(Action::UserInvite, &user.id, role.as_str());
            }
            Ok(invited)
        })
        .await?;
    let Some((user, token)) = invited else {
        let errors = [FieldError::new("email", lang.t("error-email-taken"))];
        return users_page(&cx, UsersState::again(&input, &errors)).await;
    };
    let link = format!("{}/setup/{}", settings.base_url, token);
    let state = UsersState {
        input: Some(&input),
        errors: &[],
        notice: mail_invitation(lang, &cx.db, &settings, &user, &link).await,
        new_link: Some((&user, link)),
    };
    users_page(&cx, state).await
}

/// Mails an invitation link with the same mailer as exports, when mail is set up. The link is
/// shown on screen either way; the notice says whether the mail went out.
async fn mail_invitation(
    lang: Lang, db: &crate::db::Db, settings: &RuntimeSettings, user: &User, link: &str,
) -> Option<String> {
    let site = match crate::settings::current(db, settings, None).await {
        Ok(site) => site,
        Err(e) => return Some(format!("{} ({e})", lang.t("invite-mail-failed"))),
    };
    let mailer = match site.mailer() {
        Ok(m) => m,
        Err(crate::mail::MailError::NotConfigured) => return None,
        Err(e) => return Some(format!("{} ({e})", lang.t("invite-mail-failed"))),
    };
    let to = vec![user.email.clone()];
    let subject = lang.t("invite-mail-subject");
    let body = lang
        .t_args("invite-mail-body", &[("name", user.name.as_str().into()), ("link", link.into())]);
    let sent = web::block(move || mailer.send(&to, &subject, &body, None)).await;
    Some(match sent {
        Ok(Ok(())) => lang.t_args("invite-mail-sent", &[("email", user.email.as_str().into())]),
        Ok(Err(e)) => format!("{} ({e})", lang.t("invite-mail-failed")),
        Err(_) => lang.t("invite-mail-failed"),
    })
}

#[derive(Deserialize)]
pub(super) struct RoleInput {
    role: Role,
}

/// Changes another user's account with `change` (0 rows: 404), audited as `action`, and goes
/// back to the list with `notice`. Admins never change or disable themselves, so the acting
/// admin always remains: the product can never be left without an active admin.
async fn change_user(
    cx: StaffContext<Admin>, user_id: UserId,
    (action, detail, notice): (Action, &'static str, Notice),
    change: impl FnOnce(&mut DbConnection, &UserId) -> diesel::QueryResult<usize> + Send + 'static,
) -> Result<HttpResponse, AppError> {
    if &user_id == cx.staff().id() {
        return Err(AppError::BadRequest("cannot change your own account"));
    }
    cx.change(move |conn, trail| {
        if change(conn, &user_id)? == 0 {
            return Err(AppError::NotFound);
        }
        trail.record(action, &user_id, detail);
        Ok(())
    })
    .await?;
    Ok(see_other_with("/admin/users", notice))
}

pub(super) async fn post_user_role(
    cx: StaffContext<Admin>, user_id: web::Path<UserId>, Form(input): Form<RoleInput>,
) -> Result<HttpResponse, AppError> {
    let role = input.role;
    let what = (Action::UserRole, role.as_str(), Notice::RoleChanged);
    change_user(cx, user_id.into_inner(), what, move |conn, id| store::set_role(conn, id, role))
        .await
}

/// Disables (`DISABLED`) or enables an account; disabling ends its sessions.
pub(super) async fn post_user_disabled<const DISABLED: bool>(
    cx: StaffContext<Admin>, user_id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let what = match DISABLED {
        true => (Action::UserDisable, "", Notice::UserDisabled),
        false => (Action::UserEnable, "", Notice::UserEnabled),
    };
    change_user(cx, user_id.into_inner(), what, |conn, id| store::set_disabled(conn, id, DISABLED))
        .await
}

/// Takes another person's second factor away (a lost phone): their recovery codes go too and
/// their sessions end; where their role requires a factor they set a new one up at their next
/// login. Audited with them as the subject.
pub(super) async fn post_user_second_factor_reset(
    cx: StaffContext<Admin>, user_id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let what = (Action::SecondFactorReset, "", Notice::SecondFactorReset);
    change_user(cx, user_id.into_inner(), what, second_factor::store::reset).await
}

/// A new invitation link for an account that has not been activated; shown once.
pub(super) async fn post_user_invitation(
    cx: StaffContext<Admin>, settings: web::Data<RuntimeSettings>, user_id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let by = cx.staff().id().clone();
    let (user, token) = cx
        .change(move |conn, trail| {
            let user = store::find_user(conn, &user_id)?.ok_or(AppError::NotFound)?;
            if user.password_hash.is_some() || user.disabled {
                return Err(AppError::BadRequest("account is not awaiting activation"));
            }
            let token = store::create_invitation(conn, Some(&user.id), Some(&by))?;
            trail.record(Action::UserReinvite, &user.id, "");
            Ok((user, token))
        })
        .await?;
    let link = format!("{}/setup/{}", settings.base_url, token);
    let state =
        UsersState { input: None, errors: &[], notice: None, new_link: Some((&user, link)) };
    users_page(&cx, state).await
}
