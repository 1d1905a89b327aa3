//! Coming in: the front page's code form, `/j/{code}` (the start page a QR code opens),
//! saying yes, and the QR code itself.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::context::{participant_cookie, workshop_for, Visit};
use crate::config::RuntimeSettings;
use crate::db::events::record_change;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::{Source, StartToken};
use crate::participant::{store, views};
use crate::survey::{self, JoinCode};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, see_other_setting, FieldError};
use crate::web::notice::{Done, Notice};
use crate::web::Form;

/// `/`: the front page.
pub(super) async fn get_home(lang: Lang) -> HttpResponse {
    html_response(views::home_page(lang, "", &[]))
}

#[derive(Deserialize)]
pub(super) struct CodeQuery {
    code: Option<String>,
}

/// The code form again, with what was typed and why it leads nowhere: never a dead end. A
/// malformed code is 422, an unknown (or draft) one 404, a closed workshop's 410; other
/// errors (too many wrong codes, the database) stay errors.
fn code_problem(lang: Lang, typed: &str, problem: AppError) -> Result<HttpResponse, AppError> {
    let (status, key) = match problem {
        AppError::BadRequest(_) => (StatusCode::UNPROCESSABLE_ENTITY, "code-error"),
        AppError::NotFound => (StatusCode::NOT_FOUND, "code-error-unknown"),
        AppError::Gone => (StatusCode::GONE, "code-error-closed"),
        other => return Err(other),
    };
    let errors = [FieldError::new("code", lang.t(key))];
    Ok(html_status(status, views::home_page(lang, typed, &errors)))
}

/// `GET /j?code=…`: the front page's form. An open workshop's code leads to its start page;
/// any other code shows the form again with the code as typed.
pub(super) async fn get_code(
    req: HttpRequest, lang: Lang, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
    query: web::Query<CodeQuery>,
) -> Result<HttpResponse, AppError> {
    // Plain `/j` (a printed short address, or a bookmark): the form, without an error.
    let Some(typed) = query.code.as_deref() else {
        return Ok(html_response(views::home_page(lang, "", &[])));
    };
    let Some(code) = JoinCode::parse(typed) else {
        return code_problem(lang, typed, AppError::BadRequest("malformed code"));
    };
    match workshop_for(&req, &db, &settings, code.as_str()).await {
        Ok(w) => Ok(see_other(&format!("/j/{}", w.join_code))),
        Err(problem) => code_problem(lang, typed, problem),
    }
}

/// `/j/{code}`: the start page, or for a code that leads nowhere the code form with it. After
/// sending their answers a person who scans again is told so and offered to change them.
pub(super) async fn get_start(
    visit: Result<Visit, AppError>, lang: Lang, csrf: CsrfToken, code: web::Path<String>,
    done: Done,
) -> Result<HttpResponse, AppError> {
    let visit = match visit {
        Ok(visit) => visit,
        Err(problem) => return code_problem(lang, &code, problem),
    };
    let state = views::StartState {
        resume: visit.participant.as_ref().map(|_| visit.next_stop()),
        finished: visit.finished(),
        cleared: done.0 == Some(Notice::PhoneCleared),
        start_token: StartToken::generate().into_string(),
    };
    let count = visit.questions.len();
    let page =
        views::start_page(visit.lang, &csrf, &visit.workshop, count, &state, &visit.translations);
    Ok(html_response(page))
}

#[derive(Deserialize)]
pub(super) struct StartInput {
    start_token: String,
}

/// "Ja, jeg vil gerne svare": the start token becomes the participant's secret (a double tap
/// finds the same participant), kept in a cookie for this workshop's pages.
pub(super) async fn post_start(
    visit: Visit, settings: web::Data<RuntimeSettings>, Form(input): Form<StartInput>,
) -> Result<HttpResponse, AppError> {
    if visit.participant.is_some() {
        return Ok(see_other(&visit.next_stop()));
    }
    let token =
        StartToken::parse(&input.start_token).ok_or(AppError::BadRequest("bad start token"))?;
    let (workshop, secret, lang) = (visit.workshop.id.clone(), token.clone(), visit.lang);
    visit
        .db
        .write(move |conn| {
            let p = store::join(conn, &workshop, secret.as_str(), Source::Phone)?;
            store::set_language(conn, &p.id, lang.code())?;
            record_change(conn, &workshop)
        })
        .await
        .map_err(|e| match e {
            AppError::Database(diesel::result::Error::NotFound) => {
                AppError::BadRequest("token of another workshop")
            }
            other => other,
        })?;
    let code = &visit.workshop.join_code;
    let first = visit.questions.first().map_or(1, |q| q.position);
    let cookie = participant_cookie(&settings, code, token.into_string());
    Ok(see_other_setting(&format!("/j/{code}/q/{first}"), cookie))
}

/// `GET /j/{code}/qr.svg`: the join URL as a QR code (error correction M, with quiet zone).
/// It tells as much about a code as `/j/{code}` does, so it is found, counted and paced the
/// same way: a draft's code is 404 like an unknown one, a closed workshop's 410.
pub(super) async fn get_qr(
    req: HttpRequest, settings: web::Data<RuntimeSettings>, db: web::Data<Db>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let workshop = workshop_for(&req, &db, &settings, &code).await?;
    let svg = survey::qr::join_qr_svg(&settings.join_url(&workshop.join_code))?;
    Ok(HttpResponse::Ok().content_type("image/svg+xml").body(svg))
}
