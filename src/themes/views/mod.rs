//! Pages of the theme board.

mod board;
mod quotes;
mod suggestions;

use maud::{html, Markup};

use crate::i18n::Lang;
use crate::participant::EnteredBy;

pub use board::{board_page, topic_key_point_form, Board, BoardFilter};
pub use quotes::{quote_form, quotes_page};
pub use suggestions::{suggestions_page, Proposal};

/// How an answer was made, as a badge (staff entries stand out).
fn entered_badge(lang: Lang, by: EnteredBy) -> Markup {
    html! { span class={ "badge" @if by != EnteredBy::Participant { " badge-staff" } } { (lang.t(by.label_key())) } }
}
