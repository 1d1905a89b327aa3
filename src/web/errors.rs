//! Turns errors into pages in the product's layout and the visitor's language, and logs the
//! cause chain of server errors. Responses that already are pages pass untouched.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse};
use maud::html;

use super::layout;
use crate::error::AppError;
use crate::i18n::Lang;

/// The middleware; install it outside the CSRF middleware. Inner layers report refusals as
/// responses carrying an error (`ServiceRequest::error_response`), never as `Err`.
pub async fn error_pages(
    req: ServiceRequest, next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    let res = next.call(req).await?;
    let status = res.status();
    let is_error = status.is_client_error() || status.is_server_error();
    let bare = !res.headers().contains_key(header::CONTENT_TYPE)
        || res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|ct| ct.as_bytes().starts_with(b"text/plain"));
    if !is_error || !(res.response().error().is_some() || bare) {
        return Ok(res.map_into_left_body());
    }
    let app_error = res.response().error().and_then(|e| e.as_error::<AppError>());
    log(status, res.response().error().map(|e| describe(e, app_error)));
    let page = page_body(res.request(), status, app_error);
    let (req, response) = res.into_parts();
    let mut response = response.set_body(BoxBody::new(page));
    set_html(&mut response);
    Ok(ServiceResponse::new(req, response).map_into_right_body())
}

fn describe(err: &actix_web::Error, app: Option<&AppError>) -> String {
    app.map(AppError::chain).unwrap_or_else(|| err.to_string())
}

fn log(status: StatusCode, detail: Option<String>) {
    let detail = detail.unwrap_or_default();
    if status.is_server_error() {
        tracing::error!(status = status.as_u16(), error = %detail, "request failed");
    } else {
        tracing::info!(status = status.as_u16(), error = %detail, "request refused");
    }
}

fn set_html(response: &mut HttpResponse) {
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, header::HeaderValue::from_static("text/html; charset=utf-8"));
}

fn page_body(req: &HttpRequest, status: StatusCode, err: Option<&AppError>) -> String {
    let lang = Lang::from_request(req);
    let key = match (status.as_u16(), err) {
        (403, Some(AppError::CsrfRejected(_))) => "error-csrf",
        (400, _) => "error-400",
        (403, _) => "error-403",
        (404 | 405, _) => "error-404",
        (410, _) => "error-410",
        (413, _) => "error-413",
        (429, _) => "error-429",
        (503, _) => "error-503",
        _ => "error-500",
    };
    let title = lang.t(&format!("{key}-title"));
    let body = html! {
        h1 { (title) }
        p { (lang.t(&format!("{key}-text"))) }
        p { a href="/" { (lang.t("error-home-link")) } }
    };
    layout::page(lang, &title, None, body).into_string()
}
