//! The settings form: what was posted, parsed into the changes to save. Settings the server
//! fixes are never changed from here, whatever is posted.

use serde::Deserialize;

use super::domain::{compliance_parse, password_of, without_password, Key, Site};
use crate::i18n::Lang;
use crate::web::form::Checks;
use crate::web::layout::FieldError;

/// The settings form as posted (every field text; checkboxes present when ticked).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsInput {
    pub organisation: String,
    pub short_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub retention_days: String,
    pub audit_months: String,
    pub smtp_url: String,
    pub smtp_password: String,
    pub smtp_password_forget: Option<String>,
    pub mail_from: String,
    pub a11y_compliance: String,
    pub a11y_prepared: String,
    pub a11y_known_issues: String,
    pub second_factor_for_all: Option<String>,
}

/// Text without control characters, at most `max` characters; empty is `Some(None)`.
fn text(input: &str, max: usize) -> Option<Option<String>> {
    let s = input.trim();
    if s.is_empty() {
        return Some(None);
    }
    (s.chars().count() <= max && !s.chars().any(char::is_control)).then(|| Some(s.to_owned()))
}

fn email(input: &str) -> Option<Option<String>> {
    if input.trim().is_empty() {
        return Some(None);
    }
    crate::auth::domain::Email::parse(input).map(|e| Some(e.as_str().to_owned()))
}

