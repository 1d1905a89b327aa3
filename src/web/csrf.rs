//! CSRF protection for every state-changing request, in one middleware so no route can forget
//! it: an Origin / Sec-Fetch-Site check, then a double-submit token (a random cookie that
//! every form repeats in a hidden `csrf_token` field). The middleware also caps and validates
//! form bodies once: oversized bodies get 413, bodies that are not valid UTF-8 get 400.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

use crate::config::RuntimeSettings;
use crate::error::AppError;

/// The hidden form field that carries the token.
pub const CSRF_FIELD: &str = "csrf_token";
/// Largest request body we read (pasted flipchart notes fit with room to spare).
pub const BODY_LIMIT: usize = 256 * 1024;

/// The visitor's CSRF token, for forms; views put it in a hidden field.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

impl actix_web::FromRequest for CsrfToken {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let token = req.extensions().get::<CsrfToken>().cloned();
        std::future::ready(token.ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("csrf middleware not installed")).into()
        }))
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn well_formed(token: &str) -> bool {
    (32..=64).contains(&token.len())
        && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// True when the request plausibly comes from our own pages. Browsers that send neither
/// header (old phones) are let through to the token check.
fn origin_ok(req: &ServiceRequest, settings: &RuntimeSettings) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        None => true,
        Some(Ok(origin)) => origin == settings.origin,
        Some(Err(_)) => false,
    }
}

/// Strictly decodes an `application/x-www-form-urlencoded` body: every name and value must be
/// valid UTF-8 after percent-decoding (the usual parsers would silently replace bad bytes).
/// Returns the value of `field` if present.
pub fn strict_form_field(body: &[u8], field: &str) -> Result<Option<String>, AppError> {
    let mut found = None;
    for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let mut parts = pair.splitn(2, |b| *b == b'=');
        let name = decode(parts.next().unwrap_or_default())?;
        let value = decode(parts.next().unwrap_or_default())?;
        if name == field && found.is_none() {
            found = Some(value);
        }
    }
    Ok(found)
}

fn decode(raw: &[u8]) -> Result<String, AppError> {
    let plus_as_space: Vec<u8> = raw.iter().map(|b| if *b == b'+' { b' ' } else { *b }).collect();
    let bytes: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
    String::from_utf8(bytes).map_err(|_| AppError::BadRequest("form is not valid UTF-8"))
}

/// The settings, the name of the CSRF cookie, and the well-formed token it holds (if any).
fn cookie_token(
    req: &ServiceRequest,
) -> Result<(web::Data<RuntimeSettings>, String, Option<String>), AppError> {
    let settings = req
        .app_data::<web::Data<RuntimeSettings>>()
        .cloned()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("settings missing")))?;
    let cookie_name = super::cookie_name(&settings, "deltag_csrf");
    let existing =
        req.cookie(&cookie_name).map(|c| c.value().to_owned()).filter(|t| well_formed(t));
    Ok((settings, cookie_name, existing))
}

/// The middleware. Install it inside `errors::error_pages` so its refusals become pages.
pub async fn csrf_middleware(
    mut req: ServiceRequest, next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    // Refusals become responses (not `Err`), so the error-page middleware can render them
    // without holding a clone of the request during routing.
    if let Err(refusal) = check_unsafe_request(&mut req).await {
        return Ok(req.error_response(refusal).map_into_right_body());
    }
    let (settings, cookie_name, existing) = cookie_token(&req)?;
    let (token, fresh) = match existing {
        Some(token) => (token, false),
        None => (crate::crypto::random_token(32), true),
    };
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut res = next.call(req).await?;
    if fresh && !res.request().path().starts_with("/static/") && res.request().path() != "/healthz"
    {
        // Persistent, so a form left open on a phone still works after the browser restarts.
        let cookie = super::cookie(&settings, cookie_name, token, "/".into(), Some(365));
        res.response_mut()
            .add_cookie(&cookie)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("cannot set csrf cookie: {e}")))?;
    }
    Ok(res.map_into_left_body())
}

/// For POST and friends: origin, token and body checks. Leaves the body readable again.
async fn check_unsafe_request(req: &mut ServiceRequest) -> Result<(), AppError> {
    if is_safe(req.method()) {
        return Ok(());
    }
    let (settings, _, existing) = cookie_token(req)?;
    {
        if !origin_ok(req, &settings) {
            return Err(AppError::CsrfRejected("foreign origin"));
        }
        let Some(expected) = existing.as_deref() else {
            return Err(AppError::CsrfRejected("no csrf cookie"));
        };
        if let Some(len) = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
        {
            if len > BODY_LIMIT {
                return Err(AppError::PayloadTooLarge);
            }
        }
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::BadRequest("expected a form"));
        }
        let mut payload = req.take_payload();
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest("body could not be read"))?;
            if body.len() + chunk.len() > BODY_LIMIT {
                return Err(AppError::PayloadTooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        let body = body.freeze();
        let sent = strict_form_field(&body, CSRF_FIELD)?;
        let matches = sent
            .as_deref()
            .is_some_and(|sent| bool::from(sent.as_bytes().ct_eq(expected.as_bytes())));
        if !matches {
            return Err(AppError::CsrfRejected("csrf token mismatch"));
        }
        req.set_payload(actix_web::dev::Payload::from(body));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_decoding_finds_the_field_and_rejects_bad_utf8() {
        let body = b"a=1&csrf_token=abc%2Ddef&b=%C3%A6%C3%B8%C3%A5+x";
        assert_eq!(strict_form_field(body, CSRF_FIELD).ok().flatten().as_deref(), Some("abc-def"));
        assert!(strict_form_field(b"a=%FF%FE", CSRF_FIELD).is_err());
        assert!(strict_form_field(b"%C3=1", CSRF_FIELD).is_err());
        assert_eq!(strict_form_field(b"", CSRF_FIELD).ok().flatten(), None);
    }
}
