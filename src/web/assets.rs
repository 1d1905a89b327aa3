//! Static assets compiled into the binary and served under content-hashed names, so they can
//! be cached for a year and still change on upgrade.

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::AppError;

struct Asset {
    name: &'static str,
    ext: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const fn asset(name: &'static str, ext: &'static str, body: &'static str) -> Asset {
    let content_type = match ext.as_bytes() {
        b"css" => "text/css; charset=utf-8",
        b"js" => "text/javascript; charset=utf-8",
        _ => "image/svg+xml",
    };
    Asset { name, ext, content_type, body }
}

const ASSETS: [Asset; 8] = [
    asset("style", "css", include_str!("static/style.css")),
    // Only the theme board loads it.
    asset("board", "js", include_str!("static/board.js")),
    // The question form: only the fields of the chosen kind.
    asset("builder", "js", include_str!("static/builder.js")),
    // Public and participant pages: the "Læs op" button (at most 2 KB, tested).
    asset("speak", "js", include_str!("static/speak.js")),
    // Question pages and "Ryd telefonen": typed answers survive a dropped network.
    asset("keep", "js", include_str!("static/keep.js")),
    // Live parts of staff pages and the wall: event streams and the wall's timer.
    asset("live", "js", include_str!("static/live.js")),
    // The users page: "Kopiér linket" for a fresh invitation link.
    asset("copy", "js", include_str!("static/copy.js")),
    // So browsers stop asking for /favicon.ico (a 404 on every first visit).
    asset("icon", "svg", include_str!("static/icon.svg")),
];

struct Served {
    file: String,
    asset: &'static Asset,
    /// Gzip at the best level, made once: the response compressor works at a fast level,
    /// which leaves a third more bytes for a phone on a weak network to fetch.
    gzip: Vec<u8>,
}

static HASHED: LazyLock<Vec<Served>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| {
            let hash = crate::crypto::token_hash(a.body);
            Served {
                file: format!("{}.{}.{}", a.name, &hash[..12], a.ext),
                asset: a,
                gzip: gzip_best(a.body.as_bytes()),
            }
        })
        .collect()
});

fn gzip_best(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail; an empty result only means the plain body is served.
    if encoder.write_all(body).is_err() {
        return Vec::new();
    }
    encoder.finish().unwrap_or_default()
}

/// Whether the request takes gzip (and does not refuse it with `q=0`).
pub fn accepts_gzip(req: &HttpRequest) -> bool {
    accepts(req, "gzip")
}

/// Whether the request takes the content coding `coding` (and does not refuse it with `q=0`).
pub fn accepts(req: &HttpRequest, coding: &str) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|offered| {
            let mut parts = offered.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()) == Some(0.0)
            });
            name.eq_ignore_ascii_case(coding) && !refused
        })
}

/// The URL of an asset by its base name (`"style"`).
pub fn url(name: &str) -> String {
    HASHED
        .iter()
        .find(|s| s.asset.name == name)
        .map(|s| format!("/static/{}", s.file))
        .unwrap_or_default()
}

/// `GET /static/{file}`: gzip made in advance when the browser takes it (the compression
/// middleware leaves responses with a `Content-Encoding` alone).
pub async fn get_asset(
    req: HttpRequest, file: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let served = HASHED.iter().find(|s| s.file == file.as_str()).ok_or(AppError::NotFound)?;
    let mut res = HttpResponse::Ok();
    res.content_type(served.asset.content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::VARY, "Accept-Encoding"));
    if !served.gzip.is_empty() && accepts_gzip(&req) {
        res.insert_header((header::CONTENT_ENCODING, "gzip"));
        return Ok(res.body(served.gzip.clone()));
    }
    Ok(res.body(served.asset.body))
}
