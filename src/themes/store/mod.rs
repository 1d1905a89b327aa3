//! Themes, their answers, key points, quotes and rejected suggestions: synchronous diesel
//! functions, one file per resource.

/// Changes one row of `$table` with `$changes` if its version is still `$version`, and bumps
/// the version; gives `Err(Conflict)` when someone else's newer version won.
macro_rules! versioned_update {
    ($conn:expr, $table:ident, $id:expr, $version:expr, $changes:expr) => {{
        let row = $table::table.find($id).filter($table::version.eq($version));
        let bump = ($table::version.eq($version + 1), $table::updated_at.eq(now()));
        let changed = diesel::update(row).set(($changes, bump)).execute($conn)?;
        Ok(if changed == 1 { Ok(()) } else { Err(Conflict) })
    }};
}

mod board;
mod key_points;
mod quotes;
mod suggestions;
mod themes;
pub mod undo;

pub use board::BoardData;
pub use key_points::{
    add_key_point, delete_key_point, find_key_point, list_key_points, order_key_points,
    update_key_point, KeyPoint,
};
pub use quotes::{
    approval_needs_reason, approved_quotes, create_quote, delete_quote, keep_approved_quotes,
    list_quotes, quote_state, quote_themes_of_topic, set_quote_approved, topic_of_answer,
    topic_of_quote, update_quote, QuoteRow,
};
pub use suggestions::{fingerprint, reject, rejected};
pub use themes::{
    all_on_board, assign, board_answer, board_answers, counts, create_theme, delete_theme,
    find_theme, links, list_themes, merge, reassign, rename_theme, unassign, BoardAnswer, Link,
    Theme, ThemeCounts,
};

/// A write that lost against someone else's newer version.
#[derive(Debug)]
pub struct Conflict;
