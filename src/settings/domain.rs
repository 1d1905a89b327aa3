//! The site's settings as values: each with where it came from (a built-in default, the
//! settings page, or the server's flags and environment, which win), and the settings form
//! parsed into changes.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::config::{Compliance, ServerSite};

crate::text_enum! {
    /// A setting stored in `site_settings`. The label of each is `setting-<key>`.
    pub enum Key labelled "setting" {
        Organisation = "organisation", ShortName = "short_name",
        ContactEmail = "contact_email", ContactPhone = "contact_phone",
        RetentionDays = "retention_days", AuditMonths = "audit_months",
        SmtpUrl = "smtp_url", SmtpPassword = "smtp_password", MailFrom = "mail_from",
        Compliance = "a11y_compliance", Prepared = "a11y_prepared",
        KnownIssues = "a11y_known_issues", SecondFactorForAll = "second_factor_for_all",
    }
}

/// Where a setting's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Nobody set it: deltag's default.
    Default,
    /// Saved on the settings page.
    Saved,
    /// A server flag or environment variable: it wins, and the page cannot change it.
    Server,
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

impl<T> Setting<T> {
    /// Set by the server: the settings page shows it and cannot change it.
    pub fn by_server(&self) -> bool {
        self.source == Source::Server
    }
}

/// Picks the server's value, else the saved one (when it parses), else the default.
fn pick<T>(
    server: Option<T>, saved: Option<&String>, parse: impl Fn(&str) -> Option<T>, default: T,
) -> Setting<T> {
    if let Some(value) = server {
        return Setting { value, source: Source::Server };
    }
    match saved.and_then(|s| parse(s)) {
        Some(value) => Setting { value, source: Source::Saved },
        None => Setting { value: default, source: Source::Default },
    }
}

/// Default retention of a new workshop's answers after it closes, in days.
pub const DEFAULT_RETENTION_DAYS: i32 = 90;
/// Default retention of the audit trail, in months: a year covers the questions a council is
/// asked about last season's workshops, and no more is kept about staff than that.
pub const DEFAULT_AUDIT_MONTHS: u32 = 12;
/// The organisation when nobody named one.
pub const DEFAULT_ORGANISATION: &str = "Rådet for Socialt Udsatte";
/// The sender when nobody named one.
pub const DEFAULT_MAIL_FROM: &str = "deltag <deltag@localhost>";
/// The date deltag's own accessibility statement was last reviewed.
pub fn default_prepared() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default()
}

/// Every setting in force.
#[derive(Debug, Clone)]
pub struct Site {
    /// The organisation running the track (statement, privacy text, exports, footer).
    pub organisation: Setting<String>,
    /// A short name for the header (empty: none).
    pub short_name: Setting<Option<String>>,
    /// E-mail for feedback on accessibility and for questions about the data.
    pub contact_email: Setting<Option<String>>,
    /// Phone for the same.
    pub contact_phone: Setting<Option<String>>,
    /// A new workshop keeps its answers this many days after it closes.
    pub retention_days: Setting<i32>,
    /// Audit events are deleted after this many months.
    pub audit_months: Setting<u32>,
    /// The SMTP server, without its password (safe to show).
    pub smtp_url: Setting<Option<String>>,
    /// Whether a password for the SMTP server is saved (it is never shown).
    pub smtp_password_saved: bool,
    /// The full SMTP URL, password included, for sending only.
    smtp_full: Option<Secret>,
    /// The sender of outgoing mail.
    pub mail_from: Setting<String>,
    /// The accessibility statement's compliance status.
    pub compliance: Setting<Compliance>,
    /// When the statement was prepared or last reviewed.
    pub prepared: Setting<NaiveDate>,
    /// How the site was evaluated (server only; `None`: deltag's own tests).
    pub evaluation: Option<String>,
    /// Content that is not accessible (`None`: deltag's known limits).
    pub known_issues: Setting<Option<Vec<String>>>,
    /// Every role, not only admins, must use a second factor.
    pub second_factor_for_all: Setting<bool>,
}

/// A value that must not reach a log: its `Debug` shows nothing.
#[derive(Clone, PartialEq)]
struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn lines(s: &str) -> Vec<String> {
    s.lines().filter_map(non_empty).collect()
}

