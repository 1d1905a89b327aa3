//! The end of the journey: checking the answers, sending them, the thank-you page, and
//! "Ryd telefonen" so the next person starts fresh.

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use super::context::{participant_cookie, Visit};
use crate::config::RuntimeSettings;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::withdrawal_code;
use crate::participant::store::{self, Answer};
use crate::participant::views;
use crate::survey::{JoinCode, Question};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{form_response, html_response, see_other, see_other_setting, FieldError};
use crate::web::notice::{with_notice, Notice};

fn check_rows(ctx: &Visit) -> Vec<(&Question, Option<&Answer>)> {
    ctx.questions.iter().map(|q| (q, ctx.answer_to(&q.id))).collect()
}

/// The check page, with errors (422) or without.
fn check_page(csrf: &CsrfToken, ctx: &Visit, errors: &[FieldError]) -> HttpResponse {
    let page = views::check_page(
        ctx.lang,
        csrf,
        &ctx.workshop,
        &check_rows(ctx),
        &ctx.translations,
        errors,
    );
    form_response(errors, page)
}

pub(super) async fn get_check(ctx: Visit, csrf: CsrfToken) -> Result<HttpResponse, AppError> {
    if ctx.participant.is_none() {
        return Ok(ctx.to_start());
    }
    Ok(check_page(&csrf, &ctx, &[]))
}

/// Sends the answers: every required question must be answered or declined first.
pub(super) async fn post_finish(ctx: Visit, csrf: CsrfToken) -> Result<HttpResponse, AppError> {
    let Some((participant, token)) = &ctx.participant else {
        return Ok(ctx.to_start());
    };
    let missing: Vec<FieldError> = ctx
        .questions
        .iter()
        .filter(|q| q.required && ctx.answer_to(&q.id).is_none())
        .map(|q| {
            let message =
                ctx.lang.t_args("check-missing", &[("question", q.prompt.as_str().into())]);
            FieldError::new("", message)
        })
        .collect();
    if !missing.is_empty() {
        return Ok(check_page(&csrf, &ctx, &missing));
    }
    let (id, withdrawal) = (participant.id.clone(), withdrawal_code(token));
    let workshop = ctx.workshop.id.clone();
    ctx.db
        .write(move |conn| {
            store::finish(conn, &id, &withdrawal)?;
            crate::db::events::record_change(conn, &workshop)
        })
        .await?;
    Ok(see_other(&format!("/j/{}/tak", ctx.workshop.join_code)))
}

pub(super) async fn get_thanks(ctx: Visit) -> Result<HttpResponse, AppError> {
    match &ctx.participant {
        Some((p, token)) if p.finished_at.is_some() => {
            let workshop = ctx.workshop.id.clone();
            let round_open = ctx
                .db
                .run(move |conn| crate::room::latest_round(conn, &workshop))
                .await?
                .is_some_and(|(round, _)| round.closed_at.is_none());
            let code = withdrawal_code(token);
            Ok(html_response(views::thanks_page(ctx.lang, &ctx.workshop, &code, round_open)))
        }
        Some(_) => Ok(see_other(&format!("/j/{}/check", ctx.workshop.join_code))),
        None => Ok(ctx.to_start()),
    }
}

/// `GET /j/{code}/ryd`: asks once before clearing the phone. It needs no participant and no
/// open workshop: a shared phone can always be cleared.
pub(super) async fn get_clear(
    lang: Lang, csrf: CsrfToken, code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = JoinCode::parse(&code).ok_or(AppError::NotFound)?;
    Ok(html_response(views::clear_page(lang, &csrf, code.as_str())))
}

/// "Ryd telefonen", confirmed: forget this phone's participant, so the next person starts
/// fresh; the start page then says the phone was cleared.
pub(super) async fn post_clear(
    settings: web::Data<RuntimeSettings>, code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = JoinCode::parse(&code).ok_or(AppError::NotFound)?;
    let mut removal = participant_cookie(&settings, code.as_str(), String::new());
    removal.make_removal();
    let start = with_notice(&format!("/j/{}", code.as_str()), Notice::PhoneCleared);
    let mut res = see_other_setting(&start, removal);
    res.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        header::HeaderValue::from_static("\"cookies\", \"storage\""),
    );
    Ok(res)
}
