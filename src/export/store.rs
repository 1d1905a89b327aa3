//! What an export reads from the database: the scope's topics and workshops, every answer in
//! them with its question, and each topic's board. Filtered queries only: the cost follows
//! the scope, not the size of the database.

use diesel::prelude::*;

use super::summary::{Scope, ScopeInfo};
use crate::db::schema::{answers, questions, topics, workshops};
use crate::db::{DbConnection, TopicId, TrackId};
use crate::error::AppError;
use crate::participant::Answer;
use crate::survey::{self, Question, Topic, Workshop};
use crate::themes::{self, KeyPoint, QuoteRow, Theme};

/// One topic's board as an export needs it.
pub struct Board {
    /// Themes, parents followed by their sub-themes.
    pub themes: Vec<Theme>,
    /// (theme, answer) links.
    pub links: Vec<crate::themes::Link>,
    /// Key points, in order.
    pub key_points: Vec<KeyPoint>,
    /// Approved quotes only.
    pub quotes: Vec<QuoteRow>,
}

/// Everything one export is made from.
pub struct Material {
    /// What it covers.
    pub scope: ScopeInfo,
    /// Its topics, each with its board.
    pub topics: Vec<(Topic, Board)>,
    /// Its workshops.
    pub workshops: Vec<Workshop>,
    /// Every answer in its workshops with its question, by workshop date, question and time.
    pub rows: Vec<(Answer, Question)>,
}

/// The title of what a scope covers (404 when it does not exist).
pub fn scope_title(conn: &mut DbConnection, scope: &Scope) -> Result<String, AppError> {
    Ok(scope_of(conn, scope)?.0.title)
}

/// The scope's description, topics and workshops.
fn scope_of(
    conn: &mut DbConnection, scope: &Scope,
) -> Result<(ScopeInfo, Vec<Topic>, Vec<Workshop>), AppError> {
    let info = |kind, id: &dyn ToString, title: &str| ScopeInfo {
        kind,
        id: id.to_string(),
        title: title.to_owned(),
    };
    Ok(match scope {
        Scope::Workshop(id) => {
            let w = survey::find_workshop(conn, id)?.ok_or(AppError::NotFound)?;
            let t = survey::find_topic(conn, &w.topic_id)?.ok_or(AppError::NotFound)?;
            (info("workshop", &w.id, &w.title), vec![t], vec![w])
        }
        Scope::Topic(id) => {
            let t = survey::find_topic(conn, id)?.ok_or(AppError::NotFound)?;
            let ws = survey::workshops_of_topic(conn, &t.id)?;
            (info("topic", &t.id, &t.title), vec![t], ws)
        }
        Scope::Track(id) => {
            let track = survey::find_track(conn, id)?.ok_or(AppError::NotFound)?;
            let ts = topics_of_track(conn, &track.id)?;
            let mut ws = Vec::new();
            for t in &ts {
                ws.extend(survey::workshops_of_topic(conn, &t.id)?);
            }
            (info("track", &track.id, &track.title), ts, ws)
        }
    })
}

fn topics_of_track(conn: &mut DbConnection, track: &TrackId) -> QueryResult<Vec<Topic>> {
    topics::table
        .filter(topics::track_id.eq(track))
        .order((topics::position, topics::title))
        .select(Topic::as_select())
        .load(conn)
}

fn board(conn: &mut DbConnection, topic: &TopicId) -> QueryResult<Board> {
    Ok(Board {
        themes: themes::list_themes(conn, topic)?,
        links: themes::links(conn, topic)?,
        key_points: themes::list_key_points(conn, topic)?,
        quotes: themes::approved_quotes(conn, topic)?,
    })
}

/// Loads the material of a scope.
pub fn load(conn: &mut DbConnection, scope: &Scope) -> Result<Material, AppError> {
    let (scope, topics, workshops) = scope_of(conn, scope)?;
    let ids: Vec<_> = workshops.iter().map(|w| w.id.clone()).collect();
    let rows: Vec<(Answer, Question)> = answers::table
        .inner_join(questions::table.inner_join(workshops::table))
        .filter(workshops::id.eq_any(&ids))
        .order((workshops::starts_at, questions::position, answers::created_at))
        .select((Answer::as_select(), Question::as_select()))
        .load(conn)?;
    let mut with_boards = Vec::with_capacity(topics.len());
    for topic in topics {
        let b = board(conn, &topic.id)?;
        with_boards.push((topic, b));
    }
    Ok(Material { scope, topics: with_boards, workshops, rows })
}
