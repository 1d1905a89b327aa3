//! Staff pages of the survey builder: the overview, tracks, topics, workshops and their
//! questions, the printouts. Viewers read; admins and facilitators change (the `Editor`
//! extractor refuses everyone else before a handler runs). One file per resource.

mod overview;
mod printouts;
mod questions;
mod topics;
mod tracks;
mod translations;
mod workshops;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;

use super::views;
use crate::auth::Staff;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_status, FieldError};

crate::routes! {
    get "/staff" => overview::get_dashboard;
    get "/staff/tracks/new" => tracks::get_new;
    post "/staff/tracks" => tracks::post_new;
    get "/staff/tracks/{id}/edit" => tracks::get_edit;
    post "/staff/tracks/{id}" => tracks::post_edit;
    get "/staff/tracks/{id}/topics/new" => topics::get_new;
    post "/staff/tracks/{id}/topics" => topics::post_new;
    get "/staff/topics/{id}/edit" => topics::get_edit;
    post "/staff/topics/{id}" => topics::post_edit;
    get "/staff/topics/{id}/workshops/new" => workshops::get_new;
    post "/staff/topics/{id}/workshops" => workshops::post_new;
    get "/staff/workshops/{id}" => workshops::get_workshop;
    post "/staff/workshops/{id}" => workshops::post_edit;
    get "/staff/workshops/{id}/edit" => workshops::get_edit;
    post "/staff/workshops/{id}/status" => workshops::post_status;
    get "/staff/workshops/{id}/questions/new" => questions::get_new;
    post "/staff/workshops/{id}/questions" => questions::post_new;
    get "/staff/workshops/{id}/poster" => printouts::get_poster;
    get "/staff/workshops/{id}/cards" => printouts::get_cards;
    get "/staff/questions/{id}/edit" => questions::get_edit;
    post "/staff/questions/{id}" => questions::post_edit;
    post "/staff/questions/{id}/move" => questions::post_move;
    post "/staff/questions/{id}/delete" => questions::post_delete;
}

/// Where a builder form goes: its heading (a locale key), where it posts, where "Tilbage" leads.
struct FormTarget {
    heading: &'static str,
    action: String,
    back: String,
}

/// A builder form page: 200 when fresh, 422 when it comes back with errors.
fn form_response(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    target: &FormTarget,
    errors: &[FieldError],
    fields: maud::Markup,
) -> HttpResponse {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = views::FormPage {
        heading: &lang.t(target.heading),
        action: &target.action,
        back: &target.back,
        errors,
        fields,
    };
    html_status(status, views::form_page(lang, staff, csrf, page))
}

/// `up` or `down` as a step in a list.
fn step(direction: &str) -> Result<i32, crate::error::AppError> {
    match direction {
        "up" => Ok(-1),
        "down" => Ok(1),
        _ => Err(crate::error::AppError::BadRequest("direction")),
    }
}
