//! The questions of a workshop's survey.

use diesel::prelude::*;

use super::translations::delete_translations;
use super::Workshop;
use crate::db::schema::{answers, questions, workshops};
use crate::db::{now, write_transaction, DbConnection, QuestionId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::domain::{ChoiceOption, ChoiceOptions, QuestionKind, SCALE_KEYS};
use crate::text::{HelpText, PromptText};

/// One question of a workshop's survey.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = questions)]
pub struct Question {
    /// Id.
    pub id: QuestionId,
    /// Its workshop.
    pub workshop_id: WorkshopId,
    /// 1-based order.
    pub position: i32,
    /// Its kind.
    pub kind: QuestionKind,
    /// The question.
    pub prompt: String,
    /// Help under the question.
    pub help_text: String,
    /// The easy-read (let læst) version of the prompt.
    pub easy_read_prompt: Option<String>,
    /// The options of a choice question (empty for other kinds).
    pub options: ChoiceOptions,
    /// Offer "Andet: …".
    pub allow_other: bool,
    /// Must be answered or declined.
    pub required: bool,
}

impl Question {
    /// The options of a choice question.
    pub fn options(&self) -> &[ChoiceOption] {
        &self.options
    }

    /// The five words of a 1–5 scale in `lang`: the question's own words (translated when the
    /// question is localized), and for a point without one the default (`scale-1` …
    /// `scale-5`, "Meget dårligt" … "Meget godt"). Exports call it with the report's language
    /// on the Danish question.
    pub fn scale_words(&self, lang: Lang) -> [String; 5] {
        std::array::from_fn(|i| {
            self.own_scale_word(SCALE_KEYS[i])
                .map_or_else(|| default_scale_word(lang, i), str::to_owned)
        })
    }

    /// The question's own word for a point of its scale (key "1" … "5"), if it has one.
    pub fn own_scale_word(&self, key: &str) -> Option<&str> {
        self.options.iter().find(|o| o.key == key && !o.label.is_empty()).map(|o| o.label.as_str())
    }

    /// What the translation fields of the question form translate, keyed as stored: a choice
    /// question's options; a scale's five words (its own or the Danish defaults), so a scale
    /// with the default words can be translated too; nothing for other kinds.
    pub fn translatable_options(&self) -> Vec<ChoiceOption> {
        match self.kind {
            QuestionKind::Scale => scale_points(&self.scale_words(Lang::Da)),
            _ => self.options.0.clone(),
        }
    }
}

/// The default word of point `index` (0-based) of a scale in `lang`.
fn default_scale_word(lang: Lang, index: usize) -> String {
    lang.t(&format!("scale-{}", index + 1))
}

/// The default five words of a scale in `lang` ("Meget dårligt" … "Meget godt").
pub fn default_scale_words(lang: Lang) -> [String; 5] {
    std::array::from_fn(|i| default_scale_word(lang, i))
}

/// Five words as options under [`SCALE_KEYS`].
pub fn scale_points(words: &[String; 5]) -> Vec<ChoiceOption> {
    SCALE_KEYS
        .iter()
        .zip(words)
        .map(|(key, label)| ChoiceOption { key: (*key).to_owned(), label: label.clone() })
        .collect()
}

/// What the question builder sets.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = questions, treat_none_as_null = true)]
pub struct QuestionFields {
    /// Kind.
    pub kind: QuestionKind,
    /// Prompt (never empty).
    pub prompt: PromptText,
    /// Help.
    pub help_text: HelpText,
    /// Easy-read prompt.
    pub easy_read_prompt: Option<PromptText>,
    /// Options (choice kinds).
    pub options: ChoiceOptions,
    /// "Andet".
    pub allow_other: bool,
    /// Required.
    pub required: bool,
}

/// The questions of a workshop, in order.
pub fn list_questions(
    conn: &mut DbConnection, workshop_id: &WorkshopId,
) -> QueryResult<Vec<Question>> {
    crate::on_backend!(conn, |c| questions::table
        .filter(questions::workshop_id.eq(workshop_id))
        .order(questions::position)
        .select(Question::as_select())
        .load(c))
}

/// A question by id.
pub fn find_question(conn: &mut DbConnection, id: &QuestionId) -> QueryResult<Option<Question>> {
    questions::table.find(id).select(Question::as_select()).first(conn).optional()
}

pub(super) fn count_questions(
    conn: &mut DbConnection, workshop_id: &WorkshopId,
) -> QueryResult<i64> {
    questions::table.filter(questions::workshop_id.eq(workshop_id)).count().get_result(conn)
}

/// Answers to one question.
pub fn count_answers_to(conn: &mut DbConnection, question_id: &QuestionId) -> QueryResult<i64> {
    answers::table.filter(answers::question_id.eq(question_id)).count().get_result(conn)
}

/// Adds a question at the end.
pub fn add_question(
    conn: &mut DbConnection, workshop_id: &WorkshopId, f: &QuestionFields,
) -> QueryResult<QuestionId> {
    write_transaction(conn, |conn| {
        let last: Option<i32> = questions::table
            .filter(questions::workshop_id.eq(workshop_id))
            .select(diesel::dsl::max(questions::position))
            .first(conn)?;
        let (id, at) = (QuestionId::generate(), now());
        let place =
            (questions::workshop_id.eq(workshop_id), questions::position.eq(last.unwrap_or(0) + 1));
        let stamps = (questions::created_at.eq(at), questions::updated_at.eq(at));
        diesel::insert_into(questions::table)
            .values((questions::id.eq(&id), f, place, stamps))
            .execute(conn)?;
        Ok(id)
    })
}

/// Changes a question. `structure` false keeps kind, options, "Andet" and required as they are
/// (the survey is live: answers already given must keep their meaning).
pub fn update_question(
    conn: &mut DbConnection, id: &QuestionId, f: &QuestionFields, structure: bool,
) -> QueryResult<usize> {
    let row = questions::table.find(id);
    if structure {
        return diesel::update(row).set((f, questions::updated_at.eq(now()))).execute(conn);
    }
    // The survey is live: only the wording changes.
    let easy_read = f.easy_read_prompt.as_ref().map(PromptText::as_str);
    let texts = (
        questions::prompt.eq(f.prompt.as_str()),
        questions::help_text.eq(f.help_text.as_str()),
        questions::easy_read_prompt.eq(easy_read),
        questions::updated_at.eq(now()),
    );
    diesel::update(row).set(texts).execute(conn)
}

crate::ordered!(Question: QuestionId in questions, find = find_question,
    siblings = |conn, q| list_questions(conn, &q.workshop_id));

/// Deletes a question that nobody has answered, and closes the gap in the order.
pub fn delete_question(conn: &mut DbConnection, id: &QuestionId) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let q = find_question(conn, id)?.ok_or(AppError::NotFound)?;
        if count_answers_to(conn, id)? > 0 {
            return Err(AppError::BadRequest("question has answers"));
        }
        delete_translations(conn, id.as_str())?;
        diesel::delete(questions::table.find(id)).execute(conn)?;
        diesel::update(
            questions::table
                .filter(questions::workshop_id.eq(&q.workshop_id))
                .filter(questions::position.gt(q.position)),
        )
        .set(questions::position.eq(questions::position - 1))
        .execute(conn)?;
        Ok(())
    })
}

/// A question with its workshop.
pub fn question_with_workshop(
    conn: &mut DbConnection, id: &QuestionId,
) -> QueryResult<Option<(Question, Workshop)>> {
    questions::table
        .inner_join(workshops::table)
        .filter(questions::id.eq(id))
        .select((Question::as_select(), Workshop::as_select()))
        .first(conn)
        .optional()
}

/// A workshop with its questions in order.
pub fn workshop_with_questions(
    conn: &mut DbConnection, id: &WorkshopId,
) -> QueryResult<Option<(Workshop, Vec<Question>)>> {
    let Some(workshop) = super::find_workshop(conn, id)? else {
        return Ok(None);
    };
    let questions = list_questions(conn, id)?;
    Ok(Some((workshop, questions)))
}
