//! `Form<T>`: like actix's, but repeated fields (checkboxes) work, and every failure is a plain
//! 400 page that never echoes parser details. [`Checks`] collects the field errors of a form
//! while it is parsed.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::layout::FieldError;
use crate::error::AppError;
use crate::i18n::Lang;

/// A deserialised `application/x-www-form-urlencoded` body.
#[derive(Debug)]
pub struct Form<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let body = bytes.await.map_err(|err| {
                if err.as_response_error().status_code()
                    == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE
                {
                    AppError::PayloadTooLarge
                } else {
                    AppError::BadRequest("body could not be read")
                }
            })?;
            serde_html_form::from_bytes::<T>(&body)
                .map(Form)
                .map_err(|_| AppError::BadRequest("malformed form"))
        })
    }
}

/// Collects a form's field errors while its fields are parsed: each field that fails adds its
/// message, and the form is valid only when none did.
pub struct Checks {
    lang: Lang,
    errors: Vec<FieldError>,
}

impl Checks {
    /// No errors yet; messages in `lang`.
    pub fn new(lang: Lang) -> Checks {
        Checks { lang, errors: Vec::new() }
    }

    /// `parsed` as it is; when it is None, the message `key` is noted for the input `field`.
    pub fn field<T>(
        &mut self, field: impl Into<Cow<'static, str>>, parsed: Option<T>, key: &str,
    ) -> Option<T> {
        if parsed.is_none() {
            self.errors.push(FieldError::new(field, self.lang.t(key)));
        }
        parsed
    }

    /// Notes errors found elsewhere (another part of the same form).
    pub fn extend(&mut self, errors: impl IntoIterator<Item = FieldError>) {
        self.errors.extend(errors);
    }

    /// The parsed form when every field passed, else every message.
    pub fn finish<T>(self, parsed: Option<T>) -> Result<T, Vec<FieldError>> {
        match parsed {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(self.errors),
        }
    }
}

/// Where a move button takes an item in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// One place up.
    Up,
    /// One place down.
    Down,
}

impl Direction {
    /// The change of position.
    pub fn step(self) -> i32 {
        match self {
            Direction::Up => -1,
            Direction::Down => 1,
        }
    }

    /// As posted (for the audit record).
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// The form of every move button.
#[derive(Debug, serde::Deserialize)]
pub struct MoveForm {
    /// Up or down.
    pub direction: Direction,
}
