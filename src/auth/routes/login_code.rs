//! `/login/code`: the second step of logging in, for accounts with a second factor. The right
//! password left a *pending login* in a cookie (five minutes, one use, opens no staff page);
//! here the code from the app, or a recovery code, turns it into a session. Wrong codes are
//! throttled per account and per client with the password's limits.

use actix_web::cookie::Cookie;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::login::reserve_attempt;
use crate::audit::{self, Action};
use crate::auth::second_factor::store::{self, PendingLogin};
use crate::auth::second_factor::totp::unix_now;
use crate::auth::second_factor::{RecoveryCode, TotpCode};
use crate::auth::session::{session_cookie, SESSION_COOKIE};
use crate::auth::store::User;
use crate::auth::views::second_factor::{code_page, CodeForm, CODE_PATH};
use crate::auth::views::{login_page, LoginForm};
use crate::config::RuntimeSettings;
use crate::config::ServerSite;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::throttle;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, location_value, see_other, FieldError};
use crate::web::{client_ip, cookie_name, safe_next, Form};

/// Base name of the cookie that carries a pending login.
const PENDING_COOKIE: &str = "deltag_pending";

/// The cookie of a new pending login (for the browser session; the row dies in five minutes).
pub(super) fn pending_cookie(settings: &RuntimeSettings, token: String) -> Cookie<'static> {
    let name = cookie_name(settings, PENDING_COOKIE);
    crate::web::cookie(settings, name, token, "/".into(), None)
}

fn pending_removal(settings: &RuntimeSettings) -> Cookie<'static> {
    let mut cookie = pending_cookie(settings, String::new());
    cookie.make_removal();
    cookie
}

/// The code page, passing on where to go after login.
pub(super) fn code_url(next: Option<&str>) -> String {
    match next {
        Some(next) => format!(
            "{CODE_PATH}?next={}",
            percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
        ),
        None => CODE_PATH.to_owned(),
    }
}

/// What follows a right password.
pub(super) enum SecondStep {
    /// The account has a second factor: the code page, with this pending login's token.
    Code(String),
    /// The account must set one up first: a session that opens only the set-up pages.
    SetUp,
    /// Nothing: a session as before.
    None,
}

/// Decides the step after a right password for `user`; with a second factor, starts a pending
/// login (ending `old_session`, this browser's earlier session).
pub(super) async fn second_step(
    db: &Db, user: &User, server: ServerSite, old_session: Option<String>,
) -> Result<SecondStep, AppError> {
    let (id, role) = (user.id.clone(), user.role);
    db.write(move |conn| {
        if store::enabled_at(conn, &id)?.is_some() {
            return store::start_login(conn, &id, old_session.as_deref()).map(SecondStep::Code);
        }
        let required = crate::auth::second_factor::required_for(conn, role, &server)?;
        Ok(if required { SecondStep::SetUp } else { SecondStep::None })
    })
    .await
}

fn pending_token(req: &HttpRequest, settings: &RuntimeSettings) -> Option<String> {
    req.cookie(&cookie_name(settings, PENDING_COOKIE)).map(|c| c.value().to_owned())
}

#[derive(Deserialize)]
pub(super) struct CodeQuery {
    next: Option<String>,
}

pub(super) async fn get_code(
    req: HttpRequest, lang: Lang, csrf: CsrfToken, db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>, query: web::Query<CodeQuery>,
) -> Result<HttpResponse, AppError> {
    let Some(token) = pending_token(&req, &settings) else {
        return Ok(see_other("/login"));
    };
    if db.run(move |conn| store::pending_login(conn, &token)).await?.is_none() {
        return Ok(see_other("/login"));
    }
    let next = safe_next(query.next.as_deref());
    Ok(html_response(code_page(lang, &csrf, &CodeForm { next: next.as_deref(), errors: &[] })))
}

#[derive(Deserialize)]
pub(super) struct CodeInput {
    /// The code from the app (the first form).
    code: Option<String>,
    /// A recovery code (the second form).
    recovery: Option<String>,
    next: Option<String>,
}

/// What was typed, parsed.
enum Answer {
    Totp(TotpCode),
    Recovery(RecoveryCode),
}

impl CodeInput {
    /// The answer, or the error of the form it came from; a code that cannot be one is not
    /// counted as an attempt.
    fn parse(&self, lang: Lang) -> Result<Answer, FieldError> {
        match (&self.recovery, &self.code) {
            (Some(recovery), _) => RecoveryCode::parse(recovery)
                .map(Answer::Recovery)
                .ok_or_else(|| FieldError::new("recovery", lang.t("sf-error-recovery-form"))),
            (None, code) => TotpCode::parse(code.as_deref().unwrap_or_default())
                .map(Answer::Totp)
                .ok_or_else(|| FieldError::new("code", lang.t("sf-error-code-form"))),
        }
    }
}

/// What a code attempt came to.
enum Outcome {
    /// No live pending login: log in again.
    Expired,
    /// Too many wrong codes: wait this many seconds.
    Throttled(u64),
    /// Not the code.
    Wrong,
    /// Signed in: the session's cookie token, and when a recovery code did it, how many remain.
    SignedIn { token: String, recovery_left: Option<i64> },
}

