//! The `Staff` extractor: the signed-in staff member of a request, from a database session.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::Cookie;
use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{web, FromRequest, HttpRequest};

use super::domain::Role;
use super::second_factor::{self, Gate};
use super::store::{self, User};
use crate::config::RuntimeSettings;
use crate::db::{Db, UserId};
use crate::error::AppError;
use crate::web::{cookie_name, local_path};

/// Base name of the session cookie.
pub const SESSION_COOKIE: &str = "deltag_session";

/// A signed-in staff member. Extracting it from a request without a live session answers
/// with a redirect to the login page; a session whose account must set up a second factor
/// first, with one to the set-up page (see `auth::second_factor`).
#[derive(Debug, Clone)]
pub struct Staff {
    /// The account.
    pub user: User,
    /// The session's id (hash), for logout.
    pub session_id: String,
}

impl Staff {
    /// The account's role.
    pub fn role(&self) -> Role {
        self.user.role
    }

    /// The account's id, for audit records.
    pub fn id(&self) -> &UserId {
        &self.user.id
    }
}

/// A signed-in admin or facilitator: the roles that change workshops, answers and themes.
/// Anyone else is refused with 403 (or sent to log in) before the handler runs.
#[derive(Debug, Clone)]
pub struct Editor(pub Staff);

/// A signed-in admin: users, the audit log. Anyone else is refused with 403 (or sent to log
/// in) before the handler runs.
#[derive(Debug, Clone)]
pub struct Admin(pub Staff);

impl std::ops::Deref for Editor {
    type Target = Staff;
    fn deref(&self) -> &Staff {
        &self.0
    }
}

impl std::ops::Deref for Admin {
    type Target = Staff;
    fn deref(&self) -> &Staff {
        &self.0
    }
}

/// Extracts the staff member, then keeps them only if `allowed(role)`.
fn staff_with_role<T: 'static>(
    req: &HttpRequest, allowed: fn(Role) -> bool, wrap: fn(Staff) -> T,
) -> Pin<Box<dyn Future<Output = Result<T, AppError>>>> {
    let staff = Staff::from_request(req, &mut Payload::None);
    Box::pin(async move {
        let staff = staff.await?;
        if allowed(staff.role()) {
            Ok(wrap(staff))
        } else {
            Err(AppError::Forbidden)
        }
    })
}

impl FromRequest for Editor {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        staff_with_role(req, Role::can_edit, Editor)
    }
}

impl FromRequest for Admin {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        staff_with_role(req, |role| role == Role::Admin, Admin)
    }
}

fn app_state(req: &HttpRequest) -> Result<(web::Data<RuntimeSettings>, web::Data<Db>), AppError> {
    let settings = req.app_data::<web::Data<RuntimeSettings>>().cloned();
    let db = req.app_data::<web::Data<Db>>().cloned();
    settings.zip(db).ok_or_else(|| AppError::Internal(anyhow::anyhow!("app data missing")))
}

impl FromRequest for Staff {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = live_session(req.clone());
        Box::pin(async move {
            match session.await? {
                (staff, Gate::Open) => Ok(staff),
                // `live_session` already sent a session that owes its code to the login page.
                (_, Gate::MustEnrol | Gate::NeedsCode) => Err(AppError::SecondFactorSetup),
            }
        })
    }
}

/// A signed-in staff member who may still have to set up a second factor: only for the pages
/// that set it up, and logout. Everywhere else [`Staff`] sends such a person to set-up first.
#[derive(Debug, Clone)]
pub struct AnySession {
    /// Who.
    pub staff: Staff,
    /// What the session may open otherwise ([`Gate::Open`] or [`Gate::MustEnrol`]).
    pub gate: Gate,
}

impl std::ops::Deref for AnySession {
    type Target = Staff;
    fn deref(&self) -> &Staff {
        &self.staff
    }
}

impl FromRequest for AnySession {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = live_session(req.clone());
        Box::pin(async move {
            let (staff, gate) = session.await?;
            Ok(AnySession { staff, gate })
        })
    }
}

/// The live session of a request and what it may open ([`Gate`]). No session, or one that
/// never gave the code of an account with a second factor: the login redirect.
async fn live_session(req: HttpRequest) -> Result<(Staff, Gate), AppError> {
    let (settings, db) = app_state(&req)?;
    let next = if req.method() == Method::GET { local_path(&req) } else { "/staff".into() };
    let token = req
        .cookie(&cookie_name(&settings, SESSION_COOKIE))
        .map(|c| c.value().to_owned())
        .ok_or_else(|| AppError::LoginRequired { next: next.clone() })?;
    let idle = chrono::Duration::from_std(settings.settings.session_idle)
        .map_err(|e| AppError::Internal(e.into()))?;
    let absolute = chrono::Duration::from_std(settings.settings.session_absolute)
        .map_err(|e| AppError::Internal(e.into()))?;
    let server = settings.settings.site.clone();
    let found = db
        .run(move |conn| {
            let Some((session, user)) = store::authenticate(conn, &token, idle, absolute)? else {
                return Ok::<_, diesel::result::Error>(None);
            };
            let gate = second_factor::gate(conn, &session, &user, &server)?;
            Ok(Some((Staff { user, session_id: session.id }, gate)))
        })
        .await?;
    match found {
        Some((_, Gate::NeedsCode)) | None => Err(AppError::LoginRequired { next }),
        Some(found) => Ok(found),
    }
}

/// The cookie that carries a new session.
pub fn session_cookie(settings: &RuntimeSettings, token: String) -> Cookie<'static> {
    crate::web::cookie(settings, cookie_name(settings, SESSION_COOKIE), token, "/".into(), None)
}

/// A cookie that removes the session cookie.
pub fn removal_cookie(settings: &RuntimeSettings) -> Cookie<'static> {
    let mut cookie = session_cookie(settings, String::new());
    cookie.make_removal();
    cookie
}
