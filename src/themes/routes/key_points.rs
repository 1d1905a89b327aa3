//! Key points about a whole topic (`/staff/topics/{id}/key-points`) or under a theme
//! (`/staff/themes/{id}/key-points`), and changing, moving and deleting them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::board::{again, board_url};
use super::{step, MoveInput};
use crate::audit::{self, Action};
use crate::auth::Editor;
use crate::db::{Db, KeyPointId, ThemeId, TopicId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey;
use crate::text::LongText;
use crate::themes::store::{self, Conflict, KeyPoint};
use crate::web::csrf::CsrfToken;
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

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

/// Writes a new key point (under `theme`, or about the whole topic) and goes back to the board.
async fn add(
    db: &Db,
    editor: &Editor,
    (topic, theme): (TopicId, Option<ThemeId>),
    text: LongText,
) -> Result<HttpResponse, AppError> {
    let t = topic.clone();
    audit::change(db, editor.id(), move |conn, trail| {
        survey::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let id = store::add_key_point(conn, &t, theme.as_ref(), &text)?;
        trail.record(Action::KeyPointCreate, &id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &board_url(&topic, None),
        Notice::KeyPointSaved,
    ))
}

pub(super) async fn post_for_topic(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<TopicId>,
    Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    let text = input.text()?;
    add(&db, &editor, (id.into_inner(), None), text).await
}

pub(super) async fn post_for_theme(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<ThemeId>,
    Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    let text = input.text()?;
    let id = id.into_inner();
    let theme = db
        .run(move |conn| store::find_theme(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    add(&db, &editor, (theme.topic_id, Some(theme.id)), text).await
}

async fn load(db: &Db, id: KeyPointId) -> Result<KeyPoint, AppError> {
    db.run(move |conn| store::find_key_point(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
}

/// Changes a key point's text; a second writer gets 409 with the board.
pub(super) async fn post_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<KeyPointId>,
    Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    let text = input.text()?;
    let version = input.version.ok_or(AppError::BadRequest("version"))?;
    let kp = load(&db, id.into_inner()).await?;
    let id = kp.id.clone();
    let result = audit::change(&db, editor.id(), move |conn, trail| {
        let r = store::update_key_point(conn, &id, &text, version)?;
        if r.is_ok() {
            trail.record(Action::KeyPointUpdate, &id, "");
        }
        Ok(r)
    })
    .await?;
    match result {
        Ok(()) => Ok(see_other_with(
            &board_url(&kp.topic_id, None),
            Notice::KeyPointSaved,
        )),
        Err(Conflict) => {
            let error = (StatusCode::CONFLICT, "kp-heading", lang.t("conflict"));
            again((lang, &csrf, &editor), &db, kp.topic_id, error).await
        }
    }
}

pub(super) async fn post_move(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<KeyPointId>,
    Form(input): Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    let by = step(&input.direction)?;
    let kp = load(&db, id.into_inner()).await?;
    let id = kp.id.clone();
    audit::change(&db, editor.id(), move |conn, trail| {
        store::move_key_point(conn, &id, by)?;
        trail.record(Action::KeyPointMove, &id, input.direction);
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &board_url(&kp.topic_id, None),
        Notice::KeyPointSaved,
    ))
}

pub(super) async fn post_delete(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<KeyPointId>,
) -> Result<HttpResponse, AppError> {
    let kp = load(&db, id.into_inner()).await?;
    let id = kp.id.clone();
    audit::change(&db, editor.id(), move |conn, trail| {
        store::delete_key_point(conn, &id)?;
        trail.record(Action::KeyPointDelete, &id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &board_url(&kp.topic_id, None),
        Notice::KeyPointSaved,
    ))
}
