//! `/login` and `/logout`.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::audit::{self, Action};
use crate::auth::session::{removal_cookie, session_cookie, SESSION_COOKIE};
use crate::auth::store::{self, User};
use crate::auth::{password, views, AnySession, Staff};
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::throttle::{self, Limit, Reservation};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, see_other_setting, FieldError};
use crate::web::{client_ip, cookie_name, safe_next, Form};

use super::login_code::{self, SecondStep};
use crate::auth::second_factor::SETUP_PATH;
use crate::config::ServerSite;

/// Failed logins per account before it must wait; per client address (a whole office may
/// share one). Neither locks anyone out for longer than the window.
const ACCOUNT_LIMIT: Limit = Limit { max: 10, window: chrono::Duration::minutes(15) };
const CLIENT_LIMIT: Limit = Limit { max: 100, window: chrono::Duration::minutes(15) };

#[derive(Deserialize)]
pub(super) struct LoginQuery {
    next: Option<String>,
    logged_out: Option<String>,
    password_changed: Option<String>,
}

pub(super) async fn get_login(
    lang: Lang, csrf: CsrfToken, query: web::Query<LoginQuery>, staff: Option<Staff>,
) -> HttpResponse {
    if staff.is_some() {
        return see_other("/staff");
    }
    let next = safe_next(query.next.as_deref());
    let form = views::LoginForm {
        email: "",
        next: next.as_deref(),
        errors: &[],
        notice: match (&query.logged_out, &query.password_changed) {
            (Some(_), _) => Some(lang.t("login-logged-out")),
            (None, Some(_)) => Some(lang.t("login-password-changed")),
            (None, None) => None,
        },
    };
    html_response(views::login_page(lang, &csrf, &form))
}

#[derive(Deserialize)]
pub(super) struct LoginInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

impl LoginInput {
    /// Both fields are needed before anything is checked.
    fn missing(&self, lang: Lang) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.email.trim().is_empty() {
            errors.push(FieldError::new("email", lang.t("login-error-email-missing")));
        }
        if self.password.is_empty() {
            errors.push(FieldError::new("password", lang.t("login-error-password-missing")));
        }
        errors
    }
}

/// What a login attempt came to.
enum Attempt {
    /// Too many failures: wait this many seconds.
    Throttled(u64),
    /// Unknown account, disabled, not activated, or the wrong password: all read the same.
    Refused,
    /// Signed in: the new session's cookie token, and whether the account must set up a second
    /// factor before anything else.
    SignedIn(String, bool),
    /// The password was right and the account has a second factor: the pending login's
    /// cookie token, for the code page.
    CodeNeeded(String),
}

pub(super) async fn post_login(
    req: HttpRequest, lang: Lang, csrf: CsrfToken, db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>, Form(input): Form<LoginInput>,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(input.next.as_deref());
    let page = |status, errors: Vec<FieldError>| {
        let form = views::LoginForm {
            email: &input.email,
            next: next.as_deref(),
            errors: &errors,
            notice: None,
        };
        html_status(status, views::login_page(lang, &csrf, &form))
    };
    let missing = input.missing(lang);
    if !missing.is_empty() {
        return Ok(page(StatusCode::UNPROCESSABLE_ENTITY, missing));
    }
    let old_session = req
        .cookie(&cookie_name(&settings, SESSION_COOKIE))
        .map(|c| crate::crypto::token_hash(c.value()));
    let client = client_ip(&req, &settings);
    let server = settings.settings.site.clone();
    match attempt(&db, &input, &client, old_session, server).await? {
        Attempt::Throttled(seconds) => {
            let mut res = page(StatusCode::TOO_MANY_REQUESTS, vec![throttled(lang, seconds)]);
            res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
            Ok(res)
        }
        Attempt::Refused => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![FieldError::new("email", lang.t("login-error-wrong"))],
        )),
        Attempt::SignedIn(token, set_up) => Ok(see_other_setting(
            if set_up { SETUP_PATH } else { next.as_deref().unwrap_or("/staff") },
            session_cookie(&settings, token),
        )),
        Attempt::CodeNeeded(token) => Ok(see_other_setting(
            &login_code::code_url(next.as_deref()),
            login_code::pending_cookie(&settings, token),
        )),
    }
}

