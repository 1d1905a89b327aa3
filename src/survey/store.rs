//! Reading and writing tracks, topics and workshops.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{topics, tracks, workshops};
use crate::db::DbConnection;

/// One year's participation track.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = tracks)]
pub struct Track {
    /// Id.
    pub id: String,
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
    pub id: String,
    /// Its track.
    pub track_id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Order within the track.
    pub position: i32,
}

/// One meeting, with its questions and join code.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = workshops)]
pub struct Workshop {
    /// Id.
    pub id: String,
    /// Its topic.
    pub topic_id: String,
    /// Title (the workshop's focus).
    pub title: String,
    /// What participants read first.
    pub intro: String,
    /// Date and time (naive local time of the workshop).
    pub starts_at: Option<NaiveDateTime>,
    /// Place.
    pub location: String,
    /// draft | open | closed | archived.
    pub status: String,
    /// The digits people type.
    pub join_code: String,
    /// Days the answers are kept after closing.
    pub retention_days: i32,
    /// When it closed.
    pub closed_at: Option<NaiveDateTime>,
    /// Optimistic-lock version.
    pub version: i32,
}

/// Every track, newest year first.
pub fn list_tracks(conn: &mut DbConnection) -> QueryResult<Vec<Track>> {
    tracks::table
        .order((tracks::year.desc(), tracks::title))
        .select(Track::as_select())
        .load(conn)
}

/// Every topic, in order.
pub fn list_topics(conn: &mut DbConnection) -> QueryResult<Vec<Topic>> {
    topics::table
        .order((topics::track_id, topics::position, topics::title))
        .select(Topic::as_select())
        .load(conn)
}

/// Every workshop, by date.
pub fn list_workshops(conn: &mut DbConnection) -> QueryResult<Vec<Workshop>> {
    workshops::table
        .order((workshops::topic_id, workshops::starts_at, workshops::title))
        .select(Workshop::as_select())
        .load(conn)
}

/// Tracks, topics and workshops together.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Tracks.
    pub tracks: Vec<Track>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Workshops.
    pub workshops: Vec<Workshop>,
}

/// Loads the [`Overview`].
pub fn overview(conn: &mut DbConnection) -> QueryResult<Overview> {
    Ok(Overview {
        tracks: list_tracks(conn)?,
        topics: list_topics(conn)?,
        workshops: list_workshops(conn)?,
    })
}

/// Formats a join code for reading aloud and typing: "4821 0937".
pub fn grouped_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}
