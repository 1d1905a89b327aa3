//! Writes from handlers (`Db::write`): on SQLite they are committed in groups by one writer
//! thread; on PostgreSQL each is its own transaction. Either way a write that fails changes
//! nothing, and the writes beside it are stored.

use deltag::db::schema::rate_limits;
use deltag::db::{Backend, DbConnection};
use deltag::error::AppError;
use diesel::prelude::*;

use crate::helpers::spawn_app;
use crate::on_both_backends;

/// Runs the futures at once and gives their results in order.
async fn all<F: std::future::Future + 'static>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let tasks: Vec<_> = futures.map(actix_web::rt::spawn).collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("write task"));
    }
    results
}

diesel::define_sql_function!(fn sqlite_compileoption_used(option: diesel::sql_types::Text) -> diesel::sql_types::Integer);

fn insert_row(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::insert_into(rate_limits::table)
        .values((
            rate_limits::key.eq(key),
            rate_limits::window_start.eq(chrono::Utc::now().naive_utc()),
            rate_limits::hits.eq(1),
            rate_limits::pending.eq(0),
        ))
        .execute(conn)
}

async fn concurrent_writes_are_stored_and_a_failing_one_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let writes = (0..120).map(|i| {
        let db = app.db.clone();
        async move {
            db.write(move |conn| {
                let key = format!("write-{i}");
                insert_row(conn, &key)?;
                // Every third write inserts a second row and then fails: both rows must go.
                if i % 3 == 0 {
                    let extra = format!("extra-{i}");
                    insert_row(conn, &extra)?;
                    return Err(AppError::BadRequest("refused after writing"));
                }
                Ok(i)
            })
            .await
        }
    });
    let results = all(writes).await;
    let ok: Vec<i32> = results.iter().filter_map(|r| r.as_ref().ok().copied()).collect();
    assert_eq!(ok.len(), 80, "every write that did not fail is acknowledged");
    assert!(results
        .iter()
        .filter(|r| r.is_err())
        .all(|r| matches!(r, Err(AppError::BadRequest(_)))));

    let mut conn = app.db.get().expect("connection");
    let mut keys: Vec<String> = rate_limits::table
        .filter(rate_limits::key.like("write-%").or(rate_limits::key.like("extra-%")))
        .select(rate_limits::key)
        .load(&mut conn)
        .expect("keys");
    keys.sort();
    let mut expected: Vec<String> = ok.iter().map(|i| format!("write-{i}")).collect();
    expected.sort();
    assert_eq!(keys, expected, "acknowledged writes stored, failed writes left nothing");
}

on_both_backends!(concurrent_writes_are_stored_and_a_failing_one_changes_nothing);

/// A write outside the writer (a pooled connection, as CLI commands and throttles use) waits
/// its turn while handlers keep the writer busy, instead of failing with "database is locked".
async fn writes_beside_the_writer_wait_their_turn(backend: Backend) {
    let app = spawn_app(backend).await;
    let busy = (0..200).map(|i| {
        let db = app.db.clone();
        async move {
            db.write(move |conn| {
                let key = format!("busy-{i}");
                insert_row(conn, &key)
            })
            .await
        }
    });
    let beside = (0..20).map(|i| {
        let db = app.db.clone();
        async move {
            db.run(move |conn| {
                deltag::db::write_transaction(conn, |conn| {
                    let key = format!("beside-{i}");
                    insert_row(conn, &key)
                })
            })
            .await
        }
    });
    let busy: Vec<_> = busy.map(actix_web::rt::spawn).collect();
    let beside = all(beside).await;
    let mut busy_results = Vec::new();
    for task in busy {
        busy_results.push(task.await.expect("write task"));
    }
    let busy = busy_results;
    assert!(busy.iter().all(Result::is_ok), "{:?}", busy.iter().find(|r| r.is_err()));
    assert!(beside.iter().all(Result::is_ok), "{:?}", beside.iter().find(|r| r.is_err()));
    let mut conn = app.db.get().expect("connection");
    let stored: i64 = rate_limits::table.count().get_result(&mut conn).expect("count");
    assert_eq!(stored, 220);
}

on_both_backends!(writes_beside_the_writer_wait_their_turn);

/// The bundled SQLite is built with the query planner stability guarantee: without it every
/// `.first()` (a bound `LIMIT`) recompiles its statement (see `.cargo/config.toml`).
#[test]
fn sqlite_is_built_with_the_query_planner_stability_guarantee() {
    let db = crate::helpers::TestDb::new(Backend::Sqlite);
    let mut conn = crate::helpers::direct_connection(&db.url);
    let used: i32 = diesel::select(sqlite_compileoption_used("ENABLE_QPSG"))
        .get_result(&mut conn)
        .expect("compile option");
    assert_eq!(used, 1);
}
