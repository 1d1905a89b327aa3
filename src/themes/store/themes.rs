//! Themes on a topic's board and the answers linked to them. Every link is its own row, so
//! two facilitators on one board never overwrite each other; renames carry a version and
//! report a conflict instead of overwriting.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::Conflict;
use crate::db::schema::{
    answers, key_points, participants, questions, theme_answers, themes, workshops,
};
use crate::db::{
    insert_unless_duplicate, now, write_transaction, AnswerId, DbConnection, ParticipantId,
    QuestionId, ThemeId, TopicId, UserId, WorkshopId,
};
use crate::error::AppError;
use crate::participant::{EnteredBy, Source};
use crate::survey::QuestionKind;
use crate::text::{LongText, Title};
use crate::themes::domain::Reassignment;

/// One (theme, answer) link.
pub type Link = (ThemeId, AnswerId);

/// A theme (emne) on a topic's board.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = themes)]
pub struct Theme {
    /// Id.
    pub id: ThemeId,
    /// Its topic.
    pub topic_id: TopicId,
    /// The parent theme (one level of sub-themes).
    pub parent_id: Option<ThemeId>,
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
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = answers)]
pub struct BoardAnswer {
    /// Answer id.
    pub id: AnswerId,
    /// The text.
    pub value: String,
    /// How it was made.
    pub entered_by: EnteredBy,
    /// Whose (for distinct-participant counts; never shown).
    pub participant_id: ParticipantId,
    /// A phone, a person a facilitator entered answers for, or a line of flipchart notes.
    #[diesel(select_expression = participants::source)]
    pub source: Source,
    /// Question id.
    #[diesel(select_expression = questions::id)]
    pub question_id: QuestionId,
    /// Question text.
    #[diesel(select_expression = questions::prompt)]
    pub question: String,
    /// Workshop id.
    #[diesel(select_expression = workshops::id)]
    pub workshop_id: WorkshopId,
    /// Workshop title.
    #[diesel(select_expression = workshops::title)]
    pub workshop: String,
}

