//! `/staff/topics/{id}/themes` and `/staff/themes/{id}`: making, renaming, moving, deleting and
//! merging themes.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::board::{again, board_url, done_or_conflict};
use super::with_undo;
use crate::audit::{self, Action};
use crate::auth::{Editor, StaffContext};
use crate::db::types::empty_as_none;
use crate::db::{ThemeId, TopicId};
use crate::error::AppError;
use crate::survey;
use crate::text::{LongText, Title};
use crate::themes::store::{self, Theme};
use crate::web::notice::{see_other_with, Notice};
use crate::web::{Form, MoveForm};

#[derive(Deserialize)]
pub(super) struct NewThemeInput {
    #[serde(default)]
    title: String,
    #[serde(default, deserialize_with = "empty_as_none")]
    parent_id: Option<ThemeId>,
}

pub(super) async fn post_new(
    cx: StaffContext<Editor>, topic: web::Path<TopicId>, Form(input): Form<NewThemeInput>,
) -> Result<HttpResponse, AppError> {
    let topic = topic.into_inner();
    let Some(title) = Title::parse(&input.title) else {
        let error = (StatusCode::UNPROCESSABLE_ENTITY, "new-theme-title", "error-title");
        return again(&cx, topic, error).await;
    };
    let t = topic.clone();
    cx.change(move |conn, trail| {
        survey::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let id = store::create_theme(conn, &t, &title, input.parent_id.as_ref())?;
        trail.record(Action::ThemeCreate, &id, title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other_with(&board_url(&topic, None), Notice::ThemeSaved))
}

/// The theme of a path.
async fn load(cx: &StaffContext<Editor>, id: ThemeId) -> Result<Theme, AppError> {
    cx.db.find(move |conn| store::find_theme(conn, &id)).await
}

#[derive(Deserialize)]
pub(super) struct RenameInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    version: i32,
}

/// Renames and describes a theme. A second writer is told, not overwritten: 409 with the
/// board and a message.
pub(super) async fn post_rename(
    cx: StaffContext<Editor>, id: web::Path<ThemeId>, Form(input): Form<RenameInput>,
) -> Result<HttpResponse, AppError> {
    let theme = load(&cx, id.into_inner()).await?;
    let title = Title::parse(&input.title).ok_or(AppError::BadRequest("title"))?;
    let summary = LongText::parse(&input.summary).ok_or(AppError::BadRequest("summary"))?;
    let (id, topic, by) = (theme.id.clone(), theme.topic_id.clone(), cx.staff().id().clone());
    let name = ("rename", format!("{} → {}", theme.title, title.as_str()));
    let detail = audit::names(&[("from", theme.title.as_str()), ("to", title.as_str())]);
    let saved = cx
        .change(move |conn, trail| {
            let ids = [id.clone()];
            let (saved, step) = super::undoable(conn, (&topic, &by), &name, &ids, |conn| {
                Ok((store::rename_theme(conn, &id, &title, &summary, input.version)?, None))
            })?;
            if saved.is_ok() {
                trail.record(Action::ThemeRename, id.to_string(), detail);
            }
            Ok(saved.map(|()| step))
        })
        .await?;
    let step = saved.as_ref().ok().cloned().flatten();
    let back = with_undo(&board_url(&theme.topic_id, None), step.as_ref());
    let done = see_other_with(&back, Notice::ThemeSaved);
    done_or_conflict(&cx, saved.map(|_| ()), done, (theme.topic_id, "themes-heading")).await
}

pub(super) async fn post_move(
    cx: StaffContext<Editor>, id: web::Path<ThemeId>, Form(input): Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let theme: Theme = cx.move_row(id.into_inner(), input.direction, Action::ThemeMove).await?;
    Ok(see_other_with(&board_url(&theme.topic_id, None), Notice::ThemeSaved))
}

/// Deletes a theme: its answers return to the pile, its sub-themes move up a level, its key
/// points go to the topic.
pub(super) async fn post_delete(
    cx: StaffContext<Editor>, id: web::Path<ThemeId>,
) -> Result<HttpResponse, AppError> {
    let by = cx.staff().id().clone();
    let find = move |conn: &mut _| store::find_theme(conn, &id);
    let (theme, step) = cx
        .change_found_then(find, move |conn, trail, t: &Theme| {
            let name = ("delete", t.title.clone());
            let ((), step) = super::undoable(
                conn,
                (&t.topic_id, &by),
                &name,
                std::slice::from_ref(&t.id),
                |conn| {
                    store::delete_theme(conn, &t.id)?;
                    Ok(((), None))
                },
            )?;
            trail.record(Action::ThemeDelete, &t.id, t.title.clone());
            Ok(step)
        })
        .await?;
    let back = with_undo(&board_url(&theme.topic_id, None), step.as_ref());
    Ok(see_other_with(&back, Notice::ThemeDeleted))
}

#[derive(Deserialize)]
pub(super) struct MergeInput {
    into: ThemeId,
}

/// Merges a theme into another of the same topic: its answers, sub-themes and key points move.
pub(super) async fn post_merge(
    cx: StaffContext<Editor>, id: web::Path<ThemeId>, Form(input): Form<MergeInput>,
) -> Result<HttpResponse, AppError> {
    let by = cx.staff().id().clone();
    let find = move |conn: &mut _| store::find_theme(conn, &id);
    let (theme, step) = cx
        .change_found_then(find, move |conn, trail, t: &Theme| {
            let into = super::board::title_of(conn, &input.into)?;
            let name = ("merge", format!("{} → {into}", t.title));
            let ids = [t.id.clone(), input.into.clone()];
            let ((), step) = super::undoable(conn, (&t.topic_id, &by), &name, &ids, |conn| {
                store::merge(conn, &t.id, &input.into, Some(&by))?;
                Ok(((), None))
            })?;
            let names = [
                ("from", t.title.as_str()),
                ("into", into.as_str()),
                ("into_id", input.into.as_str()),
            ];
            trail.record(Action::ThemeMerge, &t.id, audit::names(&names));
            Ok(step)
        })
        .await?;
    let back = with_undo(&board_url(&theme.topic_id, None), step.as_ref());
    Ok(see_other_with(&back, Notice::Merged))
}
