//! Reading the trail for people: the events a filter asks for, in the database's order, with
//! everything they point at looked up once for all of them, then written as sentences. The
//! page gets 50 at a time; the CSV gets them all (and is itself recorded).

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::store::{self, names};
use super::{record, words, Action, AuditEvent, Filter};
use crate::db::{Db, DbConnection, UserId};
use crate::error::AppError;
use crate::i18n::Lang;

/// Events on one page.
pub(super) const PER_PAGE: i64 = 50;

/// The most pages one can go back: far beyond a year of events, and no overflow in `OFFSET`.
pub(super) const MAX_PAGE: i64 = 100_000;

/// Events per name look-up when the CSV takes them all.
const BATCH: usize = 1_000;

/// One event as people read it, with its raw record beside.
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// When (UTC).
    pub at: NaiveDateTime,
    /// Who did it, in words.
    pub who: String,
    /// What happened, as a sentence.
    pub sentence: String,
    /// The stored action.
    pub action: Action,
    /// The stored subject (an id, or a file name).
    pub subject: String,
    /// The stored detail.
    pub detail: String,
}

/// A page of the trail and what its form offers.
#[derive(Debug)]
pub(super) struct Page {
    /// The events shown, newest first.
    pub lines: Vec<Line>,
    /// How many events the filter finds in all.
    pub total: i64,
    /// Which page (1 is the newest).
    pub number: i64,
    /// Every staff member, by name, for the person filter.
    pub people: Vec<(UserId, String)>,
}

/// Writes events as lines: one look-up of names for all of them.
fn lines(conn: &mut DbConnection, lang: Lang, events: Vec<AuditEvent>) -> QueryResult<Vec<Line>> {
    let wanted: Vec<_> = events.iter().flat_map(words::wanted).collect();
    let found = names::look_up(conn, &wanted)?;
    Ok(events
        .into_iter()
        .map(|e| Line {
            who: words::actor(lang, &e, &found),
            sentence: words::sentence(lang, &e, &found),
            at: e.at,
            action: e.action,
            subject: e.subject,
            detail: e.detail,
        })
        .collect())
}

/// Page `number` (from 1) of the events `filter` finds.
pub(super) fn page(
    conn: &mut DbConnection, lang: Lang, filter: &Filter, number: i64,
) -> Result<Page, AppError> {
    let number = number.clamp(1, MAX_PAGE);
    let total = store::count(conn, filter)?;
    let events = store::events(conn, filter, (number - 1) * PER_PAGE, PER_PAGE)?;
    let mut people: Vec<(UserId, String)> = crate::auth::user_names(conn)?.into_iter().collect();
    people.sort_by_cached_key(|(id, name)| (name.to_lowercase(), id.clone()));
    Ok(Page { lines: lines(conn, lang, events)?, total, number, people })
}

/// Every event `filter` finds as a CSV file, read outside any write; then the download is
/// recorded as done by `by`, with the filter as its detail (`kind=answers&from=2026-12-01`).
pub(super) async fn csv_file(
    db: &Db, lang: Lang, filter: Filter, by: &UserId,
) -> Result<Vec<u8>, AppError> {
    let asked: Vec<String> = filter.query_pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
    let bytes = db
        .run(move |conn| {
            let events = store::events(conn, &filter, 0, i64::MAX)?;
            let mut all = Vec::with_capacity(events.len());
            let mut events = events.into_iter().peekable();
            while events.peek().is_some() {
                let batch: Vec<AuditEvent> = events.by_ref().take(BATCH).collect();
                all.extend(lines(conn, lang, batch)?);
            }
            super::csv::render(lang, &all).map_err(AppError::Internal)
        })
        .await?;
    let by = by.clone();
    let detail = asked.join("&");
    db.write(move |conn| record(conn, Some(&by), Action::AuditExport, "", &detail)).await?;
    Ok(bytes)
}
