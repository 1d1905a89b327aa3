//! The analysis model that Excel, CSV and JSON render: the individual answers, for the
//! council's own analysts. One row per respondent with a pseudonymous ID (the same across a
//! topic's workshops for a person a facilitator numbered, when the topic had the same
//! people), question kinds in words, scale values as numbers with their words beside, one 0/1
//! column per option of a multiple-choice question, and personal data masked. Every file says
//! first that it holds individual answers for internal use.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::Serialize;

use super::findings::OTHER;
use super::store::{Material, Row};
use super::summary::{option_labels, ScopeInfo, Summary};
use crate::db::{AnswerId, ParticipantId, WorkshopId};
use crate::i18n::Lang;
use crate::participant::{ChoiceValue, Source};
use crate::survey::{Question, QuestionKind};
use crate::themes::pii;

/// The individual answers of a scope.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    /// That this holds individual answers for internal use (first, in every format).
    pub notice: String,
    /// Format version of this document.
    pub format: &'static str,
    /// The document title.
    pub title: String,
    /// The organisation that made it.
    pub organisation: String,
    /// What it covers.
    pub scope: ScopeInfo,
    /// When it was made (UTC).
    pub generated_at: NaiveDateTime,
    /// Language of the texts.
    pub language: &'static str,
    /// One line per workshop whose individual answers were deleted, saying when.
    pub answers_deleted: Vec<String>,
    /// The columns of [`Respondent::values`].
    pub columns: Vec<Column>,
    /// One row per respondent (or flipchart statement).
    pub respondents: Vec<Respondent>,
    /// One row per answer.
    pub answers: Vec<AnswerRecord>,
    /// The report's aggregates, suppressed as in the report.
    pub report: Summary,
}

/// A column of the one-row-per-respondent table.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Stable key: `W1.3` (a question), `W1.3.o2` (an option), `W1.3.text` (the words beside).
    pub key: String,
    /// The heading: "W1.3 Hvor bor du nu?: Herberg".
    pub header: String,
    /// Holds numbers (scale values, 0/1 options).
    pub numeric: bool,
}

/// A cell of the one-row-per-respondent table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// No answer.
    Empty,
    /// A scale value or a 0/1 option.
    Number(u32),
    /// Text (masked).
    Text(String),
}

/// One respondent: a phone, a person a facilitator entered answers for, or one flipchart line.
#[derive(Debug, Clone, Serialize)]
pub struct Respondent {
    /// Pseudonymous ID: `W1-Tlf03`, `W2-Person04`, `Tema1-Person04`, `W1-Flip02`.
    pub id: String,
    /// Where the answers come from, in words.
    pub source: String,
    /// The workshops they answered in.
    pub workshops: String,
    /// One cell per [`Dataset::columns`].
    pub values: Vec<Cell>,
}

/// One answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRecord {
    /// The respondent's ID.
    pub respondent: String,
    /// Where it comes from, in words.
    pub source: String,
    /// Workshop title.
    pub workshop: String,
    /// Question number.
    pub question_position: i32,
    /// The question.
    pub question: String,
    /// The question's kind, in words.
    pub kind: String,
    /// A scale answer as a number.
    pub number: Option<u8>,
    /// The answer as people read it, personal data masked.
    pub answer: String,
    /// "Vil ikke svare".
    pub declined: bool,
    /// How it was entered, in words.
    pub entered_by: String,
    /// Themes it stands in.
    pub themes: Vec<String>,
    /// First saved (UTC).
    pub created_at: NaiveDateTime,
    /// Last changed (UTC).
    pub updated_at: NaiveDateTime,
}

/// Who a row belongs to, before they get their ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Who {
    /// A numbered person of a topic whose workshops had the same people.
    TopicPerson(usize, i32),
    /// A numbered person of one workshop.
    WorkshopPerson(usize, i32),
    /// A phone (or an unnumbered person) of one workshop.
    Phone(usize, ParticipantId),
    /// One flipchart line.
    Statement(usize, ParticipantId),
}

