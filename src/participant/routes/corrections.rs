//! `/staff/answers/{id}/correct`: putting right, or deleting, an answer a facilitator entered
//! (said aloud, written down, pasted from notes), with the reason kept in the audit trail. A
//! participant's own words are never changed here (404).

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::AnswerId;
use crate::error::AppError;
use crate::participant::domain::AnswerText;
use crate::participant::store::{self, Answer};
use crate::participant::views;
use crate::survey::{self, Question, Workshop};
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// The longest reason kept.
const MAX_REASON: usize = 500;

/// The entered answer, its question and workshop.
async fn load(
    cx: &StaffContext<Editor>, id: AnswerId,
) -> Result<(Answer, Question, Workshop), AppError> {
    cx.db
        .run(move |conn| {
            let answer = store::entered_text_answer(conn, &id)?.ok_or(AppError::NotFound)?;
            let (question, workshop) = survey::question_with_workshop(conn, &answer.question_id)?
                .ok_or(AppError::NotFound)?;
            Ok::<_, AppError>((answer, question, workshop))
        })
        .await
}

pub(super) async fn get_correct(
    cx: StaffContext<Editor>, id: web::Path<AnswerId>,
) -> Result<HttpResponse, AppError> {
    let (a, q, w) = load(&cx, id.into_inner()).await?;
    crate::audit::answers_read(&cx.db, cx.staff().id(), &w.id).await?;
    let page =
        views::correct_page(cx.lang, cx.staff(), &cx.csrf, (&w, &q, &a), (&a.value, ""), &[]);
    Ok(form_response(&[], page))
}

#[derive(Deserialize)]
pub(super) struct CorrectInput {
    #[serde(default)]
    value: String,
    #[serde(default)]
    reason: String,
    action: Option<String>,
}

/// Saves the corrected words, or deletes the answer ("delete"); either needs a reason (422
/// without one, nothing changed).
pub(super) async fn post_correct(
    cx: StaffContext<Editor>, id: web::Path<AnswerId>, Form(input): Form<CorrectInput>,
) -> Result<HttpResponse, AppError> {
    let (a, q, w) = load(&cx, id.into_inner()).await?;
    let delete = input.action.as_deref() == Some("delete");
    let reason: String = input.reason.trim().chars().take(MAX_REASON).collect();
    let text = AnswerText::parse(&input.value).ok().filter(|t| !t.as_str().trim().is_empty());
    let mut errors = Vec::new();
    if !delete && text.is_none() {
        errors.push(FieldError::new("value", cx.lang.t("correct-value-missing")));
    }
    if reason.is_empty() || reason.chars().any(char::is_control) {
        errors.push(FieldError::new("reason", cx.lang.t("correct-reason-missing")));
    }
    if !errors.is_empty() {
        let typed = (input.value.as_str(), input.reason.as_str());
        let page = views::correct_page(cx.lang, cx.staff(), &cx.csrf, (&w, &q, &a), typed, &errors);
        return Ok(form_response(&errors, page));
    }
    let (answer, workshop) = (a.id.clone(), w.id.clone());
    cx.change(move |conn, trail| {
        if delete {
            store::delete_entered_answer(conn, &answer)?;
            trail.record(Action::AnswerDelete, &answer, reason);
        } else if let Some(text) = &text {
            store::correct_answer(conn, &answer, text)?;
            trail.record(Action::AnswerCorrect, &answer, reason);
        }
        crate::db::events::record_change(conn, &workshop)?;
        Ok(())
    })
    .await?;
    let notice = if delete { Notice::AnswerDeleted } else { Notice::AnswerCorrected };
    Ok(see_other_with(&format!("/staff/workshops/{}/answers", w.id), notice))
}
