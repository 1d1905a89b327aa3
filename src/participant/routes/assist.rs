//! `/staff/workshops/{id}/assist`: a facilitator enters the answers of someone who said them
//! aloud (or had the questions read to them). Nothing is required: they enter what was said.

use std::collections::HashMap;

use actix_web::{web, HttpResponse};

use crate::audit::Action;
use crate::auth::{Editor, StaffContext};
use crate::db::{Db, DbConnection, QuestionId, UserId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::domain::{
    parse_answer, AnswerInput, AnswerValue, ChoiceValue, EnteredBy, QuestionRules, SubmissionKey,
    OTHER_KEY,
};
use crate::participant::domain::{Person, PersonChoice};
use crate::participant::store::Answer;
use crate::participant::{store, views};
use crate::survey::{self, Question, QuestionKind, Workshop};
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// The form's values by field name.
type Fields = HashMap<String, Vec<String>>;

/// The workshop and its questions, while it takes answers (410 after it closed).
async fn open_workshop(db: &Db, id: WorkshopId) -> Result<(Workshop, Vec<Question>), AppError> {
    let found = db.find(move |conn| survey::workshop_with_questions(conn, &id)).await?;
    found.0.status.accepts_answers().then_some(found).ok_or(AppError::Gone)
}

/// The workshops whose numbered people are the same people: every workshop of the topic when
/// its workshops have the same people, else just this one.
fn same_people_scope(conn: &mut DbConnection, w: &Workshop) -> Result<Vec<WorkshopId>, AppError> {
    let topic = survey::find_topic(conn, &w.topic_id)?.ok_or(AppError::NotFound)?;
    Ok(if topic.same_people {
        survey::workshops_of_topic(conn, &topic.id)?.into_iter().map(|w| w.id).collect()
    } else {
        vec![w.id.clone()]
    })
}

/// `person=new` or `person=4` (400 for anything else).
fn parse_person(value: Option<&str>) -> Result<Person, AppError> {
    Person::parse(value).ok_or(AppError::BadRequest("person"))
}

/// The form, fresh or with errors (422): the people to choose from, and the values as typed
/// (or as stored for the person).
async fn page(
    cx: &StaffContext<Editor>, (workshop, questions): (&Workshop, &[Question]), person: Person,
    typed: Option<(&Fields, &[FieldError])>,
) -> Result<HttpResponse, AppError> {
    let w = workshop.clone();
    let (persons, stored) = cx
        .db
        .run(move |conn| {
            let scope = same_people_scope(conn, &w)?;
            let persons = store::persons(conn, &w.id, &scope)?;
            let stored = match person {
                Person::Numbered(n) => store::answers_of_person(conn, &w.id, n)?,
                Person::New => Vec::new(),
            };
            Ok::<_, AppError>((persons, stored))
        })
        .await?;
    if let Person::Numbered(n) = person {
        if !persons.iter().any(|(m, _)| *m == n) {
            return Err(AppError::NotFound);
        }
    }
    let stored_values = stored_fields(questions, &stored);
    let (values, errors) = typed.unwrap_or((&stored_values, &[]));
    let key = SubmissionKey::generate();
    let next_number = persons.last().map_or(1, |(n, _)| n + 1);
    let view = views::AssistPage {
        workshop,
        questions,
        key: key.as_str(),
        person,
        persons: &persons,
        next_number,
        values,
        errors,
    };
    Ok(form_response(errors, views::assist_page(cx.lang, cx.staff(), &cx.csrf, &view)))
}

/// A person's stored answers as the form's fields.
fn stored_fields(questions: &[Question], answers: &[Answer]) -> Fields {
    let mut out: Fields = HashMap::new();
    for a in answers.iter().filter(|a| !a.declined) {
        let Some(q) = questions.iter().find(|q| q.id == a.question_id) else { continue };
        let name = format!("q{}", q.position);
        match q.kind {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                let Ok(v) = serde_json::from_str::<ChoiceValue>(&a.value) else { continue };
                let field =
                    if q.kind == QuestionKind::MultipleChoice { "choice" } else { "answer" };
                let mut keys = v.choices;
                if let Some(other) = v.other {
                    keys.push(OTHER_KEY.to_owned());
                    out.insert(format!("{name}.other"), vec![other]);
                }
                out.insert(format!("{name}.{field}"), keys);
            }
            _ => {
                out.insert(format!("{name}.answer"), vec![a.value.clone()]);
            }
        }
    }
    out
}

pub(super) async fn get_assist(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, query: web::Query<PersonChoice>,
) -> Result<HttpResponse, AppError> {
    let person = parse_person(query.person.as_deref())?;
    let (w, questions) = open_workshop(&cx.db, id.into_inner()).await?;
    let shown = page(&cx, (&w, &questions), person, None).await?;
    if let Person::Numbered(_) = person {
        // The form shows what is stored for that person: their answers.
        crate::audit::answers_read(&cx.db, cx.staff().id(), &w.id).await?;
    }
    Ok(shown)
}

/// One person's answers as entered: how they were given, and a value per answered question.
struct Assisted {
    key: SubmissionKey,
    person: Person,
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

    /// The values as posted, by field name, to show the form again.
    fn values(&self) -> Fields {
        let mut out: Fields = HashMap::new();
        for (k, v) in &self.0 {
            out.entry(k.clone()).or_default().push(v.clone());
        }
        out
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
        let person = parse_person(self.field("person"))?;
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
        Ok(if errors.is_empty() {
            Ok(Assisted { key, person, entered_by, values })
        } else {
            Err(errors)
        })
    }
}

/// Stores one person's answers. The key makes the participant and every answer idempotent:
/// a resend stores nothing twice.
pub(super) async fn post_assist(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (w, questions) = open_workshop(&cx.db, id.into_inner()).await?;
    let form = AssistForm(pairs);
    let assisted = match form.parse(cx.lang, &questions)? {
        Ok(assisted) => assisted,
        Err(errors) => {
            let person = parse_person(form.field("person"))?;
            let values = form.values();
            return page(&cx, (&w, &questions), person, Some((&values, &errors))).await;
        }
    };
    let (by, back) = (cx.staff().id().clone(), format!("/staff/workshops/{}", w.id));
    cx.change(move |conn, trail| {
        let participant = assisted.save(conn, &w, &by)?;
        let number = participant.person_number.map(|n| n.to_string()).unwrap_or_default();
        let detail = format!("{} {number}", assisted.entered_by.as_str());
        trail.record(Action::AnswersAssist, &participant.id, detail);
        Ok(())
    })
    .await?;
    Ok(see_other_with(&back, Notice::Assisted))
}

impl Assisted {
    /// Stores the answers for their person (found, or made with the next number).
    fn save(
        &self, conn: &mut DbConnection, w: &Workshop, by: &UserId,
    ) -> Result<store::Participant, AppError> {
        let token = format!("assist:{}", self.key.as_str());
        let scope = same_people_scope(conn, w)?;
        let participant = store::person(conn, &w.id, &scope, self.person, &token)?;
        for (question_id, position, value) in &self.values {
            let answer = store::NewAnswer {
                participant_id: &participant.id,
                question_id,
                value,
                entered_by: self.entered_by,
                user_id: Some(by),
                submission_key: &self.key.part(position),
            };
            store::save_answer(conn, &answer)?;
        }
        crate::db::events::record_change(conn, &w.id)?;
        Ok(participant)
    }
}