impl Site {
    /// The settings in force: the server's flags win, then what was saved, then defaults.
    pub fn resolve(saved: &HashMap<String, String>, server: &ServerSite) -> Site {
        let get = |key: Key| saved.get(key.as_str());
        let opt = |s: &str| Some(non_empty(s));
        let smtp_url = pick(
            server.smtp_url.clone().map(|u| Some(without_password(&u))),
            get(Key::SmtpUrl),
            opt,
            None,
        );
        let (smtp_full, smtp_password_saved) = match (&server.smtp_url, &smtp_url.value) {
            (Some(url), _) => (Some(Secret(url.clone())), false),
            (None, Some(url)) => {
                let password = get(Key::SmtpPassword).and_then(|p| non_empty(p));
                (Some(Secret(with_password(url, password.as_deref()))), password.is_some())
            }
            (None, None) => (None, false),
        };
        Site {
            organisation: pick(
                server.organisation.clone(),
                get(Key::Organisation),
                non_empty,
                DEFAULT_ORGANISATION.to_owned(),
            ),
            short_name: pick(server.short_name.clone().map(Some), get(Key::ShortName), opt, None),
            contact_email: pick(server.email.clone().map(Some), get(Key::ContactEmail), opt, None),
            contact_phone: pick(server.phone.clone().map(Some), get(Key::ContactPhone), opt, None),
            retention_days: pick(
                server.retention_days,
                get(Key::RetentionDays),
                |s| s.parse().ok(),
                DEFAULT_RETENTION_DAYS,
            ),
            audit_months: pick(
                server.audit_months,
                get(Key::AuditMonths),
                |s| s.parse().ok(),
                DEFAULT_AUDIT_MONTHS,
            ),
            smtp_url,
            smtp_password_saved,
            smtp_full,
            mail_from: pick(
                server.mail_from.clone(),
                get(Key::MailFrom),
                non_empty,
                DEFAULT_MAIL_FROM.to_owned(),
            ),
            compliance: pick(
                server.compliance,
                get(Key::Compliance),
                compliance_parse,
                Compliance::Partial,
            ),
            prepared: pick(
                server.prepared,
                get(Key::Prepared),
                |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                default_prepared(),
            ),
            evaluation: server.evaluation.clone(),
            known_issues: pick(
                server.known_issues.clone().map(Some),
                get(Key::KnownIssues),
                |s| Some(Some(lines(s)).filter(|l| !l.is_empty())),
                None,
            ),
            second_factor_for_all: pick(
                server.second_factor_for_all,
                get(Key::SecondFactorForAll),
                |s| Some(s == "true"),
                false,
            ),
        }
    }

    /// The name for the header: the short name, else the organisation.
    pub fn header_name(&self) -> &str {
        self.short_name.value.as_deref().unwrap_or(&self.organisation.value)
    }

    /// Mail is set up: forms that send mail are shown.
    pub fn mail_ready(&self) -> bool {
        self.smtp_full.is_some()
    }

    /// The full SMTP URL, password included (for the CLI's sender).
    pub fn smtp_url_with_password(&self) -> Option<&str> {
        self.smtp_full.as_ref().map(|s| s.0.as_str())
    }

    /// A sender with these settings.
    pub fn mailer(&self) -> Result<crate::mail::Mailer, crate::mail::MailError> {
        crate::mail::Mailer::new(self.smtp_url_with_password(), &self.mail_from.value)
    }

    /// The statement and privacy text lack a way to reach the organisation (the law asks
    /// for both an e-mail address and a phone number).
    pub fn contact_missing(&self) -> bool {
        self.contact_email.value.is_none() || self.contact_phone.value.is_none()
    }
}

/// `full`, `partial`, `none`.
pub fn compliance_parse(s: &str) -> Option<Compliance> {
    match s {
        "full" => Some(Compliance::Full),
        "partial" => Some(Compliance::Partial),
        "none" => Some(Compliance::None),
        _ => None,
    }
}

/// The stored name of a compliance status.
pub fn compliance_str(c: Compliance) -> &'static str {
    match c {
        Compliance::Full => "full",
        Compliance::Partial => "partial",
        Compliance::None => "none",
    }
}

/// The URL with its password taken out (safe to show and to store beside the password).
pub fn without_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(None);
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// The password of a URL, if it has one (decoded).
pub fn password_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let password = parsed.password()?;
    Some(percent_encoding::percent_decode_str(password).decode_utf8_lossy().into_owned())
}

fn with_password(url: &str, password: Option<&str>) -> String {
    match (url::Url::parse(url), password) {
        (Ok(mut parsed), Some(password)) => {
            let _ = parsed.set_password(Some(password));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_wins_then_saved_then_default() {
        let mut saved = HashMap::new();
        saved.insert("organisation".to_owned(), "Kommunen".to_owned());
        saved.insert("contact_email".to_owned(), "a@b.dk".to_owned());
        saved.insert("retention_days".to_owned(), "not a number".to_owned());
        let server = ServerSite { email: Some("server@b.dk".into()), ..ServerSite::default() };
        let site = Site::resolve(&saved, &server);
        assert_eq!(site.organisation, Setting { value: "Kommunen".into(), source: Source::Saved });
        assert_eq!(site.contact_email.value.as_deref(), Some("server@b.dk"));
        assert!(site.contact_email.by_server());
        assert_eq!(site.retention_days.value, DEFAULT_RETENTION_DAYS);
        assert_eq!(site.retention_days.source, Source::Default);
        assert!(!site.mail_ready() && site.contact_missing());
    }

    #[test]
    fn the_smtp_password_is_kept_apart() {
        let url = "smtp://bruger:hemm%40lig@mail.example.dk:587?tls=required";
        assert_eq!(without_password(url), "smtp://bruger@mail.example.dk:587?tls=required");
        assert_eq!(password_of(url).as_deref(), Some("hemm@lig"));
        let mut saved = HashMap::new();
        saved.insert("smtp_url".to_owned(), without_password(url));
        saved.insert("smtp_password".to_owned(), "hemm@lig".to_owned());
        let site = Site::resolve(&saved, &ServerSite::default());
        assert!(site.mail_ready() && site.smtp_password_saved);
        assert_eq!(site.smtp_url_with_password(), Some(url));
        assert!(!format!("{site:?}").contains("hemm"), "the password never reaches a log");
    }
}
