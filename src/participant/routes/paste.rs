//! `/staff/questions/{id}/paste`: flipchart notes typed or pasted in, one statement per line.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::{Db, QuestionId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::{AnswerProblem, AnswerText, SubmissionKey};
use crate::participant::{store, views};
use crate::survey::{self, Question, Workshop};
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// A free-text question and its workshop; other kinds have no notes to paste (404).
async fn text_question(db: &Db, id: QuestionId) -> Result<(Question, Workshop), AppError> {
    let found = db.find(move |conn| survey::question_with_workshop(conn, &id)).await?;
    found.0.kind.is_text().then_some(found).ok_or(AppError::NotFound)
}

/// The form, fresh or with what was typed and its error (422).
fn page(
    cx: &StaffContext<Editor>, (workshop, question): (&Workshop, &Question), notes: &str,
    errors: &[FieldError],
) -> HttpResponse {
    let key = SubmissionKey::generate();
    let typed = (key.as_str(), notes, errors);
    let page = views::paste_page(cx.lang, cx.staff(), &cx.csrf, workshop, question, typed);
    form_response(errors, page)
}

pub(super) async fn get_paste(
    cx: StaffContext<Editor>, id: web::Path<QuestionId>,
) -> Result<HttpResponse, AppError> {
    let (q, w) = text_question(&cx.db, id.into_inner()).await?;
    Ok(page(&cx, (&w, &q), "", &[]))
}

#[derive(Deserialize)]
pub(super) struct PasteInput {
    submission_key: Option<String>,
    #[serde(default)]
    notes: String,
}

impl PasteInput {
    /// One statement per non-empty line, or the message for the first line that cannot be
    /// stored (or for no lines at all).
    fn statements(&self, lang: Lang) -> Result<Result<Vec<AnswerText>, String>, AppError> {
        let mut lines = Vec::new();
        for line in self.notes.lines().map(without_list_marker).filter(|l| !l.is_empty()) {
            match AnswerText::parse(line) {
                // A line of only invisible characters is no statement.
                Ok(text) if text.is_empty() => {}
                Ok(text) => lines.push(text),
                Err(p) => return Ok(Err(AnswerProblem::Text(p).message(lang)?)),
            }
        }
        Ok(if lines.is_empty() { Err(lang.t("paste-empty")) } else { Ok(lines) })
    }
}

/// A line of notes without the list marker it was written with ("- ", "• ", "3. ", "3) "),
/// trimmed: the marker is layout, not part of what was said.
fn without_list_marker(line: &str) -> &str {
    let line = line.trim();
    let bullet = line.strip_prefix(['-', '*', '•', '–', '—', '·', '▪', '◦', '‣', '>']);
    if let Some(rest) = bullet.filter(|r| r.starts_with(char::is_whitespace)) {
        return rest.trim();
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) =
            rest.strip_prefix(['.', ')']).filter(|r| r.starts_with(char::is_whitespace))
        {
            return rest.trim();
        }
    }
    line
}

/// One statement per line becomes one answer from its own flipchart participant, entered by
/// this facilitator as scribe.
pub(super) async fn post_paste(
    cx: StaffContext<Editor>, id: web::Path<QuestionId>, Form(input): Form<PasteInput>,
) -> Result<HttpResponse, AppError> {
    let (q, w) = text_question(&cx.db, id.into_inner()).await?;
    if !w.status.accepts_answers() {
        return Err(AppError::Gone);
    }
    let key = input
        .submission_key
        .as_deref()
        .and_then(SubmissionKey::parse)
        .ok_or(AppError::BadRequest("missing submission key"))?;
    let lines = match input.statements(cx.lang)? {
        Ok(lines) => lines,
        Err(message) => {
            let errors = [FieldError::new("notes", message)];
            return Ok(page(&cx, (&w, &q), &input.notes, &errors));
        }
    };
    let (by, workshop, question) = (cx.staff().id().clone(), w.id.clone(), q.id.clone());
    cx.change(move |conn, trail| {
        let count = lines.len();
        store::save_statements(conn, (&workshop, &question), &key, lines, &by)?;
        crate::db::events::record_change(conn, &workshop)?;
        trail.record(Action::AnswersPaste, &question, count.to_string());
        Ok(())
    })
    .await?;
    Ok(see_other_with(&format!("/staff/workshops/{}", w.id), Notice::Pasted))
}

#[cfg(test)]
mod tests {
    use super::without_list_marker;

    #[test]
    fn list_markers_are_layout_not_words() {
        for (line, said) in [
            ("- Ro og fred", "Ro og fred"),
            ("•  Et sted at være", "Et sted at være"),
            ("* En nøgle", "En nøgle"),
            ("– Naboer der hilser", "Naboer der hilser"),
            ("3. Lyt til mig", "Lyt til mig"),
            ("12) Se mig", "Se mig"),
            ("  1.Ingen mellemrum  ", "1.Ingen mellemrum"),
            ("-5 grader i skuret", "-5 grader i skuret"),
            ("2023 var et hårdt år", "2023 var et hårdt år"),
            ("-", "-"),
        ] {
            assert_eq!(without_list_marker(line), said, "{line}");
        }
    }
}
