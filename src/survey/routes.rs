//! Staff pages for tracks, topics, workshops and questions; posters, cards, preview; assisted
//! entry and pasted flipchart notes. Viewers read; admins and facilitators change.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use std::collections::{BTreeMap, HashMap};

use super::domain::{
    options_from_lines, parse_text, parse_title, ChoiceOption, QuestionKind, WorkshopStatus,
};
use super::store::{
    self, QuestionFields, StatusError, TextField, TranslatedText, Translations, WorkshopFields,
};
use super::views::{self, QuestionInput, WorkshopInput};
use crate::audit;
use crate::auth::Staff;
use crate::config::RuntimeSettings;
use crate::db::{Db, DbConnection};
use crate::error::AppError;
use crate::participant::domain::{
    parse_answer, AnswerInput, AnswerText, AnswerValue, EnteredBy, QuestionRules,
};
use crate::participant::routes::problem_message;
use crate::participant::store::{self as participant_store, Source};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, FieldError};
use crate::web::{random_token, Form, Lang};

crate::routes! {
    get "/staff" => get_dashboard;
    get "/staff/tracks/new" => get_new_track;
    post "/staff/tracks" => post_new_track;
    get "/staff/tracks/{id}/edit" => get_edit_track;
    post "/staff/tracks/{id}" => post_edit_track;
    get "/staff/tracks/{id}/topics/new" => get_new_topic;
    post "/staff/tracks/{id}/topics" => post_new_topic;
    get "/staff/topics/{id}/edit" => get_edit_topic;
    post "/staff/topics/{id}" => post_edit_topic;
    get "/staff/topics/{id}/workshops/new" => get_new_workshop;
    post "/staff/topics/{id}/workshops" => post_new_workshop;
    get "/staff/workshops/{id}" => get_workshop;
    post "/staff/workshops/{id}" => post_edit_workshop;
    get "/staff/workshops/{id}/edit" => get_edit_workshop;
    post "/staff/workshops/{id}/status" => post_status;
    get "/staff/workshops/{id}/questions/new" => get_new_question;
    post "/staff/workshops/{id}/questions" => post_new_question;
    get "/staff/workshops/{id}/preview" => get_preview;
    get "/staff/workshops/{id}/poster" => get_poster;
    get "/staff/workshops/{id}/cards" => get_cards;
    get "/staff/workshops/{id}/answers" => get_answers;
    get "/staff/workshops/{id}/assist" => get_assist;
    post "/staff/workshops/{id}/assist" => post_assist;
    get "/staff/questions/{id}/edit" => get_edit_question;
    post "/staff/questions/{id}" => post_edit_question;
    post "/staff/questions/{id}/move" => post_move_question;
    post "/staff/questions/{id}/delete" => post_delete_question;
    get "/staff/questions/{id}/paste" => get_paste;
    post "/staff/questions/{id}/paste" => post_paste;
}

async fn get_dashboard(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let overview = db.run(store::overview).await?;
    Ok(html_response(views::dashboard(
        lang, &staff, &csrf, &overview,
    )))
}

/// A form page of this feature: heading from `heading_key`, posting to `action`.
#[allow(clippy::too_many_arguments)]
fn form(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    heading_key: &str,
    action: &str,
    back: &str,
    errors: &[FieldError],
    fields: maud::Markup,
) -> maud::Markup {
    views::form_page(
        lang,
        staff,
        csrf,
        views::FormPage {
            heading: &lang.t(heading_key),
            action,
            back,
            errors,
            fields,
        },
    )
}

fn unprocessable(markup: maud::Markup) -> HttpResponse {
    html_status(StatusCode::UNPROCESSABLE_ENTITY, markup)
}

// ---- tracks ----------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct TrackInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    year: String,
}

fn parse_track(lang: Lang, input: &TrackInput) -> Result<(String, i32), Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = parse_title(&input.title);
    if title.is_none() {
        errors.push(FieldError {
            field: "title",
            message: lang.t("error-title"),
        });
    }
    let year = input
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y));
    if year.is_none() {
        errors.push(FieldError {
            field: "year",
            message: lang.t("error-year"),
        });
    }
    match (title, year) {
        (Some(t), Some(y)) => Ok((t, y)),
        _ => Err(errors),
    }
}

async fn get_new_track(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let year = chrono::Utc::now().format("%Y").to_string();
    let fields = views::track_fields(lang, "", &year, &[]);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "track-new",
        "/staff/tracks",
        "/staff",
        &[],
        fields,
    )))
}

