//! Key points (hovedpointer): written findings under a theme or about the whole topic.

use diesel::prelude::*;

use super::Conflict;
use crate::db::schema::key_points;
use crate::db::{now, write_transaction, DbConnection, KeyPointId, ThemeId, TopicId};
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
        let list = list_key_points(conn, topic_id)?;
        let last =
            list.iter().filter(|k| k.theme_id.as_ref() == theme_id).map(|k| k.position).max();
        let (id, at) = (KeyPointId::generate(), now());
        let place =
            (key_points::theme_id.eq(theme_id), key_points::position.eq(last.unwrap_or(0) + 1));
        let point =
            (key_points::id.eq(&id), key_points::topic_id.eq(topic_id), key_points::text.eq(text));
        let stamps = (key_points::created_at.eq(at), key_points::updated_at.eq(at));
        diesel::insert_into(key_points::table).values((point, place, stamps)).execute(conn)?;
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
    versioned_update!(conn, key_points, id, version, key_points::text.eq(text.as_str()))
}

// Key points are ordered among those of the same theme (or the topic's own).
crate::ordered!(KeyPoint: KeyPointId in key_points, find = find_key_point, siblings = |conn, k| {
    let mut all = list_key_points(conn, &k.topic_id)?;
    all.retain(|s| s.theme_id == k.theme_id);
    Ok(all)
});

/// Deletes a key point.
pub fn delete_key_point(conn: &mut DbConnection, id: &KeyPointId) -> QueryResult<usize> {
    diesel::delete(key_points::table.find(id)).execute(conn)
}

/// Puts a topic's key points in the order of `first` (ids of other topics are ignored), the
/// rest after them in their present order. Returns how many moved.
pub fn order_key_points(
    conn: &mut DbConnection, topic_id: &TopicId, first: &[KeyPointId],
) -> QueryResult<usize> {
    let now_order = list_key_points(conn, topic_id)?;
    let mut order: Vec<&KeyPoint> =
        first.iter().filter_map(|id| now_order.iter().find(|k| k.id == *id)).collect();
    order.extend(now_order.iter().filter(|k| !first.contains(&k.id)));
    let mut moved = 0;
    for (i, point) in order.iter().enumerate() {
        let position = i32::try_from(i + 1).unwrap_or(i32::MAX);
        if point.position != position {
            diesel::update(key_points::table.find(&point.id))
                .set(key_points::position.eq(position))
                .execute(conn)?;
            moved += 1;
        }
    }
    Ok(moved)
}
