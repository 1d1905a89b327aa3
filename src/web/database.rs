//! The database from async handlers: [`Db::run`] and [`Db::write`] take a pooled connection on
//! actix's blocking thread pool, so a query never blocks a worker, and turn failures into
//! [`AppError`]s. The `db` module itself stays synchronous and free of web types.

use std::time::Duration;

use diesel::connection::SimpleConnection;

use crate::db::{write_transaction, Backend, Db, DbConnection, DbError};
use crate::error::AppError;

impl Db {
    /// Runs `f` with a pooled connection on actix's blocking thread pool (pool checkout
    /// included), inside the caller's tracing span.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Into<AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            let mut conn = pool.get().map_err(|e| AppError::from(DbError::Pool(e)))?;
            f(&mut conn).map_err(Into::into)
        })
        .await
        .map_err(|_| AppError::Internal(anyhow::anyhow!("blocking task was cancelled")))?
    }

    /// A pooled connection for a short read on the web worker itself, when this is SQLite and
    /// one is free right now. For the few indexed lookups of a participant page, the trip to
    /// the blocking pool and back costs more than the read. PostgreSQL reads wait on the
    /// network, so they never run on a worker. Never write with it: a write may wait for the
    /// writer, and the worker serves other requests meanwhile.
    pub fn idle_sqlite_connection(&self) -> Option<crate::db::DbPooled> {
        match self.backend() {
            Backend::Sqlite => self.pool.try_get(),
            Backend::Postgres => None,
        }
    }

    /// Like [`Db::run`] for a lookup: `None` becomes 404.
    pub async fn find<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> diesel::QueryResult<Option<T>> + Send + 'static,
        T: Send + 'static,
    {
        self.run(f).await?.ok_or(AppError::NotFound)
    }

    /// Like [`Db::run`], inside one write transaction ([`write_transaction`]): a change and its
    /// audit record are stored together or not at all. On SQLite the write joins the writer's
    /// next group commit ([`crate::db::GroupCommit`]) and returns once that is on disk.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Into<AppError> + From<diesel::result::Error> + Send + 'static,
    {
        let Some(writer) = &self.writer else {
            return self.run(move |conn| write_transaction(conn, f)).await;
        };
        let span = tracing::Span::current();
        let outcome = writer.submit(move |conn| {
            let _entered = span.enter();
            f(conn)
        });
        match outcome.await {
            Ok(Ok(result)) => result.map_err(Into::into),
            Ok(Err(batch)) => Err(batch.into()),
            // The writer dropped the write unrun: it could not open the database, or a write
            // beside it panicked. Nothing was stored; "try again" is the truth.
            Err(_) => Err(AppError::Unavailable(DbError::BatchFailed(
                "the database writer could not run it".to_owned(),
            ))),
        }
    }

    /// Checks that the database answers a real read within two seconds. SQLite is checked on
    /// a fresh connection: pooled ones may answer from cache after the file broke.
    pub async fn ping(&self) -> Result<(), DbError> {
        const PROBE: &str = "SELECT COUNT(*) FROM __diesel_schema_migrations";
        let (pool, url) = (self.pool.clone(), self.url.clone());
        actix_web::web::block(move || {
            match url.backend() {
                Backend::Sqlite => url.establish_existing()?.batch_execute(PROBE)?,
                Backend::Postgres => {
                    pool.get_timeout(Duration::from_secs(2))?.batch_execute(PROBE)?
                }
            }
            Ok(())
        })
        .await
        .unwrap_or(Err(DbError::Cancelled))
    }
}
