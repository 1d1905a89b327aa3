//! Logging. Requests are logged by route pattern, never by raw path (paths can carry join codes
//! and one-time tokens) and never with the client's address or user agent.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber (`RUST_LOG` overrides the default `info`).
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).try_init();
}

/// Logs each request with its route pattern, status and duration, inside a span that the
/// database calls of the request inherit.
pub async fn request_log(
    req: ServiceRequest, next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    let span = tracing::info_span!("request", %method, route = tracing::field::Empty);
    let res = {
        let _entered = span.enter();
        next.call(req)
    };
    let res = tracing::Instrument::instrument(res, span.clone()).await;
    let status = match &res {
        Ok(r) => {
            // Finding the pattern walks the route table again: only when it is logged.
            if !span.is_disabled() {
                let route = r.request().match_pattern().unwrap_or_else(|| "(unmatched)".into());
                span.record("route", route.as_str());
            }
            r.status().as_u16()
        }
        Err(e) => e.as_response_error().status_code().as_u16(),
    };
    let _entered = span.enter();
    tracing::info!(status, ms = started.elapsed().as_millis() as u64, "handled");
    res
}
