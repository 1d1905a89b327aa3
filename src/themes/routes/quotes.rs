//! Quotes: proposing an answer (or an excerpt) as a quote, the topic's quote list, editing,
//! approving and deleting. Only approved quotes ever leave the board.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::{self, Action};
use crate::auth::{Editor, Staff};
use crate::db::{AnswerId, Db, QuoteId, TopicId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey;
use crate::text::QuoteText;
use crate::themes::store::{self, BoardAnswer, Conflict};
use crate::themes::views;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

/// A free-text answer on a board, and its topic.
async fn answer_on_board(db: &Db, id: AnswerId) -> Result<(BoardAnswer, TopicId), AppError> {
    db.run(move |conn| store::board_answer(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
}

pub(super) async fn get_quote_form(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<AnswerId>,
) -> Result<HttpResponse, AppError> {
    let (answer, topic) = answer_on_board(&db, id.into_inner()).await?;
    Ok(html_response(views::quote_form(
        lang,
        &editor,
        &csrf,
        &answer,
        &topic,
        &[],
    )))
}

#[derive(Deserialize)]
pub(super) struct QuoteInput {
    #[serde(default)]
    text: String,
    version: Option<i32>,
}

/// The topic's quotes page.
fn quotes_url(topic: &TopicId) -> String {
    format!("/staff/topics/{topic}/quotes")
}

pub(super) async fn post_quote(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<AnswerId>,
    Form(input): Form<QuoteInput>,
) -> Result<HttpResponse, AppError> {
    let (answer, topic) = answer_on_board(&db, id.into_inner()).await?;
    let Some(text) = QuoteText::parse_non_empty(&input.text) else {
        let errors = [FieldError::new("text", lang.t("quote-error"))];
        let page = views::quote_form(lang, &editor, &csrf, &answer, &topic, &errors);
        return Ok(html_status(StatusCode::UNPROCESSABLE_ENTITY, page));
    };
    let by = editor.id().clone();
    audit::change(&db, editor.id(), move |conn, trail| {
        let id = store::create_quote(conn, &answer.id, &text, &answer.value, Some(&by))?;
        trail.record(Action::QuoteCreate, &id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_with(&quotes_url(&topic), Notice::QuoteSaved))
}

pub(super) async fn get_quotes(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<TopicId>,
    done: Done,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (topic, quotes) = db
        .run(move |conn| {
            let topic = survey::find_topic(conn, &id)?.ok_or(AppError::NotFound)?;
            let quotes = store::list_quotes(conn, &topic.id)?;
            Ok::<_, AppError>((topic, quotes))
        })
        .await?;
    Ok(html_response(views::quotes_page(
        lang,
        &staff,
        &csrf,
        &topic,
        &quotes,
        done.message(lang),
    )))
}

/// A quote's id and its topic.
async fn quote_topic(db: &Db, id: QuoteId) -> Result<(QuoteId, TopicId), AppError> {
    db.run(move |conn| {
        let topic = store::topic_of_quote(conn, &id)?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((id, topic))
    })
    .await
}

/// Back to the quotes, saying what happened: saved, or someone else changed it first.
fn after(topic: &TopicId, result: Result<(), Conflict>) -> HttpResponse {
    let notice = match result {
        Ok(()) => Notice::QuoteSaved,
        Err(Conflict) => Notice::Conflict,
    };
    see_other_with(&quotes_url(topic), notice)
}

/// Edits a quote's text; it must be approved again.
pub(super) async fn post_edit(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuoteId>,
    Form(input): Form<QuoteInput>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = quote_topic(&db, id.into_inner()).await?;
    let text = QuoteText::parse_non_empty(&input.text).ok_or(AppError::BadRequest("quote text"))?;
    let version = input.version.ok_or(AppError::BadRequest("version"))?;
    let result = audit::change(&db, editor.id(), move |conn, trail| {
        let r = store::update_quote(conn, &id, &text, version)?;
        if r.is_ok() {
            trail.record(Action::QuoteUpdate, &id, "");
        }
        Ok(r)
    })
    .await?;
    Ok(after(&topic, result))
}

#[derive(Deserialize)]
pub(super) struct ApproveInput {
    approved: String,
    version: i32,
}

/// Approves a quote for the report, or takes the approval back.
pub(super) async fn post_approve(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuoteId>,
    Form(input): Form<ApproveInput>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = quote_topic(&db, id.into_inner()).await?;
    let approved = input.approved == "1";
    let result = audit::change(&db, editor.id(), move |conn, trail| {
        let r = store::set_quote_approved(conn, &id, approved, input.version)?;
        if r.is_ok() {
            let action = if approved {
                Action::QuoteApprove
            } else {
                Action::QuoteUnapprove
            };
            trail.record(action, &id, "");
        }
        Ok(r)
    })
    .await?;
    Ok(after(&topic, result))
}

pub(super) async fn post_delete(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuoteId>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = quote_topic(&db, id.into_inner()).await?;
    audit::change(&db, editor.id(), move |conn, trail| {
        store::delete_quote(conn, &id)?;
        trail.record(Action::QuoteDelete, &id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_with(&quotes_url(&topic), Notice::QuoteSaved))
}
