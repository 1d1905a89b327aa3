//! Themes, their answers, key points, quotes and rejected suggestions. Every assignment is its
//! own row, so two facilitators on one board never overwrite each other; renames and text
//! edits carry a version and report a conflict instead of overwriting.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::db::schema::{
    answers, key_points, questions, quotes, rejected_suggestions, theme_answers, themes, workshops,
};
use crate::db::{new_id, now, write_transaction, DbConnection};
use crate::error::AppError;

/// A theme (emne) on a topic's board.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = themes)]
pub struct Theme {
    /// Id.
    pub id: String,
    /// Its topic.
    pub topic_id: String,
    /// The parent theme (one level of sub-themes).
    pub parent_id: Option<String>,
    /// Name, e.g. "DEN RETTE BOLIGLØSNING".
    pub title: String,
    /// A short description.
    pub summary: String,
    /// Order among its siblings.
    pub position: i32,
    /// Optimistic-lock version.
    pub version: i32,
}

/// A free-text answer as the board shows it.
#[derive(Debug, Clone, Queryable)]
pub struct BoardAnswer {
    /// Answer id.
    pub id: String,
    /// The text.
    pub value: String,
    /// self | scribe | read_aloud.
    pub entered_by: String,
    /// Whose (for distinct-participant counts; never shown).
    pub participant_id: String,
    /// Question id.
    pub question_id: String,
    /// Question text.
    pub question: String,
    /// Workshop id.
    pub workshop_id: String,
    /// Workshop title.
    pub workshop: String,
}

/// Every free-text answer of the topic's workshops, declined and blank ones left out.
pub fn board_answers(conn: &mut DbConnection, topic_id: &str) -> QueryResult<Vec<BoardAnswer>> {
    answers::table
        .inner_join(questions::table.inner_join(workshops::table))
        .filter(workshops::topic_id.eq(topic_id))
        .filter(questions::kind.eq_any(["short_text", "long_text"]))
        .filter(answers::declined.eq(false))
        .filter(answers::value.ne(""))
        .order((
            workshops::starts_at,
            workshops::title,
            questions::position,
            answers::created_at,
        ))
        .select((
            answers::id,
            answers::value,
            answers::entered_by,
            answers::participant_id,
            questions::id,
            questions::prompt,
            workshops::id,
            workshops::title,
        ))
        .load(conn)
}

/// The themes of a topic: top level by position, each followed by its sub-themes.
pub fn list_themes(conn: &mut DbConnection, topic_id: &str) -> QueryResult<Vec<Theme>> {
    let all: Vec<Theme> = themes::table
        .filter(themes::topic_id.eq(topic_id))
        .order((themes::position, themes::created_at))
        .select(Theme::as_select())
        .load(conn)?;
    let mut ordered = Vec::with_capacity(all.len());
    for parent in all.iter().filter(|t| t.parent_id.is_none()) {
        ordered.push(parent.clone());
        ordered.extend(
            all.iter()
                .filter(|t| t.parent_id.as_deref() == Some(&parent.id))
                .cloned(),
        );
    }
    Ok(ordered)
}