/// Every free-text answer of the topic's workshops, declined and blank ones left out.
pub fn board_answers(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<BoardAnswer>> {
    on_board()
        .filter(workshops::topic_id.eq(topic_id))
        .order((workshops::starts_at, workshops::title, questions::position, answers::created_at))
        .select(BoardAnswer::as_select())
        .load(conn)
}

/// One answer as the board shows it, with its topic; None when it is not on a board (not
/// free text, declined or empty).
pub fn board_answer(
    conn: &mut DbConnection, answer_id: &AnswerId,
) -> QueryResult<Option<(BoardAnswer, TopicId)>> {
    on_board()
        .filter(answers::id.eq(answer_id))
        .select((BoardAnswer::as_select(), workshops::topic_id))
        .first(conn)
        .optional()
}

/// Answers that belong on a board: free text, given, not declined.
#[diesel::dsl::auto_type]
fn on_board() -> _ {
    let text: [QuestionKind; 2] = [QuestionKind::ShortText, QuestionKind::LongText];
    answers::table
        .inner_join(participants::table)
        .inner_join(questions::table.inner_join(workshops::table))
        .filter(questions::kind.eq_any(text))
        .filter(answers::declined.eq(false))
        .filter(answers::value.ne(""))
}

/// The themes of a topic: top level by position, each followed by its sub-themes.
pub fn list_themes(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<Theme>> {
    let all: Vec<Theme> = themes::table
        .filter(themes::topic_id.eq(topic_id))
        .order((themes::position, themes::created_at))
        .select(Theme::as_select())
        .load(conn)?;
    let mut ordered = Vec::with_capacity(all.len());
    for parent in all.iter().filter(|t| t.parent_id.is_none()) {
        ordered.push(parent.clone());
        ordered.extend(all.iter().filter(|t| t.parent_id.as_ref() == Some(&parent.id)).cloned());
    }
    Ok(ordered)
}

/// A theme by id.
pub fn find_theme(conn: &mut DbConnection, id: &ThemeId) -> QueryResult<Option<Theme>> {
    themes::table.find(id).select(Theme::as_select()).first(conn).optional()
}

/// Every (theme, answer) link of a topic.
pub fn links(conn: &mut DbConnection, topic_id: &TopicId) -> QueryResult<Vec<Link>> {
    // The topic's themes first, then their links by the links' own index. As one join,
    // PostgreSQL with fresh statistics hashes every link in the database (10,000 links:
    // 2.8 ms instead of 0.2 ms), so the board would slow down as other topics grow.
    let themes: Vec<ThemeId> =
        themes::table.filter(themes::topic_id.eq(topic_id)).select(themes::id).load(conn)?;
    if themes.is_empty() {
        return Ok(Vec::new());
    }
    theme_answers::table
        .filter(theme_answers::theme_id.eq_any(&themes))
        .select((theme_answers::theme_id, theme_answers::answer_id))
        .load(conn)
}

/// Answers and distinct participants per theme.
pub fn counts(answers: &[BoardAnswer], links: &[Link]) -> HashMap<ThemeId, ThemeCounts> {
    let by_id: HashMap<&AnswerId, &BoardAnswer> = answers.iter().map(|a| (&a.id, a)).collect();
    let mut sets: HashMap<ThemeId, (ThemeCounts, HashSet<&ParticipantId>)> = HashMap::new();
    for (theme, answer) in links {
        if let Some(a) = by_id.get(answer) {
            let (counts, people) = sets.entry(theme.clone()).or_default();
            if a.source == Source::Flipchart {
                counts.statements += 1;
            } else {
                counts.answers += 1;
                people.insert(&a.participant_id);
            }
        }
    }
    sets.into_iter().map(|(k, (c, p))| (k, ThemeCounts { people: p.len(), ..c })).collect()
}

/// What a theme holds on the board: answers from people, the people behind them, and
/// statements from flipchart notes (never counted as people).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ThemeCounts {
    /// Answers from people.
    pub answers: usize,
    /// Distinct people behind them.
    pub people: usize,
    /// Flipchart statements.
    pub statements: usize,
}

/// Creates a theme at the end of its level. A parent must be a top-level theme of the same
/// topic (one level of sub-themes).
pub fn create_theme(
    conn: &mut DbConnection, topic_id: &TopicId, title: &Title, parent_id: Option<&ThemeId>,
) -> Result<ThemeId, AppError> {
    write_transaction(conn, |conn| {
        if let Some(parent) = parent_id {
            let p =
                find_theme(conn, parent)?.ok_or(AppError::BadRequest("unknown parent theme"))?;
            if &p.topic_id != topic_id || p.parent_id.is_some() {
                return Err(AppError::BadRequest("parent must be a top-level theme of this topic"));
            }
        }
        // One level of sub-themes: the siblings are the topic's themes with the same parent.
        let siblings = list_themes(conn, topic_id)?;
        let position = siblings.iter().filter(|t| t.parent_id.as_ref() == parent_id).count();
        let (id, at) = (ThemeId::generate(), now());
        let place = (themes::parent_id.eq(parent_id), themes::position.eq(position as i32 + 1));
        let theme = (themes::id.eq(&id), themes::topic_id.eq(topic_id), themes::title.eq(title));
        let stamps = (themes::created_at.eq(at), themes::updated_at.eq(at));
        diesel::insert_into(themes::table).values((theme, place, stamps)).execute(conn)?;
        Ok(id)
    })
}

/// Renames a theme if nobody changed it since `version` was read.
pub fn rename_theme(
    conn: &mut DbConnection, id: &ThemeId, title: &Title, summary: &LongText, version: i32,
) -> QueryResult<Result<(), Conflict>> {
    let changes = (themes::title.eq(title.as_str()), themes::summary.eq(summary.as_str()));
    versioned_update!(conn, themes, id, version, changes)
}

// Themes are ordered among those with the same parent (or the topic's top level).
crate::ordered!(Theme: ThemeId in themes, find = find_theme, siblings = |conn, t| {
    let mut all = list_themes(conn, &t.topic_id)?;
    all.retain(|s| s.parent_id == t.parent_id);
    Ok(all)
});

/// Deletes a theme: its answers return to the pile, its sub-themes move up a level, its key
/// points go to the topic.
pub fn delete_theme(conn: &mut DbConnection, id: &ThemeId) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        find_theme(conn, id)?.ok_or(AppError::NotFound)?;
        diesel::update(themes::table.filter(themes::parent_id.eq(id)))
            .set(themes::parent_id.eq(None::<ThemeId>))
            .execute(conn)?;
        diesel::update(key_points::table.filter(key_points::theme_id.eq(id)))
            .set(key_points::theme_id.eq(None::<ThemeId>))
            .execute(conn)?;
        diesel::delete(themes::table.find(id)).execute(conn)?;
        Ok(())
    })
}

