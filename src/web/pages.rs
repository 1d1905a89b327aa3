//! The health check and the static files.

use actix_web::{web, HttpResponse};

use crate::db::Db;

crate::routes! {
    get "/healthz" => get_healthz;
    get "/static/{file}" => super::assets::get_asset;
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