async fn post_new_track(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    Form(input): Form<TrackInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    match parse_track(lang, &input) {
        Ok((title, year)) => {
            let user = staff.user.id.clone();
            db.write(move |conn| {
                let id = store::create_track(conn, &title, year)?;
                audit::record(conn, Some(&user), "track.create", &id, &title)
            })
            .await?;
            Ok(see_other("/staff"))
        }
        Err(errors) => {
            let fields = views::track_fields(lang, &input.title, &input.year, &errors);
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "track-new",
                "/staff/tracks",
                "/staff",
                &errors,
                fields,
            )))
        }
    }
}

async fn get_edit_track(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let track = db
        .run(move |conn| store::find_track(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = views::track_fields(lang, &track.title, &track.year.to_string(), &[]);
    let action = format!("/staff/tracks/{}", track.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "track-edit",
        &action,
        "/staff",
        &[],
        fields,
    )))
}

async fn post_edit_track(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<TrackInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    match parse_track(lang, &input) {
        Ok((title, year)) => {
            let user = staff.user.id.clone();
            db.write(move |conn| {
                if store::update_track(conn, &id, &title, year)? == 0 {
                    return Err(AppError::NotFound);
                }
                Ok::<_, AppError>(audit::record(
                    conn,
                    Some(&user),
                    "track.update",
                    &id,
                    &title,
                )?)
            })
            .await?;
            Ok(see_other("/staff"))
        }
        Err(errors) => {
            let fields = views::track_fields(lang, &input.title, &input.year, &errors);
            let action = format!("/staff/tracks/{id}");
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "track-edit",
                &action,
                "/staff",
                &errors,
                fields,
            )))
        }
    }
}

// ---- topics ----------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct TopicInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
}

fn parse_topic(lang: Lang, input: &TopicInput) -> Result<(String, String), Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = parse_title(&input.title);
    if title.is_none() {
        errors.push(FieldError {
            field: "title",
            message: lang.t("error-title"),
        });
    }
    let description = parse_text(&input.description, 2000);
    if description.is_none() {
        errors.push(FieldError {
            field: "description",
            message: lang.t("error-text"),
        });
    }
    match (title, description) {
        (Some(t), Some(d)) => Ok((t, d)),
        _ => Err(errors),
    }
}

async fn get_new_topic(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let track = db
        .run(move |conn| store::find_track(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = views::topic_fields(lang, "", "", &[]);
    let action = format!("/staff/tracks/{}/topics", track.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "topic-new",
        &action,
        "/staff",
        &[],
        fields,
    )))
}

async fn post_new_topic(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<TopicInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let track_id = id.into_inner();
    match parse_topic(lang, &input) {
        Ok((title, description)) => {
            let user = staff.user.id.clone();
            db.write(move |conn| {
                store::find_track(conn, &track_id)?.ok_or(AppError::NotFound)?;
                let id = store::create_topic(conn, &track_id, &title, &description)?;
                Ok::<_, AppError>(audit::record(
                    conn,
                    Some(&user),
                    "topic.create",
                    &id,
                    &title,
                )?)
            })
            .await?;
            Ok(see_other("/staff"))
        }
        Err(errors) => {
            let fields = views::topic_fields(lang, &input.title, &input.description, &errors);
            let action = format!("/staff/tracks/{track_id}/topics");
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "topic-new",
                &action,
                "/staff",
                &errors,
                fields,
            )))
        }
    }
}

async fn get_edit_topic(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let topic = db
        .run(move |conn| store::find_topic(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = views::topic_fields(lang, &topic.title, &topic.description, &[]);
    let action = format!("/staff/topics/{}", topic.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "topic-edit",
        &action,
        "/staff",
        &[],
        fields,
    )))
}

async fn post_edit_topic(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<TopicInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    match parse_topic(lang, &input) {
        Ok((title, description)) => {
            let user = staff.user.id.clone();
            db.write(move |conn| {
                if store::update_topic(conn, &id, &title, &description)? == 0 {
                    return Err(AppError::NotFound);
                }
                Ok::<_, AppError>(audit::record(
                    conn,
                    Some(&user),
                    "topic.update",
                    &id,
                    &title,
                )?)
            })
            .await?;
            Ok(see_other("/staff"))
        }
        Err(errors) => {
            let fields = views::topic_fields(lang, &input.title, &input.description, &errors);
            let action = format!("/staff/topics/{id}");
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "topic-edit",
                &action,
                "/staff",
                &errors,
                fields,
            )))
        }
    }
}

// ---- workshops -------------------------------------------------------------------------------

