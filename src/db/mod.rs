//! Database access for both backends.
//!
//! One [`DbConnection`] (a diesel `MultiConnection`) over SQLite and PostgreSQL, chosen at run
//! time from the URL scheme; an r2d2 pool of them; embedded migrations per backend. Everything
//! here is synchronous and knows nothing of the web: handlers reach the pool through
//! `Db::run` and `Db::write` (in `web::database`), which run on actix's blocking pool.

pub mod events;
mod group_commit;
pub mod schema;
pub mod types;

pub use group_commit::GroupCommit;

pub use types::{
    AnswerId, AuditEventId, InvitationId, KeyPointId, ParticipantId, QuestionId, QuoteId, RoundId,
    RoundItemId, ThemeId, TopicId, TrackId, UndoStepId, UserId, WorkshopId,
};

use std::fmt;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// The migrations of each backend, compiled into the binary.
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
/// See [`SQLITE_MIGRATIONS`].
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend. Queries written once against the portable schema run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// An embedded SQLite file.
    Sqlite(diesel::SqliteConnection),
    /// A PostgreSQL server.
    Postgres(diesel::PgConnection),
}

/// Runs `$body` with `$c` bound to the backend's own connection; the body is compiled once
/// per backend. Through the `MultiConnection`, diesel writes a query's SQL text again on every
/// execution, even when its prepared statement is cached (about 5 % of the server's time on
/// participant pages); the backend's own connection finds a cached statement by the query's
/// type alone. Only for the queries every participant page and answer post runs.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            $crate::db::DbConnection::Postgres($c) => $body,
        }
    };
}

/// Which database engine a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite://PATH`
    Sqlite,
    /// `postgres://…` or `postgresql://…`
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        })
    }
}

/// Errors met while opening or preparing the database; shown to operators as they are.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The URL has a scheme we do not speak. We never fall back to a new SQLite file.
    #[error("unsupported database URL {0:?}: use sqlite://PATH (e.g. sqlite://deltag.db) or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    /// The database could not be reached or opened.
    #[error("cannot connect to the {backend} database: {source}")]
    Connect {
        /// Which engine we tried.
        backend: Backend,
        /// Why it failed.
        #[source]
        source: diesel::ConnectionError,
    },
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migration(String),
    /// A query failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// The blocking task was cancelled (the server is shutting down).
    #[error("database task cancelled")]
    Cancelled,
    /// The batch a write was committed with failed; the write was not stored.
    #[error("the write was not stored: {0}")]
    BatchFailed(String),
    /// The writer thread could not be started.
    #[error("cannot start the database writer: {0}")]
    Writer(#[source] std::io::Error),
    /// No pooled connection could be had.
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::PoolError),
}

/// A parsed database URL: which backend, and what to hand to its driver.
#[derive(Clone)]
pub struct DatabaseUrl {
    backend: Backend,
    /// For SQLite the file path; for PostgreSQL the whole URL.
    target: String,
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The PostgreSQL URL may carry a password: never print it.
        match self.backend {
            Backend::Sqlite => write!(f, "sqlite://{}", self.target),
            Backend::Postgres => f.write_str("postgres://…"),
        }
    }
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH` (relative, or absolute as `sqlite:///abs/path`) and
    /// `postgres://` / `postgresql://` URLs. Anything else is refused.
    pub fn parse(url: &str) -> Result<Self, DbError> {
        let url = url.trim();
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() || path.starts_with(':') || path.contains('?') {
                return Err(DbError::UnsupportedUrl(url.to_owned()));
            }
            return Ok(Self { backend: Backend::Sqlite, target: path.to_owned() });
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self { backend: Backend::Postgres, target: url.to_owned() });
        }
        Err(DbError::UnsupportedUrl(redact(url)))
    }

    /// The engine this URL points at.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The SQLite file path (None for PostgreSQL).
    pub fn sqlite_path(&self) -> Option<&str> {
        (self.backend == Backend::Sqlite).then_some(self.target.as_str())
    }

    /// Opens one connection, creating a missing SQLite file (first start).
    pub fn establish(&self) -> Result<DbConnection, DbError> {
        self.open(&self.target)
    }

    /// Opens one connection to a database that must exist already. The pool uses this: if the
    /// SQLite file vanishes under a running server, new connections fail loudly instead of
    /// quietly starting an empty database that would swallow new answers.
    pub fn establish_existing(&self) -> Result<DbConnection, DbError> {
        match self.backend {
            Backend::Sqlite => {
                let path = percent_encoding::utf8_percent_encode(&self.target, SQLITE_URI_RESERVED);
                self.open(&format!("file:{path}?mode=rw"))
            }
            Backend::Postgres => self.open(&self.target),
        }
    }

    /// Opens a connection, configured for durability (see README, "SQLite").
    fn open(&self, target: &str) -> Result<DbConnection, DbError> {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = diesel::SqliteConnection::establish(target)
                    .map_err(|source| DbError::Connect { backend: self.backend, source })?;
                // WAL lets readers run beside the one writer; FULL syncs the WAL on every
                // commit so an acknowledged answer survives power loss; busy_timeout makes
                // writers queue instead of failing at once.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000;
                     PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = FULL;
                     PRAGMA foreign_keys = ON;",
                )
                .map_err(|e| DbError::Connect {
                    backend: self.backend,
                    source: diesel::ConnectionError::CouldntSetupConfiguration(e),
                })?;
                Ok(DbConnection::Sqlite(conn))
            }
            Backend::Postgres => {
                let mut conn = diesel::PgConnection::establish(target)
                    .map_err(|source| DbError::Connect { backend: self.backend, source })?;
                // diesel prepares every query once per connection. With fresh statistics
                // PostgreSQL may plan a many-table join again on every call (a custom plan:
                // 1 ms of planning for 0.5 ms of work on the board with 200 workshops); every
                // query here is an index lookup by id, which one generic plan serves as well.
                // Before PostgreSQL 12 the setting does not exist, and nothing changes.
                if let Err(e) = conn.batch_execute("SET plan_cache_mode = force_generic_plan") {
                    tracing::warn!(error = %e, "PostgreSQL keeps its own plan cache mode");
                }
                Ok(DbConnection::Postgres(conn))
            }
        }
    }
}

