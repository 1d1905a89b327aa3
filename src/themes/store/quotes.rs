//! Quotes (citater): answers, or excerpts of them, edited to leave out names and places and
//! approved before they may leave the board.

use diesel::prelude::*;

use super::Conflict;
use crate::db::schema::{answers, questions, quotes, workshops};
use crate::db::{now, AnswerId, DbConnection, QuoteId, TopicId, UserId};
use crate::participant::EnteredBy;
use crate::text::QuoteText;
use crate::themes::domain::QuoteStatus;

/// A quote: an answer, or an excerpt of it, edited to leave out names and places.
#[derive(Debug, Clone, Queryable)]
pub struct QuoteRow {
    /// Quote id.
    pub id: QuoteId,
    /// The answer quoted.
    pub answer_id: AnswerId,
    /// The quote as it may leave the board.
    pub text: String,
    /// Where it is on its way to the report.
    pub status: QuoteStatus,
    /// Optimistic-lock version.
    pub version: i32,
    /// The answer as given (facilitators only).
    pub original: String,
    /// How the answer was made.
    pub entered_by: EnteredBy,
    /// The question.
    pub question: String,
    /// The workshop.
    pub workshop: String,
}

/// Every quote of a topic, newest first.
pub fn list_quotes(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<QuoteRow>> {
    quotes::table
        .inner_join(answers::table.inner_join(questions::table.inner_join(workshops::table)))
        .filter(workshops::topic_id.eq(topic_id))
        .order(quotes::created_at.desc())
        .select((
            quotes::id,
            quotes::answer_id,
            quotes::text,
            quotes::status,
            quotes::version,
            answers::value,
            answers::entered_by,
            questions::prompt,
            workshops::title,
        ))
        .load(conn)
}

/// Approved quotes of a topic: the only ones that ever leave the board.
pub fn approved_quotes(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<QuoteRow>> {
    Ok(list_quotes(conn, topic_id)?
        .into_iter()
        .filter(|q| q.status == QuoteStatus::Approved)
        .collect())
}

/// The topic an answer belongs to.
pub fn topic_of_answer(
    conn: &mut DbConnection, answer_id: &AnswerId,
) -> QueryResult<Option<TopicId>> {
    answers::table
        .inner_join(questions::table.inner_join(workshops::table))
        .filter(answers::id.eq(answer_id))
        .select(workshops::topic_id)
        .first(conn)
        .optional()
}

/// The topic a quote belongs to.
pub fn topic_of_quote(conn: &mut DbConnection, quote_id: &QuoteId) -> QueryResult<Option<TopicId>> {
    quotes::table
        .inner_join(answers::table.inner_join(questions::table.inner_join(workshops::table)))
        .filter(quotes::id.eq(quote_id))
        .select(workshops::topic_id)
        .first(conn)
        .optional()
}

/// Marks (an excerpt of) an answer as a quote candidate.
pub fn create_quote(
    conn: &mut DbConnection, answer_id: &AnswerId, text: &QuoteText, original: &str,
    user: Option<&UserId>,
) -> QueryResult<QuoteId> {
    let (id, at) = (QuoteId::generate(), now());
    let status = if text.as_str() == original { QuoteStatus::Draft } else { QuoteStatus::Redacted };
    diesel::insert_into(quotes::table)
        .values((
            quotes::id.eq(&id),
            quotes::answer_id.eq(answer_id),
            quotes::text.eq(text.as_str()),
            quotes::status.eq(status),
            quotes::created_by.eq(user),
            quotes::created_at.eq(at),
            quotes::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Edits a quote's text (it becomes "redacted", and must be approved again).
pub fn update_quote(
    conn: &mut DbConnection, id: &QuoteId, text: &QuoteText, version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let changes = (quotes::text.eq(text.as_str()), quotes::status.eq(QuoteStatus::Redacted));
    versioned_update!(conn, quotes, id, version, changes)
}

/// Approves a quote, or takes the approval back.
pub fn set_quote_approved(
    conn: &mut DbConnection, id: &QuoteId, approved: bool, version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let status = if approved { QuoteStatus::Approved } else { QuoteStatus::Redacted };
    versioned_update!(conn, quotes, id, version, quotes::status.eq(status))
}

/// Deletes a quote.
pub fn delete_quote(conn: &mut DbConnection, id: &QuoteId) -> QueryResult<usize> {
    diesel::delete(quotes::table.find(id)).execute(conn)
}
