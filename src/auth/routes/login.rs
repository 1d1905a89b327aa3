//! `/login` and `/logout`.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::audit::{self, Action};
use crate::auth::session::{removal_cookie, session_cookie, SESSION_COOKIE};
use crate::auth::store::{self, User};
use crate::auth::{password, views, Staff};
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::throttle::{self, Limit};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, see_other_setting, FieldError};
use crate::web::{client_ip, cookie_name, safe_next, Form};

/// Failed logins per account before it must wait; per client address (a whole office may
/// share one). Neither locks anyone out for longer than the window.
const ACCOUNT_LIMIT: Limit = Limit { max: 10, window: chrono::Duration::minutes(15) };
const CLIENT_LIMIT: Limit = Limit { max: 100, window: chrono::Duration::minutes(15) };

#[derive(Deserialize)]
pub(super) struct LoginQuery {
    next: Option<String>,
    logged_out: Option<String>,
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
        notice: query.logged_out.as_ref().map(|_| lang.t("login-logged-out")),
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
    /// Signed in: the new session's cookie token.
    SignedIn(String),
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
    match attempt(&db, &input, &client, old_session).await? {
        Attempt::Throttled(seconds) => {
            let mut res = page(StatusCode::TOO_MANY_REQUESTS, vec![throttled(lang, seconds)]);
            res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
            Ok(res)
        }
        Attempt::Refused => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![FieldError::new("email", lang.t("login-error-wrong"))],
        )),
        Attempt::SignedIn(token) => Ok(see_other_setting(
            next.as_deref().unwrap_or("/staff"),
            session_cookie(&settings, token),
        )),
    }
}

/// The error of a throttled login: try again in so many minutes.
fn throttled(lang: Lang, seconds: u64) -> FieldError {
    let minutes = seconds.div_ceil(60).to_string();
    FieldError::new("email", lang.t_args("login-error-throttled", &[("minutes", minutes.into())]))
}

/// Checks the throttles and the password; on success replaces any old session of this browser
/// with a new one.
async fn attempt(
    db: &Db, input: &LoginInput, client: &str, old_session: Option<String>,
) -> Result<Attempt, AppError> {
    let email = input.email.trim().to_lowercase();
    let account_key = throttle::key("login-account", &email);
    let client_key = throttle::key("login-client", client);
    let (keys, lookup) = ((account_key.clone(), client_key.clone()), email);
    let (blocked, user) = db
        .run(move |conn| {
            let blocked = throttle::blocked_for(conn, &keys.0, ACCOUNT_LIMIT)?
                .max(throttle::blocked_for(conn, &keys.1, CLIENT_LIMIT)?);
            Ok::<_, AppError>((blocked, store::find_user_by_email(conn, &lookup)?))
        })
        .await?;
    if let Some(seconds) = blocked {
        return Ok(Attempt::Throttled(seconds));
    }
    // Unknown, disabled and not-yet-activated accounts are checked against a dummy hash, so
    // every failure takes as long and reads the same.
    let usable: Option<User> = user.filter(|u| !u.disabled && u.password_hash.is_some());
    let hash = usable.as_ref().and_then(|u| u.password_hash.clone());
    let verified = password::verify(input.password.clone(), hash).await?;
    let Some(user) = usable.filter(|_| verified) else {
        db.run(move |conn| {
            throttle::record_failure(conn, &account_key, ACCOUNT_LIMIT.window)?;
            throttle::record_failure(conn, &client_key, CLIENT_LIMIT.window)
        })
        .await?;
        return Ok(Attempt::Refused);
    };
    let token = audit::change(db, &user.id.clone(), move |conn, trail| {
        if let Some(old) = &old_session {
            store::delete_session(conn, old)?;
        }
        throttle::reset(conn, &account_key)?;
        trail.record(Action::Login, &user.id, "");
        Ok(store::create_session(conn, &user.id)?)
    })
    .await?;
    Ok(Attempt::SignedIn(token))
}

pub(super) async fn post_logout(
    staff: Staff, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
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