fn parse_workshop(lang: Lang, input: &WorkshopInput) -> Result<WorkshopFields, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = parse_title(&input.title);
    if title.is_none() {
        errors.push(FieldError {
            field: "title",
            message: lang.t("error-title"),
        });
    }
    let intro = parse_text(&input.intro, 2000);
    if intro.is_none() {
        errors.push(FieldError {
            field: "intro",
            message: lang.t("error-text"),
        });
    }
    let date = input.date.trim();
    let starts_at = if date.is_empty() {
        Some(None)
    } else {
        let time = NaiveTime::parse_from_str(input.time.trim(), "%H:%M").unwrap_or(NaiveTime::MIN);
        NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .map(|d| Some(d.and_time(time)))
    };
    if starts_at.is_none() {
        errors.push(FieldError {
            field: "date",
            message: lang.t("error-date"),
        });
    }
    let location =
        parse_title(&input.location).or_else(|| input.location.trim().is_empty().then(String::new));
    if location.is_none() {
        errors.push(FieldError {
            field: "location",
            message: lang.t("error-title"),
        });
    }
    let retention = input.retention_days.trim();
    let retention_days = if retention.is_empty() {
        Some(90)
    } else {
        retention
            .parse::<i32>()
            .ok()
            .filter(|d| (1..=3650).contains(d))
    };
    if retention_days.is_none() {
        errors.push(FieldError {
            field: "retention_days",
            message: lang.t("error-retention"),
        });
    }
    match (title, intro, starts_at, location, retention_days) {
        (Some(title), Some(intro), Some(starts_at), Some(location), Some(retention_days))
            if errors.is_empty() =>
        {
            Ok(WorkshopFields {
                title,
                intro,
                starts_at,
                location,
                retention_days,
            })
        }
        _ => Err(errors),
    }
}

async fn get_new_workshop(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let topic = db
        .run(move |conn| store::find_topic(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let input = WorkshopInput {
        retention_days: "90".into(),
        ..WorkshopInput::default()
    };
    let fields = views::workshop_fields(lang, &input, &[]);
    let action = format!("/staff/topics/{}/workshops", topic.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "workshop-new",
        &action,
        "/staff",
        &[],
        fields,
    )))
}

async fn post_new_workshop(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<WorkshopInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let topic_id = id.into_inner();
    let typed = parse_translations(lang, &input.translated, &TextField::WORKSHOP, &[]);
    match both(parse_workshop(lang, &input), typed) {
        Ok((fields, typed)) => {
            let user = staff.user.id.clone();
            let id = db
                .write(move |conn| {
                    store::find_topic(conn, &topic_id)?.ok_or(AppError::NotFound)?;
                    let id = store::create_workshop(conn, &topic_id, &fields)?;
                    audit::record(conn, Some(&user), "workshop.create", &id, &fields.title)?;
                    save_typed(conn, &user, (&id, &id), "workshop.translate", &typed)?;
                    Ok::<_, AppError>(id)
                })
                .await?;
            Ok(see_other(&format!("/staff/workshops/{id}")))
        }
        Err(errors) => {
            let fields = views::workshop_fields(lang, &input, &errors);
            let action = format!("/staff/topics/{topic_id}/workshops");
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "workshop-new",
                &action,
                "/staff",
                &errors,
                fields,
            )))
        }
    }
}

async fn load_workshop(db: &Db, id: String) -> Result<store::Workshop, AppError> {
    db.run(move |conn| store::find_workshop(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
struct NoticeQuery {
    done: Option<String>,
}

async fn get_workshop(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    id: web::Path<String>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (workshop, topic, questions, participants) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let topic = store::find_topic(conn, &w.topic_id)?.ok_or(AppError::NotFound)?;
            let mut qs = Vec::new();
            for q in store::list_questions(conn, &w.id)? {
                let n = store::count_answers_to(conn, &q.id)?;
                qs.push((q, n));
            }
            let participants = store::count_participants(conn, &w.id)?;
            Ok::<_, AppError>((w, topic, qs, participants))
        })
        .await?;
    let notice = query.done.as_deref().and_then(|d| match d {
        "saved" => Some(lang.t("notice-saved")),
        "status" => Some(lang.t("notice-status")),
        "assist" => Some(lang.t("notice-assist")),
        "paste" => Some(lang.t("notice-paste")),
        "has-answers" => Some(lang.t("notice-has-answers")),
        "no-questions" => Some(lang.t("notice-no-questions")),
        _ => None,
    });
    let page = views::WorkshopPage {
        join_url: settings.join_url(&workshop.join_code),
        workshop: &workshop,
        topic_title: &topic.title,
        questions: &questions,
        participants,
        notice,
    };
    Ok(html_response(views::workshop_page(
        lang, &staff, &csrf, &page,
    )))
}

fn workshop_input(w: &store::Workshop) -> WorkshopInput {
    WorkshopInput {
        title: w.title.clone(),
        intro: w.intro.clone(),
        date: w
            .starts_at
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        time: w
            .starts_at
            .map(|d| d.format("%H:%M").to_string())
            .unwrap_or_default(),
        location: w.location.clone(),
        retention_days: w.retention_days.to_string(),
        translated: HashMap::new(),
    }
}

async fn get_edit_workshop(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let (w, translated) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let translated = translated_input(conn, &w.id, &TextField::WORKSHOP, &[])?;
            Ok::<_, AppError>((w, translated))
        })
        .await?;
    let input = WorkshopInput {
        translated,
        ..workshop_input(&w)
    };
    let fields = views::workshop_fields(lang, &input, &[]);
    let action = format!("/staff/workshops/{}", w.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "workshop-edit",
        &action,
        &action,
        &[],
        fields,
    )))
}