/// A phone number as people write it: digits, spaces, `+`, `-`, `(`, `)`; 8 to 15 digits.
fn phone(input: &str) -> Option<Option<String>> {
    let s = input.trim();
    if s.is_empty() {
        return Some(None);
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let allowed = s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    (allowed && (8..=15).contains(&digits) && s.len() <= 30).then(|| Some(s.to_owned()))
}

fn number(input: &str, range: std::ops::RangeInclusive<i64>) -> Option<Option<String>> {
    let s = input.trim();
    if s.is_empty() {
        return Some(None);
    }
    s.parse::<i64>().ok().filter(|n| range.contains(n)).map(|n| Some(n.to_string()))
}

/// `smtp://` or `smtps://` with a host, checked by the mail library too.
fn smtp_url(input: &str) -> Option<Option<String>> {
    let s = input.trim();
    if s.is_empty() {
        return Some(None);
    }
    let url = url::Url::parse(s).ok()?;
    let ok = matches!(url.scheme(), "smtp" | "smtps")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && lettre::SmtpTransport::from_url(s).is_ok();
    ok.then(|| Some(s.to_owned()))
}

fn mailbox(input: &str) -> Option<Option<String>> {
    let s = input.trim();
    if s.is_empty() {
        return Some(None);
    }
    s.parse::<lettre::message::Mailbox>().ok().map(|_| Some(s.to_owned()))
}

fn date(input: &str) -> Option<Option<String>> {
    let s = input.trim();
    if s.is_empty() {
        return Some(None);
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(|d| Some(d.to_string()))
}

/// One known issue per line: at most 30 lines of 500 characters.
fn issue_lines(input: &str) -> Option<Option<String>> {
    let lines: Vec<&str> = input.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let ok = lines.len() <= 30
        && lines.iter().all(|l| l.chars().count() <= 500 && !l.chars().any(char::is_control));
    ok.then(|| (!lines.is_empty()).then(|| lines.join("\n")))
}

/// The changes parsed so far and the errors met.
struct Collector {
    checks: Checks,
    changes: Vec<(Key, Option<String>)>,
}

impl Collector {
    /// Notes the change of `key` (or its error), unless the server fixes it.
    fn check(&mut self, key: Key, by_server: bool, parsed: Option<Option<String>>) {
        if by_server {
            return;
        }
        let error = format!("{}-error", key.label_key());
        if let Some(value) = self.checks.field(key.as_str(), parsed, &error) {
            self.changes.push((key, value));
        }
    }
}

impl SettingsInput {
    /// The form as the page shows it for `site`.
    pub fn from_site(site: &Site) -> SettingsInput {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        SettingsInput {
            organisation: site.organisation.value.clone(),
            short_name: opt(&site.short_name.value),
            contact_email: opt(&site.contact_email.value),
            contact_phone: opt(&site.contact_phone.value),
            retention_days: site.retention_days.value.to_string(),
            audit_months: site.audit_months.value.to_string(),
            smtp_url: opt(&site.smtp_url.value),
            smtp_password: String::new(),
            smtp_password_forget: None,
            mail_from: site.mail_from.value.clone(),
            a11y_compliance: super::domain::compliance_str(site.compliance.value).to_owned(),
            a11y_prepared: site.prepared.value.to_string(),
            a11y_known_issues: site.known_issues.value.as_deref().unwrap_or_default().join("\n"),
            second_factor_for_all: site.second_factor_for_all.value.then(|| "on".to_owned()),
        }
    }

    /// The changes to save, or every field's error. Settings the server fixes are left out.
    pub fn parse(
        &self, lang: Lang, site: &Site,
    ) -> Result<Vec<(Key, Option<String>)>, Vec<FieldError>> {
        let mut c = Collector { checks: Checks::new(lang), changes: Vec::new() };
        c.check(Key::Organisation, site.organisation.by_server(), text(&self.organisation, 200));
        c.check(Key::ShortName, site.short_name.by_server(), text(&self.short_name, 40));
        c.check(Key::ContactEmail, site.contact_email.by_server(), email(&self.contact_email));
        c.check(Key::ContactPhone, site.contact_phone.by_server(), phone(&self.contact_phone));
        c.check(
            Key::RetentionDays,
            site.retention_days.by_server(),
            number(&self.retention_days, 1..=3650),
        );
        c.check(
            Key::AuditMonths,
            site.audit_months.by_server(),
            number(&self.audit_months, 1..=120),
        );
        let url = smtp_url(&self.smtp_url);
        let typed_password = url.clone().flatten().and_then(|u| password_of(&u));
        c.check(
            Key::SmtpUrl,
            site.smtp_url.by_server(),
            url.map(|u| u.map(|u| without_password(&u))),
        );
        if !site.smtp_url.by_server() {
            // A password typed here or inside the URL replaces the saved one; an empty field
            // keeps it (it is never shown), unless "forget" is ticked.
            let typed =
                Some(self.smtp_password.clone()).filter(|p| !p.is_empty()).or(typed_password);
            if self.smtp_password_forget.is_some() || self.smtp_url.trim().is_empty() {
                c.changes.push((Key::SmtpPassword, None));
            } else if let Some(password) = typed {
                c.changes.push((Key::SmtpPassword, Some(password)));
            }
        }
        c.check(Key::MailFrom, site.mail_from.by_server(), mailbox(&self.mail_from));
        c.check(
            Key::Compliance,
            site.compliance.by_server(),
            compliance_parse(self.a11y_compliance.trim())
                .map(|_| Some(self.a11y_compliance.trim().to_owned())),
        );
        c.check(Key::Prepared, site.prepared.by_server(), date(&self.a11y_prepared));
        c.check(
            Key::KnownIssues,
            site.known_issues.by_server(),
            issue_lines(&self.a11y_known_issues),
        );
        c.check(
            Key::SecondFactorForAll,
            site.second_factor_for_all.by_server(),
            Some(Some(self.second_factor_for_all.is_some().to_string())),
        );
        c.checks.finish(Some(c.changes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ServerSite;
    use std::collections::HashMap;

    fn site(server: ServerSite) -> Site {
        Site::resolve(&HashMap::new(), &server)
    }

    #[test]
    fn a_good_form_gives_changes_and_a_bad_one_every_error() {
        let input = SettingsInput {
            organisation: " Kommunen ".into(),
            contact_email: "Post@Kommunen.DK".into(),
            contact_phone: "+45 33 33 33 33".into(),
            retention_days: "30".into(),
            a11y_compliance: "full".into(),
            smtp_url: "smtp://bo:hemmeligt@mail.kommunen.dk:587".into(),
            ..SettingsInput::default()
        };
        let changes = input.parse(Lang::Da, &site(ServerSite::default())).unwrap_or_default();
        let get = |k: Key| changes.iter().find(|(key, _)| *key == k).and_then(|(_, v)| v.clone());
        assert_eq!(get(Key::Organisation).as_deref(), Some("Kommunen"));
        assert_eq!(get(Key::ContactEmail).as_deref(), Some("post@kommunen.dk"));
        assert_eq!(get(Key::SmtpUrl).as_deref(), Some("smtp://bo@mail.kommunen.dk:587"));
        assert_eq!(get(Key::SmtpPassword).as_deref(), Some("hemmeligt"));
        assert_eq!(get(Key::SecondFactorForAll).as_deref(), Some("false"));

        let bad = SettingsInput {
            contact_email: "ikke en adresse".into(),
            contact_phone: "ring til Bo".into(),
            retention_days: "0".into(),
            smtp_url: "http://mail.example.dk".into(),
            a11y_compliance: "partial".into(),
            ..SettingsInput::default()
        };
        let errors = bad.parse(Lang::Da, &site(ServerSite::default())).err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(fields, ["contact_email", "contact_phone", "retention_days", "smtp_url"]);
    }

    #[test]
    fn what_the_server_sets_is_never_changed_from_the_form() {
        let server = ServerSite { organisation: Some("Serveren".into()), ..ServerSite::default() };
        let input = SettingsInput { organisation: "Andet".into(), ..SettingsInput::default() };
        let changes = input.parse(Lang::Da, &site(server)).unwrap_or_default();
        assert!(changes.iter().all(|(key, _)| *key != Key::Organisation));
    }
}
