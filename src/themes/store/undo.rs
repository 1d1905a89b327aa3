//! Undo for the theme board. A change captures the state of the themes it touches before and
//! after (their rows, links, sub-themes, key points and kept quote links), and keeps the
//! difference as one step: what to put back. "Fortryd" applies it in one transaction. Steps
//! hold ids and theme names only, never an answer's words.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::themes::find_theme;
use crate::db::schema::{
    answers, key_points, quote_themes, quotes, theme_answers, themes, undo_steps, workshops,
};
use crate::db::{
    insert_unless_duplicate, now, AnswerId, DbConnection, KeyPointId, QuoteId, ThemeId, TopicId,
    UndoStepId, UserId,
};
use crate::error::AppError;
use crate::themes::domain::QuoteStatus;

/// A theme's row as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Queryable, Selectable)]
#[diesel(table_name = themes)]
struct ThemeRow {
    id: ThemeId,
    topic_id: TopicId,
    parent_id: Option<ThemeId>,
    title: String,
    summary: String,
    position: i32,
}

/// What a set of themes holds at one moment.
#[derive(Debug, Default)]
pub struct Captured {
    ids: Vec<ThemeId>,
    rows: Vec<ThemeRow>,
    links: HashSet<(ThemeId, AnswerId)>,
    children: Vec<(ThemeId, Option<ThemeId>)>,
    key_points: Vec<(KeyPointId, Option<ThemeId>)>,
    quote_links: HashSet<(QuoteId, ThemeId)>,
}

/// Reads what the themes `ids` hold now (before or after a change).
pub fn capture(conn: &mut DbConnection, ids: &[ThemeId]) -> QueryResult<Captured> {
    let rows: Vec<ThemeRow> =
        themes::table.filter(themes::id.eq_any(ids)).select(ThemeRow::as_select()).load(conn)?;
    let links: Vec<(ThemeId, AnswerId)> = theme_answers::table
        .filter(theme_answers::theme_id.eq_any(ids))
        .select((theme_answers::theme_id, theme_answers::answer_id))
        .load(conn)?;
    let children: Vec<(ThemeId, Option<ThemeId>)> = themes::table
        .filter(themes::parent_id.eq_any(ids))
        .select((themes::id, themes::parent_id))
        .load(conn)?;
    let key_points: Vec<(KeyPointId, Option<ThemeId>)> = key_points::table
        .filter(key_points::theme_id.eq_any(ids))
        .select((key_points::id, key_points::theme_id))
        .load(conn)?;
    let quote_links: Vec<(QuoteId, ThemeId)> = quote_themes::table
        .filter(quote_themes::theme_id.eq_any(ids))
        .select((quote_themes::quote_id, quote_themes::theme_id))
        .load(conn)?;
    Ok(Captured {
        ids: ids.to_vec(),
        rows,
        links: links.into_iter().collect(),
        children,
        key_points,
        quote_links: quote_links.into_iter().collect(),
    })
}

/// What undoing a step puts back.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Restore {
    /// Theme rows to bring back as they were (made again when deleted).
    #[serde(default)]
    themes: Vec<ThemeRow>,
    /// Themes the step made: they go.
    #[serde(default)]
    drop_themes: Vec<ThemeId>,
    /// Links the step made: they go.
    #[serde(default)]
    unlink: Vec<(ThemeId, AnswerId)>,
    /// Links the step took away: they come back (while the answer exists).
    #[serde(default)]
    relink: Vec<(ThemeId, AnswerId)>,
    /// Sub-themes and their parent before.
    #[serde(default)]
    parents: Vec<(ThemeId, Option<ThemeId>)>,
    /// Key points and their theme before.
    #[serde(default)]
    key_points: Vec<(KeyPointId, Option<ThemeId>)>,
    /// Quotes' kept theme links the step took away.
    #[serde(default)]
    quote_links: Vec<(QuoteId, ThemeId)>,
    /// A quote's status and reason before.
    #[serde(default)]
    quote: Option<(QuoteId, QuoteStatus, Option<String>)>,
}

impl Restore {
    /// The difference between `before` and `after` (captured over `before`'s themes and any
    /// the change made), as what undoing it puts back.
    pub fn between(before: &Captured, after: &Captured) -> Restore {
        let had: HashSet<&ThemeId> = before.ids.iter().filter(|id| before.has(id)).collect();
        Restore {
            themes: before.rows.iter().filter(|r| !after.rows.contains(r)).cloned().collect(),
            drop_themes: after
                .rows
                .iter()
                .filter(|r| !had.contains(&r.id))
                .map(|r| r.id.clone())
                .collect(),
            unlink: after.links.difference(&before.links).cloned().collect(),
            relink: before.links.difference(&after.links).cloned().collect(),
            parents: before
                .children
                .iter()
                .filter(|c| !after.children.contains(c))
                .cloned()
                .collect(),
            key_points: before
                .key_points
                .iter()
                .filter(|k| !after.key_points.contains(k))
                .cloned()
                .collect(),
            quote_links: before.quote_links.difference(&after.quote_links).cloned().collect(),
            quote: None,
        }
    }

