//! Walls and their moderation decisions (`walls.rs`), rounds put to the room and what it said.
//! Every change here also records a live event for its workshop ([`record_change`]), in the
//! same transaction, so open walls redraw.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::domain::{ItemTally, RoundKind, Verdict};
use crate::db::events::record_change;
use crate::db::schema::{round_answers, round_hands, round_items, round_kept, rounds, workshops};
use crate::db::{
    now, update_or_insert, DbConnection, KeyPointId, ParticipantId, RoundId, RoundItemId, ThemeId,
    TopicId, UserId, WorkshopId,
};

mod walls;

pub use walls::{change_wall, decide, decisions, new_link, wall_by_token, wall_of, Wall};

/// A round put to a workshop's room.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = rounds)]
pub struct Round {
    /// Id.
    pub id: RoundId,
    /// Its workshop.
    pub workshop_id: WorkshopId,
    /// Member check or dot voting.
    pub kind: RoundKind,
    /// Dots per person (voting).
    pub dots: i32,
    /// Opened.
    pub opened_at: NaiveDateTime,
    /// Closed; `None` while the room can answer.
    pub closed_at: Option<NaiveDateTime>,
}

/// One thing a round puts to the room.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = round_items)]
pub struct RoundItem {
    /// Id.
    pub id: RoundItemId,
    /// Its round.
    pub round_id: RoundId,
    /// Order.
    pub position: i32,
    /// The theme it is, if a theme.
    pub theme_id: Option<ThemeId>,
    /// The key point it is, if a key point.
    pub key_point_id: Option<KeyPointId>,
    /// Its words as the room saw them.
    pub text: String,
}

/// What a new round puts to the room: a theme or a key point, and its words.
pub struct NewItem {
    /// The theme.
    pub theme_id: Option<ThemeId>,
    /// Or the key point.
    pub key_point_id: Option<KeyPointId>,
    /// Its words.
    pub text: String,
}

/// Opens a round (closing the one open before, if any).
pub fn open_round(
    conn: &mut DbConnection, workshop: &WorkshopId, kind: RoundKind, dots: i32, items: &[NewItem],
) -> QueryResult<RoundId> {
    let at = now();
    close_round(conn, workshop)?;
    let id = RoundId::generate();
    diesel::insert_into(rounds::table)
        .values((
            rounds::id.eq(&id),
            rounds::workshop_id.eq(workshop),
            rounds::kind.eq(kind),
            rounds::dots.eq(dots),
            rounds::opened_at.eq(at),
        ))
        .execute(conn)?;
    for (i, item) in items.iter().enumerate() {
        diesel::insert_into(round_items::table)
            .values((
                round_items::id.eq(RoundItemId::generate()),
                round_items::round_id.eq(&id),
                round_items::position.eq(i32::try_from(i).unwrap_or(i32::MAX)),
                round_items::theme_id.eq(&item.theme_id),
                round_items::key_point_id.eq(&item.key_point_id),
                round_items::text.eq(&item.text),
            ))
            .execute(conn)?;
    }
    record_change(conn, workshop)?;
    Ok(id)
}