/// The error of a throttled login: try again in so many minutes.
fn throttled(lang: Lang, seconds: u64) -> FieldError {
    let minutes = seconds.div_ceil(60).to_string();
    FieldError::new("email", lang.t_args("login-error-throttled", &[("minutes", minutes.into())]))
}

/// Reserves the attempt (per account and per client), checks the password, settles the
/// reservations; on success replaces any old session of this browser with a new one, or with
/// a pending login when the account has a second factor.
async fn attempt(
    db: &Db, input: &LoginInput, client: &str, old_session: Option<String>, server: ServerSite,
) -> Result<Attempt, AppError> {
    let email = crate::auth::domain::normalise_email(&input.email);
    let keys = [throttle::key("login-account", &email), throttle::key("login-client", client)];
    if let Some(seconds) = reserve_attempt(db, &keys).await? {
        return Ok(Attempt::Throttled(seconds));
    }
    let lookup = email.clone();
    let user = db.run(move |conn| store::find_user_by_email(conn, &lookup)).await;
    let verified = match user {
        Ok(user) => check_password(input, user).await,
        Err(e) => Err(e),
    };
    let failed = !matches!(verified, Ok(Some(_)));
    let settle_keys = keys.clone();
    db.run(move |conn| settle_keys.iter().try_for_each(|key| throttle::settle(conn, key, failed)))
        .await?;
    let Some(user) = verified? else {
        return Ok(Attempt::Refused);
    };
    let set_up = match login_code::second_step(db, &user, server, old_session.clone()).await? {
        SecondStep::Code(token) => return Ok(Attempt::CodeNeeded(token)),
        SecondStep::SetUp => true,
        SecondStep::None => false,
    };
    let token = audit::change(db, &user.id.clone(), move |conn, trail| {
        if let Some(old) = &old_session {
            store::delete_session(conn, old)?;
        }
        trail.record(Action::Login, &user.id, "");
        Ok(store::create_session(conn, &user.id)?)
    })
    .await?;
    Ok(Attempt::SignedIn(token, set_up))
}

/// How long a login waits for attempts in flight to settle before it says "try later".
const BUSY_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// Reserves one password check (or second factor's code, `login_code`) on every key,
/// atomically per key, before any hashing: `None` when granted, else the seconds to wait. While other attempts in flight hold the budget,
/// it waits for them (they may be the right password and give their place back).
pub(super) async fn reserve_attempt(db: &Db, keys: &[String; 2]) -> Result<Option<u64>, AppError> {
    let limits = [ACCOUNT_LIMIT, CLIENT_LIMIT];
    let started = std::time::Instant::now();
    loop {
        let keys = keys.clone();
        let outcome = db
            .run(move |conn| {
                let mut granted = Vec::new();
                for (key, limit) in keys.iter().zip(limits) {
                    match throttle::reserve(conn, key, limit)? {
                        Reservation::Granted => granted.push(key),
                        other => {
                            // Give back what this attempt already holds.
                            for key in granted {
                                throttle::settle(conn, key, false)?;
                            }
                            return Ok::<_, AppError>(other);
                        }
                    }
                }
                Ok(Reservation::Granted)
            })
            .await?;
        match outcome {
            Reservation::Granted => return Ok(None),
            Reservation::Blocked(seconds) => return Ok(Some(seconds)),
            Reservation::Busy if started.elapsed() > BUSY_PATIENCE => return Ok(Some(60)),
            Reservation::Busy => {
                actix_web::rt::time::sleep(std::time::Duration::from_millis(25)).await;
            }
        }
    }
}

/// The user whose password this is. Unknown, disabled and not-yet-activated accounts are
/// checked against a dummy hash, so every failure takes as long and reads the same.
async fn check_password(input: &LoginInput, user: Option<User>) -> Result<Option<User>, AppError> {
    let usable: Option<User> = user.filter(|u| !u.disabled && u.password_hash.is_some());
    let hash = usable.as_ref().and_then(|u| u.password_hash.clone());
    let verified = password::verify(input.password.clone(), hash).await?;
    Ok(usable.filter(|_| verified))
}

/// Ends the session, also one that has yet to set up its second factor.
pub(super) async fn post_logout(
    staff: AnySession, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let session_id = staff.session_id.clone();
    let user_id = staff.id().clone();
    audit::change(&db, staff.id(), move |conn, trail| {
        store::delete_session(conn, &session_id)?;
        trail.record(Action::Logout, &user_id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_setting("/login?logged_out=1", removal_cookie(&settings)))
}
