//! The page shell and the small set of form components every page uses (GOV.UK patterns:
//! label, hint, inline error, error summary).

use std::borrow::Cow;

use actix_web::HttpResponse;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use super::csrf::{CsrfToken, CSRF_FIELD};
use crate::i18n::{Lang, LANGS};

/// A complete page. `nav` is the staff navigation (None on public and participant pages,
/// which get the read-aloud button instead).
///
/// Focus starts at the error summary when the page has one, otherwise at the `<h1>`: both get
/// `tabindex="-1" autofocus`, so keyboard and screen-reader users begin where the page's own
/// content begins, with or without JavaScript.
pub fn page(lang: Lang, title: &str, nav: Option<Markup>, main: Markup) -> Markup {
    page_with(lang, title, nav, main, &[])
}

/// A complete page ([`page`]) that also loads the static `scripts` (asset names, e.g.
/// `"keep"`), deferred. Pages work without them; they only add to what the page does.
pub fn page_with(
    lang: Lang, title: &str, nav: Option<Markup>, main: Markup, scripts: &[&str],
) -> Markup {
    let context = super::ui::current();
    let back = utf8_percent_encode(&context.path, NON_ALPHANUMERIC).to_string();
    let is_public = nav.is_none();
    let main = focus_first_heading(main);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) class=[context.display.html_classes()] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – deltag" }
                link rel="stylesheet" href=(super::assets::url("style"));
                link rel="icon" type="image/svg+xml" href=(super::assets::url("icon"));
                @if is_public {
                    script src=(super::assets::url("speak")) defer {}
                }
                @for script in scripts {
                    script src=(super::assets::url(script)) defer {}
                }
            }
            // Public and participant pages have larger targets for every link (style.css).
            body class=[is_public.then_some("public")] {
                a class="skip-link" href="#main" { (lang.t("skip-to-content")) }
                header class="site-header" {
                    div class="wrap header-row" {
                        a class="brand" href=(if is_public { "/" } else { "/staff" }) {
                            "deltag"
                            @if !is_public && !context.brand.header.is_empty() {
                                span class="brand-org" { (context.brand.header) }
                            }
                        }
                        @if let Some(nav) = nav { (nav) }
                        ul class="header-tools" aria-label=(lang.t("header-tools-label")) {
                            @for other in LANGS.iter().filter(|l| **l != lang) {
                                li {
                                    a href=(format!("/sprog/{}?tilbage={back}", other.code()))
                                        lang=(other.code()) hreflang=(other.code()) {
                                        (other.native_name())
                                    }
                                }
                            }
                            li { a href=(format!("/visning?tilbage={back}")) { (lang.t("display-link")) } }
                        }
                    }
                }
                main id="main" class="wrap" tabindex="-1"
                    data-read-label=[is_public.then(|| lang.t("read-aloud"))]
                    data-stop-label=[is_public.then(|| lang.t("read-aloud-stop"))] { (main) }
                footer class="site-footer" {
                    div class="wrap" {
                        p {
                            @if context.brand.organisation.is_empty() { "deltag" } @else {
                                (lang.t_args("footer-text", &[("organisation", context.brand.organisation.as_str().into())]))
                            }
                        }
                        p { a href="/tilgaengelighed" { (lang.t("statement-link")) } }
                    }
                }
            }
        }
    }
}

/// Marks where focus starts: the error summary (which carries `autofocus` itself) or else the
/// first `<h1>`. Editing the rendered markup is safe: maud escapes every `<` in text, so
/// `<h1` can only be the tag itself.
fn focus_first_heading(main: Markup) -> Markup {
    let html = main.into_string();
    if html.contains("class=\"error-summary\"") || html.contains("<h1 tabindex") {
        return PreEscaped(html);
    }
    PreEscaped(html.replacen("<h1", "<h1 tabindex=\"-1\" autofocus", 1))
}

/// `200 OK` with an HTML page.
pub fn html_response(markup: Markup) -> HttpResponse {
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(markup.into_string())
}

/// An HTML page with another status (422 for a form with errors).
pub fn html_status(status: actix_web::http::StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(markup.into_string())
}

