//! Pages of the theme board.

mod board;
mod guesses;
mod quotes;
mod suggestions;

use maud::{html, Markup};

use crate::i18n::Lang;
use crate::participant::{EnteredBy, Source};
use crate::themes::store::{BoardAnswer, ThemeCounts};

pub use board::{board_page, new_answers_notice, topic_key_point_form, Board, BoardFilter};
pub use quotes::{quote_form, quotes_page, reason_field_id};
pub use suggestions::{suggestions_page, Proposal};

/// How an answer was made, as a badge (staff entries stand out).
/// How an answer was given: in the participant's own words, written down by a facilitator,
/// or a statement from flipchart notes.
fn entered_badge(lang: Lang, by: EnteredBy, from_flipchart: bool) -> Markup {
    let label =
        if from_flipchart { lang.t("export-quote-flipchart") } else { lang.t(by.label_key()) };
    html! { span class={ "badge" @if by != EnteredBy::Participant { " badge-staff" } } { (label) } }
}

/// A badge per kind of personal data the text seems to hold.
fn pii_badges(lang: Lang, text: &str) -> Markup {
    html! { @for kind in crate::themes::pii::kinds(text) { " " span class="badge badge-pii" { (lang.t(kind.label_key())) } } }
}

/// The badge of a board answer.
fn answer_badge(lang: Lang, a: &BoardAnswer) -> Markup {
    entered_badge(lang, a.entered_by, a.source == Source::Flipchart)
}

/// "6 svar fra 5 deltagere og 2 udsagn fra flipover", leaving out what is zero.
fn counts_line(lang: Lang, c: &ThemeCounts) -> String {
    let people =
        lang.t_args("theme-counts", &[("answers", c.answers.into()), ("people", c.people.into())]);
    let statements = lang.t_args("theme-counts-statements", &[("statements", c.statements.into())]);
    match (c.answers, c.statements) {
        (_, 0) => people,
        (0, _) => statements,
        _ => lang.t_args(
            "doc-evidence-both",
            &[("first", people.into()), ("second", statements.into())],
        ),
    }
}
