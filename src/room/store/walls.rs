//! Walls and their moderation decisions.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::events::record_change;
use crate::db::schema::{answers, participants, wall_answers, walls};
use crate::db::{now, update_or_insert, AnswerId, DbConnection, QuestionId, UserId, WorkshopId};
use crate::room::domain::{Decision, WallToken};

/// A workshop's wall and its settings.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = walls)]
pub struct Wall {
    /// Its workshop.
    pub workshop_id: WorkshopId,
    /// The wall link's secret; `None` when there is no link (never made, or revoked).
    pub token: Option<String>,
    /// The join QR code and typed code are on the wall.
    pub show_join: bool,
    /// Free text as a word view instead of cards.
    pub word_view: bool,
    /// Every free-text answer goes on the wall unless flagged or taken down.
    pub let_all_through: bool,
    /// The one question the wall shows; `None` shows them all.
    pub question_id: Option<QuestionId>,
    /// When the timer runs out, while it runs.
    pub timer_ends_at: Option<NaiveDateTime>,
}

impl Wall {
    /// The wall of a workshop that has none yet: join code shown, cards, nothing let through.
    pub fn new(workshop_id: WorkshopId) -> Wall {
        Wall {
            workshop_id,
            token: None,
            show_join: true,
            word_view: false,
            let_all_through: false,
            question_id: None,
            timer_ends_at: None,
        }
    }
}

/// The wall of a workshop, or its defaults when nobody has set it up.
pub fn wall_of(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<Wall> {
    let found = walls::table.find(workshop).select(Wall::as_select()).first(conn).optional()?;
    Ok(found.unwrap_or_else(|| Wall::new(workshop.clone())))
}

/// The wall a link leads to; `None` for an unknown or revoked link.
pub fn wall_by_token(conn: &mut DbConnection, token: &WallToken) -> QueryResult<Option<Wall>> {
    walls::table
        .filter(walls::token.eq(token.as_str()))
        .select(Wall::as_select())
        .first(conn)
        .optional()
}

/// Stores `wall` (insert or update) and wakes its workshop's live pages.
fn save(conn: &mut DbConnection, wall: &Wall) -> QueryResult<()> {
    let at = now();
    let values = || {
        (
            walls::token.eq(&wall.token),
            walls::show_join.eq(wall.show_join),
            walls::word_view.eq(wall.word_view),
            walls::let_all_through.eq(wall.let_all_through),
            walls::question_id.eq(&wall.question_id),
            walls::timer_ends_at.eq(wall.timer_ends_at),
            walls::updated_at.eq(at),
        )
    };
    update_or_insert(
        conn,
        |conn| diesel::update(walls::table.find(&wall.workshop_id)).set(values()).execute(conn),
        |conn| {
            diesel::insert_into(walls::table)
                .values((walls::workshop_id.eq(&wall.workshop_id), values()))
                .execute(conn)
        },
    )?;
    record_change(conn, &wall.workshop_id)
}

/// Changes a workshop's wall with `f` and stores it; returns it as stored.
pub fn change_wall(
    conn: &mut DbConnection, workshop: &WorkshopId, f: impl FnOnce(&mut Wall),
) -> QueryResult<Wall> {
    let mut wall = wall_of(conn, workshop)?;
    f(&mut wall);
    save(conn, &wall)?;
    Ok(wall)
}

/// Makes a new wall link; the old one, if any, stops working at once.
pub fn new_link(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<WallToken> {
    let token = WallToken::generate();
    change_wall(conn, workshop, |w| w.token = Some(token.as_str().to_owned()))?;
    Ok(token)
}

/// Lets a free-text answer of `workshop` through to the wall (as it is now) or takes it down.
/// Returns false when the answer is not one of the workshop's.
pub fn decide(
    conn: &mut DbConnection, workshop: &WorkshopId, answer: &AnswerId, show: bool, by: &UserId,
) -> QueryResult<bool> {
    let version: Option<NaiveDateTime> = answers::table
        .inner_join(participants::table)
        .filter(answers::id.eq(answer))
        .filter(participants::workshop_id.eq(workshop))
        .select(answers::updated_at)
        .first(conn)
        .optional()?;
    let Some(version) = version else {
        return Ok(false);
    };
    let at = now();
    let values = || {
        (
            wall_answers::shown.eq(show),
            wall_answers::answer_updated_at.eq(version),
            wall_answers::decided_by.eq(Some(by)),
            wall_answers::decided_at.eq(at),
        )
    };
    // Two facilitators' first decisions at once: the later one wins, never a 500.
    update_or_insert(
        conn,
        |conn| diesel::update(wall_answers::table.find(answer)).set(values()).execute(conn),
        |conn| {
            diesel::insert_into(wall_answers::table)
                .values((wall_answers::answer_id.eq(answer), values()))
                .execute(conn)
        },
    )?;
    record_change(conn, workshop)?;
    Ok(true)
}

/// Every decision about the answers of a workshop.
pub fn decisions(
    conn: &mut DbConnection, workshop: &WorkshopId,
) -> QueryResult<HashMap<AnswerId, Decision>> {
    let rows: Vec<(AnswerId, bool, NaiveDateTime)> = wall_answers::table
        .inner_join(answers::table.inner_join(participants::table))
        .filter(participants::workshop_id.eq(workshop))
        .select((wall_answers::answer_id, wall_answers::shown, wall_answers::answer_updated_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, shown, version)| {
            (id, if shown { Decision::Shown { version } } else { Decision::TakenDown })
        })
        .collect())
}
