//! Exports. This first part writes one workshop's answers as JSON; the summary model and the
//! other formats build on it.

use serde::Serialize;

use crate::db::DbConnection;
use crate::error::AppError;
use crate::participant::store as participant_store;
use crate::participant::views::display_answer;
use crate::survey::domain::ChoiceOption;
use crate::survey::store as survey_store;
use crate::web::Lang;

/// One workshop's answers, self-describing.
#[derive(Debug, Serialize)]
pub struct WorkshopExport {
    /// Format version of this document.
    pub format: &'static str,
    /// When it was made (UTC).
    pub exported_at: chrono::NaiveDateTime,
    /// The workshop.
    pub workshop: ExportWorkshop,
    /// Its questions, in order.
    pub questions: Vec<ExportQuestion>,
    /// Every answer, by question then time.
    pub answers: Vec<ExportAnswer>,
}

/// Workshop fields in an export.
#[derive(Debug, Serialize)]
pub struct ExportWorkshop {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Topic title.
    pub topic: String,
    /// Date and time.
    pub starts_at: Option<chrono::NaiveDateTime>,
    /// Place.
    pub location: String,
    /// Status.
    pub status: String,
}

/// A question in an export.
#[derive(Debug, Serialize)]
pub struct ExportQuestion {
    /// Id.
    pub id: String,
    /// 1-based order.
    pub position: i32,
    /// Kind.
    pub kind: String,
    /// Prompt.
    pub prompt: String,
    /// Options of choice kinds.
    pub options: Vec<ChoiceOption>,
}

/// An answer in an export. Participants appear only as "P1", "P2" … numbered within this file.
#[derive(Debug, Serialize)]
pub struct ExportAnswer {
    /// Id.
    pub id: String,
    /// Pseudonym within this export.
    pub participant: String,
    /// The question's id.
    pub question_id: String,
    /// The question's position.
    pub question_position: i32,
    /// The question's text.
    pub question: String,
    /// The question's kind.
    pub kind: String,
    /// The answer as a person reads it (Danish).
    pub value: String,
    /// The stored value (text, option JSON, 1–5, yes/no/dont_know).
    pub raw_value: String,
    /// "Vil ikke svare".
    pub declined: bool,
    /// self | scribe | read_aloud.
    pub entered_by: String,
    /// First saved (UTC).
    pub created_at: chrono::NaiveDateTime,
    /// Last changed (UTC).
    pub updated_at: chrono::NaiveDateTime,
}

/// Builds the export of one workshop.
pub fn workshop_export(
    conn: &mut DbConnection,
    workshop_id: &str,
) -> Result<WorkshopExport, AppError> {
    let w = survey_store::find_workshop(conn, workshop_id)?.ok_or(AppError::NotFound)?;
    let topic = survey_store::find_topic(conn, &w.topic_id)?.ok_or(AppError::NotFound)?;
    let questions = survey_store::list_questions(conn, &w.id)?;
    let answers = participant_store::workshop_answers(conn, &w.id)?;
    let mut pseudonyms: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (a, _) in &answers {
        let Some(q) = questions.iter().find(|q| q.id == a.question_id) else {
            continue;
        };
        let n = match pseudonyms.iter().position(|p| p == &a.participant_id) {
            Some(i) => i + 1,
            None => {
                pseudonyms.push(a.participant_id.clone());
                pseudonyms.len()
            }
        };
        out.push(ExportAnswer {
            id: a.id.clone(),
            participant: format!("P{n}"),
            question_id: q.id.clone(),
            question_position: q.position,
            question: q.prompt.clone(),
            kind: q.kind.clone(),
            value: display_answer(Lang::Da, q, Some(a)),
            raw_value: a.value.clone(),
            declined: a.declined,
            entered_by: a.entered_by.clone(),
            created_at: a.created_at,
            updated_at: a.updated_at,
        });
    }
    Ok(WorkshopExport {
        format: "deltag.workshop-answers.v1",
        exported_at: crate::db::now(),
        workshop: ExportWorkshop {
            id: w.id.clone(),
            title: w.title.clone(),
            topic: topic.title,
            starts_at: w.starts_at,
            location: w.location.clone(),
            status: w.status.clone(),
        },
        questions: questions
            .iter()
            .map(|q| ExportQuestion {
                id: q.id.clone(),
                position: q.position,
                kind: q.kind.clone(),
                prompt: q.prompt.clone(),
                options: q.options(),
            })
            .collect(),
        answers: out,
    })
}