/// `303 See Other` to `location` (after every successful POST).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location_value(location)))
        .finish()
}

/// A `Location` value that can always be built: control characters, spaces and anything
/// outside ASCII are percent-encoded, so a redirect after a saved change never turns into a
/// 500 because of what someone typed into a URL.
pub fn location_value(location: &str) -> actix_web::http::header::HeaderValue {
    const UNSAFE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b' ').add(b'"');
    let encoded = percent_encoding::utf8_percent_encode(location, UNSAFE).to_string();
    actix_web::http::header::HeaderValue::from_str(&encoded)
        .unwrap_or_else(|_| actix_web::http::header::HeaderValue::from_static("/"))
}

/// A 303 to `location` that also sets (or, with a removal cookie, removes) `cookie`.
pub fn see_other_setting(location: &str, cookie: actix_web::cookie::Cookie<'_>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location_value(location)))
        .cookie(cookie)
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
    pub field: Cow<'static, str>,
    /// The message, already translated.
    pub message: String,
}

impl FieldError {
    /// The message for the input with id `field`.
    pub fn new(field: impl Into<Cow<'static, str>>, message: String) -> FieldError {
        FieldError { field: field.into(), message }
    }
}

/// "Der er et problem" with a link to each field in error; focused first by the browser.
pub fn error_summary(lang: Lang, errors: &[FieldError]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus {
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

/// A labelled input with optional hint and inline error. Made with [`field`], adjusted with
/// its builder methods, shown with [`Field::render`].
pub struct Field<'a> {
    /// Language of the page.
    pub lang: Lang,
    /// `id` and `name`.
    pub name: &'static str,
    /// The visible label.
    pub label: String,
    /// Optional help under the label.
    pub hint: Option<String>,
    /// Current value (ignored for passwords).
    pub value: &'a str,
    /// The input's kind.
    pub kind: InputKind,
    /// `autocomplete` token.
    pub autocomplete: &'static str,
    /// Errors of the whole form; the one for this field is shown.
    pub errors: &'a [FieldError],
}

/// A text input named `name` with the label of locale key `label`, showing `value` and its
/// error among `errors`; no hint, no autocomplete.
pub fn field<'a>(
    lang: Lang, name: &'static str, label: &str, value: &'a str, errors: &'a [FieldError],
) -> Field<'a> {
    let label = lang.t(label);
    Field {
        lang,
        name,
        label,
        hint: None,
        value,
        kind: InputKind::Text,
        autocomplete: "off",
        errors,
    }
}

impl Field<'_> {
    /// With help under the label (a locale key).
    pub fn hint(self, key: &str) -> Self {
        Field { hint: Some(self.lang.t(key)), ..self }
    }

    /// With help under the label (already in words).
    pub fn hint_text(self, text: String) -> Self {
        Field { hint: Some(text), ..self }
    }

    /// Of another kind than plain text.
    pub fn kind(self, kind: InputKind) -> Self {
        Field { kind, ..self }
    }

    /// With an `autocomplete` token.
    pub fn autocomplete(self, token: &'static str) -> Self {
        Field { autocomplete: token, ..self }
    }
}

impl Field<'_> {
    /// Renders the field.
    pub fn render(&self) -> Markup {
        let error = self.errors.iter().find(|e| e.field == self.name);
        let hint_id = self.hint.as_ref().map(|_| format!("{}-hint", self.name));
        let described = described_by(hint_id.as_deref(), self.name, error);
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
                @if let (Some(hint), Some(id)) = (&self.hint, &hint_id) { p class="hint" id=(id) { (hint) } }
                (error_message(self.lang, self.name, error))
                input id=(self.name) name=(self.name) type=(input_type) value=(value)
                    inputmode=[inputmode] autocomplete=(self.autocomplete)
                    aria-describedby=[described]
                    aria-invalid=[error.map(|_| "true")];
            }
        }
    }
}

