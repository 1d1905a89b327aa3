//! What an export reads from the database: the scope's topics and workshops, their questions,
//! every answer in them with its question and person, each topic's board, and the findings kept
//! for workshops whose answers retention deleted. Filtered queries only: the cost follows the
//! scope, not the size of the database.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::findings::Findings;
use super::summary::{Scope, ScopeInfo};
use crate::db::schema::{answers, participants, questions, topics, workshop_findings, workshops};
use crate::db::{DbConnection, QuoteId, ThemeId, TopicId, TrackId, WorkshopId};
use crate::error::AppError;
use crate::participant::{Answer, Source};
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
    /// The themes each approved quote stands under (kept when its answer was deleted).
    pub quote_themes: Vec<(ThemeId, QuoteId)>,
    /// What the room said of each theme and key point (member checks, dot votes).
    pub room: crate::room::RoomSaid,
}

/// One answer with its question and who gave it.
pub struct Row {
    /// The answer.
    pub answer: Answer,
    /// Its question.
    pub question: Question,
    /// A phone, a person a facilitator entered answers for, or a line of flipchart notes.
    pub source: Source,
    /// "Deltager 4" for a person a facilitator entered answers for.
    pub person_number: Option<i32>,
    /// When the participant (or the flipchart line) was made: orders respondents.
    pub joined_at: NaiveDateTime,
}

impl Row {
    /// A statement from pasted flipchart notes, not one person's answer.
    pub fn is_statement(&self) -> bool {
        self.source == Source::Flipchart
    }
}

/// Everything one export is made from.
pub struct Material {
    /// What it covers.
    pub scope: ScopeInfo,
    /// Its topics, each with its board.
    pub topics: Vec<(Topic, Board)>,
    /// Its workshops, by topic and date.
    pub workshops: Vec<Workshop>,
    /// The questions of its workshops, by workshop and position.
    pub questions: Vec<Question>,
    /// Every answer in its workshops, by workshop date, question and time.
    pub rows: Vec<Row>,
    /// What the answers of workshops whose answers were deleted showed.
    pub kept: HashMap<WorkshopId, Findings>,
}

/// The title of what a scope covers and its workshops (404 when it does not exist).
pub fn scope_title(
    conn: &mut DbConnection, scope: &Scope,
) -> Result<(String, Vec<Workshop>), AppError> {
    let (info, _, workshops) = scope_of(conn, scope)?;
    Ok((info.title, workshops))
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
            let ws = workshops_of_track(conn, &track.id)?;
            (info("track", &track.id, &track.title), ts, ws)
        }
    })
}

fn topics_of_track(conn: &mut DbConnection, track: &TrackId) -> QueryResult<Vec<Topic>> {
    topics::table
        .filter(topics::track_id.eq(track))
        .order((topics::position, topics::title, topics::id))
        .select(Topic::as_select())
        .load(conn)
}

/// The workshops of a track's topics, in topic order and then by date: one query through
/// `topics_track_id` and `workshops_topic_id`, not one per topic.
fn workshops_of_track(conn: &mut DbConnection, track: &TrackId) -> QueryResult<Vec<Workshop>> {
    workshops::table
        .inner_join(topics::table)
        .filter(topics::track_id.eq(track))
        .order((
            topics::position,
            topics::title,
            topics::id,
            workshops::starts_at,
            workshops::title,
        ))
        .select(Workshop::as_select())
        .load(conn)
}

/// The questions of these workshops, by workshop (in the order given) and position: one query
/// through `questions_workshop_id`, not one per workshop.
fn questions_of(conn: &mut DbConnection, ids: &[WorkshopId]) -> QueryResult<Vec<Question>> {
    let mut found: Vec<Question> = questions::table
        .filter(questions::workshop_id.eq_any(ids))
        .select(Question::as_select())
        .load(conn)?;
    let rank: HashMap<&WorkshopId, usize> = ids.iter().enumerate().map(|(i, w)| (w, i)).collect();
    found.sort_by_key(|q| (rank.get(&q.workshop_id).copied(), q.position));
    Ok(found)
}

fn board(conn: &mut DbConnection, topic: &TopicId) -> QueryResult<Board> {
    Ok(Board {
        themes: themes::list_themes(conn, topic)?,
        links: themes::links(conn, topic)?,
        key_points: themes::list_key_points(conn, topic)?,
        quotes: themes::approved_quotes(conn, topic)?,
        quote_themes: themes::quote_themes_of_topic(conn, topic)?,
        room: crate::room::room_said(conn, topic)?,
    })
}

/// The findings kept for these workshops, by workshop. A row that does not parse is an error,
/// never an empty result: it would make a report say nothing was found.
pub fn kept_findings(
    conn: &mut DbConnection, ids: &[WorkshopId],
) -> Result<HashMap<WorkshopId, Findings>, AppError> {
    let stored: Vec<(WorkshopId, String)> = workshop_findings::table
        .filter(workshop_findings::workshop_id.eq_any(ids))
        .select((workshop_findings::workshop_id, workshop_findings::findings))
        .load(conn)?;
    stored
        .into_iter()
        .map(|(id, json)| {
            let findings = serde_json::from_str(&json).map_err(|e| {
                AppError::Internal(anyhow::anyhow!("kept findings of workshop {id}: {e}"))
            })?;
            Ok((id, findings))
        })
        .collect()
}

/// Stores what a workshop's answers showed, before they are deleted.
pub fn keep_findings(
    conn: &mut DbConnection, workshop: &WorkshopId, findings: &Findings,
) -> Result<(), AppError> {
    let json = serde_json::to_string(findings)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("findings: {e}")))?;
    diesel::insert_into(workshop_findings::table)
        .values((
            workshop_findings::workshop_id.eq(workshop),
            workshop_findings::findings.eq(json),
            workshop_findings::created_at.eq(crate::db::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every answer in these workshops with its question and who gave it.
pub fn rows(conn: &mut DbConnection, ids: &[WorkshopId]) -> QueryResult<Vec<Row>> {
    let loaded: Vec<(Answer, Question, Source, Option<i32>, NaiveDateTime)> = answers::table
        .inner_join(questions::table.inner_join(workshops::table))
        .inner_join(participants::table)
        .filter(workshops::id.eq_any(ids))
        .order((workshops::starts_at, questions::position, answers::created_at))
        .select((
            Answer::as_select(),
            Question::as_select(),
            participants::source,
            participants::person_number,
            participants::created_at,
        ))
        .load(conn)?;
    Ok(loaded
        .into_iter()
        .map(|(answer, question, source, person_number, joined_at)| Row {
            answer,
            question,
            source,
            person_number,
            joined_at,
        })
        .collect())
}

/// Loads the material of a scope.
pub fn load(conn: &mut DbConnection, scope: &Scope) -> Result<Material, AppError> {
    let (scope, topics, workshops) = scope_of(conn, scope)?;
    let ids: Vec<WorkshopId> = workshops.iter().map(|w| w.id.clone()).collect();
    let questions = questions_of(conn, &ids)?;
    let rows = rows(conn, &ids)?;
    let kept = kept_findings(conn, &ids)?;
    let mut with_boards = Vec::with_capacity(topics.len());
    for topic in topics {
        let b = board(conn, &topic.id)?;
        with_boards.push((topic, b));
    }
    Ok(Material { scope, topics: with_boards, workshops, questions, rows, kept })
}
