//! Quotes (citater): answers, or excerpts of them, edited to leave out names and places and
//! approved before they may leave the board.

use diesel::prelude::*;

use super::Conflict;
use crate::db::schema::{
    answers, participants, questions, quote_themes, quotes, theme_answers, workshops,
};
use crate::db::{
    now, AnswerId, DbConnection, QuestionId, QuoteId, ThemeId, TopicId, UserId, WorkshopId,
};
use crate::participant::{EnteredBy, Source};
use crate::text::QuoteText;
use crate::themes::domain::QuoteStatus;

/// A quote: an answer, or an excerpt of it, edited to leave out names and places. An approved
/// quote outlives its answer: when retention deletes the answer, the quote keeps its workshop,
/// question and how it was given, and `answer_id` becomes `None`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = quotes)]
pub struct QuoteRow {
    /// Quote id.
    pub id: QuoteId,
    /// The answer quoted, while it exists.
    pub answer_id: Option<AnswerId>,
    /// The quote as it may leave the board.
    pub text: String,
    /// Where it is on its way to the report.
    pub status: QuoteStatus,
    /// Optimistic-lock version.
    pub version: i32,
    /// The answer as given (facilitators only), while it exists.
    #[diesel(select_expression = answers::value.nullable())]
    pub original: Option<String>,
    /// How the answer was made.
    pub entered_by: EnteredBy,
    /// A statement from pasted flipchart notes, not one person's answer.
    pub from_flipchart: bool,
    /// The question.
    #[diesel(select_expression = questions::prompt)]
    pub question: String,
    /// The workshop's title.
    #[diesel(select_expression = workshops::title)]
    pub workshop: String,
    /// The workshop.
    pub workshop_id: WorkshopId,
    /// When it was made (quotes are listed in this order in exports).
    pub created_at: chrono::NaiveDateTime,
    /// Why a facilitator approved it although it looks like it holds personal data.
    pub safe_reason: Option<String>,
}

