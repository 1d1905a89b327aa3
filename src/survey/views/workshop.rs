//! The facilitator's workshop page.

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::i18n::Lang;
use crate::survey::domain::WorkshopStatus;
use crate::survey::store::{grouped_code, Question, Workshop};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{csrf_field, error_summary, field, move_buttons, FieldError, InputKind};

/// What the workshop page shows.
pub struct WorkshopPage<'a> {
    /// Workshop.
    pub workshop: &'a Workshop,
    /// Its topic's title.
    pub topic_title: &'a str,
    /// Questions with their counts of answers from people and flipchart statements.
    pub questions: &'a [(Question, (i64, i64))],
    /// People with answers (phones and people a facilitator entered answers for).
    pub people: i64,
    /// Statements from pasted flipchart notes.
    pub statements: i64,
    /// The attendance field as typed or proposed.
    pub attendance_input: &'a str,
    /// The attendance form's errors.
    pub errors: &'a [FieldError],
    /// The join URL.
    pub join_url: String,
    /// A notice after an action.
    pub notice: Option<String>,
}

/// When the individual answers go (or went), in words.
pub fn retention_line(lang: Lang, w: &Workshop) -> String {
    if let Some(at) = w.answers_deleted_at {
        return lang.t_args("retention-deleted", &[("date", lang.long_date(at.date()).into())]);
    }
    match w.answers_deleted_on() {
        Some(at) => lang.t_args("retention-date", &[("date", lang.long_date(at.date()).into())]),
        None => lang.t_args("retention-after-close", &[("days", w.retention_days.into())]),
    }
}

