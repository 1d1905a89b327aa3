//! `/staff/topics/{id}/board`: the topic's answers and themes side by side, and assigning
//! answers to themes.

use std::collections::HashMap;
use std::rc::Rc;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::audit::Action;
use crate::auth::{Editor, Signed, Staff, StaffContext};
use crate::db::types::empty_as_none;
use crate::db::{AnswerId, QuestionId, ThemeId, TopicId, WorkshopId};
use crate::error::AppError;
use crate::themes::domain::{AssignAction, Reassignment};
use crate::themes::store::{self, BoardAnswer, BoardData, Conflict};
use crate::themes::views::{self, BoardFilter};
use crate::web::layout::{html_status, FieldError};
use crate::web::live::{event_stream, Drawn, Hub};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

/// The board page with `errors` (and the matching status) as filtered by `filter`.
pub(super) fn render<R: Signed>(
    cx: &StaffContext<R>, data: &BoardData, filter: &BoardFilter,
    (status, errors, notice): (StatusCode, &[FieldError], Option<String>),
) -> HttpResponse {
    let mut themes_of: HashMap<AnswerId, Vec<ThemeId>> = HashMap::new();
    for (theme, answer) in &data.links {
        themes_of.entry(answer.clone()).or_default().push(theme.clone());
    }
    let counts = store::counts(&data.answers, &data.links);
    let view = filter.view();
    let needle =
        filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_lowercase);
    let matches = |wanted: Option<&str>, id: &str| wanted.is_none_or(|w| w.is_empty() || w == id);
    let cards: Vec<&BoardAnswer> = data
        .answers
        .iter()
        .filter(|a| match view {
            "all" => true,
            "unsorted" => !themes_of.contains_key(&a.id),
            theme => themes_of.get(&a.id).is_some_and(|ts| ts.iter().any(|t| t.as_str() == theme)),
        })
        .filter(|a| matches(filter.workshop.as_deref(), a.workshop_id.as_str()))
        .filter(|a| matches(filter.question.as_deref(), a.question_id.as_str()))
        .filter(|a| needle.as_deref().is_none_or(|n| a.value.to_lowercase().contains(n)))
        .collect();
    let mut questions: Vec<(QuestionId, String)> = Vec::new();
    for a in &data.answers {
        if !questions.iter().any(|(id, _)| id == &a.question_id) {
            questions.push((a.question_id.clone(), a.question.clone()));
        }
    }
    let board = views::Board {
        topic: &data.topic,
        workshops: &data.workshops,
        questions: &questions,
        themes: &data.themes,
        counts: &counts,
        cards: &cards,
        themes_of: &themes_of,
        key_points: &data.key_points,
        since: data.since,
        filter,
        unsorted: data.unsorted().len(),
        total: data.answers.len(),
        notice,
        errors,
    };
    html_status(status, views::board_page(cx.lang, cx.staff(), &cx.csrf, &board))
}

pub(super) async fn get_board(
    cx: StaffContext<Staff>, id: web::Path<TopicId>, filter: web::Query<BoardFilter>, done: Done,
) -> Result<HttpResponse, AppError> {
    let data = cx.db.run(move |conn| BoardData::load(conn, &id)).await?;
    let notice = done.message(cx.lang);
    Ok(render(&cx, &data, &filter, (StatusCode::OK, &[], notice)))
}

/// The board's event stream: after each change to one of the topic's workshops, how many
/// free-text answers came since the board was loaded (`?answers=` says how many it had).
pub(super) async fn get_board_events(
    req: HttpRequest, cx: StaffContext<Staff>, hub: web::Data<Hub>, id: web::Path<TopicId>,
    query: web::Query<LoadedWith>,
) -> Result<HttpResponse, AppError> {
    let topic = id.into_inner();
    let workshops: Vec<WorkshopId> = {
        let topic = topic.clone();
        cx.db
            .run(move |conn| {
                crate::survey::find_topic(conn, &topic)?.ok_or(AppError::NotFound)?;
                let all = crate::survey::workshops_of_topic(conn, &topic)?;
                Ok::<_, AppError>(all.into_iter().map(|w| w.id).collect())
            })
            .await?
    };
    let (db, lang, had, ids) = (cx.db.clone(), cx.lang, query.answers, workshops.clone());
    let draw: crate::web::live::Draw = Rc::new(move || {
        let (db, topic, ids) = (db.clone(), topic.clone(), ids.clone());
        Box::pin(async move {
            let read = topic.clone();
            let (since, now) = db
                .run(move |conn| {
                    let since = crate::db::events::latest_of_workshops(conn, &ids)?;
                    Ok::<_, AppError>((since, store::board_answers(conn, &read)?.len()))
                })
                .await?;
            let html = views::new_answers_notice(lang, &topic, now.saturating_sub(had));
            Ok(Some(Drawn { id: since, html: html.into_string() }))
        })
    });
    event_stream(&req, &hub.into_inner(), workshops, draw)
}

