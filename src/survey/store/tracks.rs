//! Tracks and their topics.

use diesel::prelude::*;

use crate::db::schema::{topics, tracks};
use crate::db::{now, DbConnection, TopicId, TrackId};
use crate::text::{LongText, Title};

/// One year's participation track.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = tracks)]
pub struct Track {
    /// Id.
    pub id: TrackId,
    /// Title, e.g. "Deltagelsessporet 2023".
    pub title: String,
    /// Year.
    pub year: i32,
}

/// A theme chosen by the Partnership (Danish: tema).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = topics)]
pub struct Topic {
    /// Id.
    pub id: TopicId,
    /// Its track.
    pub track_id: TrackId,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Order within the track.
    pub position: i32,
    /// Its workshops had the same people, so they are counted once.
    pub same_people: bool,
}

/// What the track form sets.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = tracks)]
pub struct TrackFields {
    /// Title.
    pub title: Title,
    /// Year, 2000–2100.
    pub year: i32,
}

/// What the topic form sets.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = topics)]
pub struct TopicFields {
    /// Title.
    pub title: Title,
    /// Description (may be empty).
    pub description: LongText,
    /// Its workshops have the same people.
    pub same_people: bool,
}

/// Every track, newest year first.
pub fn list_tracks(conn: &mut DbConnection) -> QueryResult<Vec<Track>> {
    tracks::table.order((tracks::year.desc(), tracks::title)).select(Track::as_select()).load(conn)
}

/// Every topic, in order.
pub fn list_topics(conn: &mut DbConnection) -> QueryResult<Vec<Topic>> {
    topics::table
        .order((topics::track_id, topics::position, topics::title))
        .select(Topic::as_select())
        .load(conn)
}

/// Creates a track.
pub fn create_track(conn: &mut DbConnection, f: &TrackFields) -> QueryResult<TrackId> {
    let (id, at) = (TrackId::generate(), now());
    let stamps = (tracks::created_at.eq(at), tracks::updated_at.eq(at));
    diesel::insert_into(tracks::table).values((tracks::id.eq(&id), f, stamps)).execute(conn)?;
    Ok(id)
}

/// Changes a track; 0 when there is none.
pub fn update_track(conn: &mut DbConnection, id: &TrackId, f: &TrackFields) -> QueryResult<usize> {
    diesel::update(tracks::table.find(id)).set((f, tracks::updated_at.eq(now()))).execute(conn)
}

/// A track by id.
pub fn find_track(conn: &mut DbConnection, id: &TrackId) -> QueryResult<Option<Track>> {
    tracks::table.find(id).select(Track::as_select()).first(conn).optional()
}

/// Creates a topic at the end of its track.
pub fn create_topic(
    conn: &mut DbConnection, track_id: &TrackId, f: &TopicFields,
) -> QueryResult<TopicId> {
    let (id, at) = (TopicId::generate(), now());
    let before: i64 =
        topics::table.filter(topics::track_id.eq(track_id)).count().get_result(conn)?;
    let place = (topics::track_id.eq(track_id), topics::position.eq(before as i32 + 1));
    let stamps = (topics::created_at.eq(at), topics::updated_at.eq(at));
    diesel::insert_into(topics::table)
        .values((topics::id.eq(&id), f, place, stamps))
        .execute(conn)?;
    Ok(id)
}

/// Changes a topic; 0 when there is none.
pub fn update_topic(conn: &mut DbConnection, id: &TopicId, f: &TopicFields) -> QueryResult<usize> {
    diesel::update(topics::table.find(id)).set((f, topics::updated_at.eq(now()))).execute(conn)
}

/// A topic by id.
pub fn find_topic(conn: &mut DbConnection, id: &TopicId) -> QueryResult<Option<Topic>> {
    topics::table.find(id).select(Topic::as_select()).first(conn).optional()
}