/// Builds the dataset of `material` with its texts in `lang`; `report` is the same scope's
/// report model.
pub fn build(material: &Material, lang: Lang, report: Summary) -> Dataset {
    let workshop_no: HashMap<&WorkshopId, usize> =
        material.workshops.iter().enumerate().map(|(i, w)| (&w.id, i + 1)).collect();
    let topic_no: HashMap<&crate::db::TopicId, (usize, bool)> = material
        .topics
        .iter()
        .enumerate()
        .map(|(i, (t, _))| (&t.id, (i + 1, t.same_people)))
        .collect();
    let topic_of: HashMap<&WorkshopId, &crate::db::TopicId> =
        material.workshops.iter().map(|w| (&w.id, &w.topic_id)).collect();
    let who = |r: &Row| -> Who {
        let w = workshop_no.get(&r.question.workshop_id).copied().unwrap_or(0);
        let same = topic_of
            .get(&r.question.workshop_id)
            .and_then(|t| topic_no.get(t))
            .map(|&(t, same)| (t, same));
        match (r.source, r.person_number, same) {
            (Source::Flipchart, _, _) => Who::Statement(w, r.answer.participant_id.clone()),
            (Source::Assisted, Some(n), Some((t, true))) => Who::TopicPerson(t, n),
            (Source::Assisted, Some(n), _) => Who::WorkshopPerson(w, n),
            _ => Who::Phone(w, r.answer.participant_id.clone()),
        }
    };
    // Phones and flipchart lines are numbered in the order they joined, per workshop.
    let mut order: Vec<(&Row, Who)> = material.rows.iter().map(|r| (r, who(r))).collect();
    order.sort_by(|(a, wa), (b, wb)| {
        let rank = |w: &Who| match w {
            Who::TopicPerson(..) => 0,
            Who::WorkshopPerson(..) => 1,
            Who::Phone(..) => 2,
            Who::Statement(..) => 3,
        };
        rank(wa).cmp(&rank(wb)).then(a.joined_at.cmp(&b.joined_at)).then(wa.cmp(wb))
    });
    let mut ids: HashMap<Who, String> = HashMap::new();
    let mut seen_per_workshop: HashMap<(usize, u8), u32> = HashMap::new();
    for (_, w) in &order {
        if ids.contains_key(w) {
            continue;
        }
        let id = match w {
            Who::TopicPerson(t, n) => format!("Tema{t}-Person{n:02}"),
            Who::WorkshopPerson(ws, n) => format!("W{ws}-Person{n:02}"),
            Who::Phone(ws, _) => {
                let k = seen_per_workshop.entry((*ws, 0)).or_default();
                *k += 1;
                format!("W{ws}-Tlf{k:02}")
            }
            Who::Statement(ws, _) => {
                let k = seen_per_workshop.entry((*ws, 1)).or_default();
                *k += 1;
                format!("W{ws}-Flip{k:02}")
            }
        };
        ids.insert(w.clone(), id);
    }
    let source_label = |w: &Who| match w {
        Who::TopicPerson(..) | Who::WorkshopPerson(..) => lang.t("data-source-person"),
        Who::Phone(..) => lang.t("data-source-phone"),
        Who::Statement(..) => lang.t("data-source-flipchart"),
    };

    let columns = columns(lang, material, &workshop_no);
    let column_at: HashMap<&str, usize> =
        columns.iter().enumerate().map(|(i, c)| (c.key.as_str(), i)).collect();
    let theme_titles = theme_titles(material);
    let mut respondents: BTreeMap<String, Respondent> = BTreeMap::new();
    let mut answers = Vec::with_capacity(material.rows.len());
    for (r, w) in &order {
        let id = ids.get(w).cloned().unwrap_or_default();
        let ws = workshop_no.get(&r.question.workshop_id).copied().unwrap_or(0);
        let workshop_title = material
            .workshops
            .iter()
            .find(|x| x.id == r.question.workshop_id)
            .map(|x| x.title.clone())
            .unwrap_or_default();
        let respondent = respondents.entry(id.clone()).or_insert_with(|| Respondent {
            id: id.clone(),
            source: source_label(w),
            workshops: String::new(),
            values: vec![Cell::Empty; columns.len()],
        });
        if !respondent.workshops.split("; ").any(|t| t == workshop_title) {
            if !respondent.workshops.is_empty() {
                respondent.workshops.push_str("; ");
            }
            respondent.workshops.push_str(&workshop_title);
        }
        let base = format!("W{ws}.{}", r.question.position);
        for (key, cell) in cells(lang, r) {
            let key = if key.is_empty() { base.clone() } else { format!("{base}.{key}") };
            if let Some(&i) = column_at.get(key.as_str()) {
                respondent.values[i] = cell;
            }
        }
        let shown = crate::participant::display_answer(lang, &r.question, Some(&r.answer));
        answers.push(AnswerRecord {
            respondent: id,
            source: source_label(w),
            workshop: workshop_title,
            question_position: r.question.position,
            question: r.question.prompt.clone(),
            kind: lang.t(r.question.kind.label_key()),
            number: (r.question.kind == QuestionKind::Scale && !r.answer.declined)
                .then(|| r.answer.value.parse().ok())
                .flatten(),
            answer: pii::mask(&shown),
            declined: r.answer.declined,
            entered_by: lang.t(r.answer.entered_by.label_key()),
            themes: theme_titles.get(&r.answer.id).cloned().unwrap_or_default(),
            created_at: r.answer.created_at,
            updated_at: r.answer.updated_at,
        });
    }
    // Respondents in the order they were numbered.
    let mut listed: Vec<Respondent> = Vec::with_capacity(respondents.len());
    for (_, w) in &order {
        if let Some(id) = ids.get(w) {
            if let Some(r) = respondents.remove(id) {
                listed.push(r);
            }
        }
    }
    Dataset {
        notice: lang.t("data-notice"),
        format: "deltag.data.v1",
        title: lang.t_args("data-title", &[("scope", material.scope.title.as_str().into())]),
        organisation: report.organisation.clone(),
        scope: material.scope.clone(),
        generated_at: report.generated_at,
        language: lang.code(),
        answers_deleted: report.answers_deleted.clone(),
        columns,
        respondents: listed,
        answers,
        report,
    }
}

