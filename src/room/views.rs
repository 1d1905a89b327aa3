//! The wall (a page of its own, made for a projector) and its control page for staff.

use maud::{html, Markup, DOCTYPE};

use super::domain::{CardState, WallWord};
use super::WallContent;
use crate::auth::{staff_page_with, Staff};
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{csrf_field, labelled, post_button};

/// Free-text cards the wall shows per question, newest first.
pub const CARDS_ON_WALL: usize = 24;
/// Words the word view shows per question.
pub const WORDS_ON_WALL: usize = 30;

/// The wall: the workshop's title, then its live part. Without JavaScript it reloads itself
/// every 30 seconds (a projector has nobody at the keyboard); with it, it follows the event
/// stream.
pub fn wall_page(lang: Lang, content: &WallContent, events: &str, since: i64) -> Markup {
    let title = lang.t_args("wall-title", &[("workshop", content.workshop_title.as_str().into())]);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – deltag" }
                link rel="stylesheet" href=(crate::web::assets::url("style"));
                link rel="icon" type="image/svg+xml" href=(crate::web::assets::url("icon"));
                noscript { meta http-equiv="refresh" content="30"; }
                script src=(crate::web::assets::url("live")) defer {}
            }
            body class="wall" {
                main id="main" {
                    h1 class="wall-title" tabindex="-1" autofocus { (content.workshop_title) }
                    div data-live-src=(events) data-live-since=(since) { (wall_live(lang, content)) }
                }
            }
        }
    }
}

/// The live part of the wall: join code, timer, progress, then each question.
pub fn wall_live(lang: Lang, content: &WallContent) -> Markup {
    html! {
        div class="wall-top" {
            @if let Some(join) = &content.join {
                div class="wall-join" {
                    img class="wall-qr" src=(join.qr_src) alt=(lang.t_args("qr-alt", &[("url", join.url.as_str().into())]));
                    div {
                        p { (lang.t("wall-join-go")) " " strong { (join.address) } }
                        p { (lang.t("join-code")) " " strong class="wall-code" { (join.code) } }
                    }
                }
            }
            div class="wall-status" {
                @if let Some(secs) = content.timer_secs {
                    p class="wall-timer" {
                        (lang.t("wall-timer")) " "
                        strong data-remaining=(secs) { (secs / 60) ":" (format!("{:02}", secs % 60)) }
                    }
                }
                p class="wall-progress" { (content.progress_line) }
            }
        }
        @for (i, q) in content.questions.iter().enumerate() {
            section class="wall-question" aria-labelledby=(format!("wall-q-{i}")) {
                h2 id=(format!("wall-q-{i}")) { (q.prompt) }
                @match &q.shown {
                    Shown::Bars { rows, people } => (bars(lang, rows, *people)),
                    Shown::Cards(cards) if cards.is_empty() => p class="wall-empty" { (lang.t("wall-no-cards")) },
                    Shown::Cards(cards) => ul class="wall-cards" {
                        @for card in cards { li class="wall-card" { (card) } }
                    },
                    Shown::Words(words) if words.is_empty() => p class="wall-empty" { (lang.t("wall-no-words")) },
                    Shown::Words(words) => (word_view(lang, words)),
                }
            }
        }
    }
}

/// What the wall shows of one question.
pub enum Shown {
    /// A closed question: people per option, and how many answered.
    Bars {
        /// Option labels with their counts.
        rows: Vec<(String, u64)>,
        /// People who answered.
        people: u64,
    },
    /// Let-through free text, newest first.
    Cards(Vec<String>),
    /// Words of let-through free text used by at least two people.
    Words(Vec<WallWord>),
}

/// One question on the wall.
pub struct WallQuestion {
    /// The question as asked.
    pub prompt: String,
    /// Its answers as the wall shows them.
    pub shown: Shown,
}

/// Options as rows: the label and number as text, the bar as SVG scaled to the largest row.
fn bars(lang: Lang, rows: &[(String, u64)], people: u64) -> Markup {
    let most = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    html! {
        ul class="wall-bars" {
            @for (label, n) in rows {
                li {
                    span class="wall-bar-label" { (label) }
                    svg class="wall-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" {
                        rect x="0" y="0" height="10" width=(format!("{:.1}", *n as f64 * 100.0 / most as f64)) {}
                    }
                    span class="wall-bar-n" { (n) }
                }
            }
        }
        p class="wall-people" { (lang.t_args("answers-tally-total", &[("people", people.into())])) }
    }
}

