//! `/trak-tilbage`: taking one's answers back with the withdrawal code from the thank-you page.
//! The code is checked first and the page asks once ("Vil du slette dine svar?"); only the
//! confirmed form deletes.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::config::RuntimeSettings;
use crate::db::{Db, DbConnection};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::normalise_withdrawal_code;
use crate::participant::{store, views};
use crate::survey;
use crate::throttle::{self, Limit};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, FieldError};
use crate::web::{client_ip, Form};

/// Wrong withdrawal codes per client address.
const WITHDRAW_LIMIT: Limit = Limit { max: 20, window: chrono::Duration::minutes(15) };

pub(super) async fn get_withdraw(lang: Lang, csrf: CsrfToken) -> HttpResponse {
    html_response(views::withdraw_page(lang, &csrf, "", &[]))
}

#[derive(Deserialize)]
pub(super) struct WithdrawInput {
    #[serde(default)]
    code: String,
    /// "yes" from the confirmation page; without it nothing is deleted yet.
    confirm: Option<String>,
}

/// What a posted code leads to.
enum Outcome {
    /// Found, not yet confirmed: ask, naming the workshop.
    Ask(String),
    /// Confirmed and deleted.
    Deleted,
    /// No participant has this code.
    Unknown,
}

/// Looks the code up (and deletes when confirmed), counting unknown codes against the client.
fn withdraw(
    conn: &mut DbConnection, client: &str, code: Option<&str>, confirmed: bool,
) -> Result<Outcome, AppError> {
    if let Some(retry_after) = throttle::blocked_for(conn, client, WITHDRAW_LIMIT)? {
        return Err(AppError::TooManyRequests { retry_after });
    }
    let outcome = match code {
        Some(code) if confirmed => {
            if store::withdraw(conn, code)? {
                Outcome::Deleted
            } else {
                Outcome::Unknown
            }
        }
        Some(code) => match store::withdrawal_workshop(conn, code)? {
            Some(id) => survey::find_workshop(conn, &id)?
                .map_or(Outcome::Unknown, |w| Outcome::Ask(w.title)),
            None => Outcome::Unknown,
        },
        None => Outcome::Unknown,
    };
    if matches!(outcome, Outcome::Unknown) {
        throttle::record_failure(conn, client, WITHDRAW_LIMIT.window)?;
    }
    Ok(outcome)
}

pub(super) async fn post_withdraw(
    req: HttpRequest, lang: Lang, csrf: CsrfToken, db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>, Form(input): Form<WithdrawInput>,
) -> Result<HttpResponse, AppError> {
    let client = throttle::key("withdraw-client", &client_ip(&req, &settings));
    let code = normalise_withdrawal_code(&input.code);
    let confirmed = input.confirm.as_deref() == Some("yes");
    let found = code.clone();
    let outcome = db.run(move |conn| withdraw(conn, &client, found.as_deref(), confirmed)).await?;
    Ok(match (outcome, code) {
        (Outcome::Ask(title), Some(code)) => {
            html_response(views::withdraw_confirm_page(lang, &csrf, &code, &title))
        }
        (Outcome::Deleted, _) => see_other("/trak-tilbage/slettet"),
        _ => {
            let errors = [FieldError::new("code", lang.t("withdraw-error"))];
            html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::withdraw_page(lang, &csrf, &input.code, &errors),
            )
        }
    })
}

pub(super) async fn get_withdrawn(lang: Lang) -> HttpResponse {
    html_response(views::withdrawn_page(lang))
}