/// Characters with a meaning in an SQLite `file:` URI.
const SQLITE_URI_RESERVED: &percent_encoding::AsciiSet =
    &percent_encoding::CONTROLS.add(b'%').add(b'?').add(b'#').add(b' ');

/// Hides a password in a URL we are about to print.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// r2d2 manager that opens connections from a [`DatabaseUrl`].
pub struct ConnectionManager {
    url: DatabaseUrl,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> Result<DbConnection, DbError> {
        self.url.establish_existing()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        conn.batch_execute("SELECT 1").map_err(DbError::Query)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// A pooled connection.
pub type DbPooled = PooledConnection<ConnectionManager>;

/// The shared handle to the database: a pool, the backend it talks to, and for SQLite the
/// writer that commits web writes in groups ([`GroupCommit`]).
#[derive(Clone)]
pub struct Db {
    pub(crate) pool: Pool<ConnectionManager>,
    pub(crate) url: DatabaseUrl,
    pub(crate) writer: Option<std::sync::Arc<GroupCommit>>,
}

impl Db {
    /// Connects once (so a wrong URL or a database that is down fails here, clearly), then
    /// builds the pool.
    pub fn connect(url: &DatabaseUrl, pool_size: u32) -> Result<Db, DbError> {
        drop(url.establish()?);
        let pool = Pool::builder()
            .max_size(pool_size.max(1))
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .test_on_check_out(false)
            .build_unchecked(ConnectionManager { url: url.clone() });
        let writer = match url.backend() {
            Backend::Sqlite => {
                Some(std::sync::Arc::new(GroupCommit::start(url.clone()).map_err(DbError::Writer)?))
            }
            Backend::Postgres => None,
        };
        Ok(Db { pool, url: url.clone(), writer })
    }

    /// Which engine this is.
    pub fn backend(&self) -> Backend {
        self.url.backend()
    }

    /// A connection for synchronous code (CLI commands, tests). Web handlers use `Db::run`.
    pub fn get(&self) -> Result<DbPooled, DbError> {
        Ok(self.pool.get()?)
    }

    /// Runs every pending migration; returns the versions applied. Safe to call from several
    /// replicas at once on PostgreSQL (an advisory lock serialises them).
    pub fn migrate(&self) -> Result<Vec<String>, DbError> {
        let mut conn = self.get()?;
        run_migrations(&mut conn)
    }
}

/// Runs pending migrations on one connection.
pub fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect())
            .map_err(|e| DbError::Migration(e.to_string())),
        DbConnection::Postgres(c) => {
            // Several replicas may start together; only one may migrate at a time.
            c.batch_execute("SELECT pg_advisory_lock(7261626)")?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.iter().map(ToString::to_string).collect::<Vec<_>>())
                .map_err(|e| DbError::Migration(e.to_string()));
            c.batch_execute("SELECT pg_advisory_unlock(7261626)")?;
            result
        }
    }?;
    Ok(applied)
}

/// Reverts every migration (tests use it to prove `down.sql` works).
pub fn revert_all_migrations(conn: &mut DbConnection) -> Result<usize, DbError> {
    let reverted = match conn {
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConnection::Postgres(c) => c.revert_all_migrations(POSTGRES_MIGRATIONS).map(|v| v.len()),
    };
    reverted.map_err(|e| DbError::Migration(e.to_string()))
}

/// Runs `f` in a write transaction. On SQLite it starts with `BEGIN IMMEDIATE`, so the write
/// lock is taken up front and a read-then-write never dies with SQLITE_BUSY half way.
pub fn write_transaction<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let outermost =
        <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn)
            .transaction_depth()?
            .is_none();
    // In-process SQLite writers queue in arrival order instead of polling for the lock.
    let _turn = match conn {
        DbConnection::Sqlite(c) if outermost => {
            let turn = group_commit::SQLITE_WRITE_GATE.wait_turn();
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
            Some(turn)
        }
        _ => {
            <DbConnection as Connection>::TransactionManager::begin_transaction(conn)?;
            None
        }
    };
    match f(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            // The caller's error is the one worth reporting; a failed rollback leaves the
            // connection marked broken and r2d2 discards it.
            let _ = <DbConnection as Connection>::TransactionManager::rollback_transaction(conn);
            Err(err)
        }
    }
}

