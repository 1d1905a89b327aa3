//! The board's guided suggestions: a line under each unsorted card, and the form that puts
//! every sure one in its theme.

use maud::{html, Markup};

use crate::cluster::semantic::EngineName;
use crate::i18n::Lang;
use crate::themes::guide::{Guess, Guesses};
use crate::themes::store::BoardAnswer;
use crate::web::csrf::CsrfToken;
use crate::web::layout::csrf_field;

use super::board::return_fields;
use super::BoardFilter;

/// "Forslag: [Bolig 82 % ×] [Fællesskab 15 % ×]" for one card, in the card's small line (an
/// unsorted card has no theme chips there, so the card grows no taller): dashed chips beside the
/// solid chips of themes a card is in. The name puts the card in that theme, the "×" says it
/// does not fit; both belong to the board's one form (`formaction`), so no JavaScript is needed.
pub fn card_guesses(lang: Lang, a: &BoardAnswer, guesses: &[Guess]) -> Markup {
    let short: String = a.value.chars().take(40).collect();
    html! {
        @if !guesses.is_empty() {
            span class="guesses" {
                span { (lang.t("guess-label")) } " "
                @for g in guesses {
                    @let base = format!("/staff/answers/{}/guesses/{}", a.id, g.theme);
                    @let sure = lang.t_args("guess-sure", &[("percent", percent(g.confidence).into())]);
                    span class="chip chip-guess" {
                        button type="submit" class="chip-accept" formaction=(format!("{base}/accept")) {
                            span class="visually-hidden" { (lang.t_args("guess-accept", &[("theme", g.title.as_str().into())])) ", " }
                            span aria-hidden="true" { (g.title) }
                            " " span class="chip-pct" { (sure) }
                            span class="visually-hidden" { ": " (short) }
                        }
                        button type="submit" class="chip-remove" formaction=(format!("{base}/reject")) {
                            span aria-hidden="true" { "×" }
                            span class="visually-hidden" {
                                (lang.t_args("guess-reject-hidden", &[("theme", g.title.as_str().into()), ("answer", short.as_str().into())]))
                            }
                        }
                    }
                    " "
                }
            }
        }
    }
}

/// Whole per cent, rounded down so "90 %" never means 89.6.
fn percent(confidence: f32) -> i64 {
    (confidence * 100.0).floor() as i64
}

/// The board as filtered, with the cards showing their suggestions.
fn show_url(topic: &crate::db::TopicId, filter: &BoardFilter) -> String {
    let shown = BoardFilter { guesses: Some("1".into()), undo: None, ..filter.clone() };
    format!("/staff/topics/{topic}/board?{}", shown.query())
}

/// What the suggestions are built from, and the form that accepts every sure one: folded
/// under one line, so the cards start high on the page.
pub fn guesses_panel(
    lang: Lang, csrf: &CsrfToken, topic: &crate::db::TopicId, guesses: &Guesses,
    filter: &BoardFilter, editor: bool,
) -> Markup {
    let Some(engine) = guesses.engine else { return html! {} };
    html! {
        details class="guesses-panel" {
            summary { (lang.t("guesses-summary")) }
            p class="hint" {
                (lang.t("guesses-hint")) " "
                @match engine {
                    EngineName::E5 => (lang.t("guesses-engine-e5")),
                    EngineName::Tfidf => (lang.t("guesses-engine-tfidf")),
                }
            }
            @if !filter.show_guesses() {
                p { a href=(show_url(topic, filter)) { (lang.t("guesses-show")) } }
            }
            @if guesses.waiting > 0 {
                p class="hint" { (lang.t_args("guesses-waiting", &[("count", guesses.waiting.into())])) }
            }
            @if editor {
                form method="post" action=(format!("/staff/topics/{topic}/guesses/accept-all")) class="inline-form accept-all" {
                    (csrf_field(csrf))
                    (return_fields(filter))
                    label for="at-least" { (lang.t("guesses-all-label")) }
                    " "
                    select id="at-least" name="at_least" {
                        @for p in [90, 80, 70, 60] {
                            option value=(p) selected[p == 80] { (p) " %" }
                        }
                    }
                    " "
                    button type="submit" class="button secondary" { (lang.t("guesses-all-button")) }
                }
            }
        }
    }
}
