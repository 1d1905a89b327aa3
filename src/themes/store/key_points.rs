//! Key points (hovedpointer): written findings under a theme or about the whole topic.

use diesel::prelude::*;

use super::Conflict;
use crate::db::schema::key_points;
use crate::db::{move_in_list, now, write_transaction, DbConnection, KeyPointId, ThemeId, TopicId};
use crate::error::AppError;
use crate::text::LongText;

/// A written finding under a theme or the whole topic.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = key_points)]
pub struct KeyPoint {
    /// Id.
    pub id: KeyPointId,
    /// Topic.
    pub topic_id: TopicId,
    /// Theme (None: about the whole topic).
    pub theme_id: Option<ThemeId>,
    /// Order.
    pub position: i32,
    /// Text.
    pub text: String,
    /// Optimistic-lock version.
    pub version: i32,
}

/// Key points of a topic, in order.
pub fn list_key_points(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<KeyPoint>> {
    key_points::table
        .filter(key_points::topic_id.eq(topic_id))
        .order((key_points::position, key_points::created_at))
        .select(KeyPoint::as_select())
        .load(conn)
}

/// Adds a key point at the end of its list.
pub fn add_key_point(
    conn: &mut DbConnection, topic_id: &TopicId, theme_id: Option<&ThemeId>, text: &LongText,
) -> QueryResult<KeyPointId> {
    write_transaction(conn, |conn| {
        let last: Option<i32> = match theme_id {
            Some(t) => key_points::table
                .filter(key_points::theme_id.eq(t))
                .select(diesel::dsl::max(key_points::position))
                .first(conn)?,
            None => key_points::table
                .filter(key_points::topic_id.eq(topic_id))
                .filter(key_points::theme_id.is_null())
                .select(diesel::dsl::max(key_points::position))
                .first(conn)?,
        };
        let (id, at) = (KeyPointId::generate(), now());
        diesel::insert_into(key_points::table)
            .values((
                key_points::id.eq(&id),
                key_points::topic_id.eq(topic_id),
                key_points::theme_id.eq(theme_id),
                key_points::position.eq(last.unwrap_or(0) + 1),
                key_points::text.eq(text.as_str()),
                key_points::created_at.eq(at),
                key_points::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

/// A key point by id.
pub fn find_key_point(conn: &mut DbConnection, id: &KeyPointId) -> QueryResult<Option<KeyPoint>> {
    key_points::table.find(id).select(KeyPoint::as_select()).first(conn).optional()
}

/// Changes a key point's text if nobody changed it since `version`.
pub fn update_key_point(
    conn: &mut DbConnection, id: &KeyPointId, text: &LongText, version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let n = diesel::update(key_points::table.find(id).filter(key_points::version.eq(version)))
        .set((
            key_points::text.eq(text.as_str()),
            key_points::version.eq(version + 1),
            key_points::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(if n == 1 { Ok(()) } else { Err(Conflict) })
}

/// Moves a key point within its list.
pub fn move_key_point(conn: &mut DbConnection, id: &KeyPointId, step: i32) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let k = find_key_point(conn, id)?.ok_or(AppError::NotFound)?;
        let mut list = list_key_points(conn, &k.topic_id)?;
        list.retain(|n| n.theme_id == k.theme_id);
        let set = |conn: &mut DbConnection, id: &KeyPointId, at: i32| {
            let row = key_points::table.find(id);
            diesel::update(row).set(key_points::position.eq(at)).execute(conn)
        };
        Ok(move_in_list(conn, &list, (id, step), |k| (&k.id, k.position), set)?)
    })
}

/// Deletes a key point.
pub fn delete_key_point(conn: &mut DbConnection, id: &KeyPointId) -> QueryResult<usize> {
    diesel::delete(key_points::table.find(id)).execute(conn)
}
