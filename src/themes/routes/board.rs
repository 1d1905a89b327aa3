//! `/staff/topics/{id}/board`: the topic's answers and themes side by side, and assigning
//! answers to themes.

use std::collections::HashMap;
use std::rc::Rc;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::StepName;
use crate::audit::Action;
use crate::auth::{Editor, Signed, Staff, StaffContext};
use crate::cluster::semantic::Model;
use crate::db::types::empty_as_none;
use crate::db::{AnswerId, DbConnection, QuestionId, ThemeId, TopicId, WorkshopId};
use crate::error::AppError;
use crate::startup::Guide;
use crate::text::Title;
use crate::themes::domain::{AssignAction, Reassignment};
use crate::themes::guide::{self, Guesses};
use crate::themes::store::undo::UndoStep;
use crate::themes::store::{self, BoardAnswer, BoardData, Conflict};
use crate::themes::views::{self, BoardFilter};
use crate::web::layout::{html_status, FieldError};
use crate::web::live::{event_stream, Drawn, Hub};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

/// The board page with `errors` (and the matching status) as filtered by `filter`.
pub(super) fn render<R: Signed>(
    cx: &StaffContext<R>, (data, history, guesses): (&BoardData, &[UndoStep], &Guesses),
    filter: &BoardFilter, (status, errors, notice): (StatusCode, &[FieldError], Option<String>),
) -> HttpResponse {
    let mut themes_of: HashMap<AnswerId, Vec<ThemeId>> = HashMap::new();
    for (theme, answer) in &data.links {
        themes_of.entry(answer.clone()).or_default().push(theme.clone());
    }
    let counts = store::counts(&data.answers, &data.links);
    let view = filter.view();
    let needle = filter.needle().map(str::to_lowercase);
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
        .filter(|a| !filter.only_pii() || !crate::themes::pii::kinds(&a.value).is_empty())
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
        // Offered to the person who made the change, while it is not undone.
        undo: filter.undo.as_deref().and_then(|id| {
            history.iter().find(|s| {
                s.id.as_str() == id
                    && s.undone_at.is_none()
                    && s.user_id.as_ref() == Some(cx.staff().id())
            })
        }),
        history,
        guesses,
    };
    html_status(status, views::board_page(cx.lang, cx.staff(), &cx.csrf, &board))
}

pub(super) async fn get_board(
    cx: StaffContext<Staff>, id: web::Path<TopicId>, filter: web::Query<BoardFilter>, done: Done,
    guide: web::Data<Guide>,
) -> Result<HttpResponse, AppError> {
    let model = guide.embedder.as_ref().map(|e| e.model());
    let shown = filter.show_guesses();
    let (data, history, guesses) =
        cx.db.run(move |conn| load_with_history(conn, &id, model, shown)).await?;
    crate::audit::answers_read(&cx.db, cx.staff().id(), &data.topic.id).await?;
    let notice = done.message(cx.lang);
    Ok(render(&cx, (&data, &history, &guesses), &filter, (StatusCode::OK, &[], notice)))
}

/// How many of the topic's latest changes the board lists (and can undo from the list).
const HISTORY: i64 = 30;

