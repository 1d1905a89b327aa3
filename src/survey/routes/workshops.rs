//! `/staff/topics/{id}/workshops` and `/staff/workshops/{id}`: making, changing, opening and
//! closing workshops, and the workshop page.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{form_response, translations, FormTarget};
use crate::audit::{self, Action};
use crate::auth::{Editor, Staff};
use crate::config::RuntimeSettings;
use crate::db::{Db, TopicId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::domain::WorkshopStatus;
use crate::survey::forms::{both, parse_translations, WorkshopInput};
use crate::survey::store::{self, StatusError, TextField, Workshop};
use crate::survey::views;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, see_other, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

/// Where the workshop form posts: a new workshop of a topic, or an existing workshop.
enum Target<'a> {
    New(&'a TopicId),
    Edit(&'a WorkshopId),
}

fn page(
    (lang, csrf, editor): (Lang, &CsrfToken, &Editor),
    target: Target<'_>,
    input: &WorkshopInput,
    errors: &[FieldError],
) -> HttpResponse {
    let target = match target {
        Target::New(topic) => FormTarget {
            heading: "workshop-new",
            action: format!("/staff/topics/{topic}/workshops"),
            back: "/staff".into(),
        },
        Target::Edit(workshop) => FormTarget {
            heading: "workshop-edit",
            action: format!("/staff/workshops/{workshop}"),
            back: format!("/staff/workshops/{workshop}"),
        },
    };
    let fields = views::workshop_fields(lang, input, errors);
    form_response(lang, editor, csrf, &target, errors, fields)
}

pub(super) async fn get_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    topic: web::Path<TopicId>,
) -> Result<HttpResponse, AppError> {
    let topic = topic.into_inner();
    let lookup = topic.clone();
    db.run(move |conn| store::find_topic(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    let input = WorkshopInput {
        retention_days: "90".into(),
        ..WorkshopInput::default()
    };
    Ok(page(
        (lang, &csrf, &editor),
        Target::New(&topic),
        &input,
        &[],
    ))
}

pub(super) async fn post_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    topic: web::Path<TopicId>,
    Form(input): Form<WorkshopInput>,
) -> Result<HttpResponse, AppError> {
    let topic = topic.into_inner();
    let typed = parse_translations(lang, &input.translated, &TextField::WORKSHOP, &[]);
    let (fields, typed) = match both(input.parse(lang), typed) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return Ok(page(
                (lang, &csrf, &editor),
                Target::New(&topic),
                &input,
                &errors,
            ))
        }
    };
    let id = audit::change(&db, editor.id(), move |conn, trail| {
        store::find_topic(conn, &topic)?.ok_or(AppError::NotFound)?;
        let id = store::create_workshop(conn, &topic, &fields)?;
        trail.record(Action::WorkshopCreate, &id, fields.title.as_str());
        translations::save(
            conn,
            trail,
            (&id, id.as_str()),
            Action::WorkshopTranslate,
            &typed,
        )?;
        Ok(id)
    })
    .await?;
    Ok(see_other(&format!("/staff/workshops/{id}")))
}

/// The workshop page: status, join details, questions with their answer counts.
pub(super) async fn get_workshop(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    id: web::Path<WorkshopId>,
    done: Done,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (workshop, topic, questions, participants) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let topic = store::find_topic(conn, &w.topic_id)?.ok_or(AppError::NotFound)?;
            let counts = store::answer_counts(conn, &w.id)?;
            let questions = store::list_questions(conn, &w.id)?
                .into_iter()
                .map(|q| {
                    let n = counts.get(&q.id).copied().unwrap_or(0);
                    (q, n)
                })
                .collect::<Vec<_>>();
            let participants = store::count_participants(conn, &w.id)?;
            Ok::<_, AppError>((w, topic, questions, participants))
        })
        .await?;
    let page = views::WorkshopPage {
        join_url: settings.join_url(&workshop.join_code),
        workshop: &workshop,
        topic_title: &topic.title,
        questions: &questions,
        participants,
        notice: done.message(lang),
    };
    Ok(html_response(views::workshop_page(
        lang, &staff, &csrf, &page,
    )))
}

/// The form values of a stored workshop.
fn workshop_input(w: &Workshop) -> WorkshopInput {
    let at = |format| w.starts_at.map(|d| d.format(format).to_string());
    WorkshopInput {
        title: w.title.clone(),
        intro: w.intro.clone(),
        date: at("%Y-%m-%d").unwrap_or_default(),
        time: at("%H:%M").unwrap_or_default(),
        location: w.location.clone(),
        retention_days: w.retention_days.to_string(),
        translated: Default::default(),
    }
}

pub(super) async fn get_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let lookup = id.clone();
    let (w, translated) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &lookup)?.ok_or(AppError::NotFound)?;
            let translated =
                translations::as_input(conn, w.id.as_str(), &TextField::WORKSHOP, &[])?;
            Ok::<_, AppError>((w, translated))
        })
        .await?;
    let input = WorkshopInput {
        translated,
        ..workshop_input(&w)
    };
    Ok(page((lang, &csrf, &editor), Target::Edit(&id), &input, &[]))
}

pub(super) async fn post_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<WorkshopId>,
    Form(input): Form<WorkshopInput>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    // Translations are wording: they may change whatever the workshop's status.
    let typed = parse_translations(lang, &input.translated, &TextField::WORKSHOP, &[]);
    let (fields, typed) = match both(input.parse(lang), typed) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return Ok(page(
                (lang, &csrf, &editor),
                Target::Edit(&id),
                &input,
                &errors,
            ))
        }
    };
    let target = format!("/staff/workshops/{id}");
    audit::change(&db, editor.id(), move |conn, trail| {
        if store::update_workshop(conn, &id, &fields)? == 0 {
            return Err(AppError::NotFound);
        }
        trail.record(Action::WorkshopUpdate, &id, fields.title.as_str());
        translations::save(
            conn,
            trail,
            (&id, id.as_str()),
            Action::WorkshopTranslate,
            &typed,
        )?;
        Ok(())
    })
    .await?;
    Ok(see_other_with(&target, Notice::Saved))
}

#[derive(Deserialize)]
pub(super) struct StatusInput {
    to: WorkshopStatus,
}

/// Opens, closes, archives or returns a workshop to draft; a move the workshop cannot make
/// yet comes back as a notice saying why.
pub(super) async fn post_status(
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<WorkshopId>,
    Form(input): Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let (id, to) = (id.into_inner(), input.to);
    let target = format!("/staff/workshops/{id}");
    let notice = audit::change(
        &db,
        editor.id(),
        move |conn, trail| match store::set_status(conn, &id, to) {
            Ok(()) => {
                trail.record(Action::WorkshopStatus, &id, to.as_str());
                Ok(Notice::Status)
            }
            Err(StatusError::HasAnswers) => Ok(Notice::HasAnswers),
            Err(StatusError::NoQuestions) => Ok(Notice::NoQuestions),
            Err(StatusError::NotAllowed { .. }) => {
                Err(AppError::BadRequest("status move not allowed"))
            }
            Err(StatusError::Db(diesel::result::Error::NotFound)) => Err(AppError::NotFound),
            Err(StatusError::Db(e)) => Err(e.into()),
        },
    )
    .await?;
    Ok(see_other_with(&target, notice))
}
