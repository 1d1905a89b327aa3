//! Suggestions the facilitators rejected, remembered by the set of answers they held.

use std::collections::HashSet;

use diesel::prelude::*;

use crate::db::schema::rejected_suggestions;
use crate::db::{insert_unless_duplicate, now, AnswerId, DbConnection, TopicId, UserId};

/// A stable fingerprint of a proposal's members.
pub fn fingerprint(answer_ids: &[AnswerId]) -> String {
    let mut ids: Vec<&str> = answer_ids.iter().map(AnswerId::as_str).collect();
    ids.sort_unstable();
    crate::crypto::token_hash(&ids.join(","))
}

/// Fingerprints of rejected proposals.
pub fn rejected(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<HashSet<String>> {
    Ok(rejected_suggestions::table
        .filter(rejected_suggestions::topic_id.eq(topic_id))
        .select(rejected_suggestions::fingerprint)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// Remembers a rejected proposal.
pub fn reject(
    conn: &mut DbConnection, topic_id: &TopicId, fingerprint: &str, user: Option<&UserId>,
) -> QueryResult<()> {
    insert_unless_duplicate(conn, |conn| {
        diesel::insert_into(rejected_suggestions::table)
            .values((
                rejected_suggestions::topic_id.eq(topic_id),
                rejected_suggestions::fingerprint.eq(fingerprint),
                rejected_suggestions::rejected_by.eq(user),
                rejected_suggestions::created_at.eq(now()),
            ))
            .execute(conn)
    })?;
    Ok(())
}
