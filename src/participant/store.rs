//! Participants and their answers. Saving is idempotent: every accepted post leaves its
//! submission key in `answer_submissions`, so a replay changes nothing and gets the same result.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::domain::{AnswerText, AnswerValue, EnteredBy, Person, Source, SubmissionKey};
use crate::crypto::token_hash;
use crate::db::schema::{answer_submissions, answers, participants, questions, quotes};
use crate::db::{
    now, write_transaction, AnswerId, DbConnection, ParticipantId, QuestionId, UserId, WorkshopId,
};

/// An anonymous respondent in one workshop.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = participants)]
pub struct Participant {
    /// Id.
    pub id: ParticipantId,
    /// Workshop.
    pub workshop_id: WorkshopId,
    /// SHA-256 of the cookie token.
    pub token_hash: String,
    /// Where they come from.
    pub source: Source,
    /// Interface language chosen.
    pub language: String,
    /// When they said yes to take part.
    pub consent_at: Option<NaiveDateTime>,
    /// When they last finished (check page → send).
    pub finished_at: Option<NaiveDateTime>,
    /// Hash of the withdrawal code.
    pub withdrawal_code_hash: Option<String>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// "Deltager 4": the number of a person a facilitator entered answers for.
    pub person_number: Option<i32>,
}

/// One stored answer.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = answers)]
pub struct Answer {
    /// Id.
    pub id: AnswerId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// To what.
    pub question_id: QuestionId,
    /// Text, option JSON, scale number or yes/no (see `AnswerValue::to_storage`).
    pub value: String,
    /// "Vil ikke svare".
    pub declined: bool,
    /// How it was made.
    pub entered_by: EnteredBy,
    /// The facilitator who entered it.
    pub entered_by_user_id: Option<UserId>,
    /// Key of the latest write.
    pub submission_key: String,
    /// First saved.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// The participant holding `token` in this workshop, creating it on first use. The token is
/// made by the server for the start form, so a double tap on "Ja" finds the same participant.
pub fn join(
    conn: &mut DbConnection, workshop_id: &WorkshopId, token: &str, source: Source,
) -> QueryResult<Participant> {
    let hash = token_hash(token);
    crate::db::insert_unless_duplicate(conn, |conn| {
        diesel::insert_into(participants::table)
            .values((
                participants::id.eq(ParticipantId::generate()),
                participants::workshop_id.eq(workshop_id),
                participants::token_hash.eq(&hash),
                participants::source.eq(source),
                participants::consent_at.eq(Some(now())),
                participants::created_at.eq(now()),
            ))
            .execute(conn)
    })?;
    let found = participants::table
        .filter(participants::token_hash.eq(&hash))
        .select(Participant::as_select())
        .first(conn)?;
    if &found.workshop_id != workshop_id {
        // A token of another workshop: never let it touch this one.
        return Err(DieselError::NotFound);
    }
    Ok(found)
}

/// The numbers of the people facilitators entered answers for, in `workshops` (the workshop,
/// or every workshop of a topic whose workshops have the same people), each with whether they
/// have answers in `this` workshop.
pub fn persons(
    conn: &mut DbConnection, this: &WorkshopId, workshops: &[WorkshopId],
) -> QueryResult<Vec<(i32, bool)>> {
    let rows: Vec<(WorkshopId, Option<i32>)> = participants::table
        .filter(participants::workshop_id.eq_any(workshops))
        .filter(participants::person_number.is_not_null())
        .select((participants::workshop_id, participants::person_number))
        .load(conn)?;
    let mut out: Vec<(i32, bool)> = Vec::new();
    for (workshop, number) in rows {
        let Some(n) = number else { continue };
        match out.iter_mut().find(|(m, _)| *m == n) {
            Some(entry) => entry.1 |= &workshop == this,
            None => out.push((n, &workshop == this)),
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// The participant a facilitator enters answers for: "Deltager n" of this workshop (made when
/// they first answer here), or a new person with the next number free in `workshops`. The
/// form's `token` makes a resend find the same person.
pub fn person(
    conn: &mut DbConnection, workshop: &WorkshopId, workshops: &[WorkshopId], who: Person,
    token: &str,
) -> QueryResult<Participant> {
    let hash = token_hash(token);
    let by_token = participants::table
        .filter(participants::token_hash.eq(&hash))
        .filter(participants::workshop_id.eq(workshop))
        .select(Participant::as_select());
    if let Some(found) = by_token.first(conn).optional()? {
        return Ok(found);
    }
    if let Person::Numbered(n) = who {
        let existing = participants::table
            .filter(participants::workshop_id.eq(workshop))
            .filter(participants::person_number.eq(n))
            .select(Participant::as_select())
            .first(conn)
            .optional()?;
        if let Some(found) = existing {
            return Ok(found);
        }
    }
    // A number is unique per workshop: two facilitators adding a new person at once get
    // different numbers (the loser of a race tries the next one).
    for _ in 0..5 {
        let number = match who {
            Person::Numbered(n) => n,
            Person::New => persons(conn, workshop, workshops)?.last().map_or(1, |(n, _)| n + 1),
        };
        let inserted = crate::db::insert_unless_duplicate(conn, |conn| {
            diesel::insert_into(participants::table)
                .values((
                    participants::id.eq(ParticipantId::generate()),
                    participants::workshop_id.eq(workshop),
                    participants::token_hash.eq(&hash),
                    participants::source.eq(Source::Assisted),
                    participants::person_number.eq(Some(number)),
                    participants::consent_at.eq(Some(now())),
                    participants::created_at.eq(now()),
                ))
                .execute(conn)
        })?;
        if inserted {
            break;
        }
    }
    participants::table
        .filter(participants::token_hash.eq(&hash))
        .filter(participants::workshop_id.eq(workshop))
        .select(Participant::as_select())
        .first(conn)
}

/// The answers of "Deltager n" in this workshop.
pub fn answers_of_person(
    conn: &mut DbConnection, workshop: &WorkshopId, number: i32,
) -> QueryResult<Vec<Answer>> {
    answers::table
        .inner_join(participants::table)
        .filter(participants::workshop_id.eq(workshop))
        .filter(participants::person_number.eq(number))
        .select(Answer::as_select())
        .load(conn)
}

/// The participant of this workshop holding `token`.
pub fn find(
    conn: &mut DbConnection, workshop_id: &WorkshopId, token: &str,
) -> QueryResult<Option<Participant>> {
    let hash = token_hash(token);
    crate::on_backend!(conn, |c| participants::table
        .filter(participants::token_hash.eq(&hash))
        .filter(participants::workshop_id.eq(workshop_id))
        .select(Participant::as_select())
        .first(c)
        .optional())
}

/// Every answer of a participant.
pub fn answers_of(
    conn: &mut DbConnection, participant_id: &ParticipantId,
) -> QueryResult<Vec<Answer>> {
    crate::on_backend!(conn, |c| answers::table
        .filter(answers::participant_id.eq(participant_id))
        .select(Answer::as_select())
        .load(c))
}

/// One answer to save.
pub struct NewAnswer<'a> {
    /// Whose.
    pub participant_id: &'a ParticipantId,
    /// To what (already checked to belong to the participant's workshop).
    pub question_id: &'a QuestionId,
    /// The checked value.
    pub value: &'a AnswerValue,
    /// How it was made.
    pub entered_by: EnteredBy,
    /// The facilitator who typed it.
    pub user_id: Option<&'a UserId>,
    /// The key of the form it came from.
    pub submission_key: &'a str,
}

impl<'a> NewAnswer<'a> {
    /// An answer a participant gave on their own phone.
    pub fn from_participant(
        participant_id: &'a ParticipantId, question_id: &'a QuestionId, value: &'a AnswerValue,
        submission_key: &'a str,
    ) -> Self {
        let entered_by = EnteredBy::Participant;
        Self { participant_id, question_id, value, entered_by, user_id: None, submission_key }
    }
}

/// What happened to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Stored now.
    New,
    /// Seen before: nothing changed.
    Replay,
}

/// Why a save was refused.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The key belongs to another participant's or another question's answer.
    #[error("submission key reused")]
    KeyReused,
    /// Query failed.
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// What saving an answer writes, whether it is new or changes.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = answers, treat_none_as_null = true)]
struct Written<'a> {
    value: &'a str,
    declined: bool,
    entered_by: EnteredBy,
    entered_by_user_id: Option<&'a UserId>,
    submission_key: &'a str,
    updated_at: NaiveDateTime,
}

/// Saves (inserts or changes) an answer, once per submission key.
pub fn save_answer(conn: &mut DbConnection, new: &NewAnswer<'_>) -> Result<Saved, SaveError> {
    // Concurrent identical posts on PostgreSQL can both pass the replay check; the loser hits a
    // unique constraint, and on the retry it sees the winner's key and reports a replay.
    match try_save(conn, new) {
        Err(SaveError::Db(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _))) => {
            try_save(conn, new)
        }
        other => other,
    }
}

