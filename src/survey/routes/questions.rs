//! `/staff/workshops/{id}/questions` and `/staff/questions/{id}`: adding, changing, moving and
//! deleting questions. Once a workshop opens, only the wording may change.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{form_response, step, translations, FormTarget};
use crate::audit::{self, Action};
use crate::auth::Editor;
use crate::db::{Db, QuestionId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::domain::{ChoiceOption, WorkshopStatus};
use crate::survey::forms::{both, QuestionInput};
use crate::survey::store::{self, Question, TextField, Workshop};
use crate::survey::views;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{see_other, FieldError};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

/// The question form of a new question in `workshop`, or of the `existing` one; while the
/// workshop is not a draft the kind and options show read-only.
fn page(
    (lang, csrf, editor): (Lang, &CsrfToken, &Editor),
    workshop: &Workshop,
    existing: Option<&Question>,
    input: &QuestionInput,
    errors: &[FieldError],
) -> HttpResponse {
    let structure = existing.is_none() || workshop.status == WorkshopStatus::Draft;
    let target = FormTarget {
        heading: if existing.is_some() {
            "question-edit"
        } else {
            "question-add"
        },
        action: match existing {
            Some(q) => format!("/staff/questions/{}", q.id),
            None => format!("/staff/workshops/{}/questions", workshop.id),
        },
        back: format!("/staff/workshops/{}", workshop.id),
    };
    let options = existing.map_or(&[][..], Question::options);
    let fields = views::question_fields(lang, input, structure, options, errors);
    form_response(lang, editor, csrf, &target, errors, fields)
}

async fn load_workshop(db: &Db, id: WorkshopId) -> Result<Workshop, AppError> {
    db.run(move |conn| store::find_workshop(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
}

async fn load_question(db: &Db, id: QuestionId) -> Result<(Question, Workshop), AppError> {
    db.run(move |conn| {
        let q = store::find_question(conn, &id)?.ok_or(AppError::NotFound)?;
        let w = store::find_workshop(conn, &q.workshop_id)?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((q, w))
    })
    .await
}

pub(super) async fn get_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let w = load_workshop(&db, id.into_inner()).await?;
    let input = QuestionInput {
        kind: "long_text".into(),
        ..QuestionInput::default()
    };
    Ok(page((lang, &csrf, &editor), &w, None, &input, &[]))
}

pub(super) async fn post_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<WorkshopId>,
    Form(input): Form<QuestionInput>,
) -> Result<HttpResponse, AppError> {
    let w = load_workshop(&db, id.into_inner()).await?;
    if w.status.is_closed() {
        return Err(AppError::BadRequest("workshop is closed"));
    }
    let (fields, typed) = match both(input.parse(lang, &[]), input.translations(lang, &[])) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(page((lang, &csrf, &editor), &w, None, &input, &errors)),
    };
    let workshop = w.id.clone();
    audit::change(&db, editor.id(), move |conn, trail| {
        let id = store::add_question(conn, &workshop, &fields)?;
        trail.record(Action::QuestionCreate, &id, "");
        translations::save(
            conn,
            trail,
            (&workshop, id.as_str()),
            Action::QuestionTranslate,
            &typed,
        )?;
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &format!("/staff/workshops/{}", w.id),
        Notice::Saved,
    ))
}

/// The form values of a stored question.
fn question_input(q: &Question) -> QuestionInput {
    QuestionInput {
        kind: q.kind.as_str().to_owned(),
        prompt: q.prompt.clone(),
        help_text: q.help_text.clone(),
        easy_read_prompt: q.easy_read_prompt.clone().unwrap_or_default(),
        options: q
            .options()
            .iter()
            .map(|o: &ChoiceOption| o.label.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        allow_other: q.allow_other.then(|| "on".into()),
        required: q.required.then(|| "on".into()),
        translated: Default::default(),
    }
}

pub(super) async fn get_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuestionId>,
) -> Result<HttpResponse, AppError> {
    let (q, w) = load_question(&db, id.into_inner()).await?;
    let (subject, options) = (q.id.clone(), q.options.clone());
    let translated = db
        .run(move |conn| {
            translations::as_input(conn, subject.as_str(), &TextField::QUESTION, &options)
        })
        .await?;
    let input = QuestionInput {
        translated,
        ..question_input(&q)
    };
    Ok(page((lang, &csrf, &editor), &w, Some(&q), &input, &[]))
}

pub(super) async fn post_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuestionId>,
    Form(input): Form<QuestionInput>,
) -> Result<HttpResponse, AppError> {
    let (q, w) = load_question(&db, id.into_inner()).await?;
    // Once people can answer, only the wording may change: kind, options and "required" stay,
    // so answers already given keep their meaning. The option labels' translations are
    // wording too, so they may change on a live survey.
    let structure = w.status == WorkshopStatus::Draft;
    let input = if structure {
        input
    } else {
        QuestionInput {
            kind: q.kind.as_str().to_owned(),
            options: question_input(&q).options,
            ..input
        }
    };
    let parsed = both(
        input.parse(lang, q.options()),
        input.translations(lang, q.options()),
    );
    let (fields, typed) = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(page((lang, &csrf, &editor), &w, Some(&q), &input, &errors)),
    };
    let (qid, workshop) = (q.id.clone(), w.id.clone());
    audit::change(&db, editor.id(), move |conn, trail| {
        store::update_question(conn, &qid, &fields, structure)?;
        trail.record(Action::QuestionUpdate, &qid, "");
        translations::save(
            conn,
            trail,
            (&workshop, qid.as_str()),
            Action::QuestionTranslate,
            &typed,
        )?;
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &format!("/staff/workshops/{}", w.id),
        Notice::Saved,
    ))
}

#[derive(Deserialize)]
pub(super) struct MoveInput {
    direction: String,
}

pub(super) async fn post_move(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuestionId>,
    Form(input): Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    let by = step(&input.direction)?;
    let (q, w) = load_question(&db, id.into_inner()).await?;
    audit::change(&db, editor.id(), move |conn, trail| {
        store::move_question(conn, &q.id, by)?;
        trail.record(Action::QuestionMove, &q.id, input.direction);
        Ok(())
    })
    .await?;
    Ok(see_other(&format!("/staff/workshops/{}", w.id)))
}

pub(super) async fn post_delete(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<QuestionId>,
) -> Result<HttpResponse, AppError> {
    let (q, w) = load_question(&db, id.into_inner()).await?;
    audit::change(&db, editor.id(), move |conn, trail| {
        store::delete_question(conn, &q.id)?;
        trail.record(Action::QuestionDelete, &q.id, "");
        Ok(())
    })
    .await?;
    Ok(see_other_with(
        &format!("/staff/workshops/{}", w.id),
        Notice::Saved,
    ))
}
