//! Key points about a whole topic (`/staff/topics/{id}/key-points`) or under a theme
//! (`/staff/themes/{id}/key-points`), and changing, moving and deleting them.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::board::{board_url, done_or_conflict};
use crate::audit::{self, Action};
use crate::auth::{Editor, StaffContext};
use crate::db::{KeyPointId, ThemeId, TopicId};
use crate::error::AppError;
use crate::survey;
use crate::text::LongText;
use crate::themes::store::{self, KeyPoint};
use crate::web::notice::{see_other_with, Notice};
use crate::web::{Form, MoveForm};

#[derive(Deserialize)]
pub(super) struct KeyPointInput {
    #[serde(default)]
    text: String,
    version: Option<i32>,
}

impl KeyPointInput {
    fn text(&self) -> Result<LongText, AppError> {
        LongText::parse_non_empty(&self.text).ok_or(AppError::BadRequest("key point text"))
    }
}

/// Back to the topic's board, saying a key point changed.
fn back(topic: &TopicId) -> HttpResponse {
    see_other_with(&board_url(topic, None), Notice::KeyPointSaved)
}

/// Writes a new key point (under `theme`, or about the whole topic).
async fn add(
    cx: &StaffContext<Editor>, (topic, theme): (TopicId, Option<ThemeId>), text: LongText,
) -> Result<HttpResponse, AppError> {
    let t = topic.clone();
    cx.change(move |conn, trail| {
        survey::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let id = store::add_key_point(conn, &t, theme.as_ref(), &text)?;
        trail.record(Action::KeyPointCreate, &id, "");
        Ok(())
    })
    .await?;
    Ok(back(&topic))
}

pub(super) async fn post_for_topic(
    cx: StaffContext<Editor>, id: web::Path<TopicId>, Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    let text = input.text()?;
    add(&cx, (id.into_inner(), None), text).await
}

pub(super) async fn post_for_theme(
    cx: StaffContext<Editor>, id: web::Path<ThemeId>, Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    let text = input.text()?;
    let theme = cx.db.find(move |conn| store::find_theme(conn, &id)).await?;
    add(&cx, (theme.topic_id, Some(theme.id)), text).await
}

/// Changes a key point's text; a second writer gets 409 with the board.
pub(super) async fn post_edit(
    cx: StaffContext<Editor>, id: web::Path<KeyPointId>, Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    let text = input.text()?;
    let version = input.version.ok_or(AppError::BadRequest("version"))?;
    let kp = cx.db.find(move |conn| store::find_key_point(conn, &id)).await?;
    let id = kp.id.clone();
    let what = (Action::KeyPointUpdate, id.to_string(), String::new());
    let save = move |conn: &mut _| store::update_key_point(conn, &id, &text, version);
    let saved = super::save_versioned(&cx, what, save).await?;
    done_or_conflict(&cx, saved, back(&kp.topic_id), (kp.topic_id, "kp-heading")).await
}

pub(super) async fn post_move(
    cx: StaffContext<Editor>, id: web::Path<KeyPointId>, Form(input): Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let kp: KeyPoint = cx.move_row(id.into_inner(), input.direction, Action::KeyPointMove).await?;
    Ok(back(&kp.topic_id))
}

pub(super) async fn post_delete(
    cx: StaffContext<Editor>, id: web::Path<KeyPointId>,
) -> Result<HttpResponse, AppError> {
    let find = move |conn: &mut _| store::find_key_point(conn, &id);
    let kp = cx
        .change_found(find, |conn, trail, k: &KeyPoint| {
            store::delete_key_point(conn, &k.id)?;
            trail.record(
                Action::KeyPointDelete,
                &k.id,
                audit::names(&[("topic", k.topic_id.as_str())]),
            );
            Ok(())
        })
        .await?;
    Ok(back(&kp.topic_id))
}
