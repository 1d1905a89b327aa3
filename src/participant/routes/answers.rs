//! What staff see of a workshop's survey as participants do: the answers so far, and a
//! preview of the question pages.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::{Staff, StaffContext};
use crate::db::WorkshopId;
use crate::error::AppError;
use crate::participant::{store, views};
use crate::survey;
use crate::web::layout::html_response;

/// Every answer of a workshop, by question.
pub(super) async fn get_answers(
    cx: StaffContext<Staff>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let (w, questions, answers, progress) = cx
        .db
        .run(move |conn| {
            let (w, qs) = survey::workshop_with_questions(conn, &id)?.ok_or(AppError::NotFound)?;
            let answers = store::workshop_answers(conn, &w.id)?;
            let progress = store::progress(conn, &w.id)?;
            Ok::<_, AppError>((w, qs, answers, progress))
        })
        .await?;
    let page =
        views::answers_page(cx.lang, &cx.who, &cx.csrf, (&w, &questions), &answers, progress);
    Ok(html_response(page))
}

#[derive(Deserialize)]
pub(super) struct PreviewQuery {
    n: Option<i32>,
}

/// Question `n` as a participant with the page's language would see it; the form does not
/// post.
pub(super) async fn get_preview(
    cx: StaffContext<Staff>, id: web::Path<WorkshopId>, query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = cx.lang;
    let (w, questions, tr) = cx
        .db
        .run(move |conn| {
            let (w, qs) = survey::workshop_with_questions(conn, &id)?.ok_or(AppError::NotFound)?;
            Ok::<_, AppError>(survey::localized_survey(conn, &w, &qs, lang)?)
        })
        .await?;
    let n = query.n.unwrap_or(1);
    let question = questions.iter().find(|q| q.position == n).ok_or(AppError::NotFound)?;
    let view = views::QuestionView {
        workshop: &w,
        question,
        total: questions.len(),
        answer: None,
        chosen: Vec::new(),
        other: None,
        submission_key: String::new(),
        back_to_check: false,
        easy_read: false,
        errors: &[],
        preview: true,
        translations: &tr,
    };
    Ok(html_response(views::question_page(lang, &cx.csrf, &view)))
}
