//! The board page: themes with their key points beside the topic's answers.

use std::collections::HashMap;

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::db::{AnswerId, QuestionId, ThemeId, TopicId};
use crate::i18n::Lang;
use crate::survey::{Topic, Workshop};
use crate::themes::pii;
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
}

/// The board's filters (a GET form).
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
}

impl BoardFilter {
    /// The view, defaulting to the unsorted pile.
    pub fn view(&self) -> &str {
        self.view.as_deref().filter(|v| !v.is_empty()).unwrap_or("unsorted")
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
        @if let Some(n) = &b.notice { p class="notice" role="status" { (n) } }
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
        div class="board-col" {
        section aria-labelledby="themes-heading" {
            h2 id="themes-heading" { (lang.t("board-themes")) }
            @if b.themes.is_empty() { p { (lang.t("board-no-themes")) } }
            ul class="theme-list" {
                @for t in b.themes {
                    @let counts = b.counts.get(&t.id).copied().unwrap_or_default();
                    li class={ "theme" @if t.parent_id.is_some() { " sub-theme" } } id=(format!("theme-{}", t.id)) data-theme=(t.id) {
                        p class="card-title" {
                            a href=(format!("{base}/board?view={}", t.id)) { (t.title) }
                        }
                        p class="hint" { (super::counts_line(lang, &counts)) }
                        @if !t.summary.is_empty() { p { (t.summary) } }
                        (key_point_list(lang, csrf, editor, b.key_points, Some(&t.id)))
                        @if editor { (theme_actions(lang, csrf, &base, t, b.themes)) }
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
        section aria-labelledby="kp-heading" {
            h2 id="kp-heading" { (lang.t("key-points-topic")) }
            (key_point_list(lang, csrf, editor, b.key_points, None))
            @if editor { (topic_key_point_form(lang, csrf, &topic.id)) }
        }
        }
        div class="board-col" {
        script src=(crate::web::assets::url("board")) defer {}
        script src=(crate::web::assets::url("live")) defer {}
        section aria-labelledby="answers-heading" {
            h2 id="answers-heading" {
                @match viewing_theme {
                    Some(t) => (lang.t_args("board-answers-in", &[("theme", t.title.as_str().into())])),
                    None if view == "all" => (lang.t("board-answers-all")),
                    None => (lang.t("board-answers-unsorted")),
                }
            }
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
                button type="submit" class="button secondary" { (lang.t("board-filter")) }
            }
            @if b.cards.is_empty() { p { (lang.t("board-no-answers")) } }
            @else {
                form method="post" action=(format!("{base}/assign")) id="assign-form" {
                    (csrf_field(csrf))
                    input type="hidden" name="return_view" value=(view);
                    ul class="cards" {
                        @for a in b.cards {
                            li class="answer-card" data-answer=(a.id) {
                                @if editor {
                                    input type="checkbox" id=(format!("a-{}", a.id)) name="answer" value=(a.id);
                                }
                                div {
                                    @if editor {
                                        label for=(format!("a-{}", a.id)) class="answer-text" { (a.value) }
                                    } @else {
                                        p class="answer-text" { (a.value) }
                                    }
                                    p class="hint" { (a.question) " · " (a.workshop) }
                                    p class="badges" {
                                        (super::answer_badge(lang, a))
                                        @for kind in pii::kinds(&a.value) { " " span class="badge badge-pii" { (lang.t(kind.label_key())) } }
                                        @for tid in b.themes_of.get(&a.id).into_iter().flatten() {
                                            @if let Some(t) = b.themes.iter().find(|t| &t.id == tid) { " " span class="badge badge-theme" { (t.title) } }
                                        }
                                    }
                                    @if editor { p { a href=(format!("/staff/answers/{}/quote", a.id)) { (lang.t("quote-propose")) span class="visually-hidden" { ": " (a.value.chars().take(40).collect::<String>()) } } } }
                                }
                            }
                        }
                    }
                    @if editor && !b.themes.is_empty() {
                        div class="assign-bar" {
                            label for="target" { (lang.t("assign-target")) }
                            select id="target" name="theme_id" { (theme_options(lang, b.themes, None)) }
                            button type="submit" class="button" name="action" value="add" { (lang.t("assign-add")) }
                            @if viewing_theme.is_some() {
                                input type="hidden" name="from_theme" value=(view);
                                button type="submit" class="button secondary" name="action" value="move" { (lang.t("assign-move")) }
                                button type="submit" class="button secondary" name="action" value="remove" { (lang.t("assign-remove")) }
                            }
                        }
                    }
                }
            }
        }
        }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
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
                                    form method="post" action=(format!("/staff/key-points/{}/delete", k.id)) class="inline-form" {
                                        (csrf_field(csrf))
                                        button type="submit" class="link-button" { (lang.t("delete")) }
                                    }
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
