//! What staff see of a workshop's survey as participants do: the answers so far, and a
//! preview of the question pages.

use std::rc::Rc;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::{Staff, StaffContext};
use crate::db::events::latest_of_workshop;
use crate::db::{DbConnection, WorkshopId};
use crate::error::AppError;
use crate::participant::store::{Answer, Progress};
use crate::participant::{store, views};
use crate::survey::{self, Question, Workshop};
use crate::web::layout::html_response;
use crate::web::live::{event_stream, Drawn, Hub};

/// What the answers page shows, with the newest event id read before it.
type Drawing = (i64, Workshop, Vec<Question>, Vec<(Answer, i32)>, Progress);

fn read(conn: &mut DbConnection, id: &WorkshopId) -> Result<Drawing, AppError> {
    let since = latest_of_workshop(conn, id)?;
    let (w, qs) = survey::workshop_with_questions(conn, id)?.ok_or(AppError::NotFound)?;
    let answers = store::workshop_answers(conn, &w.id)?;
    let progress = store::progress(conn, &w.id)?;
    Ok((since, w, qs, answers, progress))
}

/// Every answer of a workshop, by question.
pub(super) async fn get_answers(
    cx: StaffContext<Staff>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let (since, w, questions, answers, progress) = cx.db.run(move |conn| read(conn, &id)).await?;
    crate::audit::answers_read(&cx.db, cx.staff().id(), &w.id).await?;
    let page = views::answers_page(
        cx.lang,
        &cx.who,
        &cx.csrf,
        (&w, &questions),
        &answers,
        (progress, since),
    );
    Ok(html_response(page))
}

/// The answers page's event stream: its live part drawn afresh after each change.
pub(super) async fn get_answers_events(
    req: HttpRequest, cx: StaffContext<Staff>, hub: web::Data<Hub>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let workshop = {
        let id = id.clone();
        cx.db.find(move |conn| survey::find_workshop(conn, &id)).await?.id
    };
    let (db, lang, editor) = (cx.db.clone(), cx.lang, cx.staff().role().can_edit());
    let draw: crate::web::live::Draw = Rc::new(move || {
        let (db, id) = (db.clone(), id.clone());
        Box::pin(async move {
            let (since, _, questions, answers, progress) =
                db.run(move |conn| read(conn, &id)).await?;
            let html = views::answers_live(lang, &questions, &answers, (progress, editor));
            Ok(Some(Drawn { id: since, html: html.into_string() }))
        })
    });
    event_stream(&req, &hub.into_inner(), vec![workshop], draw)
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
