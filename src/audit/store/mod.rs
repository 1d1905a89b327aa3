//! Writing, reading and purging audit records. Filters run in the database (the page and the
//! CSV ask for exactly what they show); `names` finds what the records point at.

pub mod names;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Action, Filter, Person};
use crate::db::schema::audit_events;
use crate::db::{now, AuditEventId, DbConnection, UserId};

/// The backend of a boxed query over either database.
type Multi = <DbConnection as diesel::Connection>::Backend;

/// One recorded action.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    /// Id.
    pub id: AuditEventId,
    /// Who (None for the system or a deleted user).
    pub user_id: Option<UserId>,
    /// What.
    pub action: Action,
    /// To what, e.g. a user id.
    pub subject: String,
    /// Extra detail, e.g. the new role.
    pub detail: String,
    /// When.
    pub at: NaiveDateTime,
}

/// Records an action on its own. Changes made from a request use [`super::change`], which
/// writes the record in the change's transaction.
pub fn record(
    conn: &mut DbConnection, user_id: Option<&UserId>, action: Action, subject: &str, detail: &str,
) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(AuditEventId::generate()),
            audit_events::user_id.eq(user_id),
            audit_events::action.eq(action),
            audit_events::subject.eq(subject),
            audit_events::detail.eq(detail),
            audit_events::at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The events `filter` asks for, as a query to narrow further.
fn filtered(filter: &Filter) -> audit_events::BoxedQuery<'static, Multi> {
    let mut query = audit_events::table.into_boxed();
    match &filter.person {
        Some(Person::User(id)) => query = query.filter(audit_events::user_id.eq(id.clone())),
        Some(Person::System) => query = query.filter(audit_events::user_id.is_null()),
        None => {}
    }
    if let Some(group) = filter.group {
        query = query.filter(audit_events::action.eq_any(group.actions()));
    }
    if let Some(since) = filter.since() {
        query = query.filter(audit_events::at.ge(since));
    }
    if let Some(until) = filter.until() {
        query = query.filter(audit_events::at.lt(until));
    }
    query
}

/// At most `limit` of the events `filter` asks for, newest first, after skipping `offset`.
pub fn events(
    conn: &mut DbConnection, filter: &Filter, offset: i64, limit: i64,
) -> QueryResult<Vec<AuditEvent>> {
    filtered(filter)
        .order((audit_events::at.desc(), audit_events::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(AuditEvent::as_select())
        .load(conn)
}

/// How many events `filter` asks for.
pub fn count(conn: &mut DbConnection, filter: &Filter) -> QueryResult<i64> {
    filtered(filter).count().get_result(conn)
}

/// Deletes the events recorded before `cutoff`; the number deleted.
pub fn delete_older_than(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(audit_events::table.filter(audit_events::at.lt(cutoff))).execute(conn)
}