    /// Putting a quote back to `status` (with its reason).
    pub fn quote(id: QuoteId, status: QuoteStatus, reason: Option<String>) -> Restore {
        Restore { quote: Some((id, status, reason)), ..Restore::default() }
    }

    /// Whether undoing would change nothing.
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
            && self.drop_themes.is_empty()
            && self.unlink.is_empty()
            && self.relink.is_empty()
            && self.parents.is_empty()
            && self.key_points.is_empty()
            && self.quote_links.is_empty()
            && self.quote.is_none()
    }

    fn theme_ids(&self) -> Vec<&ThemeId> {
        let mut ids: Vec<&ThemeId> = self.themes.iter().map(|r| &r.id).collect();
        ids.extend(&self.drop_themes);
        ids.extend(self.unlink.iter().chain(&self.relink).map(|(t, _)| t));
        ids.sort();
        ids.dedup();
        ids
    }
}

impl Captured {
    fn has(&self, id: &ThemeId) -> bool {
        self.rows.iter().any(|r| &r.id == id)
    }
}

/// One undoable step, as the board lists it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = undo_steps)]
pub struct UndoStep {
    /// Id.
    pub id: UndoStepId,
    /// Its topic.
    pub topic_id: TopicId,
    /// Who made the change.
    pub user_id: Option<UserId>,
    /// What kind of change (a locale key suffix: "assign", "delete", …).
    pub action: String,
    /// The change in words (theme names).
    pub summary: String,
    /// The themes it touched, space separated.
    pub themes: String,
    /// When.
    pub created_at: NaiveDateTime,
    /// When it was undone, if it was.
    pub undone_at: Option<NaiveDateTime>,
}

impl UndoStep {
    /// Whether it touched `theme`.
    pub fn touches(&self, theme: &ThemeId) -> bool {
        self.themes.split(' ').any(|t| t == theme.as_str())
    }
}

