//! Fixed-window failure counters in the database, shared by every replica. Used for staff
//! logins and join-code guesses. Keys hold hashes, never raw addresses; rows expire with
//! their window, so nobody is locked out for good.
//!
//! Logins *reserve* an attempt before the password is hashed ([`reserve`], then [`settle`]):
//! every statement is one atomic conditional update, so hundreds of parallel attempts can
//! never check more passwords than the limit allows. Join codes only *count* wrong guesses
//! ([`record_failure`], [`failures`]); what the counts do is up to the caller (see
//! `participant::routes::context`): they slow guessers down and never refuse a right code.

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

/// The window start and hit count of `key`, if it has a row.
fn window_of(conn: &mut DbConnection, key: &str) -> QueryResult<Option<(NaiveDateTime, i32)>> {
    rate_limits::table
        .find(key)
        .select((rate_limits::window_start, rate_limits::hits))
        .first(conn)
        .optional()
}

/// If `key` has used up `limit`, the seconds until it may try again.
pub fn blocked_for(conn: &mut DbConnection, key: &str, limit: Limit) -> QueryResult<Option<u64>> {
    let at = now();
    Ok(window_of(conn, key)?.and_then(|(start, hits)| {
        let ends = start + limit.window;
        (hits >= limit.max && ends > at).then(|| (ends - at).num_seconds().max(1) as u64)
    }))
}

/// Failures of `key` in its current window (0 when the window has ended).
pub fn failures(conn: &mut DbConnection, key: &str, window: Duration) -> QueryResult<i32> {
    let at = now();
    Ok(window_of(conn, key)?.filter(|(start, _)| at - *start < window).map_or(0, |(_, hits)| hits))
}

/// What [`reserve`] came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// The attempt may go ahead; [`settle`] it afterwards.
    Granted,
    /// Attempts in flight hold the rest of the budget: ask again shortly (they may succeed).
    Busy,
    /// The failures alone have used up the limit: wait this many seconds.
    Blocked(u64),
}

/// Reserves one attempt of `key`: granted while failures plus attempts in flight stay below
/// `limit.max`. Each step is a single conditional statement, atomic on both backends.
pub fn reserve(conn: &mut DbConnection, key: &str, limit: Limit) -> QueryResult<Reservation> {
    use rate_limits::dsl as r;
    for _ in 0..3 {
        let at = now();
        let cutoff = at - limit.window;
        // A running window with room.
        let running = r::rate_limits
            .find(key)
            .filter(r::window_start.gt(cutoff))
            .filter((r::hits + r::pending).lt(limit.max));
        let granted = diesel::update(running).set(r::pending.eq(r::pending + 1)).execute(conn)?;
        if granted == 1 {
            return Ok(Reservation::Granted);
        }
        // An ended window starts again. Attempts still in flight from it are forgotten:
        // their outcome belongs to a window that no longer counts.
        let ended = r::rate_limits.find(key).filter(r::window_start.le(cutoff));
        let restarted = diesel::update(ended)
            .set((r::window_start.eq(at), r::hits.eq(0), r::pending.eq(1)))
            .execute(conn)?;
        if restarted == 1 {
            return Ok(Reservation::Granted);
        }
        let inserted = crate::db::insert_unless_duplicate(conn, |conn| {
            diesel::insert_into(r::rate_limits)
                .values((r::key.eq(key), r::window_start.eq(at), r::hits.eq(0), r::pending.eq(1)))
                .execute(conn)
        })?;
        if inserted {
            return Ok(Reservation::Granted);
        }
        // The row exists and is full, or changed between the statements: look at it.
        let row: Option<(NaiveDateTime, i32, i32)> = r::rate_limits
            .find(key)
            .select((r::window_start, r::hits, r::pending))
            .first(conn)
            .optional()?;
        if let Some((start, hits, _)) = row.filter(|(start, _, _)| *start > cutoff) {
            if hits >= limit.max {
                let ends = start + limit.window;
                return Ok(Reservation::Blocked((ends - at).num_seconds().max(1) as u64));
            }
            return Ok(Reservation::Busy);
        }
    }
    Ok(Reservation::Busy)
}

