//! Reading and writing tracks, topics, workshops and questions, and the translations of the
//! survey's own texts.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::Error as DieselError;

use super::domain::{ChoiceOption, JoinCode, QuestionKind, WorkshopStatus};
use crate::db::schema::{
    answers, participants, questions, topics, tracks, translations, workshops,
};
use crate::db::{new_id, now, write_transaction, DbConnection};
use crate::error::AppError;
use crate::web::Lang;

/// One year's participation track.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = tracks)]
pub struct Track {
    /// Id.
    pub id: String,
    /// Title, e.g. "Deltagelsessporet 2023".
    pub title: String,
    /// Year.
    pub year: i32,
}

/// A theme chosen by the Partnership (Danish: tema).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = topics)]
pub struct Topic {
    /// Id.
    pub id: String,
    /// Its track.
    pub track_id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Order within the track.
    pub position: i32,
}

/// One meeting, with its questions and join code.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = workshops)]
pub struct Workshop {
    /// Id.
    pub id: String,
    /// Its topic.
    pub topic_id: String,
    /// Title (the workshop's focus).
    pub title: String,
    /// What participants read first.
    pub intro: String,
    /// Date and time (naive local time of the workshop).
    pub starts_at: Option<NaiveDateTime>,
    /// Place.
    pub location: String,
    /// draft | open | closed | archived.
    pub status: String,
    /// The digits people type.
    pub join_code: String,
    /// Days the answers are kept after closing.
    pub retention_days: i32,
    /// When it closed.
    pub closed_at: Option<NaiveDateTime>,
    /// Optimistic-lock version.
    pub version: i32,
}

/// Every track, newest year first.
pub fn list_tracks(conn: &mut DbConnection) -> QueryResult<Vec<Track>> {
    tracks::table
        .order((tracks::year.desc(), tracks::title))
        .select(Track::as_select())
        .load(conn)
}

/// Every topic, in order.
pub fn list_topics(conn: &mut DbConnection) -> QueryResult<Vec<Topic>> {
    topics::table
        .order((topics::track_id, topics::position, topics::title))
        .select(Topic::as_select())
        .load(conn)
}

/// Every workshop, by date.
pub fn list_workshops(conn: &mut DbConnection) -> QueryResult<Vec<Workshop>> {
    workshops::table
        .order((workshops::topic_id, workshops::starts_at, workshops::title))
        .select(Workshop::as_select())
        .load(conn)
}

/// Tracks, topics and workshops together.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Tracks.
    pub tracks: Vec<Track>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Workshops.
    pub workshops: Vec<Workshop>,
}

/// Loads the [`Overview`].
pub fn overview(conn: &mut DbConnection) -> QueryResult<Overview> {
    Ok(Overview {
        tracks: list_tracks(conn)?,
        topics: list_topics(conn)?,
        workshops: list_workshops(conn)?,
    })
}

/// Formats a join code for reading aloud and typing: "4821 0937".
pub fn grouped_code(code: &str) -> String {
    JoinCode::parse(code)
        .map(|c| c.grouped())
        .unwrap_or_else(|| code.to_owned())
}

impl Workshop {
    /// The status (the CHECK constraint keeps it valid; unknown reads as draft).
    pub fn status(&self) -> WorkshopStatus {
        WorkshopStatus::parse(&self.status).unwrap_or(WorkshopStatus::Draft)
    }
}

/// One question of a workshop's survey.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = questions)]
pub struct Question {
    /// Id.
    pub id: String,
    /// Its workshop.
    pub workshop_id: String,
    /// 1-based order.
    pub position: i32,
    /// Stored kind (see [`Question::kind`]).
    pub kind: String,
    /// The question.
    pub prompt: String,
    /// Help under the question.
    pub help_text: String,
    /// The easy-read (let læst) version of the prompt.
    pub easy_read_prompt: Option<String>,
    /// Options as JSON (see [`Question::options`]).
    pub options: String,
    /// Offer "Andet: …".
    pub allow_other: bool,
    /// Must be answered or declined.
    pub required: bool,
}

impl Question {
    /// The kind.
    pub fn kind(&self) -> QuestionKind {
        QuestionKind::parse(&self.kind).unwrap_or(QuestionKind::ShortText)
    }

