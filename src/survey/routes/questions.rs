//! Questions: the builder's form (`/staff/workshops/{id}/questions/new`,
//! `/staff/questions/{id}/edit`), moving and deleting. Once a workshop opens, only the wording
//! may change: kind, options and "required" stay, so answers already given keep their meaning.

use super::builder::{Builder, FormTarget};
use super::translations;
use crate::audit::{Action, Trail};
use crate::auth::{Editor, StaffContext};
use crate::db::{DbConnection, QuestionId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::domain::{ChoiceOption, WorkshopStatus};
use crate::survey::forms::{both, QuestionInput, Typed};
use crate::survey::store::{self, Question, QuestionFields, TextField, Workshop};
use crate::survey::views;
use crate::web::layout::{see_other, FieldError};
use crate::web::notice::{with_notice, Notice};
use crate::web::{Form, MoveForm};
use actix_web::{web, HttpResponse};
use diesel::QueryResult;

/// The question form: a new question of a workshop, or an existing question.
pub(super) struct Questions;

/// What the question form is about: the workshop, and the question when it exists.
pub(super) struct QuestionTarget {
    workshop: Workshop,
    question: Option<Question>,
}

impl QuestionTarget {
    /// Kind, options, "Andet" and "required" can change: a new question, or any in a draft.
    fn structure(&self) -> bool {
        self.question.is_none() || self.workshop.status == WorkshopStatus::Draft
    }

    /// The options there are now (their keys stay when labels change).
    fn options(&self) -> &[ChoiceOption] {
        self.question.as_ref().map_or(&[][..], Question::options)
    }

    /// What the translation fields translate now: the options, or a scale's five words.
    fn translatable(&self) -> Vec<ChoiceOption> {
        self.question.as_ref().map(Question::translatable_options).unwrap_or_default()
    }
}

/// The form values of a stored question.
fn question_input(q: &Question) -> QuestionInput {
    QuestionInput {
        kind: q.kind.as_str().to_owned(),
        prompt: q.prompt.clone(),
        help_text: q.help_text.clone(),
        easy_read_prompt: q.easy_read_prompt.clone().unwrap_or_default(),
        options: q.options().iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join("\n"),
        scale_words: q.scale_words(Lang::Da).join("\n"),
        allow_other: q.allow_other.then(|| "on".into()),
        required: q.required.then(|| "on".into()),
        translated: Default::default(),
    }
}

impl Builder for Questions {
    type Parent = WorkshopId;
    type Id = QuestionId;
    type Target = QuestionTarget;
    type Input = QuestionInput;
    type Parsed = (QuestionFields, Typed);

    fn load_new(conn: &mut DbConnection, id: WorkshopId) -> QueryResult<Option<QuestionTarget>> {
        let workshop = store::find_workshop(conn, &id)?;
        Ok(workshop.map(|workshop| QuestionTarget { workshop, question: None }))
    }

    fn load_edit(conn: &mut DbConnection, id: QuestionId) -> QueryResult<Option<QuestionTarget>> {
        let found = store::question_with_workshop(conn, &id)?;
        Ok(found.map(|(q, workshop)| QuestionTarget { workshop, question: Some(q) }))
    }

    fn check(target: &QuestionTarget) -> Result<(), AppError> {
        if target.question.is_none() && target.workshop.status.is_closed() {
            return Err(AppError::BadRequest("workshop is closed"));
        }
        Ok(())
    }

    /// A new question; its scale words start as the defaults, to be changed or kept.
    fn blank(_: &QuestionTarget) -> QuestionInput {
        QuestionInput {
            kind: "long_text".into(),
            scale_words: store::default_scale_words(Lang::Da).join("\n"),
            ..QuestionInput::default()
        }
    }

    fn stored(conn: &mut DbConnection, target: &QuestionTarget) -> Result<QuestionInput, AppError> {
        let Some(q) = &target.question else {
            return Ok(Self::blank(target));
        };
        Ok(QuestionInput {
            translated: translations::as_input(
                conn,
                &q.id,
                &TextField::QUESTION,
                &q.translatable_options(),
            )?,
            ..question_input(q)
        })
    }

    fn adjust(target: &QuestionTarget, input: QuestionInput) -> QuestionInput {
        match &target.question {
            Some(q) if !target.structure() => {
                let stored = question_input(q);
                QuestionInput {
                    kind: stored.kind,
                    options: stored.options,
                    scale_words: stored.scale_words,
                    ..input
                }
            }
            _ => input,
        }
    }

    /// The option labels' translations are wording too: they may change on a live survey.
    fn parse(
        lang: Lang, target: &QuestionTarget, input: &QuestionInput,
    ) -> Result<(QuestionFields, Typed), Vec<FieldError>> {
        let options = target.options();
        both(input.parse(lang, options), input.translations(lang, options))
    }

    fn form(
        lang: Lang, target: &QuestionTarget, input: &QuestionInput, errors: &[FieldError],
    ) -> (FormTarget, maud::Markup) {
        let w = &target.workshop;
        let (heading, action) = match &target.question {
            Some(q) => ("question-edit", format!("/staff/questions/{}", q.id)),
            None => ("question-add", format!("/staff/workshops/{}/questions", w.id)),
        };
        let back = format!("/staff/workshops/{}", w.id);
        let fields =
            views::question_fields(lang, input, target.structure(), &target.translatable(), errors);
        (FormTarget { heading, action, back }, fields)
    }

    fn save(
        conn: &mut DbConnection, trail: &mut Trail, target: QuestionTarget,
        (fields, typed): (QuestionFields, Typed),
    ) -> Result<String, AppError> {
        let structure = target.structure();
        let w = target.workshop.id;
        let id = match target.question {
            None => {
                let id = store::add_question(conn, &w, &fields)?;
                trail.record(Action::QuestionCreate, &id, "");
                id
            }
            Some(q) => {
                store::update_question(conn, &q.id, &fields, structure)?;
                trail.record(Action::QuestionUpdate, &q.id, "");
                q.id
            }
        };
        translations::save(conn, trail, (&w, &id), Action::QuestionTranslate, &typed)?;
        Ok(with_notice(&format!("/staff/workshops/{w}"), Notice::Saved))
    }
}

/// The question of a path.
async fn load(cx: &StaffContext<Editor>, id: QuestionId) -> Result<Question, AppError> {
    cx.db.find(move |conn| store::find_question(conn, &id)).await
}

pub(super) async fn post_move(
    cx: StaffContext<Editor>, id: web::Path<QuestionId>, Form(input): Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let moved = Action::QuestionMove;
    let q: Question = cx.move_row(id.into_inner(), input.direction, moved).await?;
    Ok(see_other(&format!("/staff/workshops/{}", q.workshop_id)))
}

pub(super) async fn post_delete(
    cx: StaffContext<Editor>, id: web::Path<QuestionId>,
) -> Result<HttpResponse, AppError> {
    let q = load(&cx, id.into_inner()).await?;
    let back = with_notice(&format!("/staff/workshops/{}", q.workshop_id), Notice::Saved);
    cx.change(move |conn, trail| {
        store::delete_question(conn, &q.id)?;
        trail.record(Action::QuestionDelete, &q.id, q.prompt.clone());
        Ok(())
    })
    .await?;
    Ok(see_other(&back))
}