/// Every quote of a topic, newest first.
pub fn list_quotes(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<QuoteRow>> {
    of_topic(topic_id).order(quotes::created_at.desc()).select(QuoteRow::as_select()).load(conn)
}

/// Approved quotes of a topic: the only ones that ever leave the board. The status is part of
/// the query, so drafts are never read only to be thrown away.
pub fn approved_quotes(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<QuoteRow>> {
    of_topic(topic_id)
        .filter(quotes::status.eq(QuoteStatus::Approved))
        .order(quotes::created_at.desc())
        .select(QuoteRow::as_select())
        .load(conn)
}

/// The quotes of one topic's workshops (through `quotes_workshop_id`), with their question and
/// the answer while it exists.
#[diesel::dsl::auto_type]
fn of_topic<'a>(topic_id: &'a TopicId) -> _ {
    quotes::table
        .inner_join(workshops::table)
        .inner_join(questions::table)
        .left_join(answers::table)
        .filter(workshops::topic_id.eq(topic_id))
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
        .inner_join(workshops::table)
        .filter(quotes::id.eq(quote_id))
        .select(workshops::topic_id)
        .first(conn)
        .optional()
}

/// Marks (an excerpt of) an answer as a quote candidate; `None` when there is no such answer.
pub fn create_quote(
    conn: &mut DbConnection, answer_id: &AnswerId, text: &QuoteText, user: Option<&UserId>,
) -> QueryResult<Option<QuoteId>> {
    let found: Option<(String, WorkshopId, QuestionId, EnteredBy, Source)> = answers::table
        .inner_join(participants::table)
        .filter(answers::id.eq(answer_id))
        .select((
            answers::value,
            participants::workshop_id,
            answers::question_id,
            answers::entered_by,
            participants::source,
        ))
        .first(conn)
        .optional()?;
    let Some((original, workshop, question, entered_by, source)) = found else {
        return Ok(None);
    };
    let (id, at) = (QuoteId::generate(), now());
    let status = if text.as_str() == original { QuoteStatus::Draft } else { QuoteStatus::Redacted };
    diesel::insert_into(quotes::table)
        .values((
            quotes::id.eq(&id),
            quotes::answer_id.eq(answer_id),
            quotes::workshop_id.eq(&workshop),
            quotes::question_id.eq(&question),
            quotes::entered_by.eq(entered_by),
            quotes::from_flipchart.eq(source == Source::Flipchart),
            quotes::text.eq(text.as_str()),
            quotes::status.eq(status),
            quotes::created_by.eq(user),
            quotes::created_at.eq(at),
            quotes::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(Some(id))
}

/// The themes each approved quote of a topic stands under: through its answer's theme links
/// while the answer exists, and as kept when retention deleted the answer.
pub fn quote_themes_of_topic(
    conn: &mut DbConnection, topic_id: &TopicId,
) -> QueryResult<Vec<(ThemeId, QuoteId)>> {
    let live: Vec<(ThemeId, QuoteId)> = quotes::table
        .inner_join(
            theme_answers::table.on(theme_answers::answer_id.nullable().eq(quotes::answer_id)),
        )
        .inner_join(workshops::table)
        .filter(workshops::topic_id.eq(topic_id))
        .select((theme_answers::theme_id, quotes::id))
        .load(conn)?;
    let kept: Vec<(ThemeId, QuoteId)> = quote_themes::table
        .inner_join(quotes::table.inner_join(workshops::table))
        .filter(workshops::topic_id.eq(topic_id))
        .select((quote_themes::theme_id, quote_themes::quote_id))
        .load(conn)?;
    let mut all: Vec<(ThemeId, QuoteId)> = live.into_iter().chain(kept).collect();
    all.sort();
    all.dedup();
    Ok(all)
}

/// Before a workshop's answers are deleted: keeps the themes its approved quotes stand under,
/// deletes its quotes that were never approved (they are raw answers), and detaches the rest.
pub fn keep_approved_quotes(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<()> {
    // One query for every (quote, theme) pair of the workshop, not one per quote.
    let kept: Vec<(QuoteId, ThemeId)> = quotes::table
        .inner_join(
            theme_answers::table.on(theme_answers::answer_id.nullable().eq(quotes::answer_id)),
        )
        .filter(quotes::workshop_id.eq(workshop))
        .filter(quotes::status.eq(QuoteStatus::Approved))
        .select((quotes::id, theme_answers::theme_id))
        .load(conn)?;
    for (quote, theme) in &kept {
        crate::db::insert_unless_duplicate(conn, |conn| {
            diesel::insert_into(quote_themes::table)
                .values((quote_themes::quote_id.eq(quote), quote_themes::theme_id.eq(theme)))
                .execute(conn)
        })?;
    }
    diesel::delete(
        quotes::table
            .filter(quotes::workshop_id.eq(workshop))
            .filter(quotes::status.ne(QuoteStatus::Approved)),
    )
    .execute(conn)?;
    Ok(())
}

/// Edits a quote's text (it becomes "redacted", and must be approved again).
pub fn update_quote(
    conn: &mut DbConnection, id: &QuoteId, text: &QuoteText, version: i32,
) -> QueryResult<Result<(), Conflict>> {
    // A reason given for the old text says nothing about the new one.
    let changes = (
        quotes::text.eq(text.as_str()),
        quotes::status.eq(QuoteStatus::Redacted),
        quotes::safe_reason.eq(None::<String>),
    );
    versioned_update!(conn, quotes, id, version, changes)
}

/// Approves a quote, or takes the approval back. `safe_reason` is why a text that looks like
/// it holds personal data is safe to use (see [`approval_needs_reason`]).
pub fn set_quote_approved(
    conn: &mut DbConnection, id: &QuoteId, approved: bool, version: i32, safe_reason: Option<&str>,
) -> QueryResult<Result<(), Conflict>> {
    let status = if approved { QuoteStatus::Approved } else { QuoteStatus::Redacted };
    let reason = safe_reason.filter(|_| approved).map(str::to_owned);
    versioned_update!(
        conn,
        quotes,
        id,
        version,
        (quotes::status.eq(status), quotes::safe_reason.eq(reason))
    )
}

/// The personal data a quote's text at `version` seems to hold: approving it then needs a
/// reason. `None` when the quote is gone or has moved past `version` (the approval will then
/// meet the conflict).
pub fn approval_needs_reason(
    conn: &mut DbConnection, id: &QuoteId, version: i32,
) -> QueryResult<Option<Vec<crate::themes::pii::PiiKind>>> {
    let text: Option<String> = quotes::table
        .find(id)
        .filter(quotes::version.eq(version))
        .select(quotes::text)
        .first(conn)
        .optional()?;
    Ok(text.map(|t| crate::themes::pii::kinds(&t)))
}

/// A quote's status and the reason kept with its approval; None when there is no such quote.
pub fn quote_state(
    conn: &mut DbConnection, id: &QuoteId,
) -> QueryResult<Option<(QuoteStatus, Option<String>)>> {
    quotes::table.find(id).select((quotes::status, quotes::safe_reason)).first(conn).optional()
}

/// Deletes a quote.
pub fn delete_quote(conn: &mut DbConnection, id: &QuoteId) -> QueryResult<usize> {
    diesel::delete(quotes::table.find(id)).execute(conn)
}