async fn post_edit_workshop(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<WorkshopInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let action = format!("/staff/workshops/{id}");
    // Translations are wording: they may change whatever the workshop's status.
    let typed = parse_translations(lang, &input.translated, &TextField::WORKSHOP, &[]);
    match both(parse_workshop(lang, &input), typed) {
        Ok((fields, typed)) => {
            let user = staff.user.id.clone();
            db.write(move |conn| {
                if store::update_workshop(conn, &id, &fields)? == 0 {
                    return Err(AppError::NotFound);
                }
                audit::record(conn, Some(&user), "workshop.update", &id, &fields.title)?;
                save_typed(conn, &user, (&id, &id), "workshop.translate", &typed)
            })
            .await?;
            Ok(see_other(&format!("{action}?done=saved")))
        }
        Err(errors) => {
            let fields = views::workshop_fields(lang, &input, &errors);
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "workshop-edit",
                &action,
                &action,
                &errors,
                fields,
            )))
        }
    }
}

#[derive(Deserialize)]
struct StatusInput {
    to: String,
}

async fn post_status(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let to = WorkshopStatus::parse(&input.to).ok_or(AppError::BadRequest("unknown status"))?;
    let (id, user) = (id.into_inner(), staff.user.id.clone());
    let target = format!("/staff/workshops/{id}");
    let done = db
        .write(move |conn| match store::set_status(conn, &id, to) {
            Ok(()) => {
                audit::record(conn, Some(&user), "workshop.status", &id, to.as_str())?;
                Ok("status")
            }
            Err(StatusError::HasAnswers) => Ok("has-answers"),
            Err(StatusError::NoQuestions) => Ok("no-questions"),
            Err(StatusError::NotAllowed { .. }) => {
                Err(AppError::BadRequest("status move not allowed"))
            }
            Err(StatusError::Db(diesel::result::Error::NotFound)) => Err(AppError::NotFound),
            Err(StatusError::Db(e)) => Err(e.into()),
        })
        .await?;
    Ok(see_other(&format!("{target}?done={done}")))
}

// ---- questions -------------------------------------------------------------------------------

fn parse_question(
    lang: Lang,
    input: &QuestionInput,
    existing: &[super::domain::ChoiceOption],
) -> Result<QuestionFields, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = QuestionKind::parse(&input.kind).unwrap_or(QuestionKind::ShortText);
    let prompt = parse_text(&input.prompt, 500).filter(|p| !p.is_empty());
    if prompt.is_none() {
        errors.push(FieldError {
            field: "prompt",
            message: lang.t("error-prompt"),
        });
    }
    let help_text = parse_text(&input.help_text, 1000);
    if help_text.is_none() {
        errors.push(FieldError {
            field: "help_text",
            message: lang.t("error-text"),
        });
    }
    let easy = parse_text(&input.easy_read_prompt, 500);
    if easy.is_none() {
        errors.push(FieldError {
            field: "easy_read_prompt",
            message: lang.t("error-text"),
        });
    }
    let options = if kind.has_options() {
        options_from_lines(&input.options, existing)
    } else {
        Vec::new()
    };
    if kind.has_options() && options.len() < 2 {
        errors.push(FieldError {
            field: "options",
            message: lang.t("error-options"),
        });
    }
    match (prompt, help_text, easy) {
        (Some(prompt), Some(help_text), Some(easy)) if errors.is_empty() => Ok(QuestionFields {
            kind,
            prompt,
            help_text,
            easy_read_prompt: (!easy.is_empty()).then_some(easy),
            options,
            allow_other: kind.has_options() && input.allow_other.is_some(),
            required: input.required.is_some(),
        }),
        _ => Err(errors),
    }
}

async fn get_new_question(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let w = load_workshop(&db, id.into_inner()).await?;
    let input = QuestionInput {
        kind: "long_text".into(),
        ..QuestionInput::default()
    };
    let fields = views::question_fields(lang, &input, true, &[], &[]);
    let action = format!("/staff/workshops/{}/questions", w.id);
    let back = format!("/staff/workshops/{}", w.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "question-add",
        &action,
        &back,
        &[],
        fields,
    )))
}