/// The word view: bigger for words more people used.
fn word_view(lang: Lang, words: &[WallWord]) -> Markup {
    let most = words.iter().map(|w| w.people).max().unwrap_or(1).max(1);
    html! {
        ul class="wall-words" aria-label=(lang.t("wall-words-label")) {
            @for w in words {
                // Five sizes, from the share of the most used word.
                @let size = 1 + (w.people * 4) / most;
                li class=(format!("wall-word w{size}")) {
                    (w.word)
                    span class="visually-hidden" { " (" (lang.t_args("wall-word-people", &[("people", w.people.into())])) ")" }
                }
            }
        }
    }
}

/// A free-text answer on the control page.
pub struct CardRow {
    /// The answer.
    pub answer_id: String,
    /// Its text.
    pub text: String,
    /// Where it stands.
    pub state: CardState,
}

/// The moderation list of one question.
pub struct ModerationQuestion {
    /// The question as asked.
    pub prompt: String,
    /// Its free-text answers, newest first.
    pub cards: Vec<CardRow>,
}

/// What the control page shows.
pub struct ControlPage<'a> {
    /// The workshop.
    pub workshop_id: &'a str,
    /// Its title.
    pub workshop_title: &'a str,
    /// The wall link, when there is one.
    pub link: Option<String>,
    /// The wall's settings.
    pub wall: &'a super::store::Wall,
    /// The workshop's questions: id and "1. Prompt".
    pub questions: &'a [(String, String)],
    /// Minutes left on the timer, while it runs.
    pub timer_minutes: Option<i64>,
    /// The moderation list.
    pub moderation: &'a [ModerationQuestion],
    /// The newest event the page is drawn at.
    pub since: i64,
    /// Whether the signed-in person may change things (viewers only read).
    pub can_edit: bool,
}

/// The wall's control page: the link, what the wall shows, the timer, and the moderation list
/// (which follows new answers live).
pub fn control_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, page: &ControlPage<'_>) -> Markup {
    let title = lang.t_args("wall-control-title", &[("workshop", page.workshop_title.into())]);
    let base = format!("/staff/workshops/{}/wall", page.workshop_id);
    let body = html! {
        a class="back-link" href=(format!("/staff/workshops/{}", page.workshop_id)) { (page.workshop_title) }
        h1 { (title) }
        p { (lang.t("wall-control-intro")) }
        section aria-labelledby="wall-link" {
            h2 id="wall-link" { (lang.t("wall-link-heading")) }
            @if let Some(link) = &page.link {
                p { (lang.t("wall-link-is")) " " a href=(link) class="break" { (link) } }
                p class="hint" { (lang.t("wall-link-hint")) }
                @if page.can_edit {
                    div class="button-row" {
                        (post_button(csrf, &format!("{base}/link"), None, html! { (lang.t("wall-link-new")) }))
                        (post_button(csrf, &format!("{base}/revoke"), None, html! { (lang.t("wall-link-revoke")) }))
                    }
                }
            } @else {
                p { (lang.t("wall-link-none")) }
                @if page.can_edit {
                    form method="post" action=(format!("{base}/link")) {
                        (csrf_field(csrf))
                        button type="submit" class="button" { (lang.t("wall-link-make")) }
                    }
                }
            }
        }
        @if page.can_edit {
            section aria-labelledby="wall-settings" {
                h2 id="wall-settings" { (lang.t("wall-settings-heading")) }
                form method="post" action=(format!("{base}/settings")) {
                    (csrf_field(csrf))
                    div class="checkbox" {
                        input type="checkbox" id="show_join" name="show_join" value="yes" checked[page.wall.show_join];
                        label for="show_join" { (lang.t("wall-show-join")) }
                    }
                    fieldset {
                        legend { (lang.t("wall-view-legend")) }
                        div class="radio" {
                            input type="radio" id="view-cards" name="view" value="cards" checked[!page.wall.word_view];
                            label for="view-cards" { (lang.t("wall-view-cards")) }
                        }
                        div class="radio" {
                            input type="radio" id="view-words" name="view" value="words" checked[page.wall.word_view];
                            label for="view-words" { (lang.t("wall-view-words")) }
                        }
                    }
                    div class="field" {
                        label for="question" { (lang.t("wall-question-label")) }
                        select id="question" name="question" {
                            option value="" selected[page.wall.question_id.is_none()] { (lang.t("wall-question-all")) }
                            @for (id, label) in page.questions {
                                option value=(id) selected[page.wall.question_id.as_deref() == Some(id.as_str())] { (label) }
                            }
                        }
                    }
                    div class="checkbox" {
                        input type="checkbox" id="let_all_through" name="let_all_through" value="yes"
                            aria-describedby="let_all_through-hint" checked[page.wall.let_all_through];
                        label for="let_all_through" { (lang.t("wall-let-all")) }
                        p class="hint" id="let_all_through-hint" { (lang.t("wall-let-all-hint")) }
                    }
                    button type="submit" class="button" { (lang.t("save")) }
                }
            }
            section aria-labelledby="wall-timer" {
                h2 id="wall-timer" { (lang.t("wall-timer-heading")) }
                @if let Some(minutes) = page.timer_minutes {
                    p { (lang.t_args("wall-timer-running", &[("minutes", minutes.into())])) }
                    form method="post" action=(format!("{base}/timer")) {
                        (csrf_field(csrf))
                        input type="hidden" name="minutes" value="0";
                        button type="submit" class="button" { (lang.t("wall-timer-stop")) }
                    }
                } @else {
                    form method="post" action=(format!("{base}/timer")) {
                        (csrf_field(csrf))
                        label for="minutes" { (lang.t("wall-timer-minutes")) }
                        input type="number" id="minutes" name="minutes" min="1" max="180" value="10" inputmode="numeric" class="input-short";
                        button type="submit" class="button" { (lang.t("wall-timer-start")) }
                    }
                }
            }
        }
        section aria-labelledby="wall-moderation" {
            h2 id="wall-moderation" { (lang.t("wall-moderation-heading")) }
            p class="hint" { (lang.t("wall-moderation-hint")) }
            div data-live-src=(format!("{base}/events")) data-live-since=(page.since) {
                (moderation_live(lang, csrf, page.workshop_id, page.moderation, page.can_edit))
            }
        }
    };
    staff_page_with(lang, staff, csrf, &title, body, &["live"])
}

