//! Quotes: proposing an answer (or an excerpt) as a quote, the topic's quote list, editing,
//! approving and deleting. Only approved quotes ever leave the board.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::{self, Action};
use crate::auth::{Editor, Staff, StaffContext};
use crate::db::{AnswerId, QuoteId, TopicId, UndoStepId};
use crate::error::AppError;
use crate::survey;
use crate::text::QuoteText;
use crate::themes::domain::QuoteStatus;
use crate::themes::store::{self, undo, BoardAnswer, Conflict};
use crate::themes::views;
use crate::web::layout::{form_response, html_response, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

/// The quote form of a free-text answer on a board, fresh (200) or with errors (422).
fn form(
    cx: &StaffContext<Editor>, (answer, topic): &(BoardAnswer, TopicId), errors: &[FieldError],
) -> HttpResponse {
    let page = views::quote_form(cx.lang, cx.staff(), &cx.csrf, answer, topic, errors);
    form_response(errors, page)
}

pub(super) async fn get_quote_form(
    cx: StaffContext<Editor>, id: web::Path<AnswerId>,
) -> Result<HttpResponse, AppError> {
    let found = cx.db.find(move |conn| store::board_answer(conn, &id)).await?;
    audit::answers_read(&cx.db, cx.staff().id(), &found.1).await?;
    Ok(form(&cx, &found, &[]))
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
    cx: StaffContext<Editor>, id: web::Path<AnswerId>, Form(input): Form<QuoteInput>,
) -> Result<HttpResponse, AppError> {
    let found = cx.db.find(move |conn| store::board_answer(conn, &id)).await?;
    let Some(text) = QuoteText::parse_non_empty(&input.text) else {
        let errors = [FieldError::new("text", cx.lang.t("quote-error"))];
        return Ok(form(&cx, &found, &errors));
    };
    let ((answer, topic), by) = (found, cx.staff().id().clone());
    cx.change(move |conn, trail| {
        let id =
            store::create_quote(conn, &answer.id, &text, Some(&by))?.ok_or(AppError::NotFound)?;
        trail.record(Action::QuoteCreate, &id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_with(&quotes_url(&topic), Notice::QuoteSaved))
}

/// `?undo=`: the approval just made, to offer undoing.
#[derive(Deserialize)]
pub(super) struct UndoOffer {
    undo: Option<UndoStepId>,
}

pub(super) async fn get_quotes(
    cx: StaffContext<Staff>, id: web::Path<TopicId>, done: Done, offer: web::Query<UndoOffer>,
) -> Result<HttpResponse, AppError> {
    let (topic, quotes) = topic_quotes(&cx.db, id.into_inner()).await?;
    audit::answers_read(&cx.db, cx.staff().id(), &topic.id).await?;
    let step = match offer.into_inner().undo {
        Some(id) => cx.db.run(move |conn| undo::find_step(conn, &id)).await?,
        None => None,
    };
    // Offered to the person who approved, on this topic, while it is not undone.
    let step = step.filter(|s| {
        s.topic_id == topic.id
            && s.undone_at.is_none()
            && s.user_id.as_ref() == Some(cx.staff().id())
    });
    let notice = done.message(cx.lang);
    let page = views::quotes_page(
        cx.lang,
        &cx.who,
        &cx.csrf,
        (&topic, &quotes),
        (notice, step.as_ref()),
        &[],
    );
    Ok(html_response(page))
}

/// A topic and its quotes, newest first.
async fn topic_quotes(
    db: &crate::db::Db, id: TopicId,
) -> Result<(survey::Topic, Vec<store::QuoteRow>), AppError> {
    db.run(move |conn| {
        let topic = survey::find_topic(conn, &id)?.ok_or(AppError::NotFound)?;
        let quotes = store::list_quotes(conn, &topic.id)?;
        Ok::<_, AppError>((topic, quotes))
    })
    .await
}

/// A quote's id and its topic.
async fn quote_topic(
    cx: &StaffContext<Editor>, id: web::Path<QuoteId>,
) -> Result<(QuoteId, TopicId), AppError> {
    let id = id.into_inner();
    let lookup = id.clone();
    let topic = cx.db.find(move |conn| store::topic_of_quote(conn, &lookup)).await?;
    Ok((id, topic))
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
    cx: StaffContext<Editor>, id: web::Path<QuoteId>, Form(input): Form<QuoteInput>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = quote_topic(&cx, id).await?;
    let text = QuoteText::parse_non_empty(&input.text).ok_or(AppError::BadRequest("quote text"))?;
    let version = input.version.ok_or(AppError::BadRequest("version"))?;
    let what = (Action::QuoteUpdate, id.to_string(), String::new());
    let save = move |conn: &mut _| store::update_quote(conn, &id, &text, version);
    let result = super::save_versioned(&cx, what, save).await?;
    Ok(after(&topic, result))
}

#[derive(Deserialize)]
pub(super) struct ApproveInput {
    approved: String,
    version: i32,
    /// Why the text is safe although it looks like it holds personal data.
    safe_reason: Option<String>,
}

/// Approves a quote for the report, or takes the approval back. A text that looks like it
/// holds personal data (a name, a phone number…) is approved only with a reason why it is safe;
/// without one the page comes back (422) and nothing changes.
pub(super) async fn post_approve(
    cx: StaffContext<Editor>, id: web::Path<QuoteId>, Form(input): Form<ApproveInput>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = quote_topic(&cx, id).await?;
    let approved = input.approved == "1";
    let reason = input.safe_reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    let reason = reason.map(|r| r.chars().take(MAX_REASON).collect::<String>());
    if approved && reason.is_none() {
        let (check, version) = (id.clone(), input.version);
        let flags =
            cx.db.run(move |conn| store::approval_needs_reason(conn, &check, version)).await?;
        if let Some(kinds) = flags.filter(|k| !k.is_empty()) {
            return refused(&cx, topic, &id, &kinds).await;
        }
    }
    let action = if approved { Action::QuoteApprove } else { Action::QuoteUnapprove };
    let (by, t) = (cx.staff().id().clone(), topic.clone());
    let (result, step) = cx
        .change(move |conn, trail| {
            let before = store::quote_state(conn, &id)?.ok_or(AppError::NotFound)?;
            let saved =
                store::set_quote_approved(conn, &id, approved, input.version, reason.as_deref())?;
            if saved.is_err() {
                return Ok((saved, None));
            }
            trail.record(action, id.to_string(), reason.clone().unwrap_or_default());
            // Approving can be undone (back to what it was); taking an approval back is its
            // own undo already.
            let step = if approved && before.0 != QuoteStatus::Approved {
                let restore = undo::Restore::quote(id.clone(), before.0, before.1);
                undo::record(conn, &t, Some(&by), ("approve", ""), &restore)?
            } else {
                None
            };
            Ok((saved, step))
        })
        .await?;
    let notice = if result.is_ok() { Notice::QuoteSaved } else { Notice::Conflict };
    Ok(see_other_with(&super::with_undo(&quotes_url(&topic), step.as_ref()), notice))
}

/// The longest reason kept (a sentence or two).
const MAX_REASON: usize = 500;

/// The quotes page again (422), asking why the flagged text is safe.
async fn refused(
    cx: &StaffContext<Editor>, topic: TopicId, quote: &QuoteId,
    kinds: &[crate::themes::pii::PiiKind],
) -> Result<HttpResponse, AppError> {
    let (topic, quotes) = topic_quotes(&cx.db, topic).await?;
    // Mid-sentence: "(muligt navn, e-mailadresse)".
    let found: Vec<String> = kinds
        .iter()
        .map(|k| {
            let label = cx.lang.t(k.label_key());
            let mut chars = label.chars();
            chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect();
    let message = cx.lang.t_args("quote-needs-reason", &[("found", found.join(", ").into())]);
    let errors = [FieldError::new(views::reason_field_id(quote), message)];
    let page =
        views::quotes_page(cx.lang, cx.staff(), &cx.csrf, (&topic, &quotes), (None, None), &errors);
    Ok(form_response(&errors, page))
}

pub(super) async fn post_delete(
    cx: StaffContext<Editor>, id: web::Path<QuoteId>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = quote_topic(&cx, id).await?;
    let detail = audit::names(&[("topic", topic.as_str())]);
    cx.change(move |conn, trail| {
        store::delete_quote(conn, &id)?;
        trail.record(Action::QuoteDelete, &id, detail);
        Ok(())
    })
    .await?;
    Ok(see_other_with(&quotes_url(&topic), Notice::QuoteSaved))
}
