//! The settings page and the accessibility statement.

use maud::{html, Markup};

use super::domain::{compliance_str, Key, Site, Source};
use super::form::SettingsInput;
use crate::auth::{staff_page, Staff};
use crate::config::Compliance;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{
    csrf_field, error_summary, field, page, textarea, title_with_errors, FieldError, InputKind,
};

/// Digitaliseringsstyrelsen's page on what to do about inaccessible content, with its
/// complaint procedure.
pub const COMPLAINT_URL: &str =
    "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/";

/// The environment variable that fixes a setting (shown where the server wins).
fn env_name(key: Key) -> &'static str {
    match key {
        Key::Organisation => "DELTAG_A11Y_ORGANISATION",
        Key::ShortName => "DELTAG_ORGANISATION_SHORT",
        Key::ContactEmail => "DELTAG_A11Y_EMAIL",
        Key::ContactPhone => "DELTAG_A11Y_PHONE",
        Key::RetentionDays => "DELTAG_RETENTION_DAYS",
        Key::AuditMonths => "DELTAG_AUDIT_MONTHS",
        Key::SmtpUrl | Key::SmtpPassword => "DELTAG_SMTP_URL",
        Key::MailFrom => "DELTAG_MAIL_FROM",
        Key::Compliance => "DELTAG_A11Y_COMPLIANCE",
        Key::Prepared => "DELTAG_A11Y_PREPARED",
        Key::KnownIssues => "DELTAG_A11Y_KNOWN_ISSUES",
        Key::SecondFactorForAll => "DELTAG_SECOND_FACTOR_FOR_ALL",
    }
}

/// What the settings page shows.
pub struct SettingsState<'a> {
    /// The settings in force.
    pub site: &'a Site,
    /// The form's values (as posted after an error).
    pub input: &'a SettingsInput,
    /// Errors of either form.
    pub errors: &'a [FieldError],
    /// After a change.
    pub notice: Option<String>,
    /// The test mail's recipient.
    pub mail_to: &'a str,
}

/// A setting the server fixes: its value as text and where it is set, instead of an input.
fn fixed(lang: Lang, key: Key, value: &str) -> Markup {
    html! {
        div class="field fixed-setting" {
            p class="label-like" { (lang.t(key.label_key())) }
            p { @if value.is_empty() { "–" } @else { (value) } }
            p class="hint" { (lang.t_args("settings-set-by-server", &[("name", env_name(key).into())])) }
        }
    }
}

/// A text setting: an input, or the fixed value.
fn text_setting(
    lang: Lang, key: Key, source: Source, value: &str, errors: &[FieldError], kind: InputKind,
    autocomplete: &'static str,
) -> Markup {
    if source == Source::Server {
        return fixed(lang, key, value);
    }
    let hint = format!("{}-hint", key.label_key());
    field(lang, key.as_str(), key.label_key(), value, errors)
        .hint(&hint)
        .kind(kind)
        .autocomplete(autocomplete)
        .render()
}

