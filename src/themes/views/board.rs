//! The board page: themes with their key points beside the topic's answers.

use std::collections::HashMap;

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::db::{AnswerId, QuestionId, ThemeId, TopicId};
use crate::i18n::Lang;
use crate::survey::{Topic, Workshop};
use crate::themes::pii;
use crate::themes::store::undo::UndoStep;
use crate::themes::store::{BoardAnswer, KeyPoint, Theme, ThemeCounts};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{csrf_field, error_summary, move_buttons, FieldError};

/// What the board shows.
pub struct Board<'a> {
    /// The topic.
    pub topic: &'a Topic,
    /// Its workshops (filter).
    pub workshops: &'a [Workshop],
    /// Questions with free text: (id, prompt) (filter).
    pub questions: &'a [(QuestionId, String)],
    /// Themes, parents followed by their sub-themes.
    pub themes: &'a [Theme],
    /// What each theme holds.
    pub counts: &'a HashMap<ThemeId, ThemeCounts>,
    /// The cards to show (already filtered).
    pub cards: &'a [&'a BoardAnswer],
    /// Theme ids per answer.
    pub themes_of: &'a HashMap<AnswerId, Vec<ThemeId>>,
    /// Key points of the topic.
    pub key_points: &'a [KeyPoint],
    /// The newest live event of the topic's workshops when the board was read.
    pub since: i64,
    /// Current filter values.
    pub filter: &'a BoardFilter,
    /// Answers in the pile (no theme).
    pub unsorted: usize,
    /// All free-text answers.
    pub total: usize,
    /// A notice after an action.
    pub notice: Option<String>,
    /// Errors of the last form.
    pub errors: &'a [FieldError],
    /// The change just made, when it can be undone by this person.
    pub undo: Option<&'a UndoStep>,
    /// The topic's latest changes, newest first.
    pub history: &'a [UndoStep],
    /// Suggested themes for the unsorted cards.
    pub guesses: &'a crate::themes::guide::Guesses,
}

/// The board's filters (a GET form). The same values come back with every board form as
/// `return_*` fields, so an action lands on the board as it was filtered.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct BoardFilter {
    /// "unsorted" (default), "all", or a theme id.
    pub view: Option<String>,
    /// Workshop id.
    pub workshop: Option<String>,
    /// Question id.
    pub question: Option<String>,
    /// Search text.
    pub q: Option<String>,
    /// "1": only answers flagged for personal data.
    pub pii: Option<String>,
    /// "1": each unsorted card shows the themes suggested for it.
    pub guesses: Option<String>,
    /// The change to offer undoing (not a filter: left out of [`Self::query`]).
    pub undo: Option<String>,
}

impl BoardFilter {
    /// The view, defaulting to the unsorted pile.
    pub fn view(&self) -> &str {
        self.view.as_deref().filter(|v| !v.is_empty()).unwrap_or("unsorted")
    }

    /// Whether only answers flagged for personal data are shown.
    pub fn only_pii(&self) -> bool {
        self.pii.as_deref() == Some("1")
    }

    /// Whether the cards show their suggested themes.
    pub fn show_guesses(&self) -> bool {
        self.guesses.as_deref() == Some("1")
    }

    /// The search text, trimmed; None when empty.
    pub fn needle(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }

    /// The filter as a query string of its non-empty values (encoded), "" when unfiltered.
    pub fn query(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        let view = self.view.as_deref().filter(|v| !v.is_empty() && *v != "unsorted");
        let pairs = [
            ("view", view),
            ("workshop", self.workshop.as_deref()),
            ("question", self.question.as_deref()),
            ("q", self.needle()),
            ("pii", self.only_pii().then_some("1")),
            ("guesses", self.show_guesses().then_some("1")),
        ];
        for (name, value) in pairs {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                out.append_pair(name, v);
            }
        }
        out.finish()
    }
}

