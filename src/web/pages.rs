//! The public front page and the health check.

use actix_web::{web, HttpResponse};
use maud::html;

use super::layout::{html_response, page};
use super::Lang;
use crate::db::Db;

crate::routes! {
    get "/" => get_home;
    get "/healthz" => get_healthz;
    get "/static/{file}" => super::assets::get_asset;
}

async fn get_home(lang: Lang) -> HttpResponse {
    html_response(home_page(lang, "", &[]))
}

/// The front page: type the workshop code (when the camera fails), or log in as staff.
pub fn home_page(lang: Lang, typed: &str, errors: &[super::layout::FieldError]) -> maud::Markup {
    let title = super::layout::title_with_errors(lang, &lang.t("home-title"), errors);
    page(
        lang,
        &title,
        None,
        html! {
            (super::layout::error_summary(lang, errors))
            h1 { (lang.t("home-title")) }
            p { (lang.t("home-intro")) }
            (crate::participant::views::code_form(lang, typed, errors))
            h2 { (lang.t("home-withdraw-heading")) }
            p { a href="/trak-tilbage" { (lang.t("home-withdraw-link")) } }
            p class="staff-link" { a href="/login" { (lang.t("home-staff-link")) } }
        },
    )
}

/// 200 when the database answers a query, 503 when it does not (load balancers take the
/// replica out).
async fn get_healthz(db: web::Data<Db>) -> HttpResponse {
    match db.ping().await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({ "status": "ok" })),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            HttpResponse::ServiceUnavailable().json(serde_json::json!({ "status": "unavailable" }))
        }
    }
}
