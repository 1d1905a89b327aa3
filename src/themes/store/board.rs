//! What the board page of one topic shows, read with filtered queries only: the topic's
//! workshops, its free-text answers, themes, links and key points. Every query starts from the
//! topic id on an indexed column, so the cost follows the topic, not the whole database.

use std::collections::HashSet;

use super::{
    board_answers, links, list_key_points, list_themes, BoardAnswer, KeyPoint, Link, Theme,
};
use crate::db::{AnswerId, DbConnection, TopicId};
use crate::error::AppError;
use crate::survey::{self, Topic, Workshop};

/// Everything the board of one topic needs, loaded in one go.
pub struct BoardData {
    /// The topic.
    pub topic: Topic,
    /// Its workshops, by date.
    pub workshops: Vec<Workshop>,
    /// Its free-text answers (declined and blank ones left out).
    pub answers: Vec<BoardAnswer>,
    /// Its themes, parents followed by their sub-themes.
    pub themes: Vec<Theme>,
    /// Its (theme, answer) links.
    pub links: Vec<Link>,
    /// Its key points, in order.
    pub key_points: Vec<KeyPoint>,
    /// The newest live event of its workshops, read first: the board is at least this new.
    pub since: i64,
}

impl BoardData {
    /// Loads the board of `topic_id`; 404 when there is no such topic.
    pub fn load(conn: &mut DbConnection, topic_id: &TopicId) -> Result<BoardData, AppError> {
        let topic = survey::find_topic(conn, topic_id)?.ok_or(AppError::NotFound)?;
        let workshops = survey::workshops_of_topic(conn, &topic.id)?;
        let ids: Vec<_> = workshops.iter().map(|w| w.id.clone()).collect();
        let since = crate::db::events::latest_of_workshops(conn, &ids)?;
        Ok(BoardData {
            since,
            workshops,
            answers: board_answers(conn, &topic.id)?,
            themes: list_themes(conn, &topic.id)?,
            links: links(conn, &topic.id)?,
            key_points: list_key_points(conn, &topic.id)?,
            topic,
        })
    }

    /// The answers not linked to any theme.
    pub fn unsorted(&self) -> Vec<&BoardAnswer> {
        let linked: HashSet<&AnswerId> = self.links.iter().map(|(_, a)| a).collect();
        self.answers.iter().filter(|a| !linked.contains(&a.id)).collect()
    }
}
