//! Fixed-window failure counters in the database, shared by every replica. Used for staff
//! logins and join-code guesses. Keys hold hashes, never raw addresses; rows expire with
//! their window, so nobody is locked out for good.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::rate_limits;
use crate::db::{now, write_transaction, DbConnection};

/// A limit: at most `max` failures per `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Failures allowed in one window.
    pub max: i32,
    /// Window length.
    pub window: Duration,
}

/// If `key` has used up `limit`, the seconds until it may try again.
pub fn blocked_for(conn: &mut DbConnection, key: &str, limit: Limit) -> QueryResult<Option<u64>> {
    let row: Option<(NaiveDateTime, i32)> = rate_limits::table
        .find(key)
        .select((rate_limits::window_start, rate_limits::hits))
        .first(conn)
        .optional()?;
    let at = now();
    Ok(row.and_then(|(start, hits)| {
        let ends = start + limit.window;
        (hits >= limit.max && ends > at).then(|| (ends - at).num_seconds().max(1) as u64)
    }))
}

/// Counts one failure for `key`.
pub fn record_failure(conn: &mut DbConnection, key: &str, window: Duration) -> QueryResult<()> {
    // Two first failures racing on PostgreSQL can both try to insert; the loser retries once
    // and then finds the row.
    match try_record(conn, key, window) {
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            try_record(conn, key, window)
        }
        other => other,
    }
}

fn try_record(conn: &mut DbConnection, key: &str, window: Duration) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        let at = now();
        let start: Option<NaiveDateTime> = rate_limits::table
            .find(key)
            .select(rate_limits::window_start)
            .first(conn)
            .optional()?;
        match start {
            Some(start) if at - start < window => {
                diesel::update(rate_limits::table.find(key))
                    .set(rate_limits::hits.eq(rate_limits::hits + 1))
                    .execute(conn)?;
            }
            Some(_) => {
                diesel::update(rate_limits::table.find(key))
                    .set((rate_limits::window_start.eq(at), rate_limits::hits.eq(1)))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(rate_limits::table)
                    .values((
                        rate_limits::key.eq(key),
                        rate_limits::window_start.eq(at),
                        rate_limits::hits.eq(1),
                    ))
                    .execute(conn)?;
            }
        }
        // Housekeeping: windows older than a day are of no use to anyone.
        diesel::delete(
            rate_limits::table.filter(rate_limits::window_start.lt(at - Duration::days(1))),
        )
        .execute(conn)?;
        Ok(())
    })
}

/// Forgets the failures of `key` (after a successful login).
pub fn reset(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::delete(rate_limits::table.find(key)).execute(conn)
}

/// A throttle key: a purpose and the SHA-256 of the value (an address, an e-mail).
pub fn key(purpose: &str, value: &str) -> String {
    format!("{purpose}:{}", crate::crypto::token_hash(value))
}
