//! Pages of the survey feature: the staff overview, the builder's forms, the workshop page,
//! and the printouts.

mod fields;
mod overview;
mod printouts;
mod translations;
mod workshop;

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{self, csrf_field, error_summary, FieldError};

pub use fields::{question_fields, topic_fields, track_fields, workshop_fields};
pub use overview::dashboard;
pub use printouts::{cards_page, poster_page};
pub use translations::{translated_name, translation_langs, translation_legend};
pub use workshop::{close_confirm_page, retention_line, workshop_page, WorkshopPage};

/// The parts of a form page.
pub struct FormPage<'a> {
    /// The `<h1>`.
    pub heading: &'a str,
    /// Where the form posts.
    pub action: &'a str,
    /// The back link.
    pub back: &'a str,
    /// Validation errors.
    pub errors: &'a [FieldError],
    /// The fields.
    pub fields: Markup,
}

/// A titled form page of the builder (track, topic, workshop, question).
pub fn form_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, page: FormPage<'_>) -> Markup {
    let FormPage { heading, action, back, errors, fields } = page;
    let button = lang.t("save");
    let title = layout::title_with_errors(lang, heading, errors);
    let body = html! {
        a class="back-link" href=(back) { (lang.t("back")) }
        (error_summary(lang, errors))
        h1 { (heading) }
        form method="post" action=(action) novalidate {
            (csrf_field(csrf))
            (fields)
            button type="submit" class="button" { (button) }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}