/// A theme by id.
pub fn find_theme(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Theme>> {
    themes::table
        .find(id)
        .select(Theme::as_select())
        .first(conn)
        .optional()
}

/// Every (theme, answer) link of a topic.
pub fn links(conn: &mut DbConnection, topic_id: &str) -> QueryResult<Vec<(String, String)>> {
    theme_answers::table
        .inner_join(themes::table)
        .filter(themes::topic_id.eq(topic_id))
        .select((theme_answers::theme_id, theme_answers::answer_id))
        .load(conn)
}

/// Answers and distinct participants per theme.
pub fn counts(
    answers: &[BoardAnswer],
    links: &[(String, String)],
) -> HashMap<String, (usize, usize)> {
    let by_id: HashMap<&str, &BoardAnswer> = answers.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut sets: HashMap<String, (HashSet<&str>, HashSet<&str>)> = HashMap::new();
    for (theme, answer) in links {
        if let Some(a) = by_id.get(answer.as_str()) {
            let entry = sets.entry(theme.clone()).or_default();
            entry.0.insert(a.id.as_str());
            entry.1.insert(a.participant_id.as_str());
        }
    }
    sets.into_iter()
        .map(|(k, (a, p))| (k, (a.len(), p.len())))
        .collect()
}

/// Creates a theme at the end of its level. A parent must be a top-level theme of the same
/// topic (one level of sub-themes).
pub fn create_theme(
    conn: &mut DbConnection,
    topic_id: &str,
    title: &str,
    parent_id: Option<&str>,
) -> Result<String, AppError> {
    write_transaction(conn, |conn| {
        if let Some(parent) = parent_id {
            let p =
                find_theme(conn, parent)?.ok_or(AppError::BadRequest("unknown parent theme"))?;
            if p.topic_id != topic_id || p.parent_id.is_some() {
                return Err(AppError::BadRequest(
                    "parent must be a top-level theme of this topic",
                ));
            }
        }
        let siblings: i64 = match parent_id {
            Some(p) => themes::table
                .filter(themes::parent_id.eq(p))
                .count()
                .get_result(conn)?,
            None => themes::table
                .filter(themes::topic_id.eq(topic_id))
                .filter(themes::parent_id.is_null())
                .count()
                .get_result(conn)?,
        };
        let (id, at) = (new_id(), now());
        diesel::insert_into(themes::table)
            .values((
                themes::id.eq(&id),
                themes::topic_id.eq(topic_id),
                themes::parent_id.eq(parent_id),
                themes::title.eq(title),
                themes::position.eq(siblings as i32 + 1),
                themes::created_at.eq(at),
                themes::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

/// A write that lost against someone else's newer version.
#[derive(Debug)]
pub struct Conflict;

/// Renames a theme if nobody changed it since `version` was read.
pub fn rename_theme(
    conn: &mut DbConnection,
    id: &str,
    title: &str,
    summary: &str,
    version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let n = diesel::update(themes::table.find(id).filter(themes::version.eq(version)))
        .set((
            themes::title.eq(title),
            themes::summary.eq(summary),
            themes::version.eq(version + 1),
            themes::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(if n == 1 { Ok(()) } else { Err(Conflict) })
}

/// Moves a theme one place up (-1) or down (+1) among its siblings.
pub fn move_theme(conn: &mut DbConnection, id: &str, step: i32) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let t = find_theme(conn, id)?.ok_or(AppError::NotFound)?;
        let siblings = themes::table
            .filter(themes::topic_id.eq(&t.topic_id))
            .filter(themes::position.eq(t.position + step))
            .select(Theme::as_select())
            .load::<Theme>(conn)?;
        if let Some(n) = siblings.into_iter().find(|s| s.parent_id == t.parent_id) {
            diesel::update(themes::table.find(&n.id))
                .set(themes::position.eq(t.position))
                .execute(conn)?;
            diesel::update(themes::table.find(&t.id))
                .set(themes::position.eq(n.position))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Deletes a theme: its answers return to the pile, its sub-themes move up a level, its key
/// points go to the topic.
pub fn delete_theme(conn: &mut DbConnection, id: &str) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        find_theme(conn, id)?.ok_or(AppError::NotFound)?;
        diesel::update(themes::table.filter(themes::parent_id.eq(id)))
            .set(themes::parent_id.eq(None::<String>))
            .execute(conn)?;
        diesel::update(key_points::table.filter(key_points::theme_id.eq(id)))
            .set(key_points::theme_id.eq(None::<String>))
            .execute(conn)?;
        diesel::delete(themes::table.find(id)).execute(conn)?;
        Ok(())
    })
}

/// Links answers to a theme (each link its own row; existing links are kept).
pub fn assign(
    conn: &mut DbConnection,
    theme_id: &str,
    answer_ids: &[String],
    user: Option<&str>,
) -> QueryResult<usize> {
    let mut added = 0;
    for answer in answer_ids {
        let inserted = crate::db::insert_unless_duplicate(conn, |conn| {
            diesel::insert_into(theme_answers::table)
                .values((
                    theme_answers::theme_id.eq(theme_id),
                    theme_answers::answer_id.eq(answer),
                    theme_answers::created_by.eq(user),
                    theme_answers::created_at.eq(now()),
                ))
                .execute(conn)
        })?;
        added += usize::from(inserted);
    }
    Ok(added)
}

/// Unlinks answers from a theme.
pub fn unassign(
    conn: &mut DbConnection,
    theme_id: &str,
    answer_ids: &[String],
) -> QueryResult<usize> {
    diesel::delete(
        theme_answers::table
            .filter(theme_answers::theme_id.eq(theme_id))
            .filter(theme_answers::answer_id.eq_any(answer_ids)),
    )
    .execute(conn)
}

/// Merges `from` into `into`: its answers, sub-themes and key points move, then it goes.
pub fn merge(
    conn: &mut DbConnection,
    from: &str,
    into: &str,
    user: Option<&str>,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let source = find_theme(conn, from)?.ok_or(AppError::NotFound)?;
        let target = find_theme(conn, into)?.ok_or(AppError::NotFound)?;
        if source.topic_id != target.topic_id
            || source.id == target.id
            || target.parent_id.as_deref() == Some(from)
        {
            return Err(AppError::BadRequest("cannot merge these themes"));
        }
        let moved: Vec<String> = theme_answers::table
            .filter(theme_answers::theme_id.eq(from))
            .select(theme_answers::answer_id)
            .load(conn)?;
        assign(conn, into, &moved, user)?;
        let new_parent = if target.parent_id.is_none() {
            Some(into.to_owned())
        } else {
            None
        };
        diesel::update(themes::table.filter(themes::parent_id.eq(from)))
            .set(themes::parent_id.eq(new_parent))
            .execute(conn)?;
        diesel::update(key_points::table.filter(key_points::theme_id.eq(from)))
            .set(key_points::theme_id.eq(into))
            .execute(conn)?;
        diesel::delete(themes::table.find(from)).execute(conn)?;
        Ok(())
    })
}

// ---- key points --------------------------------------------------------------------------------

/// A written finding under a theme or the whole topic.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = key_points)]
pub struct KeyPoint {
    /// Id.
    pub id: String,
    /// Topic.
    pub topic_id: String,
    /// Theme (None: about the whole topic).
    pub theme_id: Option<String>,
    /// Order.
    pub position: i32,
    /// Text.
    pub text: String,
    /// Optimistic-lock version.
    pub version: i32,
}

/// Key points of a topic, in order.
pub fn list_key_points(conn: &mut DbConnection, topic_id: &str) -> QueryResult<Vec<KeyPoint>> {
    key_points::table
        .filter(key_points::topic_id.eq(topic_id))
        .order((key_points::position, key_points::created_at))
        .select(KeyPoint::as_select())
        .load(conn)
}

/// Adds a key point at the end of its list.
pub fn add_key_point(
    conn: &mut DbConnection,
    topic_id: &str,
    theme_id: Option<&str>,
    text: &str,
) -> QueryResult<String> {
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
        let (id, at) = (new_id(), now());
        diesel::insert_into(key_points::table)
            .values((
                key_points::id.eq(&id),
                key_points::topic_id.eq(topic_id),
                key_points::theme_id.eq(theme_id),
                key_points::position.eq(last.unwrap_or(0) + 1),
                key_points::text.eq(text),
                key_points::created_at.eq(at),
                key_points::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

/// A key point by id.
pub fn find_key_point(conn: &mut DbConnection, id: &str) -> QueryResult<Option<KeyPoint>> {
    key_points::table
        .find(id)
        .select(KeyPoint::as_select())
        .first(conn)
        .optional()
}

/// Changes a key point's text if nobody changed it since `version`.
pub fn update_key_point(
    conn: &mut DbConnection,
    id: &str,
    text: &str,
    version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let n = diesel::update(
        key_points::table
            .find(id)
            .filter(key_points::version.eq(version)),
    )
    .set((
        key_points::text.eq(text),
        key_points::version.eq(version + 1),
        key_points::updated_at.eq(now()),
    ))
    .execute(conn)?;
    Ok(if n == 1 { Ok(()) } else { Err(Conflict) })
}

/// Moves a key point within its list.
pub fn move_key_point(conn: &mut DbConnection, id: &str, step: i32) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let k = find_key_point(conn, id)?.ok_or(AppError::NotFound)?;
        let mut neighbours = key_points::table
            .filter(key_points::topic_id.eq(&k.topic_id))
            .filter(key_points::position.eq(k.position + step))
            .select(KeyPoint::as_select())
            .load::<KeyPoint>(conn)?;
        neighbours.retain(|n| n.theme_id == k.theme_id);
        if let Some(n) = neighbours.first() {
            diesel::update(key_points::table.find(&n.id))
                .set(key_points::position.eq(k.position))
                .execute(conn)?;
            diesel::update(key_points::table.find(&k.id))
                .set(key_points::position.eq(n.position))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Deletes a key point.
pub fn delete_key_point(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(key_points::table.find(id)).execute(conn)
}

// ---- quotes -------------------------------------------------------------------------------------

/// A quote: an answer, or an excerpt of it, edited to leave out names and places.
#[derive(Debug, Clone, Queryable)]
pub struct QuoteRow {
    /// Quote id.
    pub id: String,
    /// The answer quoted.
    pub answer_id: String,
    /// The quote as it may leave the board.
    pub text: String,
    /// draft | redacted | approved.
    pub status: String,
    /// Optimistic-lock version.
    pub version: i32,
    /// The answer as given (facilitators only).
    pub original: String,
    /// How the answer was made.
    pub entered_by: String,
    /// The question.
    pub question: String,
    /// The workshop.
    pub workshop: String,
}

/// Every quote of a topic, newest first.
pub fn list_quotes(conn: &mut DbConnection, topic_id: &str) -> QueryResult<Vec<QuoteRow>> {
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
pub fn approved_quotes(conn: &mut DbConnection, topic_id: &str) -> QueryResult<Vec<QuoteRow>> {
    Ok(list_quotes(conn, topic_id)?
        .into_iter()
        .filter(|q| q.status == "approved")
        .collect())
}

/// The topic an answer belongs to.
pub fn topic_of_answer(conn: &mut DbConnection, answer_id: &str) -> QueryResult<Option<String>> {
    answers::table
        .inner_join(questions::table.inner_join(workshops::table))
        .filter(answers::id.eq(answer_id))
        .select(workshops::topic_id)
        .first(conn)
        .optional()
}

/// The topic a quote belongs to.
pub fn topic_of_quote(conn: &mut DbConnection, quote_id: &str) -> QueryResult<Option<String>> {
    quotes::table
        .inner_join(answers::table.inner_join(questions::table.inner_join(workshops::table)))
        .filter(quotes::id.eq(quote_id))
        .select(workshops::topic_id)
        .first(conn)
        .optional()
}

/// Marks (an excerpt of) an answer as a quote candidate.
pub fn create_quote(
    conn: &mut DbConnection,
    answer_id: &str,
    text: &str,
    original: &str,
    user: Option<&str>,
) -> QueryResult<String> {
    let (id, at) = (new_id(), now());
    let status = if text == original {
        "draft"
    } else {
        "redacted"
    };
    diesel::insert_into(quotes::table)
        .values((
            quotes::id.eq(&id),
            quotes::answer_id.eq(answer_id),
            quotes::text.eq(text),
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
    conn: &mut DbConnection,
    id: &str,
    text: &str,
    version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let n = diesel::update(quotes::table.find(id).filter(quotes::version.eq(version)))
        .set((
            quotes::text.eq(text),
            quotes::status.eq("redacted"),
            quotes::version.eq(version + 1),
            quotes::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(if n == 1 { Ok(()) } else { Err(Conflict) })
}

/// Approves a quote, or takes the approval back.
pub fn set_quote_approved(
    conn: &mut DbConnection,
    id: &str,
    approved: bool,
    version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let status = if approved { "approved" } else { "redacted" };
    let n = diesel::update(quotes::table.find(id).filter(quotes::version.eq(version)))
        .set((
            quotes::status.eq(status),
            quotes::version.eq(version + 1),
            quotes::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(if n == 1 { Ok(()) } else { Err(Conflict) })
}

/// Deletes a quote.
pub fn delete_quote(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(quotes::table.find(id)).execute(conn)
}

// ---- suggestions ---------------------------------------------------------------------------------

/// A stable fingerprint of a proposal's members.
pub fn fingerprint(answer_ids: &[String]) -> String {
    let mut ids = answer_ids.to_vec();
    ids.sort();
    crate::web::token_hash(&ids.join(","))
}

/// Fingerprints of rejected proposals.
pub fn rejected(conn: &mut DbConnection, topic_id: &str) -> QueryResult<HashSet<String>> {
    Ok(rejected_suggestions::table
        .filter(rejected_suggestions::topic_id.eq(topic_id))
        .select(rejected_suggestions::fingerprint)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// Remembers a rejected proposal.
pub fn reject(
    conn: &mut DbConnection,
    topic_id: &str,
    fingerprint: &str,
    user: Option<&str>,
) -> QueryResult<()> {
    crate::db::insert_unless_duplicate(conn, |conn| {
        diesel::insert_into(rejected_suggestions::table)
            .values((
                rejected_suggestions::topic_id.eq(topic_id),
                rejected_suggestions::fingerprint.eq(fingerprint),
                rejected_suggestions::rejected_by.eq(user),
                rejected_suggestions::created_at.eq(now()),
            ))
            .execute(conn)
    })?;
    Ok(())
}
