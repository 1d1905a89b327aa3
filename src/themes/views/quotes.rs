//! Quotes: proposing one from an answer, and the topic's list to edit and approve.

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::db::QuoteId;
use crate::db::TopicId;
use crate::i18n::Lang;
use crate::survey::Topic;
use crate::themes::domain::QuoteStatus;
use crate::themes::pii;
use crate::themes::store::undo::UndoStep;
use crate::themes::store::{BoardAnswer, QuoteRow};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{csrf_field, error_summary, FieldError};

/// The form that proposes (an excerpt of) an answer as a quote.
pub fn quote_form(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, answer: &BoardAnswer, topic_id: &TopicId,
    errors: &[FieldError],
) -> Markup {
    let title = lang.t("quote-new-title");
    let body = html! {
        a class="back-link" href=(format!("/staff/topics/{topic_id}/board")) { (lang.t("back")) }
        (error_summary(lang, errors))
        h1 { (title) }
        p class="hint" { (answer.question) " · " (answer.workshop) " · " (super::answer_badge(lang, answer)) (super::pii_badges(lang, &answer.value)) }
        h2 { (lang.t("quote-original")) }
        blockquote class="original" { (answer.value) }
        form method="post" action=(format!("/staff/answers/{}/quote", answer.id)) {
            (csrf_field(csrf))
            div class="field" {
                label for="text" { (lang.t("quote-text")) }
                p class="hint" id="text-hint" { (lang.t("quote-text-hint")) }
                textarea id="text" name="text" rows="5" aria-describedby="text-hint" { (answer.value) }
            }
            button type="submit" class="button" { (lang.t("quote-save")) }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}

/// The topic's quotes: original and edited text side by side, approval.
pub fn quotes_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, (topic, quotes): (&Topic, &[QuoteRow]),
    (notice, undo): (Option<String>, Option<&UndoStep>), errors: &[FieldError],
) -> Markup {
    let title = lang.t_args("quotes-title", &[("topic", topic.title.as_str().into())]);
    let editor = staff.role().can_edit();
    let body = html! {
        a class="back-link" href=(format!("/staff/topics/{}/board", topic.id)) { (lang.t("board-back")) }
        (error_summary(lang, errors))
        @if let Some(n) = notice {
            div class="notice" role="status" {
                p { (n) }
                @if let Some(step) = undo.filter(|_| editor) {
                    form method="post" action=(format!("/staff/undo/{}", step.id)) class="undo-form" {
                        (csrf_field(csrf))
                        input type="hidden" name="return_page" value="quotes";
                        button type="submit" class="button" { (lang.t("undo")) span class="visually-hidden" { ": " (super::board::step_line(lang, step)) } }
                    }
                }
            }
        }
        h1 { (title) }
        p { (lang.t("quotes-intro")) }
        @if quotes.is_empty() { p { (lang.t("quotes-none")) } }
        ul class="cards" {
            @for q in quotes {
                li class="card" {
                    p class="badges" {
                        span class={ "badge" @if q.status == QuoteStatus::Approved { " badge-ok" } } { (lang.t(&format!("quote-status-{}", q.status))) }
                        " " (super::entered_badge(lang, q.entered_by, q.from_flipchart))
                        (super::pii_badges(lang, &q.text))
                    }
                    blockquote { (q.text) }
                    @if let Some(reason) = q.safe_reason.as_ref().filter(|_| q.status == QuoteStatus::Approved) {
                        p class="hint" { (lang.t("quote-safe-because")) " " (reason) }
                    }
                    @if let Some(original) = q.original.as_ref().filter(|o| **o != q.text) {
                        details { summary { (lang.t("quote-show-original")) } blockquote class="original" { (original) } }
                    }
                    p class="hint" { (q.question) " · " (q.workshop) }
                    @if editor {
                        details {
                            summary { (lang.t("quote-edit")) }
                            form method="post" action=(format!("/staff/quotes/{}", q.id)) {
                                (csrf_field(csrf))
                                input type="hidden" name="version" value=(q.version);
                                label for=(format!("qt-{}", q.id)) { (lang.t("quote-text")) }
                                textarea id=(format!("qt-{}", q.id)) name="text" rows="4" { (q.text) }
                                button type="submit" class="button secondary" { (lang.t("save")) }
                            }
                        }
                        div class="row-actions" {
                            @let flagged = q.status != QuoteStatus::Approved && !pii::kinds(&q.text).is_empty();
                            form method="post" action=(format!("/staff/quotes/{}/approve", q.id)) class=(if flagged { "" } else { "inline-form" }) {
                                (csrf_field(csrf))
                                input type="hidden" name="version" value=(q.version);
                                input type="hidden" name="approved" value=(if q.status == QuoteStatus::Approved { "0" } else { "1" });
                                @if flagged {
                                    @let field = reason_field_id(&q.id);
                                    @let error = errors.iter().find(|e| e.field == field);
                                    div class={ "field" @if error.is_some() { " field-error" } } {
                                        label for=(field) { (lang.t("quote-reason")) }
                                        p class="hint" id=(format!("{field}-hint")) { (lang.t("quote-reason-hint")) }
                                        @if let Some(e) = error { p class="error-message" id=(format!("{field}-error")) { (e.message) } }
                                        textarea id=(field) name="safe_reason" rows="2" maxlength="500"
                                            aria-describedby=(if error.is_some() { format!("{field}-hint {field}-error") } else { format!("{field}-hint") }) {}
                                    }
                                }
                                button type="submit" class="button secondary" {
                                    @if q.status == QuoteStatus::Approved { (lang.t("quote-unapprove")) } @else { (lang.t("quote-approve")) }
                                }
                            }
                            (crate::web::layout::confirm_delete(lang, csrf, &format!("/staff/quotes/{}/delete", q.id), &lang.t("quote-delete-warning"), None))
                        }
                    }
                }
            }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}

/// The id of a flagged quote's reason field (the error summary links to it).
pub fn reason_field_id(quote: &QuoteId) -> String {
    format!("why-{quote}")
}