async fn post_new_question(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<QuestionInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let w = load_workshop(&db, id.into_inner()).await?;
    if matches!(
        w.status(),
        WorkshopStatus::Closed | WorkshopStatus::Archived
    ) {
        return Err(AppError::BadRequest("workshop is closed"));
    }
    let back = format!("/staff/workshops/{}", w.id);
    let typed = parse_question_translations(lang, &input, &[]);
    match both(parse_question(lang, &input, &[]), typed) {
        Ok((fields, typed)) => {
            let (user, wid) = (staff.user.id.clone(), w.id.clone());
            db.write(move |conn| {
                let id = store::add_question(conn, &wid, &fields)?;
                audit::record(conn, Some(&user), "question.create", &id, "")?;
                save_typed(conn, &user, (&wid, &id), "question.translate", &typed)
            })
            .await?;
            Ok(see_other(&format!("{back}?done=saved")))
        }
        Err(errors) => {
            let fields = views::question_fields(lang, &input, true, &[], &errors);
            let action = format!("/staff/workshops/{}/questions", w.id);
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "question-add",
                &action,
                &back,
                &errors,
                fields,
            )))
        }
    }
}

async fn load_question(
    db: &Db,
    id: String,
) -> Result<(store::Question, store::Workshop), AppError> {
    db.run(move |conn| {
        let q = store::find_question(conn, &id)?.ok_or(AppError::NotFound)?;
        let w = store::find_workshop(conn, &q.workshop_id)?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((q, w))
    })
    .await
}

fn question_input(q: &store::Question) -> QuestionInput {
    QuestionInput {
        kind: q.kind.clone(),
        prompt: q.prompt.clone(),
        help_text: q.help_text.clone(),
        easy_read_prompt: q.easy_read_prompt.clone().unwrap_or_default(),
        options: q
            .options()
            .iter()
            .map(|o| o.label.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        allow_other: q.allow_other.then(|| "on".into()),
        required: q.required.then(|| "on".into()),
        translated: HashMap::new(),
    }
}

async fn get_edit_question(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (q, w) = load_question(&db, id.into_inner()).await?;
    let structure = w.status() == WorkshopStatus::Draft;
    let (qid, options) = (q.id.clone(), q.options());
    let translated = db
        .run(move |conn| translated_input(conn, &qid, &TextField::QUESTION, &options))
        .await?;
    let input = QuestionInput {
        translated,
        ..question_input(&q)
    };
    let fields = views::question_fields(lang, &input, structure, &q.options(), &[]);
    let action = format!("/staff/questions/{}", q.id);
    let back = format!("/staff/workshops/{}", w.id);
    Ok(html_response(form(
        lang,
        &staff,
        &csrf,
        "question-edit",
        &action,
        &back,
        &[],
        fields,
    )))
}

async fn post_edit_question(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<QuestionInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (q, w) = load_question(&db, id.into_inner()).await?;
    // Once people can answer, only the wording may change: kind, options and "required" stay,
    // so answers already given keep their meaning.
    let structure = w.status() == WorkshopStatus::Draft;
    let input = if structure {
        input
    } else {
        QuestionInput {
            kind: q.kind.clone(),
            options: question_input(&q).options,
            ..input
        }
    };
    let back = format!("/staff/workshops/{}", w.id);
    // The option labels are wording too: their translations may change on a live survey.
    let typed = parse_question_translations(lang, &input, &q.options());
    match both(parse_question(lang, &input, &q.options()), typed) {
        Ok((fields, typed)) => {
            let (user, qid, wid) = (staff.user.id.clone(), q.id.clone(), w.id.clone());
            db.write(move |conn| {
                store::update_question(conn, &qid, &fields, structure)?;
                audit::record(conn, Some(&user), "question.update", &qid, "")?;
                save_typed(conn, &user, (&wid, &qid), "question.translate", &typed)
            })
            .await?;
            Ok(see_other(&format!("{back}?done=saved")))
        }
        Err(errors) => {
            let fields = views::question_fields(lang, &input, structure, &q.options(), &errors);
            let action = format!("/staff/questions/{}", q.id);
            Ok(unprocessable(form(
                lang,
                &staff,
                &csrf,
                "question-edit",
                &action,
                &back,
                &errors,
                fields,
            )))
        }
    }
}

#[derive(Deserialize)]
struct MoveInput {
    direction: String,
}

async fn post_move_question(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let step = match input.direction.as_str() {
        "up" => -1,
        "down" => 1,
        _ => return Err(AppError::BadRequest("direction")),
    };
    let (q, w) = load_question(&db, id.into_inner()).await?;
    let user = staff.user.id.clone();
    db.write(move |conn| {
        store::move_question(conn, &q.id, step)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "question.move",
            &q.id,
            &input.direction,
        )?)
    })
    .await?;
    Ok(see_other(&format!("/staff/workshops/{}", w.id)))
}

