//! Routes of the theme board. Viewers read; admins and facilitators change (the `Editor`
//! extractor refuses everyone else before a handler runs). Every change is audited in the
//! transaction that makes it. One file per resource.

use diesel::QueryResult;

use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::{DbConnection, ThemeId, TopicId, UndoStepId, UserId};
use crate::error::AppError;
use crate::themes::store::{undo, Conflict};

mod board;
mod guesses;
mod key_points;
mod quotes;
mod suggestions;
mod themes;
mod undo_steps;

crate::routes! {
    get "/staff/topics/{id}/board" => board::get_board;
    get "/staff/topics/{id}/board/events" => board::get_board_events;
    post "/staff/topics/{id}/themes" => themes::post_new;
    post "/staff/topics/{id}/assign" => board::post_assign;
    post "/staff/topics/{id}/key-points" => key_points::post_for_topic;
    get "/staff/topics/{id}/quotes" => quotes::get_quotes;
    get "/staff/topics/{id}/suggestions" => suggestions::get_suggestions;
    post "/staff/topics/{id}/suggestions/accept" => suggestions::post_accept;
    post "/staff/topics/{id}/suggestions/reject" => suggestions::post_reject;
    post "/staff/topics/{id}/guesses/accept-all" => guesses::post_accept_all;
    post "/staff/answers/{answer}/guesses/{theme}/accept" => guesses::post_accept;
    post "/staff/answers/{answer}/guesses/{theme}/reject" => guesses::post_reject;
    post "/staff/themes/{id}" => themes::post_rename;
    post "/staff/themes/{id}/move" => themes::post_move;
    post "/staff/themes/{id}/delete" => themes::post_delete;
    post "/staff/themes/{id}/merge" => themes::post_merge;
    post "/staff/themes/{theme}/answers/{answer}/remove" => board::post_unlink;
    post "/staff/themes/{id}/key-points" => key_points::post_for_theme;
    post "/staff/key-points/{id}" => key_points::post_edit;
    post "/staff/key-points/{id}/move" => key_points::post_move;
    post "/staff/key-points/{id}/delete" => key_points::post_delete;
    get "/staff/answers/{id}/quote" => quotes::get_quote_form;
    post "/staff/answers/{id}/quote" => quotes::post_quote;
    post "/staff/quotes/{id}" => quotes::post_edit;
    post "/staff/quotes/{id}/approve" => quotes::post_approve;
    post "/staff/quotes/{id}/delete" => quotes::post_delete;
    post "/staff/undo/{id}" => undo_steps::post_undo;
}

/// Saves a change to something with a version, and notes `action` on it in the audit trail
/// when it went through; `Err(Conflict)` when someone else changed it first.
async fn save_versioned(
    cx: &StaffContext<Editor>, (action, subject, detail): (Action, String, String),
    save: impl FnOnce(&mut DbConnection) -> QueryResult<Result<(), Conflict>> + Send + 'static,
) -> Result<Result<(), Conflict>, AppError> {
    cx.change(move |conn, trail| {
        let saved = save(conn)?;
        if saved.is_ok() {
            trail.record(action, subject, detail);
        }
        Ok(saved)
    })
    .await
}

/// What a board change is, for its undo step: the kind ("assign", "delete", …) and the theme
/// names it is shown with.
pub(super) type StepName = (&'static str, String);

/// Runs a board change so that it can be undone: captures the themes `ids` before, runs
/// `change` (which gives back any theme it made), captures them again and keeps the
/// difference as an undo step of `topic` by `user`. `None` when the change changed nothing.
pub(super) fn undoable<T>(
    conn: &mut DbConnection, (topic, user): (&TopicId, &UserId), name: &StepName, ids: &[ThemeId],
    change: impl FnOnce(&mut DbConnection) -> Result<(T, Option<ThemeId>), AppError>,
) -> Result<(T, Option<UndoStepId>), AppError> {
    let before = undo::capture(conn, ids)?;
    let (value, made) = change(conn)?;
    let mut after_ids = ids.to_vec();
    after_ids.extend(made);
    let after = undo::capture(conn, &after_ids)?;
    let restore = undo::Restore::between(&before, &after);
    let step = undo::record(conn, topic, Some(user), (name.0, &name.1), &restore)?;
    Ok((value, step))
}

/// `url` with the step to offer undoing (`undo=`), when there is one.
pub(super) fn with_undo(url: &str, step: Option<&UndoStepId>) -> String {
    match step {
        Some(id) => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}undo={id}")
        }
        None => url.to_owned(),
    }
}