/// Ends a reserved attempt: a failure stays counted for the rest of the window; a success
/// only gives its reservation back (earlier failures keep counting, so a flood racing the
/// right password cannot buy itself a fresh budget).
pub fn settle(conn: &mut DbConnection, key: &str, failed: bool) -> QueryResult<()> {
    use rate_limits::dsl as r;
    let row = r::rate_limits.find(key).filter(r::pending.gt(0));
    if failed {
        diesel::update(row)
            .set((r::pending.eq(r::pending - 1), r::hits.eq(r::hits + 1)))
            .execute(conn)?;
    } else {
        diesel::update(row).set(r::pending.eq(r::pending - 1)).execute(conn)?;
    }
    Ok(())
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

/// A throttle key: a purpose and the SHA-256 of the value (an address, an e-mail).
pub fn key(purpose: &str, value: &str) -> String {
    format!("{purpose}:{}", crate::crypto::token_hash(value))
}

/// Spaces out the code lookups of clients that have guessed wrong too often: one lookup per
/// `spacing` per client, right or wrong alike, so the pace (not the answer) is what a guesser
/// meets and timing tells nothing. Kept in memory per server process: pacing is about this
/// process's work, while the counts that switch it on are shared in the database.
#[derive(Debug)]
pub struct Pacer {
    spacing: std::time::Duration,
    /// Longest a lookup may queue; beyond it the client is told to come back later.
    patience: std::time::Duration,
    next_free: std::sync::Mutex<std::collections::HashMap<String, std::time::Instant>>,
}

impl Pacer {
    /// A pacer letting each paced client look up one code per `spacing`, queueing at most
    /// `patience`.
    pub fn new(spacing: std::time::Duration, patience: std::time::Duration) -> Pacer {
        Pacer { spacing, patience, next_free: Default::default() }
    }

    /// The longest a lookup queues before the client is told to come back.
    pub fn patience(&self) -> std::time::Duration {
        self.patience
    }

    /// Books the client's next slot: how long to wait for it, or `None` when the queue is
    /// longer than the pacer's patience (then nothing is booked).
    pub fn book(&self, key: &str) -> Option<std::time::Duration> {
        let at = std::time::Instant::now();
        let Ok(mut slots) = self.next_free.lock() else {
            // A poisoned lock only means another request panicked mid-update; pacing is a
            // brake, not a gate, so let this lookup through.
            return Some(std::time::Duration::ZERO);
        };
        if slots.len() > 10_000 {
            slots.retain(|_, free| *free > at);
        }
        let slot = slots.get(key).copied().filter(|free| *free > at).unwrap_or(at);
        let wait = slot - at;
        if wait > self.patience {
            return None;
        }
        slots.insert(key.to_owned(), slot + self.spacing);
        Some(wait)
    }
}

#[cfg(test)]
mod tests {
    use super::Pacer;
    use std::time::Duration;

    #[test]
    fn a_paced_client_gets_one_slot_per_spacing_and_a_bounded_queue() {
        let pacer = Pacer::new(Duration::from_secs(1), Duration::from_secs(3));
        let waits: Vec<Option<Duration>> = (0..6).map(|_| pacer.book("a")).collect();
        assert_eq!(waits[0], Some(Duration::ZERO), "the first lookup goes at once");
        for (n, wait) in waits.iter().enumerate().take(4).skip(1) {
            let wait = wait.unwrap_or_default();
            assert!(wait > Duration::from_millis(n as u64 * 1000 - 50), "slot {n}: {wait:?}");
        }
        assert_eq!(waits[4], None, "beyond 3 s of queue the client must come back later");
        assert_eq!(waits[5], None, "a refused lookup books nothing");
        assert_eq!(pacer.book("b"), Some(Duration::ZERO), "other clients are not affected");
    }
}