/// `/admin/settings`.
pub fn settings_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, state: &SettingsState<'_>,
) -> Markup {
    let SettingsState { site, input, errors, notice, mail_to } = state;
    let title = title_with_errors(lang, &lang.t("settings-title"), errors);
    let text = |key: Key, source: Source, value: &str| {
        text_setting(lang, key, source, value, errors, InputKind::Text, "off")
    };
    let body = html! {
        (error_summary(lang, errors))
        @if let Some(notice) = notice { p class="notice" role="status" { (notice) } }
        h1 { (lang.t("settings-title")) }
        p { (lang.t("settings-intro")) }
        form method="post" action="/admin/settings" novalidate {
            (csrf_field(csrf))
            h2 { (lang.t("settings-organisation-heading")) }
            (text(Key::Organisation, site.organisation.source, &input.organisation))
            (text(Key::ShortName, site.short_name.source, &input.short_name))

            h2 { (lang.t("settings-contact-heading")) }
            p { (lang.t("settings-contact-intro")) }
            (text_setting(lang, Key::ContactEmail, site.contact_email.source, &input.contact_email, errors, InputKind::Email, "email"))
            (text_setting(lang, Key::ContactPhone, site.contact_phone.source, &input.contact_phone, errors, InputKind::Text, "tel"))

            h2 { (lang.t("settings-retention-heading")) }
            (text_setting(lang, Key::RetentionDays, site.retention_days.source, &input.retention_days, errors, InputKind::Numeric, "off"))
            (text_setting(lang, Key::AuditMonths, site.audit_months.source, &input.audit_months, errors, InputKind::Numeric, "off"))

            h2 { (lang.t("settings-mail-heading")) }
            p { (lang.t(if site.mail_ready() { "settings-mail-ready" } else { "settings-mail-missing" })) }
            (text(Key::SmtpUrl, site.smtp_url.source, &input.smtp_url))
            @if !site.smtp_url.by_server() {
                (field(lang, "smtp_password", "setting-smtp_password", "", errors)
                    .hint(if site.smtp_password_saved { "setting-smtp_password-saved" } else { "setting-smtp_password-hint" })
                    .kind(InputKind::Password).autocomplete("new-password").render())
                @if site.smtp_password_saved {
                    div class="field checkbox" {
                        input type="checkbox" id="smtp_password_forget" name="smtp_password_forget" value="on";
                        label for="smtp_password_forget" { (lang.t("setting-smtp_password-forget")) }
                    }
                }
            }
            (text(Key::MailFrom, site.mail_from.source, &input.mail_from))

            h2 { (lang.t("settings-statement-heading")) }
            @if site.compliance.by_server() {
                (fixed(lang, Key::Compliance, &lang.t(compliance_key(site.compliance.value))))
            } @else {
                fieldset class="field" {
                    legend { (lang.t(Key::Compliance.label_key())) }
                    @for c in [Compliance::Full, Compliance::Partial, Compliance::None] {
                        div class="choice" {
                            input type="radio" name="a11y_compliance" id=(format!("compliance-{}", compliance_str(c)))
                                value=(compliance_str(c)) checked[input.a11y_compliance == compliance_str(c)];
                            label for=(format!("compliance-{}", compliance_str(c))) { (lang.t(compliance_key(c))) }
                        }
                    }
                }
            }
            @if site.prepared.by_server() {
                (fixed(lang, Key::Prepared, &input.a11y_prepared))
            } @else {
                (date_field(lang, Key::Prepared, &input.a11y_prepared, errors))
            }
            @if site.known_issues.by_server() {
                (fixed(lang, Key::KnownIssues, &input.a11y_known_issues.replace('\n', "; ")))
            } @else {
                (textarea(lang, "a11y_known_issues", &lang.t("setting-a11y_known_issues"),
                    Some(&lang.t("setting-a11y_known_issues-hint")), &input.a11y_known_issues, 5, errors))
            }

            h2 { (lang.t("settings-security-heading")) }
            @if site.second_factor_for_all.by_server() {
                (fixed(lang, Key::SecondFactorForAll, &lang.t(if site.second_factor_for_all.value { "settings-yes" } else { "settings-no" })))
            } @else {
                div class="field checkbox" {
                    input type="checkbox" id="second_factor_for_all" name="second_factor_for_all" value="on"
                        aria-describedby="second_factor_for_all-hint" checked[input.second_factor_for_all.is_some()];
                    label for="second_factor_for_all" { (lang.t("setting-second_factor_for_all")) }
                    p class="hint" id="second_factor_for_all-hint" { (lang.t("setting-second_factor_for_all-hint")) }
                }
            }
            button type="submit" class="button" { (lang.t("settings-save")) }
        }
        @if site.mail_ready() {
            h2 id="test-mail" { (lang.t("settings-mail-test-heading")) }
            form method="post" action="/admin/settings/test-mail" novalidate {
                (csrf_field(csrf))
                (field(lang, "to", "settings-mail-to", mail_to, errors).hint("settings-mail-to-hint").kind(InputKind::Email).autocomplete("email").render())
                button type="submit" class="button secondary" { (lang.t("settings-mail-test-send")) }
            }
        }
        p { a href="/tilgaengelighed" { (lang.t("settings-see-statement")) } }
    };
    staff_page(lang, staff, csrf, &title, body)
}

