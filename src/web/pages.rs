//! The public front page and the health check.

use actix_web::{web, HttpResponse};
use maud::html;

use super::layout::{html_response, page};
use super::Lang;
use crate::db::Db;

/// Registers the routes.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(get_home))
        .route("/healthz", web::get().to(get_healthz))
        .route("/static/{file}", web::get().to(super::assets::get_asset));
}

async fn get_home(lang: Lang) -> HttpResponse {
    let title = lang.t("home-title");
    html_response(page(
        lang,
        &title,
        None,
        html! {
            h1 { (title) }
            p { (lang.t("home-intro")) }
            p { a href="/login" { (lang.t("home-staff-link")) } }
        },
    ))
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
