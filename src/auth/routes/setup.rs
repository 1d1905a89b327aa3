//! `/setup/{token}`: the first admin, or an invited user, chooses a password.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::{self, Action};
use crate::auth::domain::{Email, NewPassword, PasswordProblem, PersonName};
use crate::auth::session::session_cookie;
use crate::auth::store::{self, AcceptError, Acceptance, CreateUserError, User};
use crate::auth::{password, views};
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, see_other_setting, FieldError};
use crate::web::Form;

/// The live invitation of a link and its invited account (None: the first-admin link).
async fn invited_by(db: &Db, token: String) -> Result<Option<User>, AppError> {
    db.run(move |conn| {
        let inv = store::find_live_invitation(conn, &token)?.ok_or(AppError::NotFound)?;
        let user = match &inv.user_id {
            Some(uid) => Some(store::find_user(conn, uid)?.ok_or(AppError::NotFound)?),
            None => None,
        };
        // An invited account that was disabled meanwhile cannot be activated.
        if user.as_ref().is_some_and(|u| u.disabled) {
            return Err(AppError::NotFound);
        }
        Ok(user)
    })
    .await
}

pub(super) async fn get_setup(
    lang: Lang, csrf: CsrfToken, db: web::Data<Db>, token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let invited = invited_by(&db, token.clone()).await?;
    let form = views::SetupForm {
        token: &token,
        invited: invited.as_ref(),
        name: "",
        email: "",
        errors: &[],
    };
    Ok(html_response(views::setup_page(lang, &csrf, &form)))
}

#[derive(Deserialize)]
pub(super) struct SetupInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// What a valid set-up form gives: the first admin's name and address (None for an invited
/// user, whose account has them), and the new password.
struct Setup {
    first_admin: Option<(PersonName, Email)>,
    password: NewPassword,
}

impl SetupInput {
    fn parse(&self, lang: Lang, first_admin: bool) -> Result<Setup, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = PersonName::parse(&self.name);
        let email = Email::parse(&self.email);
        if first_admin && name.is_none() {
            errors.push(FieldError::new("name", lang.t("error-name")));
        }
        if first_admin && email.is_none() {
            errors.push(FieldError::new("email", lang.t("error-email")));
        }
        let password = NewPassword::parse(&self.password, &self.confirm).map_err(|problem| {
            let (field, key) = match problem {
                PasswordProblem::TooShort => ("password", "error-password-short"),
                PasswordProblem::TooLong => ("password", "error-password-long"),
                PasswordProblem::Invisible => ("password", "error-password-invisible"),
                PasswordProblem::Common => ("password", "error-password-common"),
                PasswordProblem::Mismatch => ("confirm", "error-password-mismatch"),
            };
            let min = NewPassword::MIN_CHARS.to_string();
            FieldError::new(field, lang.t_args(key, &[("min", min.as_str().into())]))
        });
        match (password, name.zip(email)) {
            (Ok(password), pair) if errors.is_empty() => {
                Ok(Setup { first_admin: pair.filter(|_| first_admin), password })
            }
            (password, _) => {
                errors.extend(password.err());
                Err(errors)
            }
        }
    }
}

pub(super) async fn post_setup(
    lang: Lang, csrf: CsrfToken, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
    token: web::Path<String>, Form(input): Form<SetupInput>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let invited = invited_by(&db, token.clone()).await?;
    let setup = match input.parse(lang, invited.is_none()) {
        Ok(setup) => setup,
        Err(errors) => {
            let form = views::SetupForm {
                token: &token,
                invited: invited.as_ref(),
                name: &input.name,
                email: &input.email,
                errors: &errors,
            };
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::setup_page(lang, &csrf, &form),
            ));
        }
    };
    // A link to an account that already had a password is a reset ("Glemt adgangskode").
    let reset = invited.as_ref().is_some_and(|u| u.password_hash.is_some());
    match activate(&db, token, setup, reset).await? {
        Some(session) => Ok(see_other_setting("/staff", session_cookie(&settings, session))),
        // The account has a second factor: a new password alone opens nothing; log in with
        // it and the code.
        None => Ok(see_other("/login?password_changed=1")),
    }
}

/// Accepts the invitation with the new password and starts a session (its token); none for an
/// account with a second factor, which logs in with its code.
async fn activate(
    db: &Db, token: String, setup: Setup, reset: bool,
) -> Result<Option<String>, AppError> {
    let hash = password::hash(setup.password.expose().to_owned()).await?;
    db.write(move |conn| {
        let acceptance = match &setup.first_admin {
            Some((name, email)) => Acceptance::FirstAdmin { email, name },
            None => Acceptance::Invited,
        };
        let user = match store::accept_invitation(conn, &token, acceptance, &hash) {
            Ok(user) => user,
            Err(AcceptError::Dead) => return Err(AppError::NotFound),
            Err(AcceptError::Create(CreateUserError::DuplicateEmail)) => {
                return Err(AppError::BadRequest("duplicate e-mail"))
            }
            Err(AcceptError::Create(CreateUserError::Db(e)) | AcceptError::Db(e)) => {
                return Err(e.into())
            }
        };
        let action = if reset { Action::PasswordReset } else { Action::Activate };
        audit::record(conn, Some(&user.id), action, user.id.as_str(), "")?;
        if crate::auth::second_factor::store::enabled_at(conn, &user.id)?.is_some() {
            return Ok(None);
        }
        Ok(Some(store::create_session(conn, &user.id)?))
    })
    .await
}
