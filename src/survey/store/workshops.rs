//! Workshops: their fields, join codes, status and retention.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::Error as DieselError;

use super::questions::count_questions;
use crate::db::schema::{answers, participants, questions, workshops};
use crate::db::{
    insert_unless_duplicate, now, write_transaction, DbConnection, QuestionId, TopicId, WorkshopId,
};
use crate::survey::domain::{JoinCode, WorkshopStatus};
use crate::text::{LongText, Title};

/// One meeting, with its questions and join code.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = workshops)]
pub struct Workshop {
    /// Id.
    pub id: WorkshopId,
    /// Its topic.
    pub topic_id: TopicId,
    /// Title (the workshop's focus).
    pub title: String,
    /// What participants read first.
    pub intro: String,
    /// Date and time (naive local time of the workshop).
    pub starts_at: Option<NaiveDateTime>,
    /// Place.
    pub location: String,
    /// Where it is in its life.
    pub status: WorkshopStatus,
    /// The digits people type.
    pub join_code: String,
    /// Days the answers are kept after closing.
    pub retention_days: i32,
    /// When it closed.
    pub closed_at: Option<NaiveDateTime>,
    /// Optimistic-lock version.
    pub version: i32,
    /// How many people took part, as a facilitator set it.
    pub attendance: Option<i32>,
    /// When retention deleted its individual answers (its findings are kept).
    pub answers_deleted_at: Option<NaiveDateTime>,
}

impl Workshop {
    /// When its individual answers will be deleted: its retention period after closing.
    /// `None` while it is open (or never closed), and once they are deleted.
    pub fn answers_deleted_on(&self) -> Option<NaiveDateTime> {
        if self.answers_deleted_at.is_some() || !self.status.is_closed() {
            return None;
        }
        let closed = self.closed_at?;
        closed.checked_add_signed(chrono::TimeDelta::days(i64::from(self.retention_days)))
    }

    /// Whether its answers will be deleted within [`WARN_DAYS`] of `now`: the staff overview
    /// warns, so nobody is surprised.
    pub fn deletion_is_near(&self, now: NaiveDateTime) -> bool {
        self.answers_deleted_on().is_some_and(|at| at - now <= chrono::TimeDelta::days(WARN_DAYS))
    }
}

/// How many days before the individual answers are deleted the staff overview warns.
pub const WARN_DAYS: i64 = 14;

/// The editable fields of a workshop.
#[derive(Debug, Clone)]
pub struct WorkshopFields {
    /// Title (its focus).
    pub title: Title,
    /// Start-page text.
    pub intro: LongText,
    /// Date and time.
    pub starts_at: Option<NaiveDateTime>,
    /// Place (may be empty).
    pub location: Option<Title>,
    /// Days to keep answers after closing.
    pub retention_days: i32,
}

/// Every workshop, by date.
pub fn list_workshops(conn: &mut DbConnection) -> QueryResult<Vec<Workshop>> {
    workshops::table
        .order((workshops::topic_id, workshops::starts_at, workshops::title))
        .select(Workshop::as_select())
        .load(conn)
}

/// The workshops of one topic, by date.
pub fn workshops_of_topic(conn: &mut DbConnection, topic: &TopicId) -> QueryResult<Vec<Workshop>> {
    workshops::table
        .filter(workshops::topic_id.eq(topic))
        .order((workshops::starts_at, workshops::title))
        .select(Workshop::as_select())
        .load(conn)
}

/// Formats a join code for reading aloud and typing: "4821 0937".
pub fn grouped_code(code: &str) -> String {
    JoinCode::parse(code).map(|c| c.grouped()).unwrap_or_else(|| code.to_owned())
}

/// Creates a draft workshop with a fresh join code.
pub fn create_workshop(
    conn: &mut DbConnection, topic_id: &TopicId, fields: &WorkshopFields,
) -> QueryResult<WorkshopId> {
    // The partial unique index on live codes decides; a clash (1 in 10^8 per live workshop)
    // just draws again.
    for _ in 0..6 {
        let (id, at) = (WorkshopId::generate(), now());
        let code = JoinCode::random();
        let inserted = insert_unless_duplicate(conn, |conn| {
            diesel::insert_into(workshops::table)
                .values((
                    workshops::id.eq(&id),
                    workshops::topic_id.eq(topic_id),
                    workshops::title.eq(fields.title.as_str()),
                    workshops::intro.eq(fields.intro.as_str()),
                    workshops::starts_at.eq(fields.starts_at),
                    workshops::location.eq(location(fields)),
                    workshops::status.eq(WorkshopStatus::Draft),
                    workshops::join_code.eq(code.as_str()),
                    workshops::retention_days.eq(fields.retention_days),
                    workshops::created_at.eq(at),
                    workshops::updated_at.eq(at),
                ))
                .execute(conn)
        })?;
        if inserted {
            return Ok(id);
        }
    }
    Err(DieselError::RollbackTransaction)
}

