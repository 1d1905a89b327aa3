//! Routes of the theme board. Viewers read; admins and facilitators change (the `Editor`
//! extractor refuses everyone else before a handler runs). Every change is audited in the
//! transaction that makes it. One file per resource.

use diesel::QueryResult;

use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::themes::store::Conflict;

mod board;
mod key_points;
mod quotes;
mod suggestions;
mod themes;

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
    post "/staff/themes/{id}" => themes::post_rename;
    post "/staff/themes/{id}/move" => themes::post_move;
    post "/staff/themes/{id}/delete" => themes::post_delete;
    post "/staff/themes/{id}/merge" => themes::post_merge;
    post "/staff/themes/{id}/key-points" => key_points::post_for_theme;
    post "/staff/key-points/{id}" => key_points::post_edit;
    post "/staff/key-points/{id}/move" => key_points::post_move;
    post "/staff/key-points/{id}/delete" => key_points::post_delete;
    get "/staff/answers/{id}/quote" => quotes::get_quote_form;
    post "/staff/answers/{id}/quote" => quotes::post_quote;
    post "/staff/quotes/{id}" => quotes::post_edit;
    post "/staff/quotes/{id}/approve" => quotes::post_approve;
    post "/staff/quotes/{id}/delete" => quotes::post_delete;
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
