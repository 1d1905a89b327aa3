//! Languages. Every visible string lives in `src/locales/*.ftl` (Fluent); Danish is the
//! default and the fallback. The visitor's choice is a `lang` cookie; without it,
//! `Accept-Language` decides.

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Dansk (default).
    Da,
    /// English.
    En,
}

/// Every language, in the order the switch shows them.
pub const LANGS: [Lang; 2] = [Lang::Da, Lang::En];

/// The cookie that remembers a chosen language.
pub const LANG_COOKIE: &str = "lang";

impl Lang {
    /// BCP 47 code, as used in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    /// Parses a code such as `da`, `en-GB`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Cookie first, then the best `Accept-Language` match, then Danish.
    pub fn from_request(req: &HttpRequest) -> Lang {
        if let Some(lang) = req.cookie(LANG_COOKIE).and_then(|c| Lang::from_code(c.value())) {
            return lang;
        }
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(best_accept_language)
            .unwrap_or(Lang::Da)
    }

    /// The text for `key`.
    pub fn t(self, key: &str) -> String {
        format(self, key, None)
    }

    /// A date as people write it: "2. marts 2027", "2 March 2027".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const DA: [&str; 12] = [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = date.month0() as usize;
        match self {
            Lang::Da => format!("{}. {} {}", date.day(), DA[month], date.year()),
            Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
        }
    }

    /// The text for `key` with Fluent arguments.
    pub fn t_args(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        format(self, key, Some(&fluent_args))
    }
}

/// Picks the first supported language by quality from an `Accept-Language` value.
fn best_accept_language(header: &str) -> Option<Lang> {
    let mut candidates: Vec<(f32, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let lang = Lang::from_code(pieces.next()?)?;
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()))
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.first().map(|c| c.2)
}

impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Lang, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Lang::from_request(req)))
    }
}

/// The Fluent sources, compiled in: per language the main file, then one file per area
/// (`locales/{da,en}/*.ftl`), so features add their texts without touching one long file.
pub const SOURCES: [(Lang, &[&str]); 2] = [
    (
        Lang::Da,
        &[
            include_str!("locales/da.ftl"),
            include_str!("locales/da/settings.ftl"),
            include_str!("locales/da/audit.ftl"),
            include_str!("locales/da/second_factor.ftl"),
            include_str!("locales/da/accounts.ftl"),
        ],
    ),
    (
        Lang::En,
        &[
            include_str!("locales/en.ftl"),
            include_str!("locales/en/settings.ftl"),
            include_str!("locales/en/audit.ftl"),
            include_str!("locales/en/second_factor.ftl"),
            include_str!("locales/en/accounts.ftl"),
        ],
    ),
];

static BUNDLES: LazyLock<HashMap<Lang, FluentBundle<FluentResource>>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, sources)| {
            let langid: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // No Unicode isolation marks: our arguments are plain text in an HTML page.
            bundle.set_use_isolating(false);
            for source in *sources {
                let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(
                    |(partial, errors)| {
                        // A syntax error drops only the broken entries; the key-set test
                        // catches it.
                        tracing::error!(lang = lang.code(), ?errors, "errors in locale file");
                        partial
                    },
                );
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(lang = lang.code(), ?errors, "duplicate keys in locale file");
                }
            }
            (*lang, bundle)
        })
        .collect()
});

fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    for candidate in [lang, Lang::Da] {
        let Some(bundle) = BUNDLES.get(&candidate) else {
            continue;
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "locale formatting errors");
        }
        return text.into_owned();
    }
    tracing::warn!(key, "missing locale key");
    key.to_owned()
}

/// The message ids of one language's Fluent sources (for the test that keeps languages
/// complete). A key defined twice appears twice, so the test sees duplicates too.
pub fn message_ids(sources: &[&str]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for source in sources {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        ids.extend(resource.entries().filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        }));
    }
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(best_accept_language("en-GB,da;q=0.8"), Some(Lang::En));
        assert_eq!(best_accept_language("de,da;q=0.5,en;q=0.4"), Some(Lang::Da));
        assert_eq!(best_accept_language("de,fr"), None);
        assert_eq!(best_accept_language("da;q=0,en;q=0.1"), Some(Lang::En));
    }

    #[test]
    fn every_language_has_every_key() {
        let danish = message_ids(SOURCES[0].1);
        assert!(danish.len() > 20);
        let mut unique = danish.clone();
        unique.dedup();
        assert_eq!(unique, danish, "a Danish key is defined twice");
        for (lang, source) in SOURCES {
            assert_eq!(message_ids(source), danish, "keys of {lang:?} differ from Danish");
        }
    }

    /// Catches Danish pasted into another language's file: only words that are spelt the same
    /// in both languages may be identical.
    #[test]
    fn english_is_translated() {
        const SAME_IN_BOTH: [&str; 19] = [
            "role-admin",
            "role-facilitator",
            "users-status",
            "field-status",
            "join-link",
            "nav-audit",
            "board-workshop",
            "export-format-md",
            "export-mail-format",
            "export-mail-send",
            "export-mail-subject",
            "doc-col-workshop",
            "doc-col-type",
            "round-send",
            "wall-timer-heading",
            // A number and a per cent sign ("82 %"): the same in both.
            "guess-sure",
            // "deltag · <the organisation's name>".
            "footer-text",
            "settings-organisation-heading",
            "settings-mail-heading",
        ];
        let untranslated: Vec<String> = message_ids(SOURCES[0].1)
            .into_iter()
            .filter(|id| !SAME_IN_BOTH.contains(&id.as_str()))
            .filter(|id| Lang::Da.t(id) == Lang::En.t(id))
            .collect();
        assert_eq!(untranslated, Vec::<String>::new(), "English equals Danish");
    }

    #[test]
    fn arguments_are_filled_in() {
        let text = Lang::Da.t_args("progress", &[("current", 2.into()), ("total", 6.into())]);
        assert_eq!(text, "Spørgsmål 2 af 6");
    }
}
