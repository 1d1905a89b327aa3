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

/// "Forslag: [Læg i «Bolig»] 82 % sikker [Passer ikke]" for one card, in the card's small
/// line (an unsorted card has no theme chips there, so the card grows no taller). The buttons
/// belong to the board's one form (`formaction`), so they work without JavaScript.
pub fn card_guesses(lang: Lang, a: &BoardAnswer, guesses: &[Guess]) -> Markup {
    let short: String = a.value.chars().take(40).collect();
    html! {
        @if !guesses.is_empty() {
            span class="guesses" {
                span class="hint" { (lang.t("guess-label")) } " "
                @for g in guesses {
                    @let base = format!("/staff/answers/{}/guesses/{}", a.id, g.theme);
                    span class="guess" {
                        button type="submit" class="button small secondary" formaction=(format!("{base}/accept")) {
                            (lang.t_args("guess-accept", &[("theme", g.title.as_str().into())]))
                            span class="visually-hidden" { ": " (short) }
                        }
                        " " span class="hint" { (lang.t_args("guess-sure", &[("percent", percent(g.confidence).into())])) } " "
                        button type="submit" class="link-button small" formaction=(format!("{base}/reject")) {
                            span aria-hidden="true" { (lang.t("guess-reject")) }
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

/// What the suggestions are built from, and the form that accepts every sure one.
pub fn guesses_panel(
    lang: Lang, csrf: &CsrfToken, topic: &crate::db::TopicId, guesses: &Guesses,
    filter: &BoardFilter, editor: bool,
) -> Markup {
    let Some(engine) = guesses.engine else { return html! {} };
    html! {
        div class="guesses-panel" {
            p class="hint" {
                (lang.t("guesses-hint")) " "
                @match engine {
                    EngineName::E5 => (lang.t("guesses-engine-e5")),
                    EngineName::Tfidf => (lang.t("guesses-engine-tfidf")),
                }
            }
            @if guesses.waiting > 0 {
                p class="hint" { (lang.t_args("guesses-waiting", &[("count", guesses.waiting.into())])) }
            }
            @if editor && !guesses.by_answer.is_empty() {
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