fn location(fields: &WorkshopFields) -> &str {
    fields.location.as_ref().map_or("", Title::as_str)
}

/// Changes a workshop's fields; 0 when there is none.
pub fn update_workshop(
    conn: &mut DbConnection, id: &WorkshopId, fields: &WorkshopFields,
) -> QueryResult<usize> {
    diesel::update(workshops::table.find(id))
        .set((
            workshops::title.eq(fields.title.as_str()),
            workshops::intro.eq(fields.intro.as_str()),
            workshops::starts_at.eq(fields.starts_at),
            workshops::location.eq(location(fields)),
            workshops::retention_days.eq(fields.retention_days),
            workshops::version.eq(workshops::version + 1),
            workshops::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// A workshop by id.
pub fn find_workshop(conn: &mut DbConnection, id: &WorkshopId) -> QueryResult<Option<Workshop>> {
    workshops::table.find(id).select(Workshop::as_select()).first(conn).optional()
}

/// The workshop a join code leads to: the live one, or else the newest closed one with that
/// code (so an old poster is told "closed", not "not found").
pub fn find_workshop_by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<Workshop>> {
    let mut found: Vec<Workshop> = crate::on_backend!(conn, |c| workshops::table
        .filter(workshops::join_code.eq(code))
        .order(workshops::created_at.desc())
        .select(Workshop::as_select())
        .load(c))?;
    let live = found.iter().position(|w| w.status.is_live());
    Ok(match live {
        Some(i) => Some(found.swap_remove(i)),
        None => found.into_iter().next(),
    })
}

/// Why a status change was refused.
#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    /// Not a legal move from the current status.
    #[error("a workshop cannot move from {from} to {to}")]
    NotAllowed {
        /// Current.
        from: WorkshopStatus,
        /// Wanted.
        to: WorkshopStatus,
    },
    /// Back to draft only while nobody has answered.
    #[error("the workshop has answers")]
    HasAnswers,
    /// The workshop has no questions to answer.
    #[error("the workshop has no questions")]
    NoQuestions,
    /// Query failed.
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Moves a workshop to another status. Re-opening a workshop whose code was taken by another
/// live workshop meanwhile gives it a new code.
pub fn set_status(
    conn: &mut DbConnection, id: &WorkshopId, to: WorkshopStatus,
) -> Result<(), StatusError> {
    write_transaction(conn, |conn| {
        let w = find_workshop(conn, id)?.ok_or(DieselError::NotFound)?;
        let from = w.status;
        if !from.can_move_to(to) {
            return Err(StatusError::NotAllowed { from, to });
        }
        if to == WorkshopStatus::Open && count_questions(conn, id)? == 0 {
            return Err(StatusError::NoQuestions);
        }
        if to == WorkshopStatus::Draft && count_answers(conn, id)? > 0 {
            return Err(StatusError::HasAnswers);
        }
        let at = now();
        let closed_at = match to {
            WorkshopStatus::Closed | WorkshopStatus::Archived => w.closed_at.or(Some(at)),
            _ => None,
        };
        if from == WorkshopStatus::Closed && to == WorkshopStatus::Open {
            let clash: i64 = workshops::table
                .filter(workshops::join_code.eq(&w.join_code))
                .filter(workshops::status.eq_any([WorkshopStatus::Draft, WorkshopStatus::Open]))
                .count()
                .get_result(conn)?;
            if clash > 0 {
                diesel::update(workshops::table.find(id))
                    .set(workshops::join_code.eq(JoinCode::random().as_str()))
                    .execute(conn)?;
            }
        }
        diesel::update(workshops::table.find(id))
            .set((
                workshops::status.eq(to),
                workshops::closed_at.eq(closed_at),
                workshops::version.eq(workshops::version + 1),
                workshops::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Answers given in a workshop (declined ones included).
pub fn count_answers(conn: &mut DbConnection, workshop_id: &WorkshopId) -> QueryResult<i64> {
    answers::table
        .inner_join(questions::table)
        .filter(questions::workshop_id.eq(workshop_id))
        .count()
        .get_result(conn)
}

/// The stored `participants.source` of a line of pasted flipchart notes (a statement, never a
/// person). Read as text here: the survey store does not depend on the participant feature.
const FLIPCHART: &str = "flipchart";

// `answer_counts` groups by a column of each table. Declared here, next to the one query that
// needs it, rather than in the shared schema.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    answers::question_id,
    participants::source
);

/// Per question of a workshop: answers from people, and statements from pasted flipchart
/// notes (questions without either are missing). One query grouped by question and source,
/// however many questions the workshop has.
pub fn answer_counts(
    conn: &mut DbConnection, workshop_id: &WorkshopId,
) -> QueryResult<HashMap<QuestionId, (i64, i64)>> {
    let grouped: Vec<(QuestionId, String, i64)> = answers::table
        .inner_join(questions::table)
        .inner_join(participants::table)
        .filter(questions::workshop_id.eq(workshop_id))
        .group_by((answers::question_id, participants::source))
        .select((answers::question_id, participants::source, diesel::dsl::count_star()))
        .load(conn)?;
    let mut out: HashMap<QuestionId, (i64, i64)> = HashMap::new();
    for (question, source, n) in grouped {
        let (answers, statements) = out.entry(question).or_default();
        *if source == FLIPCHART { statements } else { answers } += n;
    }
    Ok(out)
}

/// People who gave at least one answer in a workshop (phones and people a facilitator
/// entered answers for), and the statements from pasted flipchart notes, which are never
/// people. One query grouped by source.
pub fn count_people(conn: &mut DbConnection, workshop_id: &WorkshopId) -> QueryResult<(i64, i64)> {
    let grouped: Vec<(String, i64, i64)> = answers::table
        .inner_join(participants::table)
        .filter(participants::workshop_id.eq(workshop_id))
        .group_by(participants::source)
        .select((
            participants::source,
            diesel::dsl::count(answers::participant_id).aggregate_distinct(),
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let (mut people, mut statements) = (0, 0);
    for (source, distinct, all) in grouped {
        if source == FLIPCHART {
            statements += all;
        } else {
            people += distinct;
        }
    }
    Ok((people, statements))
}

/// What a workshop holds, for the overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkshopCounts {
    /// People who gave at least one answer (phones and people a facilitator entered for).
    pub people: i64,
    /// Their answers.
    pub answers: i64,
    /// Statements from pasted flipchart notes (never people).
    pub statements: i64,
}

diesel::allow_columns_to_appear_in_same_group_by_clause!(
    participants::workshop_id,
    participants::source
);

/// [`WorkshopCounts`] of every workshop that has answers, in one query grouped by workshop and
/// source.
pub fn workshop_counts(
    conn: &mut DbConnection,
) -> QueryResult<HashMap<WorkshopId, WorkshopCounts>> {
    let grouped: Vec<(WorkshopId, String, i64, i64)> = answers::table
        .inner_join(participants::table)
        .group_by((participants::workshop_id, participants::source))
        .select((
            participants::workshop_id,
            participants::source,
            diesel::dsl::count(answers::participant_id).aggregate_distinct(),
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let mut out: HashMap<WorkshopId, WorkshopCounts> = HashMap::new();
    for (workshop, source, distinct, all) in grouped {
        let c = out.entry(workshop).or_default();
        if source == FLIPCHART {
            c.statements += all;
        } else {
            c.people += distinct;
            c.answers += all;
        }
    }
    Ok(out)
}

/// Every closed or archived workshop whose individual answers are not deleted yet.
pub fn closed_workshops(conn: &mut DbConnection) -> QueryResult<Vec<Workshop>> {
    workshops::table
        .filter(workshops::status.eq_any([WorkshopStatus::Closed, WorkshopStatus::Archived]))
        .filter(workshops::answers_deleted_at.is_null())
        .select(Workshop::as_select())
        .load(conn)
}

/// Notes that a workshop's individual answers were deleted at `at`, and fixes its attendance
/// to `attendance` if no facilitator set one (those who answered, which cannot be counted
/// again once the answers are gone).
pub fn mark_answers_deleted(
    conn: &mut DbConnection, id: &WorkshopId, at: NaiveDateTime, attendance: i32,
) -> QueryResult<usize> {
    let row = workshops::table.find(id);
    diesel::update(row.filter(workshops::attendance.is_null()))
        .set(workshops::attendance.eq(Some(attendance)))
        .execute(conn)?;
    diesel::update(row).set(workshops::answers_deleted_at.eq(Some(at))).execute(conn)
}

/// Sets how many people took part.
pub fn set_attendance(conn: &mut DbConnection, id: &WorkshopId, people: i32) -> QueryResult<usize> {
    let changes = (workshops::attendance.eq(Some(people)), workshops::updated_at.eq(now()));
    diesel::update(workshops::table.find(id)).set(changes).execute(conn)
}

/// Keeps a closed workshop's answers `days` longer.
pub fn extend_retention(conn: &mut DbConnection, id: &WorkshopId, days: i32) -> QueryResult<usize> {
    let changes = (
        workshops::retention_days.eq(workshops::retention_days + days),
        workshops::updated_at.eq(now()),
    );
    diesel::update(workshops::table.find(id).filter(workshops::answers_deleted_at.is_null()))
        .set(changes)
        .execute(conn)
}
