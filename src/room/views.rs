//! The wall (a page of its own, made for a projector) and its control page for staff.

use maud::{html, Markup, DOCTYPE};

use super::domain::{CardState, ItemTally, RoundKind, Verdict, WallWord};
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
    /// The newest round with its items, their tallies and the show of hands.
    pub round: Option<RoundControl>,
    /// How many themes and key points the topic has to put to the room.
    pub topic_has: (usize, usize),
    /// Where phones answer the room's question.
    pub round_address: String,
}

/// The newest round as the control page shows it.
pub struct RoundControl {
    /// The round.
    pub round: super::store::Round,
    /// Its items with their tally and the recorded show of hands (yes, partly, no).
    pub items: Vec<(super::store::RoundItem, ItemTally, [i32; 3])>,
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
                    div class="field checkbox" {
                        input type="checkbox" id="show_join" name="show_join" value="yes" checked[page.wall.show_join];
                        label for="show_join" { (lang.t("wall-show-join")) }
                    }
                    fieldset {
                        legend { (lang.t("wall-view-legend")) }
                        div class="choice" {
                            input type="radio" id="view-cards" name="view" value="cards" checked[!page.wall.word_view];
                            label for="view-cards" { (lang.t("wall-view-cards")) }
                        }
                        div class="choice" {
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
                    div class="field checkbox" {
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
        (round_section(lang, csrf, &base, page))
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

/// What a participant's round page shows.
pub struct RoundPage<'a> {
    /// The join code (the page's address).
    pub code: &'a str,
    /// The open round and its items; `None` when nothing is asked now.
    pub round: Option<(&'a super::store::Round, &'a [super::store::RoundItem])>,
    /// What this person said before, by item: verdict, comment, dots.
    pub mine: &'a super::store::PersonsAnswers,
    /// Errors of a vote that was not taken.
    pub errors: &'a [crate::web::layout::FieldError],
    /// Whether they just sent it.
    pub sent: bool,
}

/// The participant's page for the room's question: a member check (a fieldset of three
/// choices and an optional comment per theme or key point) or dot voting (a number per item),
/// on the same accessible pages as the survey, without JavaScript.
pub fn round_page(lang: Lang, csrf: &CsrfToken, page: &RoundPage<'_>) -> Markup {
    use crate::web::layout::{error_message, error_summary, title_with_errors};
    let action = format!("/j/{}/rum", page.code);
    let (title, body) = match page.round {
        None => {
            let title = lang.t("round-none-title");
            let body = html! {
                h1 { (title) }
                p { (lang.t("round-none-text")) }
                p { a href=(format!("/j/{}", page.code)) { (lang.t("round-back")) } }
            };
            (title, body)
        }
        Some((round, items)) if round.kind == RoundKind::Check => {
            let title = title_with_errors(lang, &lang.t("round-check-title"), page.errors);
            let body = html! {
                (error_summary(lang, page.errors))
                @if page.sent { p class="notice" role="status" { (lang.t("round-sent")) } }
                h1 { (lang.t("round-check-title")) }
                p { (lang.t("round-check-intro")) }
                form method="post" action=(action) {
                    (csrf_field(csrf))
                    input type="hidden" name="round_id" value=(round.id);
                    @for item in items {
                        @let (said, comment, _) = page.mine.get(&item.id).cloned().unwrap_or_default();
                        fieldset class="round-item" {
                            legend { (item.text) }
                            @for v in Verdict::ALL {
                                @let id = format!("v-{}-{}", item.id, v.as_str());
                                div class="choice" {
                                    input type="radio" id=(id) name=(format!("v-{}", item.id)) value=(v.as_str()) checked[said == Some(*v)];
                                    label for=(id) { (lang.t(v.label_key())) }
                                }
                            }
                            label for=(format!("c-{}", item.id)) { (lang.t("round-comment")) }
                            textarea id=(format!("c-{}", item.id)) name=(format!("c-{}", item.id)) rows="2" { (comment) }
                        }
                    }
                    button type="submit" class="button" { (lang.t("round-send")) }
                }
            };
            (title, body)
        }
        Some((round, items)) => {
            let title = title_with_errors(lang, &lang.t("round-vote-title"), page.errors);
            let error = page.errors.first();
            let body = html! {
                (error_summary(lang, page.errors))
                @if page.sent { p class="notice" role="status" { (lang.t("round-sent")) } }
                h1 { (lang.t("round-vote-title")) }
                p { (lang.t_args("round-vote-intro", &[("dots", round.dots.into())])) }
                form method="post" action=(action) {
                    (csrf_field(csrf))
                    input type="hidden" name="round_id" value=(round.id);
                    fieldset class=[error.map(|_| "has-error")] aria-describedby=[error.map(|_| "dots-error")] {
                        legend { (lang.t("round-vote-legend")) }
                        (error_message(lang, "dots", error))
                        @for (i, item) in items.iter().enumerate() {
                            @let given = page.mine.get(&item.id).map_or(0, |m| m.2);
                            div class="field" {
                                label for=(if i == 0 { "dots".to_owned() } else { format!("d-{}", item.id) }) { (item.text) }
                                select id=(if i == 0 { "dots".to_owned() } else { format!("d-{}", item.id) }) name=(format!("d-{}", item.id)) class="input-short" {
                                    @for n in 0..=round.dots {
                                        option value=(n) selected[n == given] { (lang.t_args("round-dots", &[("dots", n.into())])) }
                                    }
                                }
                            }
                        }
                    }
                    button type="submit" class="button" { (lang.t("round-vote-send")) }
                }
            };
            (title, body)
        }
    };
    crate::web::layout::page(lang, &title, None, body)
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

/// "Spørg rummet": the open or newest round with its results, the show of hands, and the form
/// that opens a new one.
fn round_section(lang: Lang, csrf: &CsrfToken, base: &str, page: &ControlPage<'_>) -> Markup {
    let (themes, points) = page.topic_has;
    html! {
        section aria-labelledby="wall-round-heading" {
            h2 id="wall-round-heading" { (lang.t("round-heading")) }
            p { (lang.t_args("round-where", &[("address", page.round_address.as_str().into())])) }
            @if let Some(rc) = &page.round {
                @let open = rc.round.closed_at.is_none();
                h3 { (lang.t(if rc.round.kind == RoundKind::Check { "round-check-title" } else { "round-vote-title" })) }
                p { (lang.t(if open { "round-is-open" } else { "round-is-closed" })) }
                div class="table-scroll" {
                table class="tally" {
                    caption class="visually-hidden" { (lang.t("round-results")) }
                    thead { tr {
                        th scope="col" { (lang.t("round-item")) }
                        @if rc.round.kind == RoundKind::Check {
                            @for key in ["round-col-yes", "round-col-partly", "round-col-no"] { th scope="col" class="num" { (lang.t(key)) } }
                        } @else {
                            th scope="col" class="num" { (lang.t("round-dots-heading")) }
                            th scope="col" class="num" { (lang.t("round-voters")) }
                        }
                    } }
                    tbody {
                        @for (item, t, _) in &rc.items {
                            tr {
                                th scope="row" { (item.text) }
                                @if rc.round.kind == RoundKind::Check {
                                    td class="num" { (t.yes) } td class="num" { (t.partly) } td class="num" { (t.no) }
                                } @else {
                                    td class="num" { (t.dots) } td class="num" { (t.voters) }
                                }
                            }
                        }
                    }
                }
                }
                @if page.can_edit && rc.round.kind == RoundKind::Check {
                    h4 { (lang.t("round-hands-heading")) }
                    p class="hint" { (lang.t("round-hands-hint")) }
                    @for (item, _, hands) in &rc.items {
                        form method="post" action=(format!("{base}/hands")) class="hands-form" {
                            (csrf_field(csrf))
                            input type="hidden" name="item_id" value=(item.id);
                            fieldset {
                                legend { (item.text) }
                                div class="hands" {
                                    @for (i, v) in Verdict::ALL.iter().enumerate() {
                                        @let id = format!("h-{}-{}", item.id, v.as_str());
                                        div class="field" {
                                            label for=(id) { (lang.t(v.label_key())) }
                                            input type="number" id=(id) name=(v.as_str()) min="0" max="1000" inputmode="numeric" class="input-short" value=(hands[i]);
                                        }
                                    }
                                }
                                button type="submit" class="button secondary" { (labelled(&lang.t("round-hands-save"), Some(&item.text))) }
                            }
                        }
                    }
                }
                @if page.can_edit {
                    div class="button-row" {
                        @if open {
                            (post_button(csrf, &format!("{base}/round/close"), None, html! { (lang.t("round-close")) }))
                        }
                        @if rc.round.kind == RoundKind::Vote && rc.items.iter().any(|(i, _, _)| i.key_point_id.is_some()) {
                            (post_button(csrf, &format!("{base}/order"), Some(("round_id", rc.round.id.as_str())), html! { (lang.t("round-use-order")) }))
                        }
                    }
                }
            }
            @if page.can_edit {
                @if themes + points == 0 {
                    p class="hint" { (lang.t("round-nothing-to-ask")) }
                } @else {
                    form method="post" action=(format!("{base}/round")) {
                        (csrf_field(csrf))
                        fieldset {
                            legend { (lang.t("round-kind-legend")) }
                            div class="choice" {
                                input type="radio" id="kind-check" name="kind" value="check" checked;
                                label for="kind-check" { (lang.t("round-kind-check")) }
                            }
                            div class="choice" {
                                input type="radio" id="kind-vote" name="kind" value="vote";
                                label for="kind-vote" { (lang.t("round-kind-vote")) }
                            }
                        }
                        fieldset {
                            legend { (lang.t("round-about-legend")) }
                            @if points > 0 {
                                div class="choice" {
                                    input type="radio" id="about-points" name="about" value="key-points" checked;
                                    label for="about-points" { (lang.t_args("round-about-points", &[("count", points.into())])) }
                                }
                            }
                            @if themes > 0 {
                                div class="choice" {
                                    input type="radio" id="about-themes" name="about" value="themes" checked[points == 0];
                                    label for="about-themes" { (lang.t_args("round-about-themes", &[("count", themes.into())])) }
                                }
                            }
                        }
                        div class="field" {
                            label for="dots" { (lang.t("round-dots-label")) }
                            select id="dots" name="dots" class="input-short" {
                                @for n in 1..=super::domain::MAX_DOTS { option value=(n) selected[n == 3] { (n) } }
                            }
                        }
                        button type="submit" class="button" { (lang.t("round-open")) }
                    }
                }
            }
        }
    }
}
