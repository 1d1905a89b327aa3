//! The export page: a download link per format, and the form that mails one.

use maud::html;

use super::Format;
use crate::auth::{staff_page, Staff};
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{csrf_field, error_summary, field, FieldError};

/// What the export page shows besides the scope: a notice, or the mail form's errors and text.
pub(super) struct PageState<'a> {
    /// When each closed workshop's individual answers go (or went).
    pub retention: Vec<String>,
    /// After mailing.
    pub notice: Option<String>,
    /// The mail form's errors.
    pub errors: &'a [FieldError],
    /// The typed recipients.
    pub to: &'a str,
    /// Mail is set up: the mail form is shown.
    pub mail_ready: bool,
}

/// A download link per format.
fn format_links(lang: Lang, base: &str, formats: &[Format]) -> maud::Markup {
    html! {
        ul class="link-list" {
            @for f in formats {
                li { a href=(format!("{base}&format={}", f.as_str())) { (lang.t(&format!("export-format-{}", f.as_str()))) } }
            }
        }
    }
}

/// The page for one scope (`scope` is workshop, topic or track; `id` its id).
pub(super) fn page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, (scope, id): (&str, &str), title: &str,
    state: PageState<'_>,
) -> maud::Markup {
    let PageState { retention, notice, errors, to, mail_ready } = state;
    let heading = lang.t_args("export-title", &[("scope", title.into())]);
    let body = html! {
        a class="back-link" href="/staff" { (lang.t("nav-overview")) }
        (error_summary(lang, errors))
        @if let Some(n) = notice { p class="notice" role="status" { (n) } }
        h1 { (heading) }
        p { (lang.t("export-intro")) }
        @if !retention.is_empty() { ul class="hint retention-lines" { @for line in &retention { li { (line) } } } }
        h2 { (lang.t("export-report-heading")) }
        p { (lang.t("export-report-intro")) }
        (format_links(lang, &format!("/staff/export/download?scope={scope}&id={id}"), &Format::REPORT))
        @if staff.role().can_edit() {
            h2 { (lang.t("export-data-heading")) }
            p { (lang.t("export-data-intro")) }
            (format_links(lang, &format!("/staff/export/data?scope={scope}&id={id}"), &Format::ANALYSIS))
        }
        @if staff.role().can_edit() && !mail_ready {
            h2 { (lang.t("export-mail-heading")) }
            p { (lang.t("export-mail-not-set-up")) }
        }
        @if staff.role().can_edit() && mail_ready {
            h2 { (lang.t("export-mail-heading")) }
            form method="post" action="/staff/export/mail" novalidate {
                (csrf_field(csrf))
                input type="hidden" name="scope" value=(scope);
                input type="hidden" name="id" value=(id);
                div class="field" {
                    label for="format" { (lang.t("export-mail-format")) }
                    select id="format" name="format" {
                        @for f in Format::ALL { option value=(f.as_str()) { (lang.t(&format!("export-format-{}", f.as_str()))) } }
                    }
                }
                (field(lang, "to", "export-mail-to", to, errors).hint("export-mail-to-hint").render())
                button type="submit" class="button" { (lang.t("export-mail-send")) }
            }
        }
    };
    staff_page(lang, staff, csrf, &heading, body)
}