fn try_save(conn: &mut DbConnection, new: &NewAnswer<'_>) -> Result<Saved, SaveError> {
    write_transaction(conn, |conn| {
        let seen: Option<(ParticipantId, QuestionId)> = crate::on_backend!(conn, |c| {
            answer_submissions::table
                .inner_join(answers::table)
                .filter(answer_submissions::submission_key.eq(new.submission_key))
                .select((answers::participant_id, answers::question_id))
                .first(c)
                .optional()
        })?;
        if let Some((participant, question)) = seen {
            return if &participant == new.participant_id && &question == new.question_id {
                Ok(Saved::Replay)
            } else {
                Err(SaveError::KeyReused)
            };
        }
        let at = now();
        let (value, declined) = new.value.to_storage();
        let written = Written {
            value: &value,
            declined,
            entered_by: new.entered_by,
            entered_by_user_id: new.user_id,
            submission_key: new.submission_key,
            updated_at: at,
        };
        let existing: Option<AnswerId> = crate::on_backend!(conn, |c| {
            answers::table
                .filter(answers::participant_id.eq(new.participant_id))
                .filter(answers::question_id.eq(new.question_id))
                .select(answers::id)
                .first(c)
                .optional()
        })?;
        let answer_id = match existing {
            Some(id) => {
                crate::on_backend!(conn, |c| {
                    diesel::update(answers::table.find(&id)).set(&written).execute(c)
                })?;
                id
            }
            None => {
                let id = AnswerId::generate();
                let whose = (
                    answers::id.eq(&id),
                    answers::participant_id.eq(new.participant_id),
                    answers::question_id.eq(new.question_id),
                );
                let values = (whose, &written, answers::created_at.eq(at));
                crate::on_backend!(conn, |c| {
                    diesel::insert_into(answers::table).values(values).execute(c)
                })?;
                id
            }
        };
        crate::on_backend!(conn, |c| {
            diesel::insert_into(answer_submissions::table)
                .values((
                    answer_submissions::submission_key.eq(new.submission_key),
                    answer_submissions::answer_id.eq(&answer_id),
                    answer_submissions::created_at.eq(at),
                ))
                .execute(c)
        })?;
        Ok(Saved::New)
    })
}

