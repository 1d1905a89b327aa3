//! The wall's control page for staff: the link, what the wall shows, the timer, the room's
//! rounds and the moderation list.

use maud::{html, Markup};

use crate::auth::{staff_page_with, Staff};
use crate::i18n::Lang;
use crate::room::domain::{CardState, ItemTally, RoundKind, Verdict};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{csrf_field, labelled, post_button};

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
    pub wall: &'a crate::room::store::Wall,
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
    pub round: crate::room::store::Round,
    /// Its items with their tally and the recorded show of hands (yes, partly, no).
    pub items: Vec<(crate::room::store::RoundItem, ItemTally, [i32; 3])>,
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
                                @for n in 1..=crate::room::domain::MAX_DOTS { option value=(n) selected[n == 3] { (n) } }
                            }
                        }
                        button type="submit" class="button" { (lang.t("round-open")) }
                    }
                }
            }
        }
    }
}