    /// The options of a choice question.
    pub fn options(&self) -> Vec<ChoiceOption> {
        serde_json::from_str(&self.options).unwrap_or_default()
    }
}

// ---- writing --------------------------------------------------------------------------------

/// Creates a track.
pub fn create_track(conn: &mut DbConnection, title: &str, year: i32) -> QueryResult<String> {
    let (id, at) = (new_id(), now());
    diesel::insert_into(tracks::table)
        .values((
            tracks::id.eq(&id),
            tracks::title.eq(title),
            tracks::year.eq(year),
            tracks::created_at.eq(at),
            tracks::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Changes a track.
pub fn update_track(
    conn: &mut DbConnection,
    id: &str,
    title: &str,
    year: i32,
) -> QueryResult<usize> {
    diesel::update(tracks::table.find(id))
        .set((
            tracks::title.eq(title),
            tracks::year.eq(year),
            tracks::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// A track by id.
pub fn find_track(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Track>> {
    tracks::table
        .find(id)
        .select(Track::as_select())
        .first(conn)
        .optional()
}

/// Creates a topic at the end of its track.
pub fn create_topic(
    conn: &mut DbConnection,
    track_id: &str,
    title: &str,
    description: &str,
) -> QueryResult<String> {
    let (id, at) = (new_id(), now());
    let position: i64 = topics::table
        .filter(topics::track_id.eq(track_id))
        .count()
        .get_result(conn)?;
    diesel::insert_into(topics::table)
        .values((
            topics::id.eq(&id),
            topics::track_id.eq(track_id),
            topics::title.eq(title),
            topics::description.eq(description),
            topics::position.eq(position as i32 + 1),
            topics::created_at.eq(at),
            topics::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Changes a topic.
pub fn update_topic(
    conn: &mut DbConnection,
    id: &str,
    title: &str,
    description: &str,
) -> QueryResult<usize> {
    diesel::update(topics::table.find(id))
        .set((
            topics::title.eq(title),
            topics::description.eq(description),
            topics::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// A topic by id.
pub fn find_topic(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Topic>> {
    topics::table
        .find(id)
        .select(Topic::as_select())
        .first(conn)
        .optional()
}

/// The editable fields of a workshop.
#[derive(Debug, Clone, Default)]
pub struct WorkshopFields {
    /// Title (its focus).
    pub title: String,
    /// Start-page text.
    pub intro: String,
    /// Date and time.
    pub starts_at: Option<NaiveDateTime>,
    /// Place.
    pub location: String,
    /// Days to keep answers after closing.
    pub retention_days: i32,
}

/// Creates a draft workshop with a fresh join code.
pub fn create_workshop(
    conn: &mut DbConnection,
    topic_id: &str,
    fields: &WorkshopFields,
) -> QueryResult<String> {
    // The partial unique index on live codes decides; a clash (1 in 10^8 per live workshop)
    // just draws again.
    let mut attempt = 0;
    loop {
        let (id, at) = (new_id(), now());
        let code = JoinCode::random();
        let inserted = crate::db::insert_unless_duplicate(conn, |conn| {
            diesel::insert_into(workshops::table)
                .values((
                    workshops::id.eq(&id),
                    workshops::topic_id.eq(topic_id),
                    workshops::title.eq(&fields.title),
                    workshops::intro.eq(&fields.intro),
                    workshops::starts_at.eq(fields.starts_at),
                    workshops::location.eq(&fields.location),
                    workshops::status.eq(WorkshopStatus::Draft.as_str()),
                    workshops::join_code.eq(code.as_str()),
                    workshops::retention_days.eq(fields.retention_days),
                    workshops::created_at.eq(at),
                    workshops::updated_at.eq(at),
                ))
                .execute(conn)
        })?;
        // A code clash with a live workshop (1 in 10^8 each) just draws again.
        if inserted {
            return Ok(id);
        }
        attempt += 1;
        if attempt > 5 {
            return Err(DieselError::RollbackTransaction);
        }
    }
}

/// Changes a workshop's fields.
pub fn update_workshop(
    conn: &mut DbConnection,
    id: &str,
    fields: &WorkshopFields,
) -> QueryResult<usize> {
    diesel::update(workshops::table.find(id))
        .set((
            workshops::title.eq(&fields.title),
            workshops::intro.eq(&fields.intro),
            workshops::starts_at.eq(fields.starts_at),
            workshops::location.eq(&fields.location),
            workshops::retention_days.eq(fields.retention_days),
            workshops::version.eq(workshops::version + 1),
            workshops::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// A workshop by id.
pub fn find_workshop(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Workshop>> {
    workshops::table
        .find(id)
        .select(Workshop::as_select())
        .first(conn)
        .optional()
}

/// The workshop a join code leads to: the live one, or else the newest closed one with that
/// code (so an old poster is told "closed", not "not found").
pub fn find_workshop_by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<Workshop>> {
    let mut found: Vec<Workshop> = workshops::table
        .filter(workshops::join_code.eq(code))
        .order(workshops::created_at.desc())
        .select(Workshop::as_select())
        .load(conn)?;
    let live = found
        .iter()
        .position(|w| matches!(w.status(), WorkshopStatus::Draft | WorkshopStatus::Open));
    Ok(match live {
        Some(i) => Some(found.swap_remove(i)),
        None => found.into_iter().next(),
    })
}

/// Why a status change was refused.
#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    /// Not a legal move from the current status.
    #[error("a workshop cannot move from {from} to {to}")]
    NotAllowed {
        /// Current.
        from: WorkshopStatus,
        /// Wanted.
        to: WorkshopStatus,
    },
    /// Back to draft only while nobody has answered.
    #[error("the workshop has answers")]
    HasAnswers,
    /// The workshop has no questions to answer.
    #[error("the workshop has no questions")]
    NoQuestions,
    /// Query failed.
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Moves a workshop to another status. Re-opening a workshop whose code was taken by another
/// live workshop meanwhile gives it a new code.
pub fn set_status(
    conn: &mut DbConnection,
    id: &str,
    to: WorkshopStatus,
) -> Result<(), StatusError> {
    write_transaction(conn, |conn| {
        let w = find_workshop(conn, id)?.ok_or(DieselError::NotFound)?;
        let from = w.status();
        if !from.can_move_to(to) {
            return Err(StatusError::NotAllowed { from, to });
        }
        if to == WorkshopStatus::Open && count_questions(conn, id)? == 0 {
            return Err(StatusError::NoQuestions);
        }
        if to == WorkshopStatus::Draft && count_answers(conn, id)? > 0 {
            return Err(StatusError::HasAnswers);
        }
        let at = now();
        let closed_at = match to {
            WorkshopStatus::Closed | WorkshopStatus::Archived => w.closed_at.or(Some(at)),
            _ => None,
        };
        if from == WorkshopStatus::Closed && to == WorkshopStatus::Open {
            let clash: i64 = workshops::table
                .filter(workshops::join_code.eq(&w.join_code))
                .filter(workshops::status.eq_any(["draft", "open"]))
                .count()
                .get_result(conn)?;
            if clash > 0 {
                diesel::update(workshops::table.find(id))
                    .set(workshops::join_code.eq(JoinCode::random().as_str()))
                    .execute(conn)?;
            }
        }
        diesel::update(workshops::table.find(id))
            .set((
                workshops::status.eq(to.as_str()),
                workshops::closed_at.eq(closed_at),
                workshops::version.eq(workshops::version + 1),
                workshops::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// The questions of a workshop, in order.
pub fn list_questions(conn: &mut DbConnection, workshop_id: &str) -> QueryResult<Vec<Question>> {
    questions::table
        .filter(questions::workshop_id.eq(workshop_id))
        .order(questions::position)
        .select(Question::as_select())
        .load(conn)
}

/// A question by id.
pub fn find_question(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Question>> {
    questions::table
        .find(id)
        .select(Question::as_select())
        .first(conn)
        .optional()
}

fn count_questions(conn: &mut DbConnection, workshop_id: &str) -> QueryResult<i64> {
    questions::table
        .filter(questions::workshop_id.eq(workshop_id))
        .count()
        .get_result(conn)
}

/// Answers given in a workshop (declined ones included).
pub fn count_answers(conn: &mut DbConnection, workshop_id: &str) -> QueryResult<i64> {
    answers::table
        .inner_join(questions::table)
        .filter(questions::workshop_id.eq(workshop_id))
        .count()
        .get_result(conn)
}

/// Answers to one question.
pub fn count_answers_to(conn: &mut DbConnection, question_id: &str) -> QueryResult<i64> {
    answers::table
        .filter(answers::question_id.eq(question_id))
        .count()
        .get_result(conn)
}

/// Participants of a workshop who have given at least one answer.
pub fn count_participants(conn: &mut DbConnection, workshop_id: &str) -> QueryResult<i64> {
    participants::table
        .filter(participants::workshop_id.eq(workshop_id))
        .filter(diesel::dsl::exists(
            answers::table.filter(answers::participant_id.eq(participants::id)),
        ))
        .count()
        .get_result(conn)
}

/// What the question builder sets.
#[derive(Debug, Clone)]
pub struct QuestionFields {
    /// Kind.
    pub kind: QuestionKind,
    /// Prompt.
    pub prompt: String,
    /// Help.
    pub help_text: String,
    /// Easy-read prompt.
    pub easy_read_prompt: Option<String>,
    /// Options (choice kinds).
    pub options: Vec<ChoiceOption>,
    /// "Andet".
    pub allow_other: bool,
    /// Required.
    pub required: bool,
}

/// Adds a question at the end.
pub fn add_question(
    conn: &mut DbConnection,
    workshop_id: &str,
    f: &QuestionFields,
) -> QueryResult<String> {
    write_transaction(conn, |conn| {
        let last: Option<i32> = questions::table
            .filter(questions::workshop_id.eq(workshop_id))
            .select(diesel::dsl::max(questions::position))
            .first(conn)?;
        let (id, at) = (new_id(), now());
        diesel::insert_into(questions::table)
            .values((
                questions::id.eq(&id),
                questions::workshop_id.eq(workshop_id),
                questions::position.eq(last.unwrap_or(0) + 1),
                questions::kind.eq(f.kind.as_str()),
                questions::prompt.eq(&f.prompt),
                questions::help_text.eq(&f.help_text),
                questions::easy_read_prompt.eq(&f.easy_read_prompt),
                questions::options.eq(options_json(&f.options)),
                questions::allow_other.eq(f.allow_other),
                questions::required.eq(f.required),
                questions::created_at.eq(at),
                questions::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

fn options_json(options: &[ChoiceOption]) -> String {
    serde_json::to_string(options).unwrap_or_else(|_| "[]".into())
}

/// Changes a question. `structure` false keeps kind, options, "Andet" and required as they are
/// (the survey is live: answers already given must keep their meaning).
pub fn update_question(
    conn: &mut DbConnection,
    id: &str,
    f: &QuestionFields,
    structure: bool,
) -> QueryResult<usize> {
    let texts = (
        questions::prompt.eq(&f.prompt),
        questions::help_text.eq(&f.help_text),
        questions::easy_read_prompt.eq(&f.easy_read_prompt),
        questions::updated_at.eq(now()),
    );
    if structure {
        diesel::update(questions::table.find(id))
            .set((
                texts,
                questions::kind.eq(f.kind.as_str()),
                questions::options.eq(options_json(&f.options)),
                questions::allow_other.eq(f.allow_other),
                questions::required.eq(f.required),
            ))
            .execute(conn)
    } else {
        diesel::update(questions::table.find(id))
            .set(texts)
            .execute(conn)
    }
}

/// Moves a question one place up (`-1`) or down (`+1`).
pub fn move_question(conn: &mut DbConnection, id: &str, step: i32) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let q = find_question(conn, id)?.ok_or(AppError::NotFound)?;
        let neighbour: Option<Question> = questions::table
            .filter(questions::workshop_id.eq(&q.workshop_id))
            .filter(questions::position.eq(q.position + step))
            .select(Question::as_select())
            .first(conn)
            .optional()?;
        if let Some(n) = neighbour {
            diesel::update(questions::table.find(&n.id))
                .set(questions::position.eq(q.position))
                .execute(conn)?;
            diesel::update(questions::table.find(&q.id))
                .set(questions::position.eq(n.position))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Deletes a question that nobody has answered, and closes the gap in the order.
pub fn delete_question(conn: &mut DbConnection, id: &str) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let q = find_question(conn, id)?.ok_or(AppError::NotFound)?;
        if count_answers_to(conn, id)? > 0 {
            return Err(AppError::BadRequest("question has answers"));
        }
        delete_translations(conn, id)?;
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

/// Deletes the participants (and so every answer) of workshops whose retention period after
/// closing has passed. Returns how many participants were deleted.
pub fn purge_expired(conn: &mut DbConnection, at: NaiveDateTime) -> QueryResult<usize> {
    let closed: Vec<(String, Option<NaiveDateTime>, i32)> = workshops::table
        .filter(workshops::status.eq_any(["closed", "archived"]))
        .select((
            workshops::id,
            workshops::closed_at,
            workshops::retention_days,
        ))
        .load(conn)?;
    let expired: Vec<String> = closed
        .into_iter()
        .filter(|(_, closed_at, days)| {
            closed_at.is_some_and(|c| c + chrono::Duration::days(i64::from(*days)) <= at)
        })
        .map(|(id, _, _)| id)
        .collect();
    if expired.is_empty() {
        return Ok(0);
    }
    diesel::delete(participants::table.filter(participants::workshop_id.eq_any(&expired)))
        .execute(conn)
}

// ---- translations ---------------------------------------------------------------------------

/// A text of the survey that can be translated. The Danish text lives in the base columns;
/// other languages in `translations`, one row per subject, language and field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextField {
    /// Workshop title.
    Title,
    /// Workshop start-page text.
    Intro,
    /// Question.
    Prompt,
    /// Help under a question.
    HelpText,
    /// Easy-read version of a question.
    EasyReadPrompt,
    /// Option labels, as a JSON object option key → label.
    Options,
}

impl TextField {
    /// The translatable texts of a workshop.
    pub const WORKSHOP: [TextField; 2] = [TextField::Title, TextField::Intro];
    /// The translatable texts of a question.
    pub const QUESTION: [TextField; 4] = [
        TextField::Prompt,
        TextField::HelpText,
        TextField::EasyReadPrompt,
        TextField::Options,
    ];

    /// Stored form (also the stem of the form field: `prompt_en`).
    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Intro => "intro",
            TextField::Prompt => "prompt",
            TextField::HelpText => "help_text",
            TextField::EasyReadPrompt => "easy_read_prompt",
            TextField::Options => "options",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<TextField> {
        Self::WORKSHOP
            .into_iter()
            .chain(Self::QUESTION)
            .find(|f| f.as_str() == s)
    }
}

/// The translations of some workshops and questions into one language. Danish is the base
/// language: for it this is always empty and every text is the base text.
#[derive(Debug, Clone)]
pub struct Translations {
    lang: Lang,
    /// (subject id, field) → text; never empty, never [`TextField::Options`].
    texts: HashMap<(String, TextField), String>,
    /// Question id → option key → label; labels never empty.
    options: HashMap<String, BTreeMap<String, String>>,
}

impl Translations {
    /// No translations: every text shows in Danish.
    pub fn none(lang: Lang) -> Translations {
        Translations {
            lang,
            texts: HashMap::new(),
            options: HashMap::new(),
        }
    }

    /// The language these are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The translated text, if there is one.
    pub fn get(&self, subject_id: &str, field: TextField) -> Option<&str> {
        self.texts
            .get(&(subject_id.to_owned(), field))
            .map(String::as_str)
    }

    /// The translated label of one option, if there is one.
    pub fn option(&self, question_id: &str, key: &str) -> Option<&str> {
        self.options
            .get(question_id)
            .and_then(|o| o.get(key))
            .map(String::as_str)
    }

    /// The translated option labels of a question (option key → label).
    pub fn options_of(&self, question_id: &str) -> Option<&BTreeMap<String, String>> {
        self.options.get(question_id)
    }

    /// `Some("da")` when a text shows in Danish on a page in another language (it fell
    /// back), so the element can carry `lang="da"` and be read aloud in Danish (WCAG 3.1.2).
    pub fn fallback_lang(&self, subject_id: &str, field: TextField) -> Option<&'static str> {
        (self.lang != Lang::Da && self.get(subject_id, field).is_none()).then_some(Lang::Da.code())
    }

    /// Like [`Translations::fallback_lang`], for one option label.
    pub fn option_fallback_lang(&self, question_id: &str, key: &str) -> Option<&'static str> {
        (self.lang != Lang::Da && self.option(question_id, key).is_none())
            .then_some(Lang::Da.code())
    }

    fn insert(&mut self, subject_id: String, field: TextField, text: String) {
        if text.trim().is_empty() {
            return;
        }
        if field == TextField::Options {
            let labels: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_default();
            let labels: BTreeMap<String, String> = labels
                .into_iter()
                .filter(|(_, label)| !label.trim().is_empty())
                .collect();
            if !labels.is_empty() {
                self.options.insert(subject_id, labels);
            }
        } else {
            self.texts.insert((subject_id, field), text);
        }
    }
}

impl Workshop {
    /// The workshop with its texts in the language of `tr`, each in Danish where it has no
    /// translation.
    pub fn localized(&self, tr: &Translations) -> Workshop {
        let mut w = self.clone();
        if let Some(t) = tr.get(&self.id, TextField::Title) {
            w.title = t.to_owned();
        }
        if let Some(t) = tr.get(&self.id, TextField::Intro) {
            w.intro = t.to_owned();
        }
        w
    }
}

impl Question {
    /// The question with its texts and option labels in the language of `tr`, each in Danish
    /// where it has no translation. Option keys stay, so answers mean the same in every
    /// language.
    pub fn localized(&self, tr: &Translations) -> Question {
        let mut q = self.clone();
        if let Some(t) = tr.get(&self.id, TextField::Prompt) {
            q.prompt = t.to_owned();
        }
        if let Some(t) = tr.get(&self.id, TextField::HelpText) {
            q.help_text = t.to_owned();
        }
        if let Some(t) = tr.get(&self.id, TextField::EasyReadPrompt) {
            q.easy_read_prompt = Some(t.to_owned());
        }
        if tr.options_of(&self.id).is_some() {
            let options: Vec<ChoiceOption> = self
                .options()
                .into_iter()
                .map(|o| ChoiceOption {
                    label: tr.option(&self.id, &o.key).unwrap_or(&o.label).to_owned(),
                    key: o.key,
                })
                .collect();
            q.options = options_json(&options);
        }
        q
    }
}

/// The translations of `subject_ids` (workshops and questions) into `lang`, in one query.
/// Danish is the base language: nothing to load.
pub fn load_translations(
    conn: &mut DbConnection,
    subject_ids: &[&str],
    lang: Lang,
) -> QueryResult<Translations> {
    let mut tr = Translations::none(lang);
    if lang == Lang::Da || subject_ids.is_empty() {
        return Ok(tr);
    }
    let rows: Vec<(String, String, String)> = translations::table
        .filter(translations::lang.eq(lang.code()))
        .filter(translations::subject_id.eq_any(subject_ids))
        .select((
            translations::subject_id,
            translations::field,
            translations::text,
        ))
        .load(conn)?;
    for (subject, field, text) in rows {
        if let Some(field) = TextField::parse(&field) {
            tr.insert(subject, field, text);
        }
    }
    Ok(tr)
}

/// A workshop with its questions, localized for a page in `lang` (one query for the
/// translations; none for Danish).
pub fn localized_survey(
    conn: &mut DbConnection,
    workshop: &Workshop,
    questions: &[Question],
    lang: Lang,
) -> QueryResult<(Workshop, Vec<Question>, Translations)> {
    let ids: Vec<&str> = std::iter::once(workshop.id.as_str())
        .chain(questions.iter().map(|q| q.id.as_str()))
        .collect();
    let tr = load_translations(conn, &ids, lang)?;
    let questions = questions.iter().map(|q| q.localized(&tr)).collect();
    Ok((workshop.localized(&tr), questions, tr))
}

/// One translated text to save; an empty text means "no translation".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatedText {
    /// Which text.
    pub field: TextField,
    /// The translation; for [`TextField::Options`] a JSON object option key → label.
    pub text: String,
}

/// The translated options of a question as stored: a JSON object option key → label, only
/// the non-empty labels; "" when none is translated.
pub fn options_translation(labels: &BTreeMap<String, String>) -> String {
    let labels: BTreeMap<&String, &String> = labels
        .iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    if labels.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&labels).unwrap_or_default()
    }
}

/// Saves the translations of one workshop or question into `lang` (delete + insert, inside
/// the caller's write transaction): an empty text removes the translation. Returns whether
/// anything changed, for the audit log.
pub fn save_translations(
    conn: &mut DbConnection,
    workshop_id: &str,
    subject_id: &str,
    lang: Lang,
    texts: &[TranslatedText],
) -> QueryResult<bool> {
    if lang == Lang::Da {
        // Danish is the base text, kept in the workshop and question rows.
        return Ok(false);
    }
    let at = now();
    let mut changed = false;
    for t in texts {
        let row = translations::table.find((subject_id, lang.code(), t.field.as_str()));
        let before: Option<String> = row.select(translations::text).first(conn).optional()?;
        let text = t.text.trim();
        if before.as_deref().unwrap_or("") == text {
            continue;
        }
        changed = true;
        diesel::delete(row).execute(conn)?;
        if !text.is_empty() {
            diesel::insert_into(translations::table)
                .values((
                    translations::subject_id.eq(subject_id),
                    translations::workshop_id.eq(workshop_id),
                    translations::lang.eq(lang.code()),
                    translations::field.eq(t.field.as_str()),
                    translations::text.eq(text),
                    translations::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    Ok(changed)
}

/// Deletes every translation of a workshop or question.
pub fn delete_translations(conn: &mut DbConnection, subject_id: &str) -> QueryResult<usize> {
    diesel::delete(translations::table.filter(translations::subject_id.eq(subject_id)))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question() -> Question {
        Question {
            id: "q1".into(),
            workshop_id: "w1".into(),
            position: 1,
            kind: "single_choice".into(),
            prompt: "Hvor bor du?".into(),
            help_text: "Vælg én.".into(),
            easy_read_prompt: None,
            options: r#"[{"key":"o1","label":"Egen bolig"},{"key":"o2","label":"Herberg"}]"#.into(),
            allow_other: false,
            required: false,
        }
    }

    #[test]
    fn translations_replace_texts_and_danish_fills_the_gaps() {
        let mut tr = Translations::none(Lang::En);
        tr.insert("q1".into(), TextField::Prompt, "Where do you live?".into());
        tr.insert("q1".into(), TextField::HelpText, "".into());
        tr.insert(
            "q1".into(),
            TextField::Options,
            r#"{"o2":"Shelter","o9":"Gone"}"#.into(),
        );
        let q = question().localized(&tr);
        assert_eq!(q.prompt, "Where do you live?");
        assert_eq!(q.help_text, "Vælg én.", "an empty translation is none");
        let labels: Vec<(String, String)> =
            q.options().into_iter().map(|o| (o.key, o.label)).collect();
        assert_eq!(
            labels,
            [
                ("o1".into(), "Egen bolig".into()),
                ("o2".into(), "Shelter".into())
            ]
        );
        assert_eq!(tr.fallback_lang("q1", TextField::Prompt), None);
        assert_eq!(tr.fallback_lang("q1", TextField::HelpText), Some("da"));
        assert_eq!(tr.option_fallback_lang("q1", "o1"), Some("da"));
        assert_eq!(tr.option_fallback_lang("q1", "o2"), None);

        // On a Danish page nothing falls back: Danish is the text itself.
        let da = Translations::none(Lang::Da);
        assert_eq!(da.fallback_lang("q1", TextField::Prompt), None);
        assert_eq!(question().localized(&da).prompt, "Hvor bor du?");
    }

    #[test]
    fn option_translations_keep_only_labels() {
        let mut labels = BTreeMap::new();
        assert_eq!(options_translation(&labels), "");
        labels.insert("o1".to_owned(), " ".to_owned());
        assert_eq!(options_translation(&labels), "");
        labels.insert("o2".to_owned(), "Shelter".to_owned());
        assert_eq!(options_translation(&labels), r#"{"o2":"Shelter"}"#);
    }
}
