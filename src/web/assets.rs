//! Static assets compiled into the binary and served under content-hashed names, so they can
//! be cached for a year and still change on upgrade.

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use crate::error::AppError;

struct Asset {
    name: &'static str,
    ext: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: [Asset; 3] = [
    Asset {
        name: "style",
        ext: "css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("static/style.css"),
    },
    // Only the theme board loads it.
    Asset {
        name: "board",
        ext: "js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("static/board.js"),
    },
    // Public and participant pages: the "Læs op" button (at most 2 KB, tested).
    Asset {
        name: "speak",
        ext: "js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("static/speak.js"),
    },
];

static HASHED: LazyLock<Vec<(String, &'static Asset)>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| {
            let hash = super::token_hash(a.body);
            (format!("{}.{}.{}", a.name, &hash[..12], a.ext), a)
        })
        .collect()
});

/// The URL of an asset by its base name (`"style"`).
pub fn url(name: &str) -> String {
    HASHED
        .iter()
        .find(|(_, a)| a.name == name)
        .map(|(file, _)| format!("/static/{file}"))
        .unwrap_or_default()
}

/// `GET /static/{file}`
pub async fn get_asset(file: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, asset) = HASHED
        .iter()
        .find(|(name, _)| *name == file.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(asset.content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(asset.body))
}