/// The hidden fields that bring a board form back to the board as filtered.
pub(super) fn return_fields(filter: &BoardFilter) -> Markup {
    html! {
        input type="hidden" name="return_view" value=(filter.view());
        @if let Some(w) = filter.workshop.as_deref().filter(|w| !w.is_empty()) { input type="hidden" name="return_workshop" value=(w); }
        @if let Some(q) = filter.question.as_deref().filter(|q| !q.is_empty()) { input type="hidden" name="return_question" value=(q); }
        @if let Some(q) = filter.needle() { input type="hidden" name="return_q" value=(q); }
        @if filter.only_pii() { input type="hidden" name="return_pii" value="1"; }
        @if filter.show_guesses() { input type="hidden" name="return_guesses" value="1"; }
    }
}

/// The themes as options of a select, sub-themes indented.
fn theme_options(lang: Lang, themes: &[Theme], selected: Option<&str>) -> Markup {
    html! {
        @for t in themes {
            option value=(t.id) selected[selected == Some(t.id.as_str())] {
                @if t.parent_id.is_some() { "— " } (t.title)
            }
        }
        @if themes.is_empty() { option value="" { (lang.t("board-no-themes")) } }
    }
}

/// The board page.
pub fn board_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, b: &Board<'_>) -> Markup {
    let topic = b.topic;
    let title = lang.t_args("board-title", &[("topic", topic.title.as_str().into())]);
    let base = format!("/staff/topics/{}", topic.id);
    let view = b.filter.view();
    let viewing_theme = b.themes.iter().find(|t| t.id.as_str() == view);
    let editor = staff.role().can_edit();
    let body = html! {
        a class="back-link" href="/staff" { (lang.t("nav-overview")) }
        (error_summary(lang, b.errors))
        @if let Some(n) = &b.notice {
            div class="notice" role="status" {
                p { (n) }
                @if let Some(step) = b.undo.filter(|_| editor) { (undo_form(lang, csrf, step, b.filter, true)) }
            }
        }
        h1 { (title) }
        p { (lang.t_args("board-counts", &[("total", b.total.into()), ("unsorted", b.unsorted.into())])) }
        // New answers while the board is open: a notice with a link, never a redrawn board
        // under someone's hands (live.js; without it the board is as loaded).
        div role="status" data-live-src=(format!("{base}/board/events?answers={}", b.total)) data-live-since=(b.since) {}
        @let closed: Vec<&Workshop> = b.workshops.iter().filter(|w| w.status.is_closed()).collect();
        @if !closed.is_empty() {
            ul class="hint retention-lines" {
                @for w in closed { li { (w.title) ": " (crate::survey::retention_line(lang, w)) } }
            }
        }
        ul class="link-list" {
            li { a href=(format!("{base}/suggestions")) { (lang.t("board-suggest")) } }
            li { a href=(format!("{base}/quotes")) { (lang.t("board-quotes")) } }
        }
        div class="board-grid" {
        div class="board-col board-themes" {
        section aria-labelledby="themes-heading" {
            h2 id="themes-heading" { (lang.t("board-themes")) }
            @if b.themes.is_empty() { p { (lang.t("board-no-themes")) } }
            ul class="theme-list" {
                @for (i, t) in b.themes.iter().enumerate() {
                    @let counts = b.counts.get(&t.id).copied().unwrap_or_default();
                    li class={ "theme" @if t.parent_id.is_some() { " sub-theme" } } id=(format!("theme-{}", t.id)) data-theme=(t.id) data-key=[(i < 9).then(|| i + 1)] {
                        p class="card-title" {
                            a href=(format!("{base}/board?view={}", t.id)) { (t.title) }
                            @if editor && i < 9 { " " span class="key-hint" hidden { (lang.t("board-key")) " " kbd { (i + 1) } } }
                        }
                        p class="hint" { (super::counts_line(lang, &counts)) }
                        @if !t.summary.is_empty() { p { (t.summary) } }
                        @let points = b.key_points.iter().filter(|k| k.theme_id.as_ref() == Some(&t.id)).count();
                        @if points > 0 {
                            // Folded so that many themes fit beside the cards.
                            details class="kp-fold" {
                                summary { (lang.t_args("key-points-count", &[("count", points.into())])) span class="visually-hidden" { ": " (t.title) } }
                                (key_point_list(lang, csrf, editor, b.key_points, Some(&t.id)))
                            }
                        }
                        @if editor { (theme_actions(lang, csrf, &base, t, b.themes)) }
                        @let steps: Vec<&UndoStep> = b.history.iter().filter(|s| s.touches(&t.id)).collect();
                        @if editor && !steps.is_empty() {
                            details class="theme-history" {
                                summary { (lang.t("history")) span class="visually-hidden" { ": " (t.title) } }
                                (history_list(lang, csrf, &steps, b.filter))
                            }
                        }
                    }
                }
            }
            @if editor {
                form method="post" action=(format!("{base}/themes")) class="panel" {
                    (csrf_field(csrf))
                    h3 { (lang.t("theme-new")) }
                    div class="field" {
                        label for="new-theme-title" { (lang.t("field-title")) }
                        input type="text" id="new-theme-title" name="title" autocomplete="off";
                    }
                    div class="field" {
                        label for="new-theme-parent" { (lang.t("theme-parent")) }
                        select id="new-theme-parent" name="parent_id" {
                            option value="" { (lang.t("theme-parent-none")) }
                            @for t in b.themes.iter().filter(|t| t.parent_id.is_none()) { option value=(t.id) { (t.title) } }
                        }
                    }
                    button type="submit" class="button" { (lang.t("theme-create")) }
                }
            }
        }
        @if editor && !b.history.is_empty() {
            details class="board-history" {
                summary { (lang.t("history-topic")) }
                (history_list(lang, csrf, &b.history.iter().collect::<Vec<_>>(), b.filter))
            }
        }
        section aria-labelledby="kp-heading" {
            h2 id="kp-heading" { (lang.t("key-points-topic")) }
            (key_point_list(lang, csrf, editor, b.key_points, None))
            @if editor { (topic_key_point_form(lang, csrf, &topic.id)) }
        }
        }
        div class="board-col board-answers" {
        script src=(crate::web::assets::url("board")) defer {}
        script src=(crate::web::assets::url("live")) defer {}
        section aria-labelledby="answers-heading" {
            h2 id="answers-heading" {
                @match viewing_theme {
                    Some(t) => (lang.t_args("board-answers-in", &[("theme", t.title.as_str().into())])),
                    None if view == "all" => (lang.t("board-answers-all")),
                    None => (lang.t("board-answers-unsorted")),
                }
                " " span class="count" { "(" (b.cards.len()) ")" }
            }
            (filter_form(lang, b, &base))
            @if b.themes.len() >= 2 { (super::guesses::guesses_panel(lang, csrf, &topic.id, b.guesses, b.filter, editor)) }
            @if editor { (keyboard_help(lang)) }
            @if b.cards.is_empty() { p { (lang.t("board-no-answers")) } }
            @else {
                form method="post" action=(format!("{base}/assign")) id="assign-form" {
                    (csrf_field(csrf))
                    (return_fields(b.filter))
                    @for group in groups(b.cards) {
                        h3 class="card-group" {
                            @if b.filter.workshop.as_deref().is_none_or(str::is_empty) { span class="hint" { (group[0].workshop) ": " } }
                            (group[0].question)
                        }
                        ul class="cards" {
                            @for a in group { (card(lang, b, editor, a)) }
                        }
                    }
                    @if editor { (assign_bar(lang, b, viewing_theme.is_some())) }
                }
            }
        }
        }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}

/// The cards in runs of the same workshop and question (they come sorted that way).
fn groups<'a>(cards: &'a [&'a BoardAnswer]) -> Vec<&'a [&'a BoardAnswer]> {
    cards
        .chunk_by(|x, y| x.workshop_id == y.workshop_id && x.question_id == y.question_id)
        .collect()
}

/// One answer: its words first, then small: how it was given (when not by the person on their
/// own phone), personal-data flags, its themes as chips that can be taken off in place.
fn card(lang: Lang, b: &Board<'_>, editor: bool, a: &BoardAnswer) -> Markup {
    let short: String = a.value.chars().take(40).collect();
    html! {
        li class="answer-card" data-answer=(a.id) {
            @if editor { input type="checkbox" id=(format!("a-{}", a.id)) name="answer" value=(a.id); }
            div class="card-body" {
            @if editor {
                label for=(format!("a-{}", a.id)) class="answer-text" { (a.value) }
            } @else {
                p class="answer-text" { (a.value) }
            }
            div class="card-meta" {
                @if a.entered_by != crate::participant::EnteredBy::Participant || a.source == crate::participant::Source::Flipchart {
                    (super::answer_badge(lang, a)) " "
                }
                @for kind in pii::kinds(&a.value) { span class="badge badge-pii" { (lang.t(kind.label_key())) } " " }
                @for tid in b.themes_of.get(&a.id).into_iter().flatten() {
                    @if let Some(t) = b.themes.iter().find(|t| &t.id == tid) {
                        span class="chip" {
                            (t.title)
                            @if editor {
                                button type="submit" class="chip-remove" formaction=(format!("/staff/themes/{}/answers/{}/remove", t.id, a.id)) {
                                    span aria-hidden="true" { "×" }
                                    span class="visually-hidden" { (lang.t_args("chip-remove", &[("theme", t.title.as_str().into()), ("answer", short.as_str().into())])) }
                                }
                            }
                        }
                        " "
                    }
                }
                @if editor {
                    @if let Some(guesses) = b.guesses.by_answer.get(&a.id) { (super::guesses::card_guesses(lang, a, guesses)) " " }
                    a class="card-link" href=(format!("/staff/answers/{}/quote", a.id)) { (lang.t("quote-propose")) span class="visually-hidden" { ": " (short) } }
                }
            }
            }
        }
    }
}

/// The filters: which pile or theme, workshop, question, flagged only, words.
fn filter_form(lang: Lang, b: &Board<'_>, base: &str) -> Markup {
    let view = b.filter.view();
    html! {
        form method="get" action=(format!("{base}/board")) class="filters" {
            div class="field" {
                label for="view" { (lang.t("board-show")) }
                select id="view" name="view" {
                    option value="unsorted" selected[view == "unsorted"] { (lang.t("board-answers-unsorted")) }
                    option value="all" selected[view == "all"] { (lang.t("board-answers-all")) }
                    (theme_options(lang, b.themes, Some(view)))
                }
            }
            div class="field" {
                label for="workshop" { (lang.t("board-workshop")) }
                select id="workshop" name="workshop" {
                    option value="" { (lang.t("board-all")) }
                    @for w in b.workshops { option value=(w.id) selected[b.filter.workshop.as_deref() == Some(w.id.as_str())] { (w.title) } }
                }
            }
            div class="field" {
                label for="question" { (lang.t("board-question")) }
                select id="question" name="question" {
                    option value="" { (lang.t("board-all")) }
                    @for (id, prompt) in b.questions { option value=(id) selected[b.filter.question.as_deref() == Some(id.as_str())] { (prompt) } }
                }
            }
            div class="field" {
                label for="q" { (lang.t("board-search")) }
                input type="search" id="q" name="q" value=(b.filter.q.as_deref().unwrap_or(""));
            }
            div class="field checkbox-field" {
                input type="checkbox" id="pii" name="pii" value="1" checked[b.filter.only_pii()];
                label for="pii" { (lang.t("board-only-pii")) }
            }
            @if b.themes.len() >= 2 {
                div class="field checkbox-field" {
                    input type="checkbox" id="guesses" name="guesses" value="1" checked[b.filter.show_guesses()];
                    label for="guesses" { (lang.t("board-show-guesses")) }
                }
            }
            button type="submit" class="button secondary" { (lang.t("board-filter")) }
        }
    }
}

/// What to do with the chosen cards: into a theme, out of the one shown, or into a new one.
fn assign_bar(lang: Lang, b: &Board<'_>, viewing_theme: bool) -> Markup {
    html! {
        div class="assign-bar" {
            p class="visually-hidden" { (lang.t("assign-bar")) }
            @if !b.themes.is_empty() {
                div class="bar-group" {
                    label for="target" { (lang.t("assign-target")) }
                    select id="target" name="theme_id" { (theme_options(lang, b.themes, None)) }
                    button type="submit" class="button" name="action" value="add" { (lang.t("assign-add")) }
                    @if viewing_theme {
                        input type="hidden" name="from_theme" value=(b.filter.view());
                        button type="submit" class="button secondary" name="action" value="move" { (lang.t("assign-move")) }
                        button type="submit" class="button secondary" name="action" value="remove" { (lang.t("assign-remove")) }
                    }
                }
            }
        }
        div class="new-theme-bar" {
            div class="bar-group" {
                label for="new-title" { (lang.t("assign-new-title")) }
                input type="text" id="new-title" name="new_title" autocomplete="off";
                button type="submit" class="button secondary" name="action" value="new" { (lang.t("assign-new")) }
            }
        }
    }
}

/// "Fortryd": undoes one step and comes back to the board as filtered.
fn undo_form(
    lang: Lang, csrf: &CsrfToken, step: &UndoStep, filter: &BoardFilter, main: bool,
) -> Markup {
    html! {
        form method="post" action=(format!("/staff/undo/{}", step.id)) class="undo-form inline-form" {
            (csrf_field(csrf))
            (return_fields(filter))
            button type="submit" class={ "button" @if !main { " secondary small" } } {
                (lang.t("undo"))
                span class="visually-hidden" { ": " (step_line(lang, step)) }
            }
        }
    }
}

/// A step in words: "Lagt i «Bolig»", "Slettet: «Ensomhed»".
pub fn step_line(lang: Lang, step: &UndoStep) -> String {
    lang.t_args(&format!("undo-step-{}", step.action), &[("themes", step.summary.as_str().into())])
}

/// The latest changes with "Fortryd" on those not undone yet.
fn history_list(lang: Lang, csrf: &CsrfToken, steps: &[&UndoStep], filter: &BoardFilter) -> Markup {
    html! {
        ol class="history" reversed {
            @for step in steps {
                li {
                    span { (step_line(lang, step)) }
                    " " span class="hint" { (step.created_at.format("%d.%m. %H:%M")) }
                    " "
                    @if step.undone_at.is_some() { span class="badge" { (lang.t("undone")) } }
                    @else { (undo_form(lang, csrf, step, filter, false)) }
                }
            }
        }
    }
}

/// The board's keys, shown once the script that makes them work has run.
fn keyboard_help(lang: Lang) -> Markup {
    html! {
        details class="keyboard-help" hidden {
            summary { (lang.t("board-keys")) }
            ul {
                li { kbd { "↓" } " " kbd { "↑" } " " (lang.t("board-keys-move")) }
                li { kbd { "1" } "–" kbd { "9" } " " (lang.t("board-keys-theme")) }
                li { kbd { "N" } " " (lang.t("board-keys-new")) }
                li { kbd { "Z" } " " (lang.t("board-keys-undo")) }
                li { kbd { (lang.t("board-keys-space")) } " " (lang.t("board-keys-select")) }
            }
        }
    }
}

fn theme_actions(lang: Lang, csrf: &CsrfToken, base: &str, t: &Theme, all: &[Theme]) -> Markup {
    html! {
        details class="theme-actions" {
            summary { (lang.t("theme-edit")) span class="visually-hidden" { ": " (t.title) } }
            form method="post" action=(format!("/staff/themes/{}", t.id)) {
                (csrf_field(csrf))
                input type="hidden" name="version" value=(t.version);
                div class="field" {
                    label for=(format!("title-{}", t.id)) { (lang.t("field-title")) }
                    input type="text" id=(format!("title-{}", t.id)) name="title" value=(t.title);
                }
                div class="field" {
                    label for=(format!("summary-{}", t.id)) { (lang.t("theme-summary")) }
                    textarea id=(format!("summary-{}", t.id)) name="summary" rows="2" { (t.summary) }
                }
                button type="submit" class="button" { (lang.t("save")) }
            }
            form method="post" action=(format!("/staff/themes/{}/key-points", t.id)) {
                (csrf_field(csrf))
                div class="field" {
                    label for=(format!("kp-{}", t.id)) { (lang.t("key-point-new")) }
                    textarea id=(format!("kp-{}", t.id)) name="text" rows="2" {}
                }
                button type="submit" class="button secondary" { (lang.t("key-point-add")) }
            }
            div class="row-actions" {
                (move_buttons(lang, csrf, &format!("/staff/themes/{}/move", t.id), Some(&t.title)))
                form method="post" action=(format!("/staff/themes/{}/delete", t.id)) class="inline-form" {
                    (csrf_field(csrf))
                    button type="submit" class="link-button" { (lang.t("delete")) span class="visually-hidden" { ": " (t.title) } }
                }
            }
            @let others: Vec<&Theme> = all.iter().filter(|o| o.id != t.id && o.parent_id.as_ref() != Some(&t.id)).collect();
            @if !others.is_empty() {
                form method="post" action=(format!("/staff/themes/{}/merge", t.id)) class="row-form" {
                    (csrf_field(csrf))
                    label for=(format!("merge-{}", t.id)) { (lang.t("theme-merge-into")) }
                    select id=(format!("merge-{}", t.id)) name="into" {
                        @for o in others { option value=(o.id) { (o.title) } }
                    }
                    button type="submit" class="button secondary" { (lang.t("theme-merge")) }
                }
            }
            p class="hint" { a href=(format!("{base}/board?view={}", t.id)) { (lang.t("theme-split-hint")) } }
        }
    }
}

fn key_point_list(
    lang: Lang, csrf: &CsrfToken, editor: bool, all: &[KeyPoint], theme: Option<&ThemeId>,
) -> Markup {
    let points: Vec<&KeyPoint> = all.iter().filter(|k| k.theme_id.as_ref() == theme).collect();
    html! {
        @if !points.is_empty() {
            ol class="key-points" {
                @for k in &points {
                    li {
                        span class="key-point-text" { (k.text) }
                        @if editor {
                            details class="kp-actions" {
                                summary { (lang.t("edit")) span class="visually-hidden" { ": " (k.text.chars().take(40).collect::<String>()) } }
                                form method="post" action=(format!("/staff/key-points/{}", k.id)) {
                                    (csrf_field(csrf))
                                    input type="hidden" name="version" value=(k.version);
                                    label for=(format!("kpt-{}", k.id)) class="visually-hidden" { (lang.t("key-point")) }
                                    textarea id=(format!("kpt-{}", k.id)) name="text" rows="2" { (k.text) }
                                    button type="submit" class="button secondary" { (lang.t("save")) }
                                }
                                div class="row-actions" {
                                    (move_buttons(lang, csrf, &format!("/staff/key-points/{}/move", k.id), None))
                                    (crate::web::layout::confirm_delete(lang, csrf, &format!("/staff/key-points/{}/delete", k.id), &lang.t("key-point-delete-warning"), None))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The form that adds a topic-level key point.
pub fn topic_key_point_form(lang: Lang, csrf: &CsrfToken, topic_id: &TopicId) -> Markup {
    html! {
        form method="post" action=(format!("/staff/topics/{topic_id}/key-points")) {
            (csrf_field(csrf))
            div class="field" {
                label for="kp-topic" { (lang.t("key-point-new")) }
                textarea id="kp-topic" name="text" rows="2" {}
            }
            button type="submit" class="button secondary" { (lang.t("key-point-add")) }
        }
    }
}

/// The board's live notice: how many free-text answers came since the board was loaded.
pub fn new_answers_notice(lang: Lang, topic: &TopicId, new: usize) -> Markup {
    html! {
        @if new > 0 {
            p class="notice" {
                (lang.t_args("board-new-answers", &[("count", new.into())])) " "
                a href=(format!("/staff/topics/{topic}/board")) { (lang.t("board-reload")) }
            }
        }
    }
}