/// How many answers the board had when it was loaded.
#[derive(Deserialize)]
pub(super) struct LoadedWith {
    answers: usize,
}

/// The board again with one message on the field `field`: 422 for a form error, 409 when
/// someone else changed it first.
pub(super) async fn again(
    cx: &StaffContext<Editor>, topic: TopicId,
    (status, field, key): (StatusCode, &'static str, &str),
) -> Result<HttpResponse, AppError> {
    let data = cx.db.run(move |conn| BoardData::load(conn, &topic)).await?;
    let errors = [FieldError::new(field, cx.lang.t(key))];
    let filter = BoardFilter::default();
    Ok(render(cx, &data, &filter, (status, &errors, None)))
}

/// After a versioned save: `done` when it went through; when someone else changed it first,
/// the board again with 409 and a message at `field`.
pub(super) async fn done_or_conflict(
    cx: &StaffContext<Editor>, saved: Result<(), Conflict>, done: HttpResponse,
    (topic, field): (TopicId, &'static str),
) -> Result<HttpResponse, AppError> {
    match saved {
        Ok(()) => Ok(done),
        Err(Conflict) => again(cx, topic, (StatusCode::CONFLICT, field, "conflict")).await,
    }
}

/// The board to go back to after a change, checked before anything is written: `view` is
/// the unsorted pile, "all" or a theme's ID, or the request is refused (400) and changes
/// nothing.
pub(super) fn return_url(topic: &TopicId, view: Option<&str>) -> Result<String, AppError> {
    match view.filter(|v| !v.is_empty()) {
        None => Ok(board_url(topic, None)),
        Some(v) if v == "unsorted" || v == "all" || ThemeId::parse(v).is_some() => {
            Ok(board_url(topic, Some(v)))
        }
        Some(_) => Err(AppError::BadRequest("return_view")),
    }
}

/// The board of a topic, showing `view` (a theme, "all", or the unsorted pile by default).
pub(super) fn board_url(topic: &TopicId, view: Option<&str>) -> String {
    match view.filter(|v| !v.is_empty()) {
        Some(v) => format!("/staff/topics/{topic}/board?view={v}"),
        None => format!("/staff/topics/{topic}/board"),
    }
}

#[derive(Deserialize)]
pub(super) struct AssignInput {
    #[serde(default)]
    answer: Vec<AnswerId>,
    #[serde(default, deserialize_with = "empty_as_none")]
    theme_id: Option<ThemeId>,
    action: Option<AssignAction>,
    #[serde(default, deserialize_with = "empty_as_none")]
    from_theme: Option<ThemeId>,
    return_view: Option<String>,
}

/// Adds the chosen answers to a theme; "move" also takes them out of the theme being viewed
/// (that is how a theme is split); "remove" only takes them out.
pub(super) async fn post_assign(
    cx: StaffContext<Editor>, id: web::Path<TopicId>, Form(input): Form<AssignInput>,
) -> Result<HttpResponse, AppError> {
    let (topic, by) = (id.into_inner(), cx.staff().id().clone());
    let change = Reassignment::parse(input.action, input.theme_id, input.from_theme)
        .ok_or(AppError::BadRequest("theme"))?;
    let back = return_url(&topic, input.return_view.as_deref())?;
    let (t, answers) = (topic.clone(), input.answer);
    cx.change(move |conn, trail| {
        store::reassign(conn, &t, &answers, &change, Some(&by))?;
        let detail = format!("{} {} answer(s)", change.name(), answers.len());
        let subject = change.to().or(change.from()).map(|t| t.to_string()).unwrap_or_default();
        trail.record(Action::ThemeAssign, subject, detail);
        Ok(())
    })
    .await?;
    Ok(see_other_with(&back, Notice::Assigned))
}