/// Closes the workshop's open round, if any. Returns whether one was open.
pub fn close_round(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<bool> {
    let closed = diesel::update(
        rounds::table.filter(rounds::workshop_id.eq(workshop)).filter(rounds::closed_at.is_null()),
    )
    .set(rounds::closed_at.eq(Some(now())))
    .execute(conn)?;
    if closed > 0 {
        record_change(conn, workshop)?;
    }
    Ok(closed > 0)
}

/// The workshop's newest round (open or closed) with its items, in order.
pub fn latest_round(
    conn: &mut DbConnection, workshop: &WorkshopId,
) -> QueryResult<Option<(Round, Vec<RoundItem>)>> {
    let round: Option<Round> = rounds::table
        .filter(rounds::workshop_id.eq(workshop))
        .order((rounds::opened_at.desc(), rounds::id.desc()))
        .select(Round::as_select())
        .first(conn)
        .optional()?;
    let Some(round) = round else { return Ok(None) };
    let items = items_of(conn, &round.id)?;
    Ok(Some((round, items)))
}

fn items_of(conn: &mut DbConnection, round: &RoundId) -> QueryResult<Vec<RoundItem>> {
    round_items::table
        .filter(round_items::round_id.eq(round))
        .order(round_items::position)
        .select(RoundItem::as_select())
        .load(conn)
}

/// A person's verdict and comment on one item.
pub struct Said {
    /// The item.
    pub item: RoundItemId,
    /// Their verdict, if they gave one.
    pub verdict: Option<Verdict>,
    /// What they added (may be empty).
    pub comment: String,
}

/// Stores one person's member-check answers, replacing what they said before in this round:
/// once per person however often they send.
pub fn save_verdicts(
    conn: &mut DbConnection, round: &Round, participant: &ParticipantId, said: &[Said],
) -> QueryResult<()> {
    once_per_person(conn, |conn| replace_verdicts(conn, round, participant, said))
}

/// Runs `f` in a savepoint; when two sends of one person race on PostgreSQL, the loser meets
/// the winner's rows as a unique violation: it runs again and replaces them.
fn once_per_person(
    conn: &mut DbConnection, f: impl Fn(&mut DbConnection) -> QueryResult<()>,
) -> QueryResult<()> {
    use diesel::result::{DatabaseErrorKind, Error};
    match crate::db::write_transaction(conn, &f) {
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            crate::db::write_transaction(conn, &f)
        }
        other => other,
    }
}