/// The board, the topic's latest changes and (when the cards show them) the suggestions for
/// its unsorted cards.
fn load_with_history(
    conn: &mut DbConnection, topic: &TopicId, model: Option<&'static Model>, guesses: bool,
) -> Result<(BoardData, Vec<UndoStep>, Guesses), AppError> {
    let data = BoardData::load(conn, topic)?;
    let guesses = match guesses {
        true => guide::guesses(conn, &data, model)?,
        false => Guesses { engine: Some(guide::engine_of(model)), ..Guesses::default() },
    };
    Ok((data, store::undo::recent_steps(conn, topic, HISTORY)?, guesses))
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
    let (data, history) = cx
        .db
        .run(move |conn| {
            let data = BoardData::load(conn, &topic)?;
            Ok::<_, AppError>((data, store::undo::recent_steps(conn, &topic, HISTORY)?))
        })
        .await?;
    let errors = [FieldError::new(field, cx.lang.t(key))];
    let filter = BoardFilter::default();
    // The form error is what matters here: the board without its suggestions.
    let guesses = Guesses::default();
    Ok(render(cx, (&data, &history, &guesses), &filter, (status, &errors, None)))
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

/// Where a board form came from: its filter, posted back as `return_*` fields.
#[derive(Deserialize, Default)]
pub(super) struct ReturnTo {
    return_view: Option<String>,
    return_workshop: Option<String>,
    return_question: Option<String>,
    return_q: Option<String>,
    return_pii: Option<String>,
    return_guesses: Option<String>,
    /// "quotes" to go back to the quotes page instead of the board.
    return_page: Option<String>,
}

impl ReturnTo {
    /// The page to go back to when it is not the board.
    pub(super) fn page(&self) -> Option<&str> {
        self.return_page.as_deref()
    }
}

/// The board to go back to after a change, checked before anything is written: the view is
/// the unsorted pile, "all" or a theme's ID, the workshop and question are IDs, or the request
/// is refused (400) and changes nothing. The search words are kept as typed (encoded).
pub(super) fn return_url(topic: &TopicId, back: &ReturnTo) -> Result<String, AppError> {
    let id_or_empty = |v: &Option<String>, parses: fn(&str) -> bool, what| match v.as_deref() {
        None | Some("") => Ok(None),
        Some(v) if parses(v) => Ok(Some(v.to_owned())),
        Some(_) => Err(AppError::BadRequest(what)),
    };
    let view = match back.return_view.as_deref().filter(|v| !v.is_empty()) {
        None => None,
        Some(v) if v == "unsorted" || v == "all" || ThemeId::parse(v).is_some() => {
            Some(v.to_owned())
        }
        Some(_) => return Err(AppError::BadRequest("return_view")),
    };
    let filter = BoardFilter {
        view,
        workshop: id_or_empty(
            &back.return_workshop,
            |v| WorkshopId::parse(v).is_some(),
            "return_workshop",
        )?,
        question: id_or_empty(
            &back.return_question,
            |v| QuestionId::parse(v).is_some(),
            "return_question",
        )?,
        q: back.return_q.as_deref().map(|q| q.chars().take(200).collect()),
        pii: back.return_pii.as_deref().filter(|p| *p == "1").map(str::to_owned),
        guesses: back.return_guesses.as_deref().filter(|p| *p == "1").map(str::to_owned),
        undo: None,
    };
    let query = filter.query();
    Ok(if query.is_empty() {
        format!("/staff/topics/{topic}/board")
    } else {
        format!("/staff/topics/{topic}/board?{query}")
    })
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
    /// The title of a new theme for the chosen answers ("new").
    #[serde(default)]
    new_title: String,
    return_view: Option<String>,
    return_workshop: Option<String>,
    return_question: Option<String>,
    return_q: Option<String>,
    return_pii: Option<String>,
    return_guesses: Option<String>,
}

impl AssignInput {
    fn return_to(&self) -> ReturnTo {
        ReturnTo {
            return_view: self.return_view.clone(),
            return_workshop: self.return_workshop.clone(),
            return_question: self.return_question.clone(),
            return_q: self.return_q.clone(),
            return_pii: self.return_pii.clone(),
            return_guesses: self.return_guesses.clone(),
            return_page: None,
        }
    }
}

/// Adds the chosen answers to a theme; "move" also takes them out of the theme being viewed
/// (that is how a theme is split); "remove" only takes them out; "new" makes a theme with the
/// title typed and puts them in it.
pub(super) async fn post_assign(
    cx: StaffContext<Editor>, id: web::Path<TopicId>, Form(input): Form<AssignInput>,
) -> Result<HttpResponse, AppError> {
    let (topic, by) = (id.into_inner(), cx.staff().id().clone());
    let back = return_url(&topic, &input.return_to())?;
    if input.action == Some(AssignAction::New) {
        return new_theme_with(cx, topic, input, back).await;
    }
    let change = Reassignment::parse(input.action, input.theme_id, input.from_theme)
        .ok_or(AppError::BadRequest("theme"))?;
    let (t, answers) = (topic.clone(), input.answer);
    let step = cx
        .change(move |conn, trail| {
            let name = step_name(conn, &change)?;
            let ids: Vec<ThemeId> = change.to().into_iter().chain(change.from()).cloned().collect();
            let ((), step) = super::undoable(conn, (&t, &by), &name, &ids, |conn| {
                store::reassign(conn, &t, &answers, &change, Some(&by))?;
                Ok(((), None))
            })?;
            let detail = format!("{} {} answer(s)", change.name(), answers.len());
            let subject = change.to().or(change.from()).map(|t| t.to_string()).unwrap_or_default();
            trail.record(Action::ThemeAssign, subject, detail);
            Ok(step)
        })
        .await?;
    Ok(see_other_with(&super::with_undo(&back, step.as_ref()), Notice::Assigned))
}

/// A theme's title, "" when it is gone.
pub(super) fn title_of(conn: &mut DbConnection, id: &ThemeId) -> Result<String, AppError> {
    Ok(store::find_theme(conn, id)?.map(|t| t.title).unwrap_or_default())
}

/// The undo step's name of a reassignment: its kind and the themes it names.
fn step_name(conn: &mut DbConnection, change: &Reassignment) -> Result<StepName, AppError> {
    Ok(match change {
        Reassignment::Add { to } => ("assign", title_of(conn, to)?),
        Reassignment::Move { from, to } => {
            ("move", format!("{} → {}", title_of(conn, from)?, title_of(conn, to)?))
        }
        Reassignment::Remove { from } => ("remove", title_of(conn, from)?),
    })
}

/// "New theme from these cards": the theme and its first answers in one transaction. No
/// title is a 422 on the board; no card chosen makes the theme alone.
async fn new_theme_with(
    cx: StaffContext<Editor>, topic: TopicId, input: AssignInput, back: String,
) -> Result<HttpResponse, AppError> {
    let Some(title) = Title::parse(&input.new_title) else {
        let error = (StatusCode::UNPROCESSABLE_ENTITY, "new-title", "error-title");
        return again(&cx, topic, error).await;
    };
    let (t, answers, by) = (topic.clone(), input.answer, cx.staff().id().clone());
    let step = cx
        .change(move |conn, trail| {
            if !store::all_on_board(conn, &t, &answers)? {
                return Err(AppError::BadRequest("answer of another topic"));
            }
            let name = ("new", title.as_str().to_owned());
            let (id, step) = super::undoable(conn, (&t, &by), &name, &[], |conn| {
                let id = store::create_theme(conn, &t, &title, None)?;
                store::assign(conn, &id, &answers, Some(&by))?;
                Ok((id.clone(), Some(id)))
            })?;
            trail.record(Action::ThemeCreate, &id, title.as_str());
            trail.record(Action::ThemeAssign, &id, format!("add {} answer(s)", answers.len()));
            Ok(step)
        })
        .await?;
    Ok(see_other_with(&super::with_undo(&back, step.as_ref()), Notice::ThemeSaved))
}

/// Takes one answer out of one theme: the "×" on a theme chip of a card.
pub(super) async fn post_unlink(
    cx: StaffContext<Editor>, path: web::Path<(ThemeId, AnswerId)>, Form(back): Form<ReturnTo>,
) -> Result<HttpResponse, AppError> {
    let (theme, answer) = path.into_inner();
    let found = cx.db.find(move |conn| store::find_theme(conn, &theme)).await?;
    let to = return_url(&found.topic_id, &back)?;
    let change = Reassignment::Remove { from: found.id.clone() };
    let (topic, by) = (found.topic_id.clone(), cx.staff().id().clone());
    let step = cx
        .change(move |conn, trail| {
            let name = ("remove", found.title.clone());
            let ids = [found.id.clone()];
            let ((), step) = super::undoable(conn, (&topic, &by), &name, &ids, |conn| {
                store::reassign(conn, &topic, std::slice::from_ref(&answer), &change, None)?;
                Ok(((), None))
            })?;
            trail.record(Action::ThemeAssign, &found.id, "remove 1 answer(s)");
            Ok(step)
        })
        .await?;
    Ok(see_other_with(&super::with_undo(&to, step.as_ref()), Notice::Unlinked))
}
