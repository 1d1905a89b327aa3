//! The board's guided suggestions: put a card in the theme suggested for it (one tap), say it
//! does not belong there (remembered; the card's other suggestions and every other card's stay
//! as they were), or put every card whose best suggestion is at least so sure in its theme.
//! All three are board changes: audited, and the first and last can be undone.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::board::{return_url, ReturnTo};
use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::{AnswerId, ThemeId, TopicId};
use crate::error::AppError;
use crate::startup::Guide;
use crate::themes::domain::Reassignment;
use crate::themes::guide::{self, store as guesses};
use crate::themes::store::{self, BoardData};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// The theme and the card, checked to be on the same topic's board.
fn same_board(
    conn: &mut crate::db::DbConnection, theme: &ThemeId, answer: &AnswerId,
) -> Result<(store::Theme, TopicId), AppError> {
    let theme = store::find_theme(conn, theme)?.ok_or(AppError::NotFound)?;
    let (_, topic) = store::board_answer(conn, answer)?.ok_or(AppError::NotFound)?;
    if topic != theme.topic_id {
        return Err(AppError::BadRequest("answer of another topic"));
    }
    Ok((theme, topic))
}

pub(super) async fn post_accept(
    cx: StaffContext<Editor>, path: web::Path<(AnswerId, ThemeId)>, Form(back): Form<ReturnTo>,
) -> Result<HttpResponse, AppError> {
    let (answer, theme) = path.into_inner();
    let by = cx.staff().id().clone();
    let (to, step) = cx
        .change(move |conn, trail| {
            let (found, topic) = same_board(conn, &theme, &answer)?;
            let to = return_url(&topic, &back)?;
            let change = Reassignment::Add { to: found.id.clone() };
            let name = ("assign", found.title.clone());
            let ids = [found.id.clone()];
            let ((), step) = super::undoable(conn, (&topic, &by), &name, &ids, |conn| {
                store::reassign(conn, &topic, std::slice::from_ref(&answer), &change, Some(&by))?;
                Ok(((), None))
            })?;
            trail.record(Action::SuggestionAccept, &found.id, "guided: 1 answer");
            Ok((to, step))
        })
        .await?;
    Ok(see_other_with(&super::with_undo(&to, step.as_ref()), Notice::Assigned))
}

pub(super) async fn post_reject(
    cx: StaffContext<Editor>, path: web::Path<(AnswerId, ThemeId)>, Form(back): Form<ReturnTo>,
) -> Result<HttpResponse, AppError> {
    let (answer, theme) = path.into_inner();
    let by = cx.staff().id().clone();
    let to = cx
        .change(move |conn, trail| {
            let (found, topic) = same_board(conn, &theme, &answer)?;
            let to = return_url(&topic, &back)?;
            guesses::reject(conn, &answer, &found.id, Some(&by))?;
            trail.record(Action::SuggestionReject, &found.id, format!("guided: answer {answer}"));
            Ok(to)
        })
        .await?;
    Ok(see_other_with(&to, Notice::GuessRejected))
}

#[derive(Deserialize)]
pub(super) struct AcceptAll {
    /// The least confidence, in per cent (50–99).
    at_least: String,
    #[serde(flatten)]
    back: ReturnTo,
}

/// Every unsorted card whose best suggestion is at least `at_least` % sure goes into that
/// theme, in one step (one *Fortryd* puts them all back).
pub(super) async fn post_accept_all(
    cx: StaffContext<Editor>, id: web::Path<TopicId>, guide: web::Data<Guide>,
    Form(input): Form<AcceptAll>,
) -> Result<HttpResponse, AppError> {
    let at_least: u8 =
        input.at_least.trim().parse().map_err(|_| AppError::BadRequest("at_least"))?;
    if !(50..=99).contains(&at_least) {
        return Err(AppError::BadRequest("at_least"));
    }
    let topic = id.into_inner();
    let to = return_url(&topic, &input.back)?;
    let (by, model) = (cx.staff().id().clone(), guide.embedder.as_ref().map(|e| e.model()));
    let (count, step) = cx
        .change(move |conn, trail| {
            let data = BoardData::load(conn, &topic)?;
            let found = guide::guesses(conn, &data, model)?;
            let mut by_theme: BTreeMap<ThemeId, Vec<AnswerId>> = BTreeMap::new();
            for (answer, list) in &found.by_answer {
                if let Some(best) =
                    list.first().filter(|g| g.confidence * 100.0 >= f32::from(at_least))
                {
                    by_theme.entry(best.theme.clone()).or_default().push(answer.clone());
                }
            }
            let count: usize = by_theme.values().map(Vec::len).sum();
            if count == 0 {
                return Ok((0, None));
            }
            let ids: Vec<ThemeId> = by_theme.keys().cloned().collect();
            let names: Vec<&str> = data
                .themes
                .iter()
                .filter(|t| by_theme.contains_key(&t.id))
                .map(|t| t.title.as_str())
                .collect();
            let name = ("assign", names.join(", "));
            let ((), step) = super::undoable(conn, (&topic, &by), &name, &ids, |conn| {
                for (theme, answers) in &by_theme {
                    let change = Reassignment::Add { to: theme.clone() };
                    store::reassign(conn, &topic, answers, &change, Some(&by))?;
                }
                Ok(((), None))
            })?;
            trail.record(
                Action::SuggestionAccept,
                &topic,
                format!("guided: {count} answer(s) at {at_least} % or more"),
            );
            Ok((count, step))
        })
        .await?;
    let notice = if count == 0 { Notice::NoGuessSure } else { Notice::Assigned };
    Ok(see_other_with(&super::with_undo(&to, step.as_ref()), notice))
}
