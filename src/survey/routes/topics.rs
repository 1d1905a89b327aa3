//! `/staff/tracks/{id}/topics` and `/staff/topics/{id}`: making and changing topics.

use actix_web::{web, HttpResponse};

use super::{form_response, FormTarget};
use crate::audit::{self, Action};
use crate::auth::Editor;
use crate::db::{Db, TopicId, TrackId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::forms::TopicInput;
use crate::survey::{store, views};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{see_other, FieldError};
use crate::web::Form;

/// Where the topic form posts: a new topic of a track, or an existing topic.
enum Target<'a> {
    New(&'a TrackId),
    Edit(&'a TopicId),
}

fn page(
    (lang, csrf, editor): (Lang, &CsrfToken, &Editor),
    target: Target<'_>,
    input: &TopicInput,
    errors: &[FieldError],
) -> HttpResponse {
    let target = match target {
        Target::New(track) => FormTarget {
            heading: "topic-new",
            action: format!("/staff/tracks/{track}/topics"),
            back: "/staff".into(),
        },
        Target::Edit(topic) => FormTarget {
            heading: "topic-edit",
            action: format!("/staff/topics/{topic}"),
            back: "/staff".into(),
        },
    };
    let fields = views::topic_fields(lang, &input.title, &input.description, errors);
    form_response(lang, editor, csrf, &target, errors, fields)
}

pub(super) async fn get_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    track: web::Path<TrackId>,
) -> Result<HttpResponse, AppError> {
    let track = track.into_inner();
    let lookup = track.clone();
    db.run(move |conn| store::find_track(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    let input = TopicInput::default();
    Ok(page(
        (lang, &csrf, &editor),
        Target::New(&track),
        &input,
        &[],
    ))
}

pub(super) async fn post_new(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    track: web::Path<TrackId>,
    Form(input): Form<TopicInput>,
) -> Result<HttpResponse, AppError> {
    let track = track.into_inner();
    let fields = match input.parse(lang) {
        Ok(fields) => fields,
        Err(errors) => {
            return Ok(page(
                (lang, &csrf, &editor),
                Target::New(&track),
                &input,
                &errors,
            ))
        }
    };
    audit::change(&db, editor.id(), move |conn, trail| {
        store::find_track(conn, &track)?.ok_or(AppError::NotFound)?;
        let id = store::create_topic(conn, &track, &fields)?;
        trail.record(Action::TopicCreate, &id, fields.title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other("/staff"))
}

pub(super) async fn get_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<TopicId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let lookup = id.clone();
    let topic = db
        .run(move |conn| store::find_topic(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    let input = TopicInput {
        title: topic.title,
        description: topic.description,
    };
    Ok(page((lang, &csrf, &editor), Target::Edit(&id), &input, &[]))
}

pub(super) async fn post_edit(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    id: web::Path<TopicId>,
    Form(input): Form<TopicInput>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let fields = match input.parse(lang) {
        Ok(fields) => fields,
        Err(errors) => {
            return Ok(page(
                (lang, &csrf, &editor),
                Target::Edit(&id),
                &input,
                &errors,
            ))
        }
    };
    audit::change(&db, editor.id(), move |conn, trail| {
        if store::update_topic(conn, &id, &fields)? == 0 {
            return Err(AppError::NotFound);
        }
        trail.record(Action::TopicUpdate, &id, fields.title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other("/staff"))
}