/// Marks the participant finished and stores the hash of their withdrawal code.
pub fn finish(
    conn: &mut DbConnection, participant_id: &ParticipantId, withdrawal_code: &str,
) -> QueryResult<usize> {
    diesel::update(participants::table.find(participant_id))
        .set((
            participants::finished_at.eq(Some(now())),
            participants::withdrawal_code_hash.eq(Some(token_hash(withdrawal_code))),
        ))
        .execute(conn)
}

/// The workshop of the participant with this withdrawal code, if there is one (the withdrawal
/// page asks once before [`withdraw`] deletes anything).
pub fn withdrawal_workshop(
    conn: &mut DbConnection, withdrawal_code: &str,
) -> QueryResult<Option<WorkshopId>> {
    participants::table
        .filter(participants::withdrawal_code_hash.eq(token_hash(withdrawal_code)))
        .select(participants::workshop_id)
        .first(conn)
        .optional()
}

/// Deletes the participant with this withdrawal code, every answer of theirs and every quote
/// of those answers, approved or not (an approved quote would otherwise outlive its answer).
/// Returns whether one was found.
pub fn withdraw(conn: &mut DbConnection, withdrawal_code: &str) -> QueryResult<bool> {
    write_transaction(conn, |conn| {
        let found: Option<(ParticipantId, WorkshopId)> = participants::table
            .filter(participants::withdrawal_code_hash.eq(token_hash(withdrawal_code)))
            .select((participants::id, participants::workshop_id))
            .first(conn)
            .optional()?;
        let Some((id, workshop)) = found else {
            return Ok(false);
        };
        // Walls and answer pages drop their words at once.
        crate::db::events::record_change(conn, &workshop)?;
        let theirs = answers::table.filter(answers::participant_id.eq(&id)).select(answers::id);
        diesel::delete(quotes::table.filter(quotes::answer_id.eq_any(theirs.nullable())))
            .execute(conn)?;
        diesel::delete(participants::table.find(&id)).execute(conn)?;
        Ok(true)
    })
}

/// Deletes every participant of a workshop with their answers (retention). Returns how many.
pub fn delete_everyone(conn: &mut DbConnection, workshop: &WorkshopId) -> QueryResult<usize> {
    diesel::delete(participants::table.filter(participants::workshop_id.eq(workshop))).execute(conn)
}

/// Every answer in a workshop with its question's position, oldest first (staff views, export).
pub fn workshop_answers(
    conn: &mut DbConnection, workshop_id: &WorkshopId,
) -> QueryResult<Vec<(Answer, i32)>> {
    answers::table
        .inner_join(questions::table)
        .filter(questions::workshop_id.eq(workshop_id))
        .order((questions::position, answers::created_at))
        .select((Answer::as_select(), questions::position))
        .load(conn)
}