async fn post_delete_question(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (q, w) = load_question(&db, id.into_inner()).await?;
    let user = staff.user.id.clone();
    db.write(move |conn| {
        store::delete_question(conn, &q.id)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "question.delete",
            &q.id,
            "",
        )?)
    })
    .await?;
    Ok(see_other(&format!("/staff/workshops/{}?done=saved", w.id)))
}

// ---- preview, poster, cards, answers ------------------------------------------------------------

#[derive(Deserialize)]
struct PreviewQuery {
    n: Option<i32>,
}

async fn get_preview(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    // The preview shows what a participant with this language would see.
    let (w, questions, tr) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let qs = store::list_questions(conn, &w.id)?;
            Ok::<_, AppError>(store::localized_survey(conn, &w, &qs, lang)?)
        })
        .await?;
    let n = query.n.unwrap_or(1);
    let question = questions
        .iter()
        .find(|q| q.position == n)
        .ok_or(AppError::NotFound)?;
    let view = crate::participant::views::QuestionView {
        workshop: &w,
        question,
        total: questions.len(),
        answer: None,
        chosen: Vec::new(),
        other: None,
        submission_key: String::new(),
        back_to_check: false,
        easy_read: false,
        errors: &[],
        preview: true,
        translations: &tr,
    };
    let _ = staff;
    Ok(html_response(crate::participant::views::question_page(
        lang, &csrf, &view,
    )))
}

async fn get_poster(
    lang: Lang,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let _ = staff;
    let w = load_workshop(&db, id.into_inner()).await?;
    Ok(html_response(views::poster_page(
        lang,
        &w,
        &settings.join_url(&w.join_code),
        &settings.base_url,
    )))
}

async fn get_cards(
    lang: Lang,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let _ = staff;
    let w = load_workshop(&db, id.into_inner()).await?;
    Ok(html_response(views::cards_page(
        lang,
        &w,
        &settings.join_url(&w.join_code),
        &settings.base_url,
    )))
}

async fn get_answers(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (w, questions, answers) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let qs = store::list_questions(conn, &w.id)?;
            let answers = participant_store::workshop_answers(conn, &w.id)?;
            Ok::<_, AppError>((w, qs, answers))
        })
        .await?;
    Ok(html_response(views::answers_page(
        lang, &staff, &csrf, &w, &questions, &answers,
    )))
}

// ---- assisted entry and flipchart notes ------------------------------------------------------

async fn get_assist(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let (w, questions) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let qs = store::list_questions(conn, &w.id)?;
            Ok::<_, AppError>((w, qs))
        })
        .await?;
    if !w.status().accepts_answers() {
        return Err(AppError::Gone);
    }
    Ok(html_response(views::assist_page(
        lang,
        &staff,
        &csrf,
        &w,
        &questions,
        &random_token(16),
        &[],
    )))
}

