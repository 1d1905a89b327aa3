//! The change log the room's screens follow (`live_events`). A change that a live page shows
//! calls [`record_change`] inside its own write transaction, so the row exists exactly when the
//! change does. A row names the workshop and nothing else: what changed is read from the real
//! tables when a page is drawn, so moderation and withdrawal always apply.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::live_events;
use super::{now, DbConnection, WorkshopId};

/// One change: its id (rising in insert order) and its workshop.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct LiveEvent {
    /// Rising id; event streams send it as the SSE `id`.
    pub id: i64,
    /// The workshop whose live pages changed.
    pub workshop_id: WorkshopId,
}

/// Notes that what `workshop`'s live pages show has changed. Call it in the change's own
/// transaction.
pub fn record_change(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<()> {
    let values = (live_events::workshop_id.eq(workshop), live_events::created_at.eq(now()));
    crate::on_backend!(conn, |c| diesel::insert_into(live_events::table)
        .values(values)
        .execute(c)
        .map(|_| ()))
}

/// Up to `limit` events with an id above `after`, oldest first.
pub fn events_after(
    conn: &mut DbConnection, after: i64, limit: i64,
) -> QueryResult<Vec<LiveEvent>> {
    live_events::table
        .filter(live_events::id.gt(after))
        .order(live_events::id)
        .limit(limit)
        .select((live_events::id, live_events::workshop_id))
        .load(conn)
}

/// The highest event id of all (0 when there is none).
pub fn latest_event(conn: &mut DbConnection) -> QueryResult<i64> {
    live_events::table
        .select(diesel::dsl::max(live_events::id))
        .first::<Option<i64>>(conn)
        .map(Option::unwrap_or_default)
}

/// The highest event id of one workshop (0 when there is none): how new a page drawn now is.
pub fn latest_of_workshop(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<i64> {
    live_events::table
        .filter(live_events::workshop_id.eq(workshop))
        .select(diesel::dsl::max(live_events::id))
        .first::<Option<i64>>(conn)
        .map(Option::unwrap_or_default)
}

/// The highest event id of any of `workshops` (0 when there is none).
pub fn latest_of_workshops(conn: &mut DbConnection, workshops: &[WorkshopId]) -> QueryResult<i64> {
    live_events::table
        .filter(live_events::workshop_id.eq_any(workshops))
        .select(diesel::dsl::max(live_events::id))
        .first::<Option<i64>>(conn)
        .map(Option::unwrap_or_default)
}

/// Deletes events older than `before`, except each workshop's newest (a page drawn later must
/// still be able to say how new it is). Returns how many went.
pub fn prune_events(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    let newest: Vec<Option<i64>> = live_events::table
        .group_by(live_events::workshop_id)
        .select(diesel::dsl::max(live_events::id))
        .load(conn)?;
    let newest: Vec<i64> = newest.into_iter().flatten().collect();
    diesel::delete(
        live_events::table
            .filter(live_events::created_at.lt(before))
            .filter(live_events::id.ne_all(newest)),
    )
    .execute(conn)
}