fn date_field(lang: Lang, key: Key, value: &str, errors: &[FieldError]) -> Markup {
    let name = key.as_str();
    let error = errors.iter().find(|e| e.field == name);
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (lang.t(key.label_key())) }
            (crate::web::layout::error_message(lang, name, error))
            input type="date" id=(name) name=(name) value=(value)
                aria-describedby=[error.map(|_| format!("{name}-error"))]
                aria-invalid=[error.map(|_| "true")];
        }
    }
}

fn compliance_key(c: Compliance) -> &'static str {
    match c {
        Compliance::Full => "statement-status-full",
        Compliance::Partial => "statement-status-partial",
        Compliance::None => "statement-status-none",
    }
}

/// The accessibility statement, under the headings of the Danish Agency for Digital
/// Government's template; the operator's part comes from the settings.
pub fn statement_page(lang: Lang, site_url: &str, site: &Site) -> Markup {
    let organisation = site.organisation.value.as_str();
    let default_issues = [lang.t("statement-issue-office-files")];
    let issues: &[String] = site.known_issues.value.as_deref().unwrap_or(&default_issues);
    let prepared = site.prepared.value.format("%Y-%m-%d").to_string();
    let email = site.contact_email.value.as_deref();
    let phone = site.contact_phone.value.as_deref();
    let body = html! {
        h1 { (lang.t("statement-title")) }
        p { (lang.t_args("statement-commitment", &[("organisation", organisation.into()), ("site", site_url.into())])) }

        h2 { (lang.t("statement-feedback-heading")) }
        p { (lang.t_args("statement-feedback-intro", &[("organisation", organisation.into())])) }
        ul {
            @if let Some(email) = email {
                li { (lang.t("statement-email")) " " a href=(format!("mailto:{email}")) { (email) } }
            }
            @if let Some(phone) = phone {
                li { (lang.t("statement-phone")) " " a href=(format!("tel:{}", phone.replace(' ', ""))) { (phone) } }
            }
            @if email.is_none() && phone.is_none() {
                li { (lang.t_args("statement-contact-missing", &[("organisation", organisation.into())])) }
            }
        }
        p { (lang.t("statement-no-personal-data")) }

        h2 { (lang.t("statement-status-heading")) }
        p { (lang.t(compliance_key(site.compliance.value))) }
        p { (lang.t("statement-standard")) }
        h3 { (lang.t("statement-evaluation-heading")) }
        p {
            @match &site.evaluation {
                Some(text) => (text),
                None => (lang.t("statement-evaluation-default")),
            }
        }

        h2 { (lang.t("statement-inaccessible-heading")) }
        h3 { (lang.t("statement-noncompliance-heading")) }
        ul { @for issue in issues { li { (issue) } } }
        h3 { (lang.t("statement-burden-heading")) }
        p { (lang.t("statement-burden-none")) }
        h3 { (lang.t("statement-exempt-heading")) }
        p { (lang.t("statement-exempt-none")) }

        h2 { (lang.t("statement-prepared-heading")) }
        p { (lang.t_args("statement-prepared", &[("date", prepared.into())])) }

        h2 { (lang.t("statement-enforcement-heading")) }
        p { (lang.t("statement-enforcement")) }
        p { a href=(COMPLAINT_URL) { (lang.t("statement-complaint-link")) } }
    };
    page(lang, &lang.t("statement-title"), None, body)
}