fn valid_key(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Assisted entry posts `q{position}.answer`, `q{position}.choice` (repeated) and
/// `q{position}.other` for every question, plus `entered_by` and one submission key. The key
/// makes the participant and every answer idempotent: a resend stores nothing twice.
async fn post_assist(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let id = id.into_inner();
    let (w, questions) = db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let qs = store::list_questions(conn, &w.id)?;
            Ok::<_, AppError>((w, qs))
        })
        .await?;
    if !w.status().accepts_answers() {
        return Err(AppError::Gone);
    }
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let key = field("submission_key")
        .filter(|k| valid_key(k))
        .ok_or(AppError::BadRequest("missing submission key"))?;
    let entered_by = match field("entered_by").as_deref() {
        Some("scribe") => EnteredBy::Scribe,
        Some("read_aloud") => EnteredBy::ReadAloud,
        _ => return Err(AppError::BadRequest("entered_by")),
    };
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for q in &questions {
        let prefix = format!("q{}.", q.position);
        let input = AnswerInput {
            answer: field(&format!("{prefix}answer")),
            choice: pairs
                .iter()
                .filter(|(k, _)| *k == format!("{prefix}choice"))
                .map(|(_, v)| v.clone())
                .collect(),
            other: field(&format!("{prefix}other")),
        };
        let options = q.options();
        // Facilitators enter what was said: nothing is required of them.
        let rules = QuestionRules {
            kind: q.kind(),
            options: &options,
            allow_other: q.allow_other,
            required: false,
        };
        match parse_answer(&rules, &input) {
            Ok(AnswerValue::Blank) => {}
            Ok(v) => values.push((q.id.clone(), q.position, v)),
            Err(problem) => {
                let message = problem_message(lang, problem)
                    .ok_or(AppError::BadRequest("impossible answer"))?;
                let name: &'static str = Box::leak(format!("q{}", q.position).into_boxed_str());
                errors.push(FieldError {
                    field: name,
                    message,
                });
            }
        }
    }
    if values.is_empty() && errors.is_empty() {
        errors.push(FieldError {
            field: "q1",
            message: lang.t("assist-empty"),
        });
    }
    if !errors.is_empty() {
        return Ok(unprocessable(views::assist_page(
            lang,
            &staff,
            &csrf,
            &w,
            &questions,
            &random_token(16),
            &errors,
        )));
    }
    let (user, wid) = (staff.user.id.clone(), w.id.clone());
    db.write(move |conn| {
        let participant =
            participant_store::join(conn, &wid, &format!("assist:{key}"), Source::Assisted)?;
        for (qid, position, value) in &values {
            participant_store::save_answer(
                conn,
                &participant_store::NewAnswer {
                    participant_id: &participant.id,
                    question_id: qid,
                    value,
                    entered_by,
                    user_id: Some(&user),
                    submission_key: &format!("{key}:{position}"),
                },
            )?;
        }
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "answers.assist",
            &participant.id,
            entered_by.as_str(),
        )?)
    })
    .await?;
    Ok(see_other(&format!("/staff/workshops/{}?done=assist", w.id)))
}

async fn get_paste(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (q, w) = load_question(&db, id.into_inner()).await?;
    if !q.kind().is_text() {
        return Err(AppError::NotFound);
    }
    Ok(html_response(views::paste_page(
        lang,
        &staff,
        &csrf,
        &w,
        &q,
        (&random_token(16), "", &[]),
    )))
}

#[derive(Deserialize)]
struct PasteInput {
    submission_key: Option<String>,
    #[serde(default)]
    notes: String,
}

/// One statement per line becomes one answer from its own flipchart participant, entered by
/// this facilitator as scribe.
async fn post_paste(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<PasteInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (q, w) = load_question(&db, id.into_inner()).await?;
    if !q.kind().is_text() {
        return Err(AppError::NotFound);
    }
    if !w.status().accepts_answers() {
        return Err(AppError::Gone);
    }
    let key = input
        .submission_key
        .clone()
        .filter(|k| valid_key(k))
        .ok_or(AppError::BadRequest("missing submission key"))?;
    let mut lines = Vec::new();
    let mut problem = None;
    for line in input.notes.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match AnswerText::parse(line) {
            Ok(text) => lines.push(text),
            Err(p) => problem = problem.or(Some(p)),
        }
    }
    let error = match problem {
        Some(p) => problem_message(lang, crate::participant::domain::AnswerProblem::Text(p)),
        None if lines.is_empty() => Some(lang.t("paste-empty")),
        None => None,
    };
    if let Some(message) = error {
        let errors = [FieldError {
            field: "notes",
            message,
        }];
        return Ok(unprocessable(views::paste_page(
            lang,
            &staff,
            &csrf,
            &w,
            &q,
            (&random_token(16), &input.notes, &errors),
        )));
    }
    let (user, wid, qid) = (staff.user.id.clone(), w.id.clone(), q.id.clone());
    let count = lines.len();
    db.write(move |conn| {
        for (i, text) in lines.into_iter().enumerate() {
            let participant = participant_store::join(
                conn,
                &wid,
                &format!("flipchart:{key}:{i}"),
                Source::Flipchart,
            )?;
            participant_store::save_answer(
                conn,
                &participant_store::NewAnswer {
                    participant_id: &participant.id,
                    question_id: &qid,
                    value: &AnswerValue::Text(text),
                    entered_by: EnteredBy::Scribe,
                    user_id: Some(&user),
                    submission_key: &format!("{key}:{i}"),
                },
            )?;
        }
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "answers.paste",
            &qid,
            &count.to_string(),
        )?)
    })
    .await?;
    Ok(see_other(&format!("/staff/workshops/{}?done=paste", w.id)))
}

// ---- translations of the survey's own texts -----------------------------------------------------

/// What a form's translation fieldsets hold: per language, every translatable text ("" for
/// none).
type Typed = Vec<(Lang, Vec<TranslatedText>)>;

