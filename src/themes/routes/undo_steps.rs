//! `/staff/undo/{id}`: "Fortryd" on the board, right after a change or from the history.

use actix_web::{web, HttpResponse};

use super::board::{return_url, ReturnTo};
use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::UndoStepId;
use crate::error::AppError;
use crate::themes::store::undo::{self, NotUndone};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// Undoes one step of the board, once: a second tap (or a second facilitator) is told it was
/// undone already, and nothing changes.
pub(super) async fn post_undo(
    cx: StaffContext<Editor>, id: web::Path<UndoStepId>, Form(back): Form<ReturnTo>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let step = cx.db.find(move |conn| undo::find_step(conn, &id)).await?;
    let to = match back.page() {
        Some("quotes") => format!("/staff/topics/{}/quotes", step.topic_id),
        _ => return_url(&step.topic_id, &back)?,
    };
    let done = cx
        .change(move |conn, trail| {
            let done = undo::undo(conn, &step)?;
            if done.is_ok() {
                trail.record(
                    Action::BoardUndo,
                    &step.id,
                    format!("{} {}", step.action, step.summary),
                );
            }
            Ok(done)
        })
        .await?;
    let notice = match done {
        Ok(()) => Notice::Undone,
        Err(NotUndone::AlreadyUndone) => Notice::AlreadyUndone,
        Err(NotUndone::TooLate) => Notice::UndoTooLate,
    };
    Ok(see_other_with(&to, notice))
}