/// A labelled textarea with hint and error.
pub fn textarea(
    lang: Lang, name: &'static str, label: &str, hint: Option<&str>, value: &str, rows: u8,
    errors: &[FieldError],
) -> Markup {
    let error = errors.iter().find(|e| e.field == name);
    let hint_id = hint.map(|_| format!("{name}-hint"));
    let described = described_by(hint_id.as_deref(), name, error);
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (label) }
            @if let (Some(h), Some(id)) = (hint, &hint_id) { p class="hint" id=(id) { (h) } }
            (error_message(lang, name, error))
            textarea id=(name) name=(name) rows=(rows) aria-describedby=[described] aria-invalid=[error.map(|_| "true")] { (value) }
        }
    }
}

/// The message of a field's error, if it has one, with the id `{name}-error` that the field's
/// `aria-describedby` names.
pub fn error_message(lang: Lang, name: &str, error: Option<&FieldError>) -> Markup {
    html! {
        @if let Some(e) = error {
            p class="error-message" id=(format!("{name}-error")) {
                span class="visually-hidden" { (lang.t("error-prefix")) " " } (e.message)
            }
        }
    }
}

/// The `aria-describedby` of a field: its hint and its error message, when there are any.
pub fn described_by(
    hint_id: Option<&str>, name: &str, error: Option<&FieldError>,
) -> Option<String> {
    let error_id = error.map(|_| format!("{name}-error"));
    let ids: Vec<&str> = hint_id.into_iter().chain(error_id.as_deref()).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// "Slet" for what no undo covers: it opens to say so, and only then offers the button that
/// deletes (works without JavaScript: a `details` and a plain form).
pub fn confirm_delete(
    lang: Lang, csrf: &CsrfToken, action: &str, warning: &str, subject: Option<&str>,
) -> Markup {
    html! {
        details class="confirm-delete" {
            summary {
                (lang.t("delete"))
                @if let Some(s) = subject { span class="visually-hidden" { ": " (s) } }
            }
            p { (warning) }
            form method="post" action=(action) {
                (csrf_field(csrf))
                button type="submit" class="button warning" { (lang.t("delete-confirm")) }
            }
        }
    }
}

/// A form with one link-styled button that posts to `action` (with one hidden field when
/// given): how pages offer "move", "delete" and the like without JavaScript.
pub fn post_button(
    csrf: &CsrfToken, action: &str, field: Option<(&str, &str)>, label: Markup,
) -> Markup {
    html! {
        form method="post" action=(action) class="inline-form" {
            (csrf_field(csrf))
            @if let Some((name, value)) = field { input type="hidden" name=(name) value=(value); }
            button type="submit" class="link-button" { (label) }
        }
    }
}

/// A button's words, and the thing it acts on for screen readers ("Slet: Ensomhed").
pub fn labelled(words: &str, about: Option<&str>) -> Markup {
    html! { (words) @if let Some(about) = about { span class="visually-hidden" { ": " (about) } } }
}

/// "Flyt op" and "Flyt ned" for an item of an ordered list, posting to `action`.
pub fn move_buttons(lang: Lang, csrf: &CsrfToken, action: &str, about: Option<&str>) -> Markup {
    html! {
        @for (dir, key) in [("up", "move-up"), ("down", "move-down")] {
            (post_button(csrf, action, Some(("direction", dir)), labelled(&lang.t(key), about)))
        }
    }
}

/// A form page: `200 OK` when fresh, `422 Unprocessable Entity` when it comes back with errors.
pub fn form_response(errors: &[FieldError], markup: Markup) -> HttpResponse {
    let status = if errors.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    html_status(status, markup)
}

#[cfg(test)]
mod tests {
    use super::location_value;

    #[test]
    fn a_location_is_always_a_valid_header() {
        assert_eq!(
            location_value("/staff/topics/1/board?view=all"),
            "/staff/topics/1/board?view=all"
        );
        assert_eq!(
            location_value("/x?view=a\u{1}b\r\nSet-Cookie: y"),
            "/x?view=a%01b%0D%0ASet-Cookie:%20y"
        );
        assert_eq!(location_value("/sprog/da?tilbage=/j/æ"), "/sprog/da?tilbage=/j/%C3%A6");
    }
}
