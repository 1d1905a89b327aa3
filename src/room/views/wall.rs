//! The wall: a page of its own, made for a projector, and its live part.

use maud::{html, Markup, DOCTYPE};

use crate::i18n::Lang;
use crate::room::domain::{ItemTally, RoundKind, WallWord};
use crate::room::WallContent;

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
        @if let Some(round) = &content.round { (round_on_wall(lang, round)) }
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

/// The round on the wall: each item with its verdicts (member check) or the ranking by dots.
pub fn round_on_wall(lang: Lang, round: &RoundOnWall) -> Markup {
    html! {
        section class="wall-question wall-round" aria-labelledby="wall-round" {
            @match round.kind {
                RoundKind::Check => {
                    h2 id="wall-round" { (lang.t("round-check-title")) }
                    ul class="wall-bars" {
                        @for (text, t) in &round.items {
                            li class="wall-check" {
                                span class="wall-bar-label" { (text) }
                                (verdict_bar(t))
                                span class="wall-check-n" { (check_line(lang, t)) }
                            }
                        }
                    }
                }
                RoundKind::Vote => {
                    h2 id="wall-round" { (lang.t("round-vote-title")) }
                    @let most = round.items.iter().map(|(_, t)| t.dots).max().unwrap_or(0).max(1);
                    ol class="wall-bars wall-ranking" {
                        @for (text, t) in &round.items {
                            li {
                                span class="wall-bar-label" { (text) }
                                svg class="wall-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" {
                                    rect x="0" y="0" height="10" width=(format!("{:.1}", t.dots as f64 * 100.0 / most as f64)) {}
                                }
                                span class="wall-bar-n" { (lang.t_args("round-dots", &[("dots", t.dots.into())])) }
                            }
                        }
                    }
                }
            }
            @if round.open {
                div class="wall-round-join" {
                    @if let Some(qr) = &round.qr_src {
                        img class="wall-qr" src=(qr) alt=(lang.t_args("qr-alt", &[("url", round.url.as_str().into())]));
                    }
                    p { (lang.t_args("round-on-wall-go", &[("address", round.address.as_str().into())])) }
                }
            }
        }
    }
}

/// Yes, partly and no as one stacked bar (the numbers are the text beside it).
fn verdict_bar(t: &ItemTally) -> Markup {
    let all = t.answered().max(1) as f64;
    let (yes, partly) = (t.yes as f64 * 100.0 / all, t.partly as f64 * 100.0 / all);
    html! {
        svg class="wall-bar wall-verdicts" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" {
            rect class="v-yes" x="0" y="0" height="10" width=(format!("{yes:.1}")) {}
            rect class="v-partly" x=(format!("{yes:.1}")) y="0" height="10" width=(format!("{partly:.1}")) {}
            rect class="v-no" x=(format!("{:.1}", yes + partly)) y="0" height="10" width=(format!("{:.1}", (100.0 - yes - partly).max(0.0))) {}
        }
    }
}

/// "9 ja · 2 delvist · 1 nej".
pub fn check_line(lang: Lang, t: &ItemTally) -> String {
    lang.t_args(
        "round-check-line",
        &[("yes", t.yes.into()), ("partly", t.partly.into()), ("no", t.no.into())],
    )
}

/// A round as the wall shows it.
pub struct RoundOnWall {
    /// Check or vote.
    pub kind: RoundKind,
    /// Whether the room can still answer.
    pub open: bool,
    /// Items with their tallies, in order (a vote: most dots first).
    pub items: Vec<(String, ItemTally)>,
    /// Where phones answer: "deltag.dk/j/48479222/rum" as text.
    pub address: String,
    /// The same as a link.
    pub url: String,
    /// Its QR code while the round is open.
    pub qr_src: Option<String>,
}
