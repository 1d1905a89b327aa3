//! What the ids in the trail point at, by name: one query per kind of thing for a whole page
//! of events (never one per row). A thing that is gone is simply not found; the sentence then
//! says it was deleted.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::db::schema::{
    answers, key_points, participants, questions, quotes, round_items, rounds, themes, topics,
    tracks, undo_steps, users, workshops,
};
use crate::db::DbConnection;

/// Which table an id of the trail points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Thing {
    /// A staff account.
    User,
    /// A participation track.
    Track,
    /// A topic (tema).
    Topic,
    /// A workshop.
    Workshop,
    /// A question (named by its prompt, placed in its workshop).
    Question,
    /// A theme (emne) on a board.
    Theme,
    /// A key point (placed in its topic).
    KeyPoint,
    /// A quote (placed in its workshop; its text is never read).
    Quote,
    /// An answer (placed in its workshop; its text is never read).
    Answer,
    /// A participant (named by their number, placed in their workshop).
    Participant,
    /// A member check or dot vote (placed in its workshop).
    Round,
    /// An item of a round (placed in the round's workshop).
    RoundItem,
    /// A board's undo step (placed in its topic).
    UndoStep,
}

/// A thing found: its name (empty for things that have none, such as answers) and where it
/// is (the workshop of an answer, the topic of a key point; empty when it needs no place).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    /// Its name or title.
    pub name: String,
    /// The title of what it belongs to.
    pub place: String,
}

/// The things found for a page of events.
#[derive(Debug, Default)]
pub struct Names {
    found: HashMap<(Thing, String), Named>,
}

impl Names {
    /// The thing `id` of kind `thing`, if it still exists.
    pub fn get(&self, thing: Thing, id: &str) -> Option<&Named> {
        self.found.get(&(thing, id.to_owned()))
    }
}

#[cfg(test)]
impl Names {
    /// Says `id` of kind `thing` was found as `named` (for tests of the sentences).
    pub fn insert(&mut self, thing: Thing, id: &str, named: Named) {
        self.found.insert((thing, id.to_owned()), named);
    }
}

/// How many ids go in one `IN (…)`: far below the limits of both databases.
const CHUNK: usize = 500;

/// Finds every wanted thing: one query per kind (and per 500 ids).
pub fn look_up(conn: &mut DbConnection, wanted: &[(Thing, String)]) -> QueryResult<Names> {
    let mut by_kind: HashMap<Thing, Vec<String>> = HashMap::new();
    let mut seen = HashSet::new();
    for (thing, id) in wanted {
        if !id.is_empty() && seen.insert((*thing, id.as_str())) {
            by_kind.entry(*thing).or_default().push(id.clone());
        }
    }
    let mut names = Names::default();
    for (thing, ids) in by_kind {
        for chunk in ids.chunks(CHUNK) {
            for (id, name, place) in rows(conn, thing, chunk)? {
                names.found.insert((thing, id), Named { name, place });
            }
        }
    }
    Ok(names)
}

/// `(id, name, place)` of the things of one kind.
fn rows(
    conn: &mut DbConnection, thing: Thing, ids: &[String],
) -> QueryResult<Vec<(String, String, String)>> {
    let named = |rows: Vec<(String, String)>| -> Vec<(String, String, String)> {
        rows.into_iter().map(|(id, name)| (id, name, String::new())).collect()
    };
    let placed = |rows: Vec<(String, String)>| -> Vec<(String, String, String)> {
        rows.into_iter().map(|(id, place)| (id, String::new(), place)).collect()
    };
    Ok(match thing {
        Thing::User => named(
            users::table
                .filter(users::id.eq_any(ids))
                .select((users::id, users::name))
                .load(conn)?,
        ),
        Thing::Track => named(
            tracks::table
                .filter(tracks::id.eq_any(ids))
                .select((tracks::id, tracks::title))
                .load(conn)?,
        ),
        Thing::Topic => named(
            topics::table
                .filter(topics::id.eq_any(ids))
                .select((topics::id, topics::title))
                .load(conn)?,
        ),
        Thing::Workshop => named(
            workshops::table
                .filter(workshops::id.eq_any(ids))
                .select((workshops::id, workshops::title))
                .load(conn)?,
        ),
        Thing::Theme => named(
            themes::table
                .filter(themes::id.eq_any(ids))
                .select((themes::id, themes::title))
                .load(conn)?,
        ),
        Thing::Question => questions::table
            .inner_join(workshops::table)
            .filter(questions::id.eq_any(ids))
            .select((questions::id, questions::prompt, workshops::title))
            .load(conn)?,
        Thing::KeyPoint => placed(
            key_points::table
                .inner_join(topics::table.on(topics::id.eq(key_points::topic_id)))
                .filter(key_points::id.eq_any(ids))
                .select((key_points::id, topics::title))
                .load(conn)?,
        ),
        Thing::Quote => placed(
            quotes::table
                .inner_join(workshops::table)
                .filter(quotes::id.eq_any(ids))
                .select((quotes::id, workshops::title))
                .load(conn)?,
        ),
        Thing::Answer => placed(
            answers::table
                .inner_join(participants::table.inner_join(workshops::table))
                .filter(answers::id.eq_any(ids))
                .select((answers::id, workshops::title))
                .load(conn)?,
        ),
        Thing::Participant => participants::table
            .inner_join(workshops::table)
            .filter(participants::id.eq_any(ids))
            .select((participants::id, participants::person_number, workshops::title))
            .load::<(String, Option<i32>, String)>(conn)?
            .into_iter()
            .map(|(id, number, place)| {
                (id, number.map(|n| n.to_string()).unwrap_or_default(), place)
            })
            .collect(),
        Thing::Round => placed(
            rounds::table
                .inner_join(workshops::table)
                .filter(rounds::id.eq_any(ids))
                .select((rounds::id, workshops::title))
                .load(conn)?,
        ),
        Thing::RoundItem => placed(
            round_items::table
                .inner_join(rounds::table.inner_join(workshops::table))
                .filter(round_items::id.eq_any(ids))
                .select((round_items::id, workshops::title))
                .load(conn)?,
        ),
        Thing::UndoStep => placed(
            undo_steps::table
                .inner_join(topics::table.on(topics::id.eq(undo_steps::topic_id)))
                .filter(undo_steps::id.eq_any(ids))
                .select((undo_steps::id, topics::title))
                .load(conn)?,
        ),
    })
}