/// The facilitator's workshop page: status, join details, questions, answers so far.
pub fn workshop_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, p: &WorkshopPage<'_>) -> Markup {
    let w = p.workshop;
    let editor = staff.role().can_edit();
    let status = w.status;
    let draft = status == WorkshopStatus::Draft;
    let base = format!("/staff/workshops/{}", w.id);
    let moves: Vec<(WorkshopStatus, &str)> = WorkshopStatus::ALL
        .iter()
        .copied()
        .filter(|to| status.can_move_to(*to))
        .map(|to| {
            (
                to,
                match to {
                    WorkshopStatus::Open => "workshop-open-action",
                    WorkshopStatus::Closed => "workshop-close-action",
                    WorkshopStatus::Archived => "workshop-archive-action",
                    WorkshopStatus::Draft => "workshop-draft-action",
                },
            )
        })
        .collect();
    let body = html! {
        a class="back-link" href="/staff" { (lang.t("nav-overview")) }
        (error_summary(lang, p.errors))
        @if let Some(n) = &p.notice { p class="notice" role="status" { (n) } }
        span class="caption" { (lang.t("topic-prefix")) " " (p.topic_title) }
        h1 { (w.title) }
        dl class="summary" {
            div class="summary-row" { dt { (lang.t("field-status")) } dd class="summary-value" { (lang.t(w.status.label_key())) } }
            div class="summary-row" { dt { (lang.t("join-code")) } dd class="summary-value code" { (grouped_code(&w.join_code)) } }
            div class="summary-row" { dt { (lang.t("join-link")) } dd class="summary-value" { code { (p.join_url) } } }
            @if let Some(at) = w.starts_at { div class="summary-row" { dt { (lang.t("field-date")) } dd class="summary-value" { (at.format("%d.%m.%Y %H:%M")) } } }
            @if !w.location.is_empty() { div class="summary-row" { dt { (lang.t("field-location")) } dd class="summary-value" { (w.location) } } }
            div class="summary-row" {
                dt { (lang.t("people-heading")) }
                dd class="summary-value" {
                    @match w.attendance {
                        Some(n) => { (lang.t_args("people-attendance", &[("people", n.into())])) }
                        None => { (lang.t("people-attendance-unset")) }
                    }
                    br;
                    span class="hint" { (lang.t_args("people-answers", &[("people", p.people.into()), ("statements", p.statements.into())])) }
                }
            }
            div class="summary-row" {
                dt { (lang.t("retention-heading")) }
                dd class="summary-value" { (retention_line(lang, w)) }
            }
        }
        @if editor {
            form method="post" action=(format!("{base}/attendance")) class="inline-fields" novalidate {
                (csrf_field(csrf))
                (field(lang, "people", "attendance-label", p.attendance_input, p.errors).hint_text(lang.t_args("attendance-hint", &[("people", p.people.into())])).kind(InputKind::Numeric).render())
                button type="submit" class="button secondary" { (lang.t("attendance-save")) }
            }
        }
        @if staff.role() == crate::auth::Role::Admin && w.answers_deleted_at.is_none() && w.status.is_closed() {
            form method="post" action=(format!("{base}/retention")) class="inline-form" {
                (csrf_field(csrf))
                input type="hidden" name="days" value="90";
                button type="submit" class="button secondary" { (lang.t("retention-extend")) }
            }
        }
        ul class="link-list" {
            li { a href=(format!("{base}/preview")) { (lang.t("workshop-preview")) } }
            li { a href=(format!("{base}/poster")) { (lang.t("workshop-poster")) } }
            li { a href=(format!("{base}/cards")) { (lang.t("workshop-cards")) } }
            li { a href=(format!("{base}/answers")) { (lang.t("workshop-answers")) } }
            li { a href=(format!("{base}/wall")) { (lang.t("workshop-wall")) } }
            li { a href=(format!("/staff/export?scope=workshop&id={}", w.id)) { (lang.t("export-link")) } }
            @if editor {
                li { a href=(format!("{base}/edit")) { (lang.t("workshop-edit")) } }
                @if status.accepts_answers() { li { a href=(format!("{base}/assist")) { (lang.t("workshop-assist")) } } }
            }
        }
        @if editor && !moves.is_empty() {
            div class="status-actions" {
                @for (to, key) in &moves {
                    form method="post" action=(format!("{base}/status")) class="inline-form" {
                        (csrf_field(csrf))
                        input type="hidden" name="to" value=(to.as_str());
                        // Opening is what a draft is for: the one main action.
                        button type="submit" class=(if *to == WorkshopStatus::Open { "button" } else { "button secondary" }) { (lang.t(key)) }
                    }
                }
            }
        }
        @if editor {
            form method="post" action=(format!("{base}/copy")) class="inline-form" {
                (csrf_field(csrf))
                button type="submit" class="button secondary" { (lang.t("workshop-copy")) span class="visually-hidden" { ": " (w.title) } }
            }
        }
        h2 { (lang.t("questions-heading")) }
        @if p.questions.is_empty() { p { (lang.t("questions-empty")) } }
        ol class="question-list" {
            @for (q, (count, statements)) in p.questions {
                li class="card" {
                    p class="card-title" { (q.prompt) }
                    p class="hint" { (lang.t(q.kind.label_key())) @if q.required { " · " (lang.t("field-required")) } " · " (lang.t_args("answers-count", &[("count", (*count).into())]))
                        @if *statements > 0 { " " (lang.t_args("answers-count-statements", &[("count", (*statements).into())])) } }
                    @if editor {
                        div class="row-actions" {
                            a href=(format!("/staff/questions/{}/edit", q.id)) { (lang.t("edit")) span class="visually-hidden" { ": " (q.prompt) } }
                            @if q.kind.is_text() && status.accepts_answers() {
                                a href=(format!("/staff/questions/{}/paste", q.id)) { (lang.t("paste-notes")) span class="visually-hidden" { ": " (q.prompt) } }
                            }
                            (move_buttons(lang, csrf, &format!("/staff/questions/{}/move", q.id), Some(&q.prompt)))
                            @if *count == 0 && *statements == 0 {
                                form method="post" action=(format!("/staff/questions/{}/delete", q.id)) class="inline-form" {
                                    (csrf_field(csrf))
                                    button type="submit" class="link-button" { (lang.t("delete")) span class="visually-hidden" { ": " (q.prompt) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if editor { p { a class="button" href=(format!("{base}/questions/new")) { (lang.t("question-add")) } } }
        @if editor && !draft { p class="hint" { (lang.t("questions-live-hint")) } }
    };
    staff_page(lang, staff, csrf, &w.title, body)
}

/// "Close the workshop?": what closing means, before it happens. Closing is the one status
/// change that ends the day for the room, so it is asked, not done on one tap.
pub fn close_confirm_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, w: &Workshop) -> Markup {
    let title = lang.t_args("close-confirm-title", &[("workshop", w.title.as_str().into())]);
    let deletes =
        chrono::Utc::now().date_naive() + chrono::TimeDelta::days(i64::from(w.retention_days));
    let base = format!("/staff/workshops/{}", w.id);
    let body = html! {
        a class="back-link" href=(base) { (w.title) }
        h1 { (title) }
        ul {
            li { (lang.t_args("close-confirm-code", &[("code", grouped_code(&w.join_code).into())])) }
            li { (lang.t("close-confirm-kept")) }
            li { (lang.t_args("close-confirm-deleted", &[("date", lang.long_date(deletes).into()), ("days", w.retention_days.into())])) }
            li { (lang.t("close-confirm-reopen")) }
        }
        form method="post" action=(format!("{base}/status")) class="inline-form" {
            (csrf_field(csrf))
            input type="hidden" name="to" value="closed";
            input type="hidden" name="confirm" value="1";
            button type="submit" class="button" { (lang.t("close-confirm-yes")) }
        }
        " "
        a href=(base) class="button secondary" { (lang.t("close-confirm-no")) }
    };
    staff_page(lang, staff, csrf, &title, body)
}
