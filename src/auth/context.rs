//! [`StaffContext`]: what a staff handler works with, extracted once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::session::{Admin, AnySession, Editor, Staff};
use crate::audit::{self, Action, Trail};
use crate::db::{self, Db, DbConnection, Ordered};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::form::Direction;

/// A signed-in staff member with some role: [`Staff`] (any), [`Editor`] or [`Admin`].
pub trait Signed: FromRequest<Error = AppError> + 'static {
    /// The staff member.
    fn staff(&self) -> &Staff;
}

impl Signed for Staff {
    fn staff(&self) -> &Staff {
        self
    }
}

impl Signed for Editor {
    fn staff(&self) -> &Staff {
        &self.0
    }
}

impl Signed for Admin {
    fn staff(&self) -> &Staff {
        &self.0
    }
}

impl Signed for AnySession {
    fn staff(&self) -> &Staff {
        &self.staff
    }
}

/// What a staff handler works with: the page's language, the CSRF token for its forms, who is
/// signed in (refused before the handler runs unless their role is `R`'s), and the database.
pub struct StaffContext<R> {
    /// The page's language.
    pub lang: Lang,
    /// For the forms on the page.
    pub csrf: CsrfToken,
    /// Who is signed in.
    pub who: R,
    /// The database.
    pub db: web::Data<Db>,
}

impl<R: Signed> StaffContext<R> {
    /// The signed-in staff member.
    pub fn staff(&self) -> &Staff {
        self.who.staff()
    }

    /// Runs a change as this staff member, with its audit records, in one write transaction
    /// (see [`audit::change`]).
    pub async fn change<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection, &mut Trail) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        audit::change(&self.db, self.staff().id(), f).await
    }

    /// Finds one thing (404 when `find` gives none) and changes it, with its audit records, in
    /// one write transaction; returns the thing as it was found.
    pub async fn change_found<T, L, C>(&self, find: L, change: C) -> Result<T, AppError>
    where
        L: FnOnce(&mut DbConnection) -> diesel::QueryResult<Option<T>> + Send + 'static,
        C: FnOnce(&mut DbConnection, &mut Trail, &T) -> Result<(), AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.change(move |conn, trail| {
            let found = find(conn)?.ok_or(AppError::NotFound)?;
            change(conn, trail, &found)?;
            Ok(found)
        })
        .await
    }

    /// [`Self::change_found`] for a change that gives something back (e.g. its undo step).
    pub async fn change_found_then<T, M, L, C>(
        &self, find: L, change: C,
    ) -> Result<(T, M), AppError>
    where
        L: FnOnce(&mut DbConnection) -> diesel::QueryResult<Option<T>> + Send + 'static,
        C: FnOnce(&mut DbConnection, &mut Trail, &T) -> Result<M, AppError> + Send + 'static,
        T: Send + 'static,
        M: Send + 'static,
    {
        self.change(move |conn, trail| {
            let found = find(conn)?.ok_or(AppError::NotFound)?;
            let made = change(conn, trail, &found)?;
            Ok((found, made))
        })
        .await
    }

    /// Moves a question, theme or key point one place up or down among its siblings and
    /// records `action`; returns the row as it was found (404 when there is none).
    pub async fn move_row<T>(
        &self, id: T::Id, direction: Direction, action: Action,
    ) -> Result<T, AppError>
    where
        T: Ordered + Send + 'static,
        T::Id: std::fmt::Display + Send,
    {
        self.change(move |conn, trail| {
            let row = db::move_row::<T>(conn, &id, direction.step())?.ok_or(AppError::NotFound)?;
            trail.record(action, &id, direction.as_str());
            Ok(row)
        })
        .await
    }
}

impl<R: Signed> FromRequest for StaffContext<R> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let lang = Lang::from_request(req);
        let csrf = req.extensions().get::<CsrfToken>().cloned();
        let db = req.app_data::<web::Data<Db>>().cloned();
        // The role extractors read the session cookie only, never the body.
        let who = R::from_request(req, &mut Payload::None);
        Box::pin(async move {
            let missing =
                || AppError::Internal(anyhow::anyhow!("csrf middleware or database missing"));
            Ok(StaffContext {
                lang,
                csrf: csrf.ok_or_else(missing)?,
                who: who.await?,
                db: db.ok_or_else(missing)?,
            })
        })
    }
}