/// The live part of the control page: every free-text answer with where it stands and the
/// buttons that move it.
pub fn moderation_live(
    lang: Lang, csrf: &CsrfToken, workshop_id: &str, questions: &[ModerationQuestion],
    can_edit: bool,
) -> Markup {
    let action = format!("/staff/workshops/{workshop_id}/wall/cards");
    html! {
        @if questions.is_empty() {
            p { (lang.t("wall-moderation-no-questions")) }
        }
        @for q in questions {
            h3 { (q.prompt) }
            @if q.cards.is_empty() {
                p class="hint" { (lang.t("answers-none-yet")) }
            }
            ul class="answer-list" {
                @for card in &q.cards {
                    li class="card" id=(format!("card-{}", card.answer_id)) {
                        p class="answer-text" { (card.text) }
                        p class=(format!("badge wall-state-{}", state_class(card.state))) { (lang.t(state_key(card.state))) }
                        @if can_edit {
                            div class="button-row" {
                                @if matches!(card.state, CardState::Waiting | CardState::TakenDown) {
                                    (card_button(csrf, &action, &card.answer_id, "show", labelled(&lang.t("wall-card-show"), Some(&card.text))))
                                }
                                @if matches!(card.state, CardState::Waiting | CardState::Shown) {
                                    (card_button(csrf, &action, &card.answer_id, "take-down", labelled(&lang.t("wall-card-take-down"), Some(&card.text))))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn card_button(csrf: &CsrfToken, action: &str, answer: &str, what: &str, label: Markup) -> Markup {
    html! {
        form method="post" action=(action) class="inline-form" {
            (csrf_field(csrf))
            input type="hidden" name="answer_id" value=(answer);
            input type="hidden" name="decision" value=(what);
            button type="submit" class="button secondary" { (label) }
        }
    }
}

fn state_key(state: CardState) -> &'static str {
    match state {
        CardState::Waiting => "wall-state-waiting",
        CardState::Shown => "wall-state-shown",
        CardState::TakenDown => "wall-state-taken-down",
        CardState::Flagged => "wall-state-flagged",
    }
}

fn state_class(state: CardState) -> &'static str {
    match state {
        CardState::Waiting => "waiting",
        CardState::Shown => "shown",
        CardState::TakenDown => "down",
        CardState::Flagged => "flagged",
    }
}