/// Runs one insert that may hit a unique constraint, inside a savepoint: a duplicate returns
/// `Ok(false)` and leaves any surrounding transaction usable (on PostgreSQL an error would
/// otherwise abort the whole transaction).
pub fn insert_unless_duplicate<F>(conn: &mut DbConnection, insert: F) -> diesel::QueryResult<bool>
where
    F: FnOnce(&mut DbConnection) -> diesel::QueryResult<usize>,
{
    match conn.transaction(insert) {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Stores one keyed row: `update` it, else `insert` it, else (another transaction inserted the
/// same key in between: on PostgreSQL two can both find no row) `update` again, so the later
/// write wins and neither meets a duplicate-key error.
pub fn update_or_insert<U, I>(
    conn: &mut DbConnection, mut update: U, insert: I,
) -> diesel::QueryResult<()>
where
    U: FnMut(&mut DbConnection) -> diesel::QueryResult<usize>,
    I: FnOnce(&mut DbConnection) -> diesel::QueryResult<usize>,
{
    if update(conn)? == 0 && !insert_unless_duplicate(conn, insert)? {
        update(conn)?;
    }
    Ok(())
}

/// A new time-ordered id (UUIDv7) as text.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, as naive UTC with millisecond precision (the same on both backends).
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    now.with_nanosecond_floor()
}

trait NanoFloor {
    fn with_nanosecond_floor(self) -> Self;
}

impl NanoFloor for chrono::NaiveDateTime {
    fn with_nanosecond_floor(self) -> Self {
        use chrono::Timelike;
        let millis = self.nanosecond() / 1_000_000 * 1_000_000;
        self.with_nanosecond(millis).unwrap_or(self)
    }
}

/// A row kept in the order people choose: the questions of a workshop, the themes under one
/// parent, the key points under one theme.
pub trait Ordered: Sized {
    /// The row's ID type.
    type Id: PartialEq;
    /// The row with this ID, if there is one.
    fn find(conn: &mut DbConnection, id: &Self::Id) -> QueryResult<Option<Self>>;
    /// The rows it is ordered among, itself included.
    fn siblings(&self, conn: &mut DbConnection) -> QueryResult<Vec<Self>>;
    /// The row's ID.
    fn id(&self) -> &Self::Id;
    /// The row's place among its siblings.
    fn position(&self) -> i32;
    /// Writes one row's place.
    fn set_position(conn: &mut DbConnection, id: &Self::Id, at: i32) -> QueryResult<usize>;
}

/// Implements [`Ordered`] for a row type with `id` and `position` fields stored in `$table`:
/// `find` looks one up by ID, `siblings` lists the rows it is ordered among.
///
/// ```ignore
/// ordered!(Question: QuestionId in questions, find = find_question,
///     siblings = |conn, q| list_questions(conn, &q.workshop_id));
/// ```
#[macro_export]
macro_rules! ordered {
    ($row:ident: $id:ident in $table:ident, find = $find:path, siblings = |$conn:ident, $me:ident| $list:expr) => {
        impl $crate::db::Ordered for $row {
            type Id = $id;

            fn find(
                conn: &mut $crate::db::DbConnection, id: &Self::Id,
            ) -> diesel::QueryResult<Option<Self>> {
                $find(conn, id)
            }

            fn siblings(
                &self, $conn: &mut $crate::db::DbConnection,
            ) -> diesel::QueryResult<Vec<Self>> {
                let $me = self;
                $list
            }

            fn id(&self) -> &Self::Id {
                &self.id
            }

            fn position(&self) -> i32 {
                self.position
            }

            fn set_position(
                conn: &mut $crate::db::DbConnection, id: &Self::Id, at: i32,
            ) -> diesel::QueryResult<usize> {
                let row = $table::table.find(id);
                diesel::update(row).set($table::position.eq(at)).execute(conn)
            }
        }
    };
}

/// Moves a row one place (`step` is -1 or +1) among its siblings by swapping places with its
/// neighbour there; a row already first or last stays. Gives the row as it was found, or
/// `None` when there is no row with this ID.
pub fn move_row<T: Ordered>(
    conn: &mut DbConnection, id: &T::Id, step: i32,
) -> QueryResult<Option<T>> {
    write_transaction(conn, |conn| {
        let Some(row) = T::find(conn, id)? else {
            return Ok(None);
        };
        let siblings = row.siblings(conn)?;
        if let Some(other) = siblings.iter().find(|s| s.position() == row.position() + step) {
            T::set_position(conn, other.id(), row.position())?;
            T::set_position(conn, row.id(), other.position())?;
        }
        Ok(Some(row))
    })
}
