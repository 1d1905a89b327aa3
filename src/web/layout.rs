//! The page shell and the small set of form components every page uses (GOV.UK patterns:
//! label, hint, inline error, error summary).

use actix_web::HttpResponse;
use maud::{html, Markup, DOCTYPE};

use super::csrf::{CsrfToken, CSRF_FIELD};
use super::i18n::Lang;

/// A complete page. `nav` is the staff navigation (None on public and participant pages).
pub fn page(lang: Lang, title: &str, nav: Option<Markup>, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – deltag" }
                link rel="stylesheet" href=(super::assets::url("style"));
            }
            body {
                a class="skip-link" href="#main" { (lang.t("skip-to-content")) }
                header class="site-header" {
                    div class="wrap header-row" {
                        a class="brand" href=(if nav.is_some() { "/staff" } else { "/" }) { "deltag" }
                        @if let Some(nav) = nav { (nav) }
                    }
                }
                main id="main" class="wrap" tabindex="-1" { (main) }
                footer class="site-footer" {
                    div class="wrap" {
                        p { (lang.t("footer-text")) }
                    }
                }
            }
        }
    }
}

/// `200 OK` with an HTML page.
pub fn html_response(markup: Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// An HTML page with another status (422 for a form with errors).
pub fn html_status(status: actix_web::http::StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// `303 See Other` to `location` (after every successful POST).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}

/// The hidden CSRF field.
pub fn csrf_field(token: &CsrfToken) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(token.0); }
}

/// One field's validation message.
#[derive(Debug, Clone)]
pub struct FieldError {
    /// The `id` of the input it belongs to.
    pub field: &'static str,
    /// The message, already translated.
    pub message: String,
}

/// "Der er et problem" with a link to each field in error; focused first by the browser.
pub fn error_summary(lang: Lang, errors: &[FieldError]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 id="error-summary-title" { (lang.t("error-summary-title")) }
                ul {
                    @for e in errors {
                        li { a href=(format!("#{}", e.field)) { (e.message) } }
                    }
                }
            }
        }
    }
}

/// Prefixes a page title with "Fejl: " when the form has errors (screen readers hear it first).
pub fn title_with_errors(lang: Lang, title: &str, errors: &[FieldError]) -> String {
    if errors.is_empty() {
        title.to_owned()
    } else {
        format!("{} {}", lang.t("error-prefix"), title)
    }
}

/// The kind of a text input.
#[derive(Debug, Clone, Copy)]
pub enum InputKind {
    /// Plain text.
    Text,
    /// E-mail address.
    Email,
    /// Password (never echoed back).
    Password,
    /// Digits.
    Numeric,
}

/// A labelled input with optional hint and inline error.
pub struct Field<'a> {
    /// Language of the page.
    pub lang: Lang,
    /// `id` and `name`.
    pub name: &'static str,
    /// The visible label.
    pub label: &'a str,
    /// Optional help under the label.
    pub hint: Option<&'a str>,
    /// Current value (ignored for passwords).
    pub value: &'a str,
    /// The input's kind.
    pub kind: InputKind,
    /// `autocomplete` token.
    pub autocomplete: &'a str,
    /// Errors of the whole form; the one for this field is shown.
    pub errors: &'a [FieldError],
}

impl Field<'_> {
    /// Renders the field.
    pub fn render(&self) -> Markup {
        let error = self.errors.iter().find(|e| e.field == self.name);
        let hint_id = format!("{}-hint", self.name);
        let error_id = format!("{}-error", self.name);
        let mut described = Vec::new();
        if self.hint.is_some() {
            described.push(hint_id.clone());
        }
        if error.is_some() {
            described.push(error_id.clone());
        }
        let described = described.join(" ");
        let (input_type, inputmode) = match self.kind {
            InputKind::Text => ("text", None),
            InputKind::Email => ("email", None),
            InputKind::Password => ("password", None),
            InputKind::Numeric => ("text", Some("numeric")),
        };
        let value = match self.kind {
            InputKind::Password => "",
            _ => self.value,
        };
        html! {
            div class={ "field" @if error.is_some() { " field-error" } } {
                label for=(self.name) { (self.label) }
                @if let Some(hint) = self.hint { p class="hint" id=(hint_id) { (hint) } }
                @if let Some(e) = error {
                    p class="error-message" id=(error_id) {
                        span class="visually-hidden" { (self.lang.t("error-prefix")) " " } (e.message)
                    }
                }
                input id=(self.name) name=(self.name) type=(input_type) value=(value)
                    inputmode=[inputmode] autocomplete=(self.autocomplete)
                    aria-describedby=[(!described.is_empty()).then_some(described.as_str())]
                    aria-invalid=[error.map(|_| "true")];
            }
        }
    }
}