/// Links answers to a theme (each link its own row; existing links are kept).
pub fn assign(
    conn: &mut DbConnection, theme_id: &ThemeId, answer_ids: &[AnswerId], user: Option<&UserId>,
) -> QueryResult<usize> {
    let mut added = 0;
    for answer in answer_ids {
        let inserted = insert_unless_duplicate(conn, |conn| {
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

/// Carries out a reassignment of answers on a topic's board. Every answer and theme must
/// belong to this topic: one of another topic is refused (400) and nothing changes. Moving
/// answers to the theme they are in already leaves them there.
pub fn reassign(
    conn: &mut DbConnection, topic: &TopicId, answers: &[AnswerId], change: &Reassignment,
    by: Option<&UserId>,
) -> Result<(), AppError> {
    if !all_on_board(conn, topic, answers)? {
        return Err(AppError::BadRequest("answer of another topic"));
    }
    for theme in change.to().into_iter().chain(change.from()) {
        if find_theme(conn, theme)?.is_none_or(|t| &t.topic_id != topic) {
            return Err(AppError::BadRequest("theme of another topic"));
        }
    }
    if let Some(to) = change.to() {
        assign(conn, to, answers, by)?;
    }
    if let Some(from) = change.from().filter(|from| change.to() != Some(*from)) {
        unassign(conn, from, answers)?;
    }
    Ok(())
}

/// Unlinks answers from a theme.
pub fn unassign(
    conn: &mut DbConnection, theme_id: &ThemeId, answer_ids: &[AnswerId],
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
    conn: &mut DbConnection, from: &ThemeId, into: &ThemeId, user: Option<&UserId>,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let source = find_theme(conn, from)?.ok_or(AppError::NotFound)?;
        let target = find_theme(conn, into)?.ok_or(AppError::NotFound)?;
        if source.topic_id != target.topic_id
            || source.id == target.id
            || target.parent_id.as_ref() == Some(from)
        {
            return Err(AppError::BadRequest("cannot merge these themes"));
        }
        let moved: Vec<AnswerId> = theme_answers::table
            .filter(theme_answers::theme_id.eq(from))
            .select(theme_answers::answer_id)
            .load(conn)?;
        assign(conn, into, &moved, user)?;
        let new_parent = if target.parent_id.is_none() { Some(into.clone()) } else { None };
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

/// Whether every one of `answers` is a free-text answer on this topic's board (one counting
/// query, however large the topic).
pub fn all_on_board(
    conn: &mut DbConnection, topic_id: &TopicId, answer_ids: &[AnswerId],
) -> QueryResult<bool> {
    let wanted: HashSet<&AnswerId> = answer_ids.iter().collect();
    let found: i64 = on_board()
        .filter(workshops::topic_id.eq(topic_id))
        .filter(answers::id.eq_any(answer_ids))
        .count()
        .get_result(conn)?;
    Ok(found as usize == wanted.len())
}
