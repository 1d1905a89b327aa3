//! `/staff/workshops/{id}/assist`: a facilitator enters the answers of someone who said them
//! aloud (or had the questions read to them). Nothing is required: they enter what was said.

use actix_web::{web, HttpResponse};

use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::{Db, QuestionId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::{
    parse_answer, AnswerInput, AnswerValue, EnteredBy, QuestionRules, Source, SubmissionKey,
};
use crate::participant::{store, views};
use crate::survey::{self, Question, Workshop};
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// The workshop and its questions, while it takes answers (410 after it closed).
async fn open_workshop(db: &Db, id: WorkshopId) -> Result<(Workshop, Vec<Question>), AppError> {
    let found = db.find(move |conn| survey::workshop_with_questions(conn, &id)).await?;
    found.0.status.accepts_answers().then_some(found).ok_or(AppError::Gone)
}

/// The form, fresh or with errors (422).
fn page(
    cx: &StaffContext<Editor>, workshop: &Workshop, questions: &[Question], errors: &[FieldError],
) -> HttpResponse {
    let key = SubmissionKey::generate();
    let page = views::assist_page(
        cx.lang,
        cx.staff(),
        &cx.csrf,
        (workshop, questions),
        key.as_str(),
        errors,
    );
    form_response(errors, page)
}

pub(super) async fn get_assist(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let (w, questions) = open_workshop(&cx.db, id.into_inner()).await?;
    Ok(page(&cx, &w, &questions, &[]))
}

/// One person's answers as entered: how they were given, and a value per answered question.
struct Assisted {
    key: SubmissionKey,
    entered_by: EnteredBy,
    values: Vec<(QuestionId, i32, AnswerValue)>,
}

/// The posted form: `q{position}.answer`, `q{position}.choice` (repeated) and
/// `q{position}.other` for every question, plus `entered_by` and one submission key.
struct AssistForm(Vec<(String, String)>);

impl AssistForm {
    fn field(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The answers, or the questions whose answers cannot be stored; 400 for a form no page
    /// of ours sends.
    fn parse(
        &self, lang: Lang, questions: &[Question],
    ) -> Result<Result<Assisted, Vec<FieldError>>, AppError> {
        let key = self
            .field("submission_key")
            .and_then(SubmissionKey::parse)
            .ok_or(AppError::BadRequest("missing submission key"))?;
        let entered_by = match self.field("entered_by").and_then(EnteredBy::parse) {
            Some(by @ (EnteredBy::Scribe | EnteredBy::ReadAloud)) => by,
            _ => return Err(AppError::BadRequest("entered_by")),
        };
        let (mut values, mut errors) = (Vec::new(), Vec::new());
        for q in questions {
            let prefix = format!("q{}.", q.position);
            let input = AnswerInput {
                answer: self.field(&format!("{prefix}answer")).map(str::to_owned),
                choice: self
                    .0
                    .iter()
                    .filter(|(k, _)| *k == format!("{prefix}choice"))
                    .map(|(_, v)| v.clone())
                    .collect(),
                other: self.field(&format!("{prefix}other")).map(str::to_owned),
            };
            // Facilitators enter what was said: nothing is required of them.
            let rules = QuestionRules {
                kind: q.kind,
                options: q.options(),
                allow_other: q.allow_other,
                required: false,
            };
            match parse_answer(&rules, &input) {
                Ok(AnswerValue::Blank) => {}
                Ok(v) => values.push((q.id.clone(), q.position, v)),
                Err(problem) => {
                    errors.push(FieldError::new(format!("q{}", q.position), problem.message(lang)?))
                }
            }
        }
        if values.is_empty() && errors.is_empty() {
            errors.push(FieldError::new("q1", lang.t("assist-empty")));
        }
        Ok(if errors.is_empty() { Ok(Assisted { key, entered_by, values }) } else { Err(errors) })
    }
}

/// Stores one person's answers. The key makes the participant and every answer idempotent:
/// a resend stores nothing twice.
pub(super) async fn post_assist(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (w, questions) = open_workshop(&cx.db, id.into_inner()).await?;
    let assisted = match AssistForm(pairs).parse(cx.lang, &questions)? {
        Ok(assisted) => assisted,
        Err(errors) => return Ok(page(&cx, &w, &questions, &errors)),
    };
    let (by, back) = (cx.staff().id().clone(), format!("/staff/workshops/{}", w.id));
    cx.change(move |conn, trail| {
        let Assisted { key, entered_by, values } = assisted;
        let token = format!("assist:{}", key.as_str());
        let participant = store::join(conn, &w.id, &token, Source::Assisted)?;
        for (question_id, position, value) in &values {
            let answer = store::NewAnswer {
                participant_id: &participant.id,
                question_id,
                value,
                entered_by,
                user_id: Some(&by),
                submission_key: &key.part(position),
            };
            store::save_answer(conn, &answer)?;
        }
        trail.record(Action::AnswersAssist, &participant.id, entered_by.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other_with(&back, Notice::Assisted))
}