/// The columns: per workshop and question, the answer (and for scales and multiple choice
/// the words beside), or one 0/1 column per option.
fn columns(
    lang: Lang, material: &Material, workshop_no: &HashMap<&WorkshopId, usize>,
) -> Vec<Column> {
    let mut out = Vec::new();
    for q in &material.questions {
        let ws = workshop_no.get(&q.workshop_id).copied().unwrap_or(0);
        let key = format!("W{ws}.{}", q.position);
        let header = format!("{key} {}", q.prompt);
        let text = |suffix: &str| Column {
            key: format!("{key}.text"),
            header: format!("{header} ({})", lang.t(suffix)),
            numeric: false,
        };
        match q.kind {
            QuestionKind::Scale => {
                out.push(Column { key: key.clone(), header: header.clone(), numeric: true });
                out.push(text("data-col-words"));
            }
            QuestionKind::MultipleChoice => {
                for (option, label) in option_labels(lang, q) {
                    out.push(Column {
                        key: format!("{key}.{option}"),
                        header: format!("{header}: {label}"),
                        numeric: true,
                    });
                }
                out.push(text("data-col-answer-words"));
            }
            _ => out.push(Column { key, header, numeric: false }),
        }
    }
    out
}

/// The cells one answer fills, by key suffix ("" for the question's own column).
fn cells(lang: Lang, r: &Row) -> Vec<(String, Cell)> {
    let q: &Question = &r.question;
    let declined = || Cell::Text(lang.t("answer-declined"));
    match q.kind {
        QuestionKind::Scale => {
            if r.answer.declined {
                return vec![("text".into(), declined())];
            }
            let Ok(n) = r.answer.value.parse::<u8>() else { return Vec::new() };
            let words = q.scale_words(lang);
            let word = words.get(usize::from(n).saturating_sub(1)).cloned().unwrap_or_default();
            vec![(String::new(), Cell::Number(u32::from(n))), ("text".into(), Cell::Text(word))]
        }
        QuestionKind::MultipleChoice => {
            if r.answer.declined {
                return vec![("text".into(), declined())];
            }
            let value: ChoiceValue = serde_json::from_str(&r.answer.value)
                .unwrap_or(ChoiceValue { choices: Vec::new(), other: None });
            let mut out: Vec<(String, Cell)> = option_labels(lang, q)
                .into_iter()
                .map(|(key, _)| {
                    let chosen = if key == OTHER {
                        value.other.is_some()
                    } else {
                        value.choices.contains(&key)
                    };
                    (key, Cell::Number(u32::from(chosen)))
                })
                .collect();
            let shown = crate::participant::display_answer(lang, q, Some(&r.answer));
            out.push(("text".into(), Cell::Text(pii::mask(&shown))));
            out
        }
        _ => {
            let shown = crate::participant::display_answer(lang, q, Some(&r.answer));
            vec![(String::new(), Cell::Text(pii::mask(&shown)))]
        }
    }
}

/// The titles of the themes each answer stands in.
fn theme_titles(material: &Material) -> HashMap<&AnswerId, Vec<String>> {
    let mut out: HashMap<&AnswerId, Vec<String>> = HashMap::new();
    for (_, board) in &material.topics {
        for (theme, answer) in &board.links {
            if let Some(t) = board.themes.iter().find(|t| &t.id == theme) {
                out.entry(answer).or_default().push(t.title.clone());
            }
        }
    }
    out
}
