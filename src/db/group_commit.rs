//! Group commit for SQLite.
//!
//! With `synchronous = FULL` every commit waits for the disk. One answer per commit caps a
//! workshop at one disk flush per answer, however many phones post at once. Here one writer
//! thread owns one connection and commits whatever writes have queued up meanwhile together:
//! each write runs in its own savepoint (a write that fails is undone alone), and every caller
//! hears back only after the shared `COMMIT` has returned, so an acknowledged write is as
//! durable as before.
//!
//! Writes that do not come through here (CLI commands, the rare write inside a read) still
//! work: [`SqliteWriteGate`] makes every in-process writer wait its turn in arrival order, so
//! nobody polls for SQLite's write lock while the writer thread keeps it busy.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};

use super::{DatabaseUrl, DbConnection, DbError};

type Manager = <DbConnection as Connection>::TransactionManager;

/// The most writes one commit carries; bounds how long the first of them waits.
const MAX_BATCH: usize = 256;

/// Tells a caller how its write ended, once the batch it was part of is settled. `Ok` is
/// passed when the batch committed.
type Settle = Box<dyn FnOnce(Result<(), &str>) + Send>;
/// One caller's write: runs on the writer's connection, inside the open batch.
type Job = Box<dyn FnOnce(&mut DbConnection) -> Settle + Send>;

/// The queue in front of the writer thread. The thread ends when the last handle is dropped.
pub struct GroupCommit {
    jobs: mpsc::Sender<Job>,
}

impl GroupCommit {
    /// Starts the writer thread for an SQLite database. Its connection is opened on the first
    /// write, and again after a batch failed.
    pub fn start(url: DatabaseUrl) -> std::io::Result<GroupCommit> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("deltag-writer".into())
            .spawn(move || write_batches(&url, &queue))?;
        Ok(GroupCommit { jobs })
    }

    /// Queues `f` as one write. The returned receiver yields `f`'s own result once it is
    /// committed (or, for an error, rolled back), or a [`DbError`] when the batch could not
    /// be committed; it is closed without a value if the writer is gone.
    pub fn submit<T, E, F>(
        &self, f: F,
    ) -> tokio::sync::oneshot::Receiver<Result<Result<T, E>, DbError>>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<diesel::result::Error> + Send + 'static,
    {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            // A savepoint: a failed write is undone without touching the others in the batch.
            let outcome = conn.transaction(f);
            Box::new(move |batch: Result<(), &str>| {
                let sent = match (outcome, batch) {
                    (Err(e), _) => Ok(Err(e)),
                    (Ok(v), Ok(())) => Ok(Ok(v)),
                    (Ok(_), Err(why)) => Err(DbError::BatchFailed(why.to_owned())),
                };
                // The caller may have gone (the client hung up); its write stands regardless.
                let _ = reply.send(sent);
            })
        });
        // If the writer thread is gone the job is dropped here and the receiver closes.
        let _ = self.jobs.send(job);
        answer
    }
}

/// The writer thread: waits for a write, opens a transaction, runs every write that is queued
/// by then (up to [`MAX_BATCH`]), commits, and tells each caller.
fn write_batches(url: &DatabaseUrl, queue: &mpsc::Receiver<Job>) {
    let mut conn: Option<DbConnection> = None;
    while let Ok(first) = queue.recv() {
        let connection = match conn.take().map_or_else(|| url.establish_existing(), Ok) {
            Ok(c) => conn.insert(c),
            Err(e) => {
                refuse(first, &e.to_string());
                continue;
            }
        };
        let turn = SQLITE_WRITE_GATE.wait_turn();
        if let Err(e) = begin_immediate(connection) {
            refuse(first, &e.to_string());
            conn = None;
            continue;
        }
        let mut settles = Vec::new();
        let mut next = Some(first);
        let mut panicked = false;
        while let Some(job) = next.take() {
            match catch_unwind(AssertUnwindSafe(|| job(connection))) {
                Ok(settle) => settles.push(settle),
                Err(panic) => {
                    // The job's caller sees its channel close (a 500); the connection's
                    // transaction state is unknown now, so the whole batch goes.
                    tracing::error!(panic = panic_text(&panic), "a write panicked");
                    panicked = true;
                    break;
                }
            }
            if settles.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        let committed = if panicked {
            Err("an earlier write in the same batch failed".to_owned())
        } else {
            Manager::commit_transaction(connection).map_err(|e| e.to_string())
        };
        if let Err(why) = &committed {
            tracing::error!(error = %why, writes = settles.len(), "a batch of writes was not committed");
            let _ = Manager::rollback_transaction(connection);
            conn = None;
        }
        drop(turn);
        for settle in settles {
            settle(committed.as_ref().map(|_| ()).map_err(String::as_str));
        }
    }
}

/// Drops a job unrun: its caller's channel closes, which the caller reports as a failed write.
fn refuse(job: Job, why: &str) {
    tracing::error!(error = why, "the database writer cannot open a transaction");
    drop(job);
}

fn begin_immediate(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
        }
        DbConnection::Postgres(_) => Manager::begin_transaction(conn),
    }
}

fn panic_text(panic: &Box<dyn Any + Send>) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Every SQLite write transaction of this process waits here for its turn, first come first
/// served. SQLite's own lock has no queue: a writer that finds it taken sleeps and tries
/// again, and can lose every time to a writer that keeps coming back (the writer thread under
/// load). One gate serves the whole process: deltag opens one database.
pub(crate) static SQLITE_WRITE_GATE: SqliteWriteGate = SqliteWriteGate::new();

/// A ticket lock: [`SqliteWriteGate::wait_turn`] takes a number and waits until it is served.
pub(crate) struct SqliteWriteGate {
    tickets: Mutex<(u64, u64)>,
    turn: Condvar,
}

/// Holds the gate; dropping it lets the next writer in.
pub(crate) struct Turn<'a>(&'a SqliteWriteGate);

impl SqliteWriteGate {
    const fn new() -> SqliteWriteGate {
        SqliteWriteGate { tickets: Mutex::new((0, 0)), turn: Condvar::new() }
    }

    /// Waits until every writer that came earlier is done.
    pub(crate) fn wait_turn(&self) -> Turn<'_> {
        let mut tickets = self.tickets.lock().unwrap_or_else(PoisonError::into_inner);
        let mine = tickets.0;
        tickets.0 += 1;
        while tickets.1 != mine {
            tickets = self.turn.wait(tickets).unwrap_or_else(PoisonError::into_inner);
        }
        Turn(self)
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut tickets = self.0.tickets.lock().unwrap_or_else(PoisonError::into_inner);
        tickets.1 += 1;
        drop(tickets);
        self.0.turn.notify_all();
    }
}
