//! Answer vectors and rejected guesses in the database.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{answer_vectors, answers, questions, rejected_guesses, themes};
use crate::db::{insert_unless_duplicate, now, update_or_insert, AnswerId, DbConnection, ThemeId};
use crate::db::{TopicId, UserId};
use crate::survey::QuestionKind;

/// An answer to embed: its id, words, and the `updated_at` they are from.
pub type Pending = (AnswerId, String, NaiveDateTime);

/// Free-text answers with no vector from `model`, or one made before the answer last changed.
#[diesel::dsl::auto_type]
fn unembedded<'a>(model: &'a str) -> _ {
    let text: [QuestionKind; 2] = [QuestionKind::ShortText, QuestionKind::LongText];
    answers::table
        .inner_join(questions::table)
        .left_join(answer_vectors::table)
        .filter(questions::kind.eq_any(text))
        .filter(answers::declined.eq(false))
        .filter(answers::value.ne(""))
        .filter(
            answer_vectors::answer_id.is_null().or(answer_vectors::model.nullable().ne(model)).or(
                answer_vectors::answer_updated_at.nullable().ne(answers::updated_at.nullable()),
            ),
        )
}

/// [`unembedded`] answers, oldest first, at most `limit`.
pub fn pending(conn: &mut DbConnection, model: &str, limit: i64) -> QueryResult<Vec<Pending>> {
    unembedded(model)
        .order((answers::created_at, answers::id))
        .limit(limit)
        .select((answers::id, answers::value, answers::updated_at))
        .load(conn)
}

/// How many answers [`pending`] would return without a limit (counted in the database).
pub fn count_pending(conn: &mut DbConnection, model: &str) -> QueryResult<i64> {
    unembedded(model).count().get_result(conn)
}

/// Keeps `vector` as the answer's, made by `model` from its words as of `version`. An
/// answer deleted meanwhile is skipped.
pub fn save(
    conn: &mut DbConnection, answer: &AnswerId, model: &str, vector: &[f32], version: NaiveDateTime,
) -> QueryResult<()> {
    let bytes: Vec<u8> = vector.iter().flat_map(|v| v.to_le_bytes()).collect();
    let result = update_or_insert(
        conn,
        |conn| {
            diesel::update(answer_vectors::table.find(answer))
                .set((
                    answer_vectors::model.eq(model),
                    answer_vectors::vector.eq(&bytes),
                    answer_vectors::answer_updated_at.eq(version),
                ))
                .execute(conn)
        },
        |conn| {
            diesel::insert_into(answer_vectors::table)
                .values((
                    answer_vectors::answer_id.eq(answer),
                    answer_vectors::model.eq(model),
                    answer_vectors::vector.eq(&bytes),
                    answer_vectors::answer_updated_at.eq(version),
                ))
                .execute(conn)
        },
    );
    match result {
        // The answer was deleted (retention, a correction) between reading and saving.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::ForeignKeyViolation,
            _,
        )) => Ok(()),
        other => other,
    }
}

/// The current vectors (from `model`, made from the answer's present words) of `ids`.
pub fn vectors(
    conn: &mut DbConnection, ids: &[AnswerId], model: &str,
) -> QueryResult<HashMap<AnswerId, Vec<f32>>> {
    let mut out = HashMap::with_capacity(ids.len());
    // In slices: a statement has a bounded number of parameters.
    for chunk in ids.chunks(500) {
        let rows: Vec<(AnswerId, Vec<u8>)> = answer_vectors::table
            .inner_join(answers::table)
            .filter(answer_vectors::answer_id.eq_any(chunk))
            .filter(answer_vectors::model.eq(model))
            .filter(answer_vectors::answer_updated_at.eq(answers::updated_at))
            .select((answer_vectors::answer_id, answer_vectors::vector))
            .load(conn)?;
        for (id, bytes) in rows {
            let v = bytes
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            out.insert(id, v);
        }
    }
    Ok(out)
}

/// Remembers that `answer` does not belong in `theme`.
pub fn reject(
    conn: &mut DbConnection, answer: &AnswerId, theme: &ThemeId, by: Option<&UserId>,
) -> QueryResult<()> {
    insert_unless_duplicate(conn, |conn| {
        diesel::insert_into(rejected_guesses::table)
            .values((
                rejected_guesses::answer_id.eq(answer),
                rejected_guesses::theme_id.eq(theme),
                rejected_guesses::rejected_by.eq(by),
                rejected_guesses::created_at.eq(now()),
            ))
            .execute(conn)
    })?;
    Ok(())
}

/// The (answer, theme) pairs rejected on `topic`'s board.
pub fn rejected(
    conn: &mut DbConnection, topic: &TopicId,
) -> QueryResult<HashSet<(AnswerId, ThemeId)>> {
    Ok(rejected_guesses::table
        .inner_join(themes::table)
        .filter(themes::topic_id.eq(topic))
        .select((rejected_guesses::answer_id, rejected_guesses::theme_id))
        .load::<(AnswerId, ThemeId)>(conn)?
        .into_iter()
        .collect())
}
