//! `/trak-tilbage`: taking one's answers back with the withdrawal code from the thank-you page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::normalise_withdrawal_code;
use crate::participant::{store, views};
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
}

pub(super) async fn post_withdraw(
    req: HttpRequest, lang: Lang, csrf: CsrfToken, db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>, Form(input): Form<WithdrawInput>,
) -> Result<HttpResponse, AppError> {
    let client = throttle::key("withdraw-client", &client_ip(&req, &settings));
    let code = normalise_withdrawal_code(&input.code);
    let deleted = db
        .run(move |conn| {
            if let Some(retry_after) = throttle::blocked_for(conn, &client, WITHDRAW_LIMIT)? {
                return Err(AppError::TooManyRequests { retry_after });
            }
            let deleted = match &code {
                Some(code) => store::withdraw(conn, code)?,
                None => false,
            };
            if !deleted {
                throttle::record_failure(conn, &client, WITHDRAW_LIMIT.window)?;
            }
            Ok(deleted)
        })
        .await?;
    if deleted {
        return Ok(see_other("/trak-tilbage/slettet"));
    }
    let errors = [FieldError::new("code", lang.t("withdraw-error"))];
    Ok(html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::withdraw_page(lang, &csrf, &input.code, &errors),
    ))
}

pub(super) async fn get_withdrawn(lang: Lang) -> HttpResponse {
    html_response(views::withdrawn_page(lang))
}