fn replace_verdicts(
    conn: &mut DbConnection, round: &Round, participant: &ParticipantId, said: &[Said],
) -> QueryResult<()> {
    forget_answers(conn, &round.id, participant)?;
    let at = now();
    for s in said.iter().filter(|s| s.verdict.is_some() || !s.comment.is_empty()) {
        diesel::insert_into(round_answers::table)
            .values((
                round_answers::item_id.eq(&s.item),
                round_answers::participant_id.eq(participant),
                round_answers::verdict.eq(s.verdict),
                round_answers::comment.eq(&s.comment),
                round_answers::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    record_change(conn, &round.workshop_id)
}

/// Stores one person's dots, replacing their earlier dots in this round.
pub fn save_dots(
    conn: &mut DbConnection, round: &Round, participant: &ParticipantId,
    dots: &[(RoundItemId, i32)],
) -> QueryResult<()> {
    once_per_person(conn, |conn| replace_dots(conn, round, participant, dots))
}

fn replace_dots(
    conn: &mut DbConnection, round: &Round, participant: &ParticipantId,
    dots: &[(RoundItemId, i32)],
) -> QueryResult<()> {
    forget_answers(conn, &round.id, participant)?;
    let at = now();
    for (item, n) in dots.iter().filter(|(_, n)| *n > 0) {
        diesel::insert_into(round_answers::table)
            .values((
                round_answers::item_id.eq(item),
                round_answers::participant_id.eq(participant),
                round_answers::dots.eq(n),
                round_answers::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    record_change(conn, &round.workshop_id)
}

fn forget_answers(
    conn: &mut DbConnection, round: &RoundId, participant: &ParticipantId,
) -> QueryResult<usize> {
    let items = round_items::table.filter(round_items::round_id.eq(round)).select(round_items::id);
    diesel::delete(
        round_answers::table
            .filter(round_answers::participant_id.eq(participant))
            .filter(round_answers::item_id.eq_any(items)),
    )
    .execute(conn)
}

/// What one person said in a round, by item: verdict, comment and dots.
pub type PersonsAnswers = HashMap<RoundItemId, (Option<Verdict>, String, i32)>;

/// What one person said in a round ([`PersonsAnswers`]).
pub fn answers_of(
    conn: &mut DbConnection, round: &RoundId, participant: &ParticipantId,
) -> QueryResult<PersonsAnswers> {
    let rows: Vec<(RoundItemId, Option<Verdict>, String, i32)> = round_answers::table
        .inner_join(round_items::table)
        .filter(round_items::round_id.eq(round))
        .filter(round_answers::participant_id.eq(participant))
        .select((
            round_answers::item_id,
            round_answers::verdict,
            round_answers::comment,
            round_answers::dots,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(item, v, c, d)| (item, (v, c, d))).collect())
}

/// Records the room's show of hands on one item of `workshop`'s rounds (replacing an earlier
/// count). Returns false when the item is not the workshop's.
pub fn record_hands(
    conn: &mut DbConnection, workshop: &WorkshopId, item: &RoundItemId, hands: [i32; 3],
    by: &UserId,
) -> QueryResult<bool> {
    let ours: i64 = round_items::table
        .inner_join(rounds::table)
        .filter(round_items::id.eq(item))
        .filter(rounds::workshop_id.eq(workshop))
        .count()
        .get_result(conn)?;
    if ours == 0 {
        return Ok(false);
    }
    let [yes, partly, no] = hands;
    let at = now();
    let values = || {
        (
            round_hands::yes.eq(yes),
            round_hands::partly.eq(partly),
            round_hands::no.eq(no),
            round_hands::recorded_by.eq(Some(by)),
            round_hands::updated_at.eq(at),
        )
    };
    update_or_insert(
        conn,
        |conn| diesel::update(round_hands::table.find(item)).set(values()).execute(conn),
        |conn| {
            diesel::insert_into(round_hands::table)
                .values((round_hands::item_id.eq(item), values()))
                .execute(conn)
        },
    )?;
    record_change(conn, workshop)?;
    Ok(true)
}

/// How each item of a round fared: phones' verdicts plus the show of hands, and dots.
pub fn tallies(
    conn: &mut DbConnection, round: &RoundId,
) -> QueryResult<HashMap<RoundItemId, ItemTally>> {
    let rows: Vec<(RoundItemId, Option<Verdict>, i32)> = round_answers::table
        .inner_join(round_items::table)
        .filter(round_items::round_id.eq(round))
        .select((round_answers::item_id, round_answers::verdict, round_answers::dots))
        .load(conn)?;
    let mut out: HashMap<RoundItemId, ItemTally> = HashMap::new();
    for (item, verdict, dots) in rows {
        let t = out.entry(item).or_default();
        match verdict {
            Some(Verdict::Yes) => t.yes += 1,
            Some(Verdict::Partly) => t.partly += 1,
            Some(Verdict::No) => t.no += 1,
            None => {}
        }
        if dots > 0 {
            t.dots += i64::from(dots);
            t.voters += 1;
        }
    }
    let hands: Vec<(RoundItemId, i32, i32, i32)> = round_hands::table
        .inner_join(round_items::table)
        .filter(round_items::round_id.eq(round))
        .select((round_hands::item_id, round_hands::yes, round_hands::partly, round_hands::no))
        .load(conn)?;
    for (item, yes, partly, no) in hands {
        let t = out.entry(item).or_default();
        t.yes += i64::from(yes);
        t.partly += i64::from(partly);
        t.no += i64::from(no);
    }
    for (item, kept) in kept_counts(conn, round)? {
        let t = out.entry(item).or_default();
        t.yes += kept.yes;
        t.partly += kept.partly;
        t.no += kept.no;
        t.dots += kept.dots;
        t.voters += kept.voters;
    }
    Ok(out)
}

type KeptRow = (RoundItemId, i32, i32, i32, i32, i32);

/// The counts kept for a round's items after retention deleted the people behind them.
fn kept_counts(
    conn: &mut DbConnection, round: &RoundId,
) -> QueryResult<Vec<(RoundItemId, ItemTally)>> {
    let rows: Vec<KeptRow> = round_kept::table
        .inner_join(round_items::table)
        .filter(round_items::round_id.eq(round))
        .select((
            round_kept::item_id,
            round_kept::yes,
            round_kept::partly,
            round_kept::no,
            round_kept::dots,
            round_kept::voters,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(item, yes, partly, no, dots, voters)| {
            let t = ItemTally {
                yes: yes.into(),
                partly: partly.into(),
                no: no.into(),
                dots: dots.into(),
                voters: voters.into(),
            };
            (item, t)
        })
        .collect())
}

/// Before retention deletes a workshop's participants: adds what their phones said in the
/// workshop's rounds to the kept counts, so the result stays (the comments, which may identify
/// someone, go with the people).
pub fn keep_round_counts(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<()> {
    let rows: Vec<(RoundItemId, Option<Verdict>, i32)> = round_answers::table
        .inner_join(round_items::table.inner_join(rounds::table))
        .filter(rounds::workshop_id.eq(workshop))
        .select((round_answers::item_id, round_answers::verdict, round_answers::dots))
        .load(conn)?;
    let mut sums: HashMap<RoundItemId, [i32; 5]> = HashMap::new();
    for (item, verdict, dots) in rows {
        let s = sums.entry(item).or_default();
        match verdict {
            Some(Verdict::Yes) => s[0] += 1,
            Some(Verdict::Partly) => s[1] += 1,
            Some(Verdict::No) => s[2] += 1,
            None => {}
        }
        if dots > 0 {
            s[3] += dots;
            s[4] += 1;
        }
    }
    for (item, [yes, partly, no, dots, voters]) in sums {
        let updated = diesel::update(round_kept::table.find(&item))
            .set((
                round_kept::yes.eq(round_kept::yes + yes),
                round_kept::partly.eq(round_kept::partly + partly),
                round_kept::no.eq(round_kept::no + no),
                round_kept::dots.eq(round_kept::dots + dots),
                round_kept::voters.eq(round_kept::voters + voters),
            ))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(round_kept::table)
                .values((
                    round_kept::item_id.eq(&item),
                    round_kept::yes.eq(yes),
                    round_kept::partly.eq(partly),
                    round_kept::no.eq(no),
                    round_kept::dots.eq(dots),
                    round_kept::voters.eq(voters),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// The show of hands recorded for each item of a round.
pub fn hands_of(
    conn: &mut DbConnection, round: &RoundId,
) -> QueryResult<HashMap<RoundItemId, [i32; 3]>> {
    let rows: Vec<(RoundItemId, i32, i32, i32)> = round_hands::table
        .inner_join(round_items::table)
        .filter(round_items::round_id.eq(round))
        .select((round_hands::item_id, round_hands::yes, round_hands::partly, round_hands::no))
        .load(conn)?;
    Ok(rows.into_iter().map(|(i, y, p, n)| (i, [y, p, n])).collect())
}

/// What the room said of a topic's themes and key points: the newest member check of each, and
/// the newest dot vote of each (phones, kept counts and the show of hands together).
#[derive(Debug, Default, Clone)]
pub struct RoomSaid {
    /// Member checks by theme.
    pub checked_themes: HashMap<ThemeId, ItemTally>,
    /// Member checks by key point.
    pub checked_points: HashMap<KeyPointId, ItemTally>,
    /// Dot votes by theme.
    pub voted_themes: HashMap<ThemeId, ItemTally>,
    /// Dot votes by key point.
    pub voted_points: HashMap<KeyPointId, ItemTally>,
}

/// [`RoomSaid`] of a topic's workshops (for the report: "Bekræftet af deltagerne: 11 af 13 ja,
/// 2 delvist").
pub fn room_said(conn: &mut DbConnection, topic: &TopicId) -> QueryResult<RoomSaid> {
    let all: Vec<(RoundId, RoundKind)> = rounds::table
        .inner_join(workshops::table)
        .filter(workshops::topic_id.eq(topic))
        .order((rounds::opened_at, rounds::id))
        .select((rounds::id, rounds::kind))
        .load(conn)?;
    let mut said = RoomSaid::default();
    // Oldest first, so a later round about the same theme or key point replaces an earlier one.
    for (round, kind) in all {
        let tally = tallies(conn, &round)?;
        for item in items_of(conn, &round)? {
            let t = tally.get(&item.id).copied().unwrap_or_default();
            let (themes, points) = match kind {
                RoundKind::Check if t.answered() > 0 => {
                    (&mut said.checked_themes, &mut said.checked_points)
                }
                RoundKind::Vote if t.voters > 0 => (&mut said.voted_themes, &mut said.voted_points),
                _ => continue,
            };
            if let Some(theme) = item.theme_id {
                themes.insert(theme, t);
            }
            if let Some(point) = item.key_point_id {
                points.insert(point, t);
            }
        }
    }
    Ok(said)
}
