//! One error type for the web layer. Handlers return `Result<_, AppError>`; the
//! `web::error_pages` middleware turns it into a friendly page in the product's layout and logs
//! the cause chain of server errors.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request could not be read (malformed form, bad encoding, unknown field).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// 403: the security check failed (missing or wrong CSRF token, foreign origin).
    #[error("forbidden: {0}")]
    CsrfRejected(&'static str),
    /// 403: signed in, but the role does not allow this.
    #[error("forbidden for this role")]
    Forbidden,
    /// Not signed in (or the session ended): send them to the login page.
    #[error("login required")]
    LoginRequired {
        /// Where to return after login.
        next: String,
    },
    /// Signed in, but the account must set up a second factor before any other staff page:
    /// send them to the set-up page.
    #[error("second factor to set up")]
    SecondFactorSetup,
    /// 404.
    #[error("not found")]
    NotFound,
    /// 410: it existed but is closed (a workshop after closing).
    #[error("gone")]
    Gone,
    /// 413: the body is larger than we accept.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 429: too many attempts; try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds until the window ends.
        retry_after: u64,
    },
    /// 503: the database does not answer.
    #[error("service unavailable")]
    Unavailable(#[source] DbError),
    /// 503: as many event streams are open as this process serves; try again shortly.
    #[error("too many open event streams")]
    Busy,
    /// 500: a query failed.
    #[error("database error")]
    Database(#[from] diesel::result::Error),
    /// 500: anything else.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<DbError> for AppError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::Query(e) => AppError::Database(e),
            other => AppError::Unavailable(other),
        }
    }
}

impl AppError {
    /// The whole cause chain on one line, for the log.
    pub fn chain(&self) -> String {
        let mut out = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            out.push_str(": ");
            out.push_str(&cause.to_string());
            source = cause.source();
        }
        out
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::CsrfRejected(_) | AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::LoginRequired { .. } | AppError::SecondFactorSetup => StatusCode::SEE_OTHER,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Gone => StatusCode::GONE,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) | AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A bare response; `web::error_pages` replaces the body with a page in the visitor's
    /// language. Never echoes parser details.
    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        match self {
            AppError::LoginRequired { next } => {
                let target = format!(
                    "/login?next={}",
                    percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
                );
                res.insert_header((actix_web::http::header::LOCATION, target));
            }
            AppError::SecondFactorSetup => {
                let target = crate::auth::second_factor::SETUP_PATH;
                res.insert_header((actix_web::http::header::LOCATION, target));
            }
            AppError::TooManyRequests { retry_after } => {
                res.insert_header((actix_web::http::header::RETRY_AFTER, retry_after.to_string()));
            }
            AppError::Busy => {
                res.insert_header((actix_web::http::header::RETRY_AFTER, "10"));
            }
            _ => {}
        }
        res.content_type("text/plain; charset=utf-8")
            .body(self.status_code().canonical_reason().unwrap_or("error"))
    }
}
