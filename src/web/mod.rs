//! The web shell shared by every feature: layout, assets, forms, CSRF, security headers,
//! error pages, languages.

pub mod assets;
pub mod compress;
pub mod csrf;
pub mod database;
pub mod errors;
pub mod form;
pub mod layout;
pub mod live;
pub mod notice;
pub mod pages;
pub mod preferences;
pub mod routing;
pub mod security;
pub mod ui;

use actix_web::HttpRequest;

pub use form::{Checks, Direction, Form, MoveForm};

use crate::config::RuntimeSettings;

/// Name of a cookie: with the `__Host-` prefix when served over https, so no sub-domain can
/// plant or read it.
pub fn cookie_name(settings: &RuntimeSettings, base: &str) -> String {
    if settings.secure {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

/// A cookie of ours: HttpOnly, `SameSite=Lax`, `Secure` over https, for `path`; kept for
/// `days` when given, else for the browser session.
pub fn cookie(
    settings: &RuntimeSettings, name: String, value: String, path: String, days: Option<i64>,
) -> actix_web::cookie::Cookie<'static> {
    let mut cookie = actix_web::cookie::Cookie::build(name, value)
        .path(path)
        .http_only(true)
        .secure(settings.secure)
        .same_site(actix_web::cookie::SameSite::Lax)
        .finish();
    if let Some(days) = days {
        cookie.set_max_age(actix_web::cookie::time::Duration::days(days));
    }
    cookie
}

/// The client's address, for throttling only (hashed, never stored with answers). Behind a
/// trusted proxy the forwarded address; otherwise the socket peer.
pub fn client_ip(req: &HttpRequest, settings: &RuntimeSettings) -> String {
    let info = req.connection_info();
    let addr = if settings.settings.trust_forwarded {
        info.realip_remote_addr().map(str::to_owned)
    } else {
        info.peer_addr().map(str::to_owned)
    };
    let addr = addr.unwrap_or_default();
    // Strip the port: "1.2.3.4:5678" and "[::1]:5678".
    match addr.parse::<std::net::SocketAddr>() {
        Ok(sock) => sock.ip().to_string(),
        Err(_) => addr,
    }
}

/// The path and query of a request, safe to use as a local redirect target.
pub fn local_path(req: &HttpRequest) -> String {
    let uri = req.uri();
    uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into())
}

/// Only same-site absolute paths are followed after login (no `//evil.example`).
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?;
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then(|| next.to_owned())
}
