//! `/staff/topics/{id}/themes` and `/staff/themes/{id}`: making, renaming, moving, deleting and
//! merging themes.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::board::{again, board_url};
use super::{step, MoveInput};
use crate::audit::{self, Action};
use crate::auth::Editor;
use crate::db::types::empty_as_none;
use crate::db::{Db, ThemeId, TopicId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey;
use crate::text::{LongText, Title};
use crate::themes::store::{self, Conflict, Theme};
use crate::web::csrf::CsrfToken;
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

#[derive(Deserialize)]
pub(super) struct NewThemeInput {
    #[serde(default)]
    title: String,
    #[serde(default, deserialize_with = "empty_as_none")]
    parent_id: Option<ThemeId>,
}

pub(super) async fn post_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<TopicId>,
    Form(input): Form<NewThemeInput>,
) -> Result<HttpResponse, AppError> {
    let topic = id.into_inner();
    let Some(title) = Title::parse(&input.title) else {
        let error = (
            StatusCode::UNPROCESSABLE_ENTITY,
            "new-theme-title",
            lang.t("error-title"),
        );
        return again((lang, &csrf, &editor), &db, topic, error).await;
    };
    let t = topic.clone();
    audit::change(&db, editor.id(), move |conn, trail| {
        survey::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let id = store::create_theme(conn, &t, &title, input.parent_id.as_ref())?;
        trail.record(Action::ThemeCreate, &id, title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other_with(&board_url(&topic, None), Notice::ThemeSaved))
}

async fn load(db: &Db, id: ThemeId) -> Result<Theme, AppError> {
    db.run(move |conn| store::find_theme(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
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
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<ThemeId>,
    Form(input): Form<RenameInput>,
) -> Result<HttpResponse, AppError> {
    let theme = load(&db, id.into_inner()).await?;
    let title = Title::parse(&input.title).ok_or(AppError::BadRequest("title"))?;
    let summary = LongText::parse(&input.summary).ok_or(AppError::BadRequest("summary"))?;
    let id = theme.id.clone();
    let result = audit::change(&db, editor.id(), move |conn, trail| {
        let r = store::rename_theme(conn, &id, &title, &summary, input.version)?;
        if r.is_ok() {
            trail.record(Action::ThemeRename, &id, title.as_str());
        }
        Ok(r)
    })
    .await?;
    match result {
        Ok(()) => Ok(see_other_with(
            &board_url(&theme.topic_id, None),
            Notice::ThemeSaved,
        )),
        Err(Conflict) => {
            let error = (StatusCode::CONFLICT, "themes-heading", lang.t("conflict"));
            again((lang, &csrf, &editor), &db, theme.topic_id, error).await
        }
    }
}

pub(super) async fn post_move(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<ThemeId>,
    Form(input): Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    let by = step(&input.direction)?;
    let theme = load(&db, id.into_inner()).await?;
    let id = theme.id.clone();
    audit::change(&db, editor.id(), move |conn, trail| {
        store::move_theme(conn, &id, by)?;
        trail.record(Action::ThemeMove, &id, input.direction);
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &board_url(&theme.topic_id, None),
        Notice::ThemeSaved,
    ))
}

/// Deletes a theme: its answers return to the pile, its sub-themes move up a level, its key
/// points go to the topic.
pub(super) async fn post_delete(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<ThemeId>,
) -> Result<HttpResponse, AppError> {
    let theme = load(&db, id.into_inner()).await?;
    let (id, title) = (theme.id.clone(), theme.title.clone());
    audit::change(&db, editor.id(), move |conn, trail| {
        store::delete_theme(conn, &id)?;
        trail.record(Action::ThemeDelete, &id, title);
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &board_url(&theme.topic_id, None),
        Notice::ThemeDeleted,
    ))
}

#[derive(Deserialize)]
pub(super) struct MergeInput {
    into: ThemeId,
}

/// Merges a theme into another of the same topic: its answers, sub-themes and key points move.
pub(super) async fn post_merge(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<ThemeId>,
    Form(input): Form<MergeInput>,
) -> Result<HttpResponse, AppError> {
    let theme = load(&db, id.into_inner()).await?;
    let (id, by) = (theme.id.clone(), editor.id().clone());
    audit::change(&db, editor.id(), move |conn, trail| {
        store::merge(conn, &id, &input.into, Some(&by))?;
        trail.record(Action::ThemeMerge, &id, input.into.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &board_url(&theme.topic_id, None),
        Notice::Merged,
    ))
}