pub(super) async fn post_code(
    req: HttpRequest, lang: Lang, csrf: CsrfToken, db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>, Form(input): Form<CodeInput>,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(input.next.as_deref());
    let page = |status, error: FieldError| {
        let errors = [error];
        html_status(
            status,
            code_page(lang, &csrf, &CodeForm { next: next.as_deref(), errors: &errors }),
        )
    };
    let Some(token) = pending_token(&req, &settings) else {
        return Ok(expired(lang, &csrf, &settings));
    };
    let answer = match input.parse(lang) {
        Ok(answer) => answer,
        Err(error) => return Ok(page(StatusCode::UNPROCESSABLE_ENTITY, error)),
    };
    let field = match answer {
        Answer::Totp(_) => "code",
        Answer::Recovery(_) => "recovery",
    };
    let old_session = req
        .cookie(&cookie_name(&settings, SESSION_COOKIE))
        .map(|c| crate::crypto::token_hash(c.value()));
    let client = client_ip(&req, &settings);
    match attempt(&db, token, answer, &client, old_session).await? {
        Outcome::Expired => Ok(expired(lang, &csrf, &settings)),
        Outcome::Throttled(seconds) => {
            let minutes = seconds.div_ceil(60).to_string();
            let message = lang.t_args("login-error-throttled", &[("minutes", minutes.into())]);
            let mut res = page(StatusCode::TOO_MANY_REQUESTS, FieldError::new(field, message));
            res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
            Ok(res)
        }
        Outcome::Wrong => {
            let key =
                if field == "code" { "sf-error-code-wrong" } else { "sf-error-recovery-wrong" };
            Ok(page(StatusCode::UNPROCESSABLE_ENTITY, FieldError::new(field, lang.t(key))))
        }
        Outcome::SignedIn { token, recovery_left } => {
            // After a recovery code the account page says how many are left and how to set up
            // a new phone.
            let to = match recovery_left {
                Some(_) => "/account?recovery=used".to_owned(),
                None => next.unwrap_or_else(|| "/staff".into()),
            };
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location_value(&to)))
                .cookie(session_cookie(&settings, token))
                .cookie(pending_removal(&settings))
                .finish())
        }
    }
}

/// The pending login is gone (five minutes passed, or it was used): the login page again,
/// saying why.
fn expired(lang: Lang, csrf: &CsrfToken, settings: &RuntimeSettings) -> HttpResponse {
    let form =
        LoginForm { email: "", next: None, errors: &[], notice: Some(lang.t("sf-code-expired")) };
    let mut res = html_response(login_page(lang, csrf, &form));
    if let Err(e) = res.add_removal_cookie(&pending_removal(settings)) {
        tracing::warn!(error = %e, "could not remove the pending-login cookie");
    }
    res
}

/// Reserves the attempt (per account, per client), checks the code, settles; on success uses
/// up the pending login and starts a session that has given its code, audited.
async fn attempt(
    db: &Db, token: String, answer: Answer, client: &str, old_session: Option<String>,
) -> Result<Outcome, AppError> {
    let found = db.run(move |conn| store::pending_login(conn, &token)).await?;
    let Some((pending, user)) = found else {
        return Ok(Outcome::Expired);
    };
    let keys =
        [throttle::key("second-factor", user.id.as_str()), throttle::key("login-client", client)];
    if let Some(seconds) = reserve_attempt(db, &keys).await? {
        return Ok(Outcome::Throttled(seconds));
    }
    let outcome = check(db, pending, answer, old_session).await;
    let failed = !matches!(outcome, Ok(Outcome::SignedIn { .. }));
    db.run(move |conn| keys.iter().try_for_each(|key| throttle::settle(conn, key, failed))).await?;
    outcome
}

/// Checks the answer and, when right, signs in: one write transaction with its audit records.
async fn check(
    db: &Db, pending: PendingLogin, answer: Answer, old_session: Option<String>,
) -> Result<Outcome, AppError> {
    let user = pending.user_id.clone();
    audit::change(db, &user.clone(), move |conn, trail| {
        if !store::is_live(conn, &pending)? {
            return Ok(Outcome::Expired);
        }
        let recovery_left = match &answer {
            Answer::Totp(code) if store::accept_code(conn, &user, code, unix_now())? => None,
            Answer::Totp(_) => return Ok(Outcome::Wrong),
            Answer::Recovery(code) => match store::use_recovery_code(conn, &user, code)? {
                Some(left) => Some(left),
                None => return Ok(Outcome::Wrong),
            },
        };
        let Some(token) = store::finish_login(conn, &pending, old_session.as_deref())? else {
            return Ok(Outcome::Expired);
        };
        trail.record(Action::Login, &user, "second factor");
        if let Some(left) = recovery_left {
            trail.record(Action::RecoveryCodeUsed, &user, format!("{left} left"));
        }
        Ok(Outcome::SignedIn { token, recovery_left })
    })
    .await
}
