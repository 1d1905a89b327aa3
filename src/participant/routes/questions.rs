//! `/j/{code}/q/{position}`: one question per page, and saving its answer.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::context::{AnsweringVisit, Visit};
use crate::db::QuestionId;
use crate::error::AppError;
use crate::participant::domain::{
    parse_answer, AnswerInput, AnswerProblem, AnswerValue, ChoiceValue, QuestionRules,
    SubmissionKey, OTHER_KEY,
};
use crate::participant::store::{self, Answer, NewAnswer};
use crate::participant::views::{self, OTHER_TEXT_ID};
use crate::survey::{Question, QuestionKind};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, FieldError};
use crate::web::Form;

#[derive(Deserialize)]
pub(super) struct QuestionQuery {
    ret: Option<String>,
}

pub(super) async fn get_question(
    ctx: Visit, csrf: CsrfToken, path: web::Path<(String, i32)>, query: web::Query<QuestionQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, position) = path.into_inner();
    if ctx.participant.is_none() {
        return Ok(ctx.to_start());
    }
    let question = ctx.question_at(position).ok_or(AppError::NotFound)?;
    let saved = ctx.answer_to(&question.id).filter(|a| !a.declined);
    let (answer, chosen, other) = saved_values(question, saved);
    let view = views::QuestionView {
        workshop: &ctx.workshop,
        question,
        total: ctx.questions.len(),
        answer: answer.as_deref(),
        chosen,
        other: other.as_deref(),
        submission_key: SubmissionKey::generate().as_str().to_owned(),
        back_to_check: query.ret.as_deref() == Some("check"),
        easy_read: ctx.easy_read,
        errors: &[],
        preview: false,
        translations: &ctx.translations,
    };
    Ok(html_response(views::question_page(ctx.lang, &csrf, &view)))
}

/// The form values that show a saved answer again.
fn saved_values(
    question: &Question, saved: Option<&Answer>,
) -> (Option<String>, Vec<String>, Option<String>) {
    let Some(a) = saved else {
        return (None, Vec::new(), None);
    };
    if !question.kind.has_options() {
        return (Some(a.value.clone()), Vec::new(), None);
    }
    let value: ChoiceValue =
        serde_json::from_str(&a.value).unwrap_or(ChoiceValue { choices: vec![], other: None });
    let mut chosen = value.choices.clone();
    if value.other.is_some() {
        chosen.push(OTHER_KEY.to_owned());
    }
    (chosen.first().cloned(), chosen, value.other)
}

#[derive(Deserialize)]
pub(super) struct QuestionPost {
    submission_key: Option<String>,
    question_id: QuestionId,
    action: Option<String>,
    ret: Option<String>,
    answer: Option<String>,
    #[serde(default)]
    choice: Vec<String>,
    other: Option<String>,
}

impl QuestionPost {
    /// The answer to `question`: "Vil ikke svare", or what was posted, checked.
    fn value(&self, question: &Question) -> Result<AnswerValue, AnswerProblem> {
        if self.action.as_deref() == Some("decline") {
            return Ok(AnswerValue::Declined);
        }
        let rules = QuestionRules {
            kind: question.kind,
            options: question.options(),
            allow_other: question.allow_other,
            required: question.required,
        };
        let input = AnswerInput {
            answer: self.answer.clone(),
            choice: self.choice.clone(),
            other: self.other.clone(),
        };
        parse_answer(&rules, &input)
    }

    /// Where to go after saving: back to the check page, or the next question.
    fn next(&self, ctx: &Visit, question: &Question) -> String {
        let code = &ctx.workshop.join_code;
        let next = ctx.questions.iter().find(|q| q.position > question.position);
        match next {
            Some(q) if self.ret.as_deref() != Some("check") => {
                format!("/j/{code}/q/{}", q.position)
            }
            _ => format!("/j/{code}/check"),
        }
    }
}

pub(super) async fn post_question(
    AnsweringVisit(ctx): AnsweringVisit, csrf: CsrfToken, Form(post): Form<QuestionPost>,
) -> Result<HttpResponse, AppError> {
    let key = post
        .submission_key
        .as_deref()
        .and_then(SubmissionKey::parse)
        .ok_or(AppError::BadRequest("missing submission key"))?;
    // The question they saw, even if the survey was reordered since.
    let question = ctx
        .questions
        .iter()
        .find(|q| q.id == post.question_id)
        .ok_or(AppError::BadRequest("question of another workshop"))?;
    let Some((participant, _)) = &ctx.participant else {
        return Ok(ctx.to_start());
    };
    let value = match post.value(question) {
        Ok(value) => value,
        Err(problem) => return again(&csrf, &ctx, question, &post, problem),
    };
    let (participant, question_id) = (participant.id.clone(), question.id.clone());
    let workshop = ctx.workshop.id.clone();
    ctx.db
        .write(move |conn| {
            let answer =
                NewAnswer::from_participant(&participant, &question_id, &value, key.as_str());
            if store::save_answer(conn, &answer)? == store::Saved::New {
                crate::db::events::record_change(conn, &workshop)?;
            }
            Ok::<_, AppError>(())
        })
        .await?;
    Ok(see_other(&post.next(&ctx, question)))
}

/// The input an error's summary link leads to: the text box; for choices the first option,
/// or "Andet" and its words when those are the problem.
fn error_target(question: &Question, problem: AnswerProblem) -> &'static str {
    match (question.kind, problem) {
        (QuestionKind::ShortText | QuestionKind::LongText, _) => "answer",
        (_, AnswerProblem::OtherMissing | AnswerProblem::Text(_)) => OTHER_TEXT_ID,
        (_, AnswerProblem::OtherConflict) => "answer-other",
        (QuestionKind::YesNo, _) => "answer-yes",
        _ => "answer-1",
    }
}

/// The question again with the problem and what was typed (422).
fn again(
    csrf: &CsrfToken, ctx: &Visit, question: &Question, post: &QuestionPost, problem: AnswerProblem,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let errors = [FieldError::new(error_target(question, problem), problem.message(lang)?)];
    let mut chosen = post.choice.clone();
    chosen.extend(post.answer.clone());
    let view = views::QuestionView {
        workshop: &ctx.workshop,
        question,
        total: ctx.questions.len(),
        answer: post.answer.as_deref(),
        chosen,
        other: post.other.as_deref(),
        submission_key: SubmissionKey::generate().as_str().to_owned(),
        back_to_check: post.ret.as_deref() == Some("check"),
        easy_read: ctx.easy_read,
        errors: &errors,
        preview: false,
        translations: &ctx.translations,
    };
    Ok(html_status(StatusCode::UNPROCESSABLE_ENTITY, views::question_page(lang, csrf, &view)))
}