/// How far the phones of a workshop have come, and how many people a facilitator entered
/// answers for (flipchart lines are statements, not people, and are not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Phones that said yes on the start page.
    pub opened: u64,
    /// Of those, phones with at least one answer that have not finished.
    pub answering: u64,
    /// Phones that pressed "Send mine svar".
    pub finished: u64,
    /// People a facilitator entered answers for (no phone; counted apart).
    pub entered_for: u64,
}

/// The [`Progress`] of a workshop's phones.
pub fn progress(conn: &mut DbConnection, workshop_id: &WorkshopId) -> QueryResult<Progress> {
    let phones: Vec<(ParticipantId, Option<NaiveDateTime>)> = participants::table
        .filter(participants::workshop_id.eq(workshop_id))
        .filter(participants::source.eq(Source::Phone))
        .select((participants::id, participants::finished_at))
        .load(conn)?;
    let with_answers: std::collections::HashSet<ParticipantId> = answers::table
        .inner_join(participants::table)
        .filter(participants::workshop_id.eq(workshop_id))
        .filter(participants::source.eq(Source::Phone))
        .select(answers::participant_id)
        .distinct()
        .load::<ParticipantId>(conn)?
        .into_iter()
        .collect();
    let entered_for: i64 = participants::table
        .filter(participants::workshop_id.eq(workshop_id))
        .filter(participants::source.eq(Source::Assisted))
        .count()
        .get_result(conn)?;
    let finished = phones.iter().filter(|(_, done)| done.is_some()).count() as u64;
    let answering =
        phones.iter().filter(|(id, done)| done.is_none() && with_answers.contains(id)).count()
            as u64;
    Ok(Progress {
        opened: phones.len() as u64,
        answering,
        finished,
        entered_for: u64::try_from(entered_for).unwrap_or_default(),
    })
}

/// Records the interface language a participant chose to answer in.
pub fn set_language(
    conn: &mut DbConnection, participant_id: &ParticipantId, language: &str,
) -> QueryResult<usize> {
    diesel::update(participants::table.find(participant_id))
        .set(participants::language.eq(language))
        .execute(conn)
}

/// Stores pasted flipchart notes: one statement per line, each its own answer from its own
/// flipchart participant, entered by `by` as scribe. The submission key makes a resend store
/// nothing twice.
pub fn save_statements(
    conn: &mut DbConnection, (workshop, question): (&WorkshopId, &QuestionId), key: &SubmissionKey,
    lines: Vec<AnswerText>, by: &UserId,
) -> Result<(), SaveError> {
    for (i, text) in lines.into_iter().enumerate() {
        let token = format!("flipchart:{}:{i}", key.as_str());
        let participant = join(conn, workshop, &token, Source::Flipchart)?;
        let answer = NewAnswer {
            participant_id: &participant.id,
            question_id: question,
            value: &AnswerValue::Text(text),
            entered_by: EnteredBy::Scribe,
            user_id: Some(by),
            submission_key: &key.part(i),
        };
        save_answer(conn, &answer)?;
    }
    Ok(())
}

/// A free-text answer a facilitator entered (said aloud, written down, or a line of pasted
/// notes); `None` for a participant's own words, another kind of answer, or no such answer.
pub fn entered_text_answer(conn: &mut DbConnection, id: &AnswerId) -> QueryResult<Option<Answer>> {
    let found: Option<(Answer, crate::survey::QuestionKind)> = answers::table
        .inner_join(questions::table)
        .filter(answers::id.eq(id))
        .filter(answers::entered_by.ne(EnteredBy::Participant))
        .select((Answer::as_select(), questions::kind))
        .first(conn)
        .optional()?;
    Ok(found.filter(|(a, kind)| kind.is_text() && !a.declined).map(|(a, _)| a))
}

/// Puts right the words of an entered answer.
pub fn correct_answer(
    conn: &mut DbConnection, id: &AnswerId, text: &AnswerText,
) -> QueryResult<usize> {
    diesel::update(answers::table.find(id))
        .set((answers::value.eq(text.as_str()), answers::updated_at.eq(now())))
        .execute(conn)
}

/// Deletes an entered answer; its theme links go with it, a quote made from it stays as
/// written (its link to the answer is cleared).
pub fn delete_entered_answer(conn: &mut DbConnection, id: &AnswerId) -> QueryResult<usize> {
    diesel::delete(answers::table.find(id)).execute(conn)
}