/// Both results, or the errors of both.
fn both<A, B>(
    a: Result<A, Vec<FieldError>>,
    b: Result<B, Vec<FieldError>>,
) -> Result<(A, B), Vec<FieldError>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut errors = a.err().unwrap_or_default();
            errors.extend(b.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// The translated option labels typed one per line, in the order of the Danish `options`
/// (a blank line leaves that option in Danish), as stored: a JSON object option key → label.
/// None when there are more lines than options or a label is too long or has control
/// characters. A question without options ignores the field, as the Danish form does.
fn translated_options(raw: &str, options: &[ChoiceOption]) -> Option<String> {
    if options.is_empty() {
        return Some(String::new());
    }
    let mut lines: Vec<&str> = raw.lines().map(str::trim).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() > options.len() {
        return None;
    }
    let mut labels = BTreeMap::new();
    for (option, line) in options.iter().zip(lines) {
        if line.chars().count() > 200 || line.chars().any(char::is_control) {
            return None;
        }
        labels.insert(option.key.clone(), line.to_owned());
    }
    Some(store::options_translation(&labels))
}

/// Checks the translations of `fields` in every language with the Danish fields' limits. All
/// are optional; an empty field removes its translation.
fn parse_translations(
    lang: Lang,
    input: &HashMap<String, String>,
    fields: &[TextField],
    options: &[ChoiceOption],
) -> Result<Typed, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut typed = Vec::new();
    for text_lang in views::translation_langs() {
        let mut texts = Vec::new();
        for &field in fields {
            let name = views::translated_name(field, text_lang);
            let raw = input.get(name).map(String::as_str).unwrap_or("");
            let (parsed, error_key) = match field {
                TextField::Title => (
                    if raw.trim().is_empty() {
                        Some(String::new())
                    } else {
                        parse_title(raw)
                    },
                    "error-title",
                ),
                TextField::Intro => (parse_text(raw, 2000), "error-text"),
                TextField::Prompt | TextField::EasyReadPrompt => {
                    (parse_text(raw, 500), "error-text")
                }
                TextField::HelpText => (parse_text(raw, 1000), "error-text"),
                TextField::Options => (
                    translated_options(raw, options),
                    "error-translation-options",
                ),
            };
            match parsed {
                Some(text) => texts.push(TranslatedText { field, text }),
                None => errors.push(FieldError {
                    field: name,
                    message: format!(
                        "{}: {}",
                        views::translation_legend(lang, text_lang),
                        lang.t(error_key)
                    ),
                }),
            }
        }
        typed.push((text_lang, texts));
    }
    if errors.is_empty() {
        Ok(typed)
    } else {
        Err(errors)
    }
}

/// The translations of a question form, matched to the options the Danish field will have
/// (`existing` keeps their keys, as [`parse_question`] does).
fn parse_question_translations(
    lang: Lang,
    input: &QuestionInput,
    existing: &[ChoiceOption],
) -> Result<Typed, Vec<FieldError>> {
    let kind = QuestionKind::parse(&input.kind).unwrap_or(QuestionKind::ShortText);
    let options = if kind.has_options() {
        options_from_lines(&input.options, existing)
    } else {
        Vec::new()
    };
    parse_translations(lang, &input.translated, &TextField::QUESTION, &options)
}

/// Saves typed translations of `subject` (a workshop, or a question of `workshop`), with one
/// audit record per language that changed. Runs inside the caller's write transaction.
fn save_typed(
    conn: &mut DbConnection,
    user: &str,
    (workshop, subject): (&str, &str),
    action: &str,
    typed: &Typed,
) -> Result<(), AppError> {
    for (text_lang, texts) in typed {
        if store::save_translations(conn, workshop, subject, *text_lang, texts)? {
            audit::record(conn, Some(user), action, subject, text_lang.code())?;
        }
    }
    Ok(())
}

/// The stored translations of a workshop or question as form values (`prompt_en` …); option
/// labels one per line in the order of the Danish `options`.
fn translated_input(
    conn: &mut DbConnection,
    subject: &str,
    fields: &[TextField],
    options: &[ChoiceOption],
) -> diesel::QueryResult<HashMap<String, String>> {
    let mut values = HashMap::new();
    for text_lang in views::translation_langs() {
        let tr: Translations = store::load_translations(conn, &[subject], text_lang)?;
        for &field in fields {
            let value = if field == TextField::Options {
                let mut lines: Vec<&str> = options
                    .iter()
                    .map(|o| tr.option(subject, &o.key).unwrap_or(""))
                    .collect();
                while lines.last().is_some_and(|l| l.is_empty()) {
                    lines.pop();
                }
                lines.join("\n")
            } else {
                tr.get(subject, field).unwrap_or("").to_owned()
            };
            values.insert(views::translated_name(field, text_lang).to_owned(), value);
        }
    }
    Ok(values)
}
