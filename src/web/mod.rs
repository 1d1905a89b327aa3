//! The web shell shared by every feature: layout, assets, forms, CSRF, security headers,
//! error pages, languages.

pub mod assets;
pub mod csrf;
pub mod errors;
pub mod form;
pub mod i18n;
pub mod layout;
pub mod pages;
pub mod preferences;
pub mod routing;
pub mod security;
pub mod ui;

use actix_web::HttpRequest;

pub use form::Form;
pub use i18n::Lang;

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
    settings: &RuntimeSettings,
    name: String,
    value: String,
    path: String,
    days: Option<i64>,
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

/// A random token of `bytes` bytes, URL-safe base64 without padding.
pub fn random_token(bytes: usize) -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 of a token, hex: what we store instead of the token itself.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The path and query of a request, safe to use as a local redirect target.
pub fn local_path(req: &HttpRequest) -> String {
    let uri = req.uri();
    uri.path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into())
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
