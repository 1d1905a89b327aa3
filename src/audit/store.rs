//! Writing and reading audit records.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Action;
use crate::db::schema::audit_events;
use crate::db::{now, AuditEventId, DbConnection, UserId};

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

/// The newest events first.
pub fn recent(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<AuditEvent>> {
    audit_events::table
        .order(audit_events::at.desc())
        .limit(limit)
        .select(AuditEvent::as_select())
        .load(conn)
}

/// Deletes the events recorded before `cutoff`; the number deleted.
pub fn delete_older_than(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(audit_events::table.filter(audit_events::at.lt(cutoff))).execute(conn)
}