/// Keeps a step; `None` when the change changed nothing (nothing to undo).
pub fn record(
    conn: &mut DbConnection, topic: &TopicId, user: Option<&UserId>,
    (action, summary): (&str, &str), restore: &Restore,
) -> Result<Option<UndoStepId>, AppError> {
    if restore.is_empty() {
        return Ok(None);
    }
    let id = UndoStepId::generate();
    let themes: Vec<&str> = restore.theme_ids().into_iter().map(ThemeId::as_str).collect();
    let payload = serde_json::to_string(restore).map_err(|e| AppError::Internal(e.into()))?;
    diesel::insert_into(undo_steps::table)
        .values((
            undo_steps::id.eq(&id),
            undo_steps::topic_id.eq(topic),
            undo_steps::user_id.eq(user),
            undo_steps::action.eq(action),
            undo_steps::summary.eq(summary),
            undo_steps::themes.eq(themes.join(" ")),
            undo_steps::payload.eq(payload),
            undo_steps::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(Some(id))
}

/// A step by id.
pub fn find_step(conn: &mut DbConnection, id: &UndoStepId) -> QueryResult<Option<UndoStep>> {
    undo_steps::table.find(id).select(UndoStep::as_select()).first(conn).optional()
}

/// The topic's newest steps, newest first.
pub fn recent_steps(
    conn: &mut DbConnection, topic: &TopicId, limit: i64,
) -> QueryResult<Vec<UndoStep>> {
    undo_steps::table
        .filter(undo_steps::topic_id.eq(topic))
        .order((undo_steps::created_at.desc(), undo_steps::id.desc()))
        .limit(limit)
        .select(UndoStep::as_select())
        .load(conn)
}

/// Why a step cannot be undone.
#[derive(Debug, PartialEq, Eq)]
pub enum NotUndone {
    /// It was undone already.
    AlreadyUndone,
    /// It approved a quote whose workshop's answers retention has deleted since: a quote that
    /// is not approved would then hold words the retention period should have removed.
    TooLate,
}

/// Undoes step `id` (the caller's transaction); `Err(AlreadyUndone)` the second time.
pub fn undo(conn: &mut DbConnection, step: &UndoStep) -> Result<Result<(), NotUndone>, AppError> {
    let payload: String =
        undo_steps::table.find(&step.id).select(undo_steps::payload).first(conn)?;
    let restore: Restore =
        serde_json::from_str(&payload).map_err(|e| AppError::Internal(e.into()))?;
    if let Some((quote, _, _)) = &restore.quote {
        let deleted: Option<Option<NaiveDateTime>> = quotes::table
            .inner_join(workshops::table)
            .filter(quotes::id.eq(quote))
            .select(workshops::answers_deleted_at)
            .first(conn)
            .optional()?;
        if deleted.flatten().is_some() {
            return Ok(Err(NotUndone::TooLate));
        }
    }
    // The mark first, conditional: two taps on "Fortryd" undo once.
    let marked =
        diesel::update(undo_steps::table.find(&step.id).filter(undo_steps::undone_at.is_null()))
            .set(undo_steps::undone_at.eq(now()))
            .execute(conn)?;
    if marked == 0 {
        return Ok(Err(NotUndone::AlreadyUndone));
    }
    apply(conn, &restore)?;
    Ok(Ok(()))
}

/// Whether a theme has answers, key points or sub-themes.
fn holds_anything(conn: &mut DbConnection, theme: &ThemeId) -> QueryResult<bool> {
    let links: i64 =
        theme_answers::table.filter(theme_answers::theme_id.eq(theme)).count().get_result(conn)?;
    let points: i64 =
        key_points::table.filter(key_points::theme_id.eq(theme)).count().get_result(conn)?;
    let children: i64 =
        themes::table.filter(themes::parent_id.eq(theme)).count().get_result(conn)?;
    Ok(links + points + children > 0)
}

fn apply(conn: &mut DbConnection, r: &Restore) -> Result<(), AppError> {
    // Parents before their sub-themes, so a restored sub-theme finds its parent.
    let mut rows: Vec<&ThemeRow> = r.themes.iter().collect();
    rows.sort_by_key(|row| row.parent_id.is_some());
    for row in rows {
        let parent = match &row.parent_id {
            Some(p) if find_theme(conn, p)?.is_none() => None,
            other => other.clone(),
        };
        let changes = (
            themes::parent_id.eq(&parent),
            themes::title.eq(&row.title),
            themes::summary.eq(&row.summary),
            themes::position.eq(row.position),
        );
        if find_theme(conn, &row.id)?.is_some() {
            diesel::update(themes::table.find(&row.id))
                .set((
                    changes,
                    themes::version.eq(themes::version + 1),
                    themes::updated_at.eq(now()),
                ))
                .execute(conn)?;
        } else {
            diesel::insert_into(themes::table)
                .values((
                    themes::id.eq(&row.id),
                    themes::topic_id.eq(&row.topic_id),
                    changes,
                    themes::created_at.eq(now()),
                    themes::updated_at.eq(now()),
                ))
                .execute(conn)?;
        }
    }
    for (child, parent) in &r.parents {
        diesel::update(themes::table.find(child))
            .set(themes::parent_id.eq(parent))
            .execute(conn)?;
    }
    for (point, theme) in &r.key_points {
        diesel::update(key_points::table.find(point))
            .set(key_points::theme_id.eq(theme))
            .execute(conn)?;
    }
    for (theme, answer) in &r.unlink {
        diesel::delete(theme_answers::table.find((theme, answer))).execute(conn)?;
    }
    for (theme, answer) in &r.relink {
        // An answer deleted since (withdrawn, retention) stays deleted.
        let exists: i64 = answers::table.filter(answers::id.eq(answer)).count().get_result(conn)?;
        if exists == 1 && find_theme(conn, theme)?.is_some() {
            insert_unless_duplicate(conn, |conn| {
                diesel::insert_into(theme_answers::table)
                    .values((
                        theme_answers::theme_id.eq(theme),
                        theme_answers::answer_id.eq(answer),
                        theme_answers::created_at.eq(now()),
                    ))
                    .execute(conn)
            })?;
        }
    }
    for (quote, theme) in &r.quote_links {
        let exists: i64 = quotes::table.filter(quotes::id.eq(quote)).count().get_result(conn)?;
        if exists == 1 && find_theme(conn, theme)?.is_some() {
            insert_unless_duplicate(conn, |conn| {
                diesel::insert_into(quote_themes::table)
                    .values((quote_themes::quote_id.eq(quote), quote_themes::theme_id.eq(theme)))
                    .execute(conn)
            })?;
        }
    }
    for theme in &r.drop_themes {
        // A theme the step made goes, unless work was done in it since (answers, key points
        // or sub-themes added later): then only the step's own links went above.
        if find_theme(conn, theme)?.is_some() && !holds_anything(conn, theme)? {
            super::delete_theme(conn, theme)?;
        }
    }
    if let Some((quote, status, reason)) = &r.quote {
        diesel::update(quotes::table.find(quote))
            .set((
                quotes::status.eq(status),
                quotes::safe_reason.eq(reason),
                quotes::version.eq(quotes::version + 1),
                quotes::updated_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}
