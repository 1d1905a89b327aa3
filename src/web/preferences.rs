//! The visitor's own choices: language, text size, contrast and easy-read questions, all
//! without JavaScript and remembered in cookies for a year.

use actix_web::cookie::Cookie;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use super::csrf::CsrfToken;
use super::layout::{csrf_field, html_response, page};
use super::ui::{Contrast, Display, TextSize, Wording, DISPLAY_COOKIE};
use crate::config::RuntimeSettings;
use crate::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};

crate::routes! {
    get "/sprog/{code}" => get_language;
    get "/visning" => get_display;
    post "/visning" => post_display;
    get "/let-laest/{state}" => get_easy_read;
}

/// Where to go back to after a switch.
#[derive(Debug, Deserialize)]
struct Back {
    tilbage: Option<String>,
}

fn back_to(back: Option<&str>) -> String {
    super::safe_next(back)
        // The switches must not bounce into a form post or an asset.
        .filter(|p| !p.starts_with("/static/") && !p.starts_with("/sprog/"))
        .unwrap_or_else(|| "/".into())
}

fn remember(settings: &RuntimeSettings, name: &str, value: String) -> Cookie<'static> {
    super::cookie(settings, name.to_owned(), value, "/".into(), Some(365))
}

/// `GET /sprog/{code}?tilbage=/j/…`: a plain link per language in every header, so the switch
/// works on any phone; the choice is a preference, not a state change worth a form.
async fn get_language(
    code: web::Path<String>, back: web::Query<Back>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::from_code(&code).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::SeeOther()
        .insert_header((
            actix_web::http::header::LOCATION,
            super::layout::location_value(&back_to(back.tilbage.as_deref())),
        ))
        .cookie(remember(&settings, LANG_COOKIE, lang.code().to_owned()))
        .finish())
}

/// `GET /visning`: text size and colours.
async fn get_display(
    req: HttpRequest, lang: Lang, csrf: CsrfToken, back: web::Query<Back>,
) -> HttpResponse {
    let current = Display::from_request(&req);
    html_response(display_page(lang, &csrf, current, &back_to(back.tilbage.as_deref())))
}

#[derive(Debug, Deserialize)]
struct DisplayForm {
    text: String,
    contrast: String,
    /// Absent from a form of the page as it was before easy-read was a choice: as written.
    wording: Option<String>,
    tilbage: Option<String>,
}

impl DisplayForm {
    /// The choices; 400 for a value no form of ours sends.
    fn parse(&self) -> Result<Display, AppError> {
        let wording = match self.wording.as_deref() {
            None => Wording::Usual,
            Some(w) => Wording::parse(w).ok_or(AppError::BadRequest("unknown wording"))?,
        };
        Ok(Display {
            text: TextSize::parse(&self.text).ok_or(AppError::BadRequest("unknown text size"))?,
            contrast: Contrast::parse(&self.contrast)
                .ok_or(AppError::BadRequest("unknown contrast"))?,
            wording,
        })
    }
}

/// A 303 back to `back` that remembers `display`.
fn remember_display(
    settings: &RuntimeSettings, display: Display, back: Option<&str>,
) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            actix_web::http::header::LOCATION,
            super::layout::location_value(&back_to(back)),
        ))
        .cookie(remember(settings, DISPLAY_COOKIE, display.cookie_value()))
        .finish()
}

/// `POST /visning`: remembers the choice and goes back to the page the visitor came from.
async fn post_display(
    form: super::Form<DisplayForm>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    Ok(remember_display(&settings, form.0.parse()?, form.0.tilbage.as_deref()))
}

/// `GET /let-laest/til?tilbage=…` (or `/fra`): the "Vis spørgsmålet i let sprog" link on a
/// question. A plain link, like the language switch: the choice is a preference that holds
/// for the following questions, kept with the other display choices.
async fn get_easy_read(
    req: HttpRequest, state: web::Path<String>, back: web::Query<Back>,
    settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let wording = match state.as_str() {
        "til" => Wording::Easy,
        "fra" => Wording::Usual,
        _ => return Err(AppError::NotFound),
    };
    let display = Display { wording, ..Display::from_request(&req) };
    Ok(remember_display(&settings, display, back.tilbage.as_deref()))
}

fn text_key(size: TextSize) -> &'static str {
    match size {
        TextSize::Normal => "display-text-normal",
        TextSize::Large => "display-text-large",
        TextSize::Largest => "display-text-largest",
    }
}

fn contrast_key(contrast: Contrast) -> &'static str {
    match contrast {
        Contrast::Normal => "display-contrast-normal",
        Contrast::High => "display-contrast-high",
    }
}

fn wording_key(wording: Wording) -> &'static str {
    match wording {
        Wording::Usual => "display-wording-usual",
        Wording::Easy => "display-wording-easy",
    }
}

/// One choice of a radio group: its value, its label (with a class for the label), and
/// whether it is chosen now.
type Choice = (&'static str, (String, Option<String>), bool);

/// A fieldset of radio buttons named `name`.
fn choices(legend: String, name: &str, options: &[Choice]) -> Markup {
    html! {
        fieldset class="field" {
            legend { (legend) }
            div class="choices" {
                @for (value, (label, class), checked) in options {
                    @let id = format!("{name}-{value}");
                    div class="choice" {
                        input type="radio" id=(id) name=(name) value=(value) checked[*checked];
                        label for=(id) class=[class] { (label) }
                    }
                }
            }
        }
    }
}

/// The display settings page.
pub fn display_page(lang: Lang, csrf: &CsrfToken, current: Display, back: &str) -> Markup {
    let body = html! {
        h1 { (lang.t("display-title")) }
        p { (lang.t("display-intro")) }
        form method="post" action="/visning" {
            (csrf_field(csrf))
            input type="hidden" name="tilbage" value=(back);
            (choices(lang.t("display-text-legend"), "text", &TextSize::ALL.map(|size| {
                let label = (lang.t(text_key(size)), Some(format!("sample-{}", size.as_str())));
                (size.as_str(), label, current.text == size)
            })))
            (choices(lang.t("display-contrast-legend"), "contrast", &Contrast::ALL.map(|c| {
                (c.as_str(), (lang.t(contrast_key(c)), None), current.contrast == c)
            })))
            (choices(lang.t("display-wording-legend"), "wording", &Wording::ALL.map(|w| {
                (w.as_str(), (lang.t(wording_key(w)), None), current.wording == w)
            })))
            div class="actions" {
                button type="submit" class="button" { (lang.t("display-save")) }
            }
        }
        p { a class="back-link" href=(back) { (lang.t("display-back")) } }
    };
    page(lang, &lang.t("display-title"), None, body)
}
