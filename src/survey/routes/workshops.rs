//! Workshops: the builder's form (`/staff/topics/{id}/workshops/new`,
//! `/staff/workshops/{id}/edit`), the workshop page, and opening and closing.

use actix_web::{web, HttpResponse};
use diesel::QueryResult;
use serde::Deserialize;

use super::builder::{Builder, FormTarget, Subject};
use super::translations;
use crate::audit::{Action, Trail};
use crate::auth::{Admin, Editor, Signed, Staff, StaffContext};
use crate::config::{RuntimeSettings, ServerSite};
use crate::db::{DbConnection, TopicId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::domain::{Extension, WorkshopStatus};
use crate::survey::forms::{both, parse_translations, Typed, WorkshopInput};
use crate::survey::store::{self, StatusError, TextField, Topic, Workshop, WorkshopFields};
use crate::survey::views;
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, with_notice, Done, Notice};
use crate::web::Form;

/// The workshop form: a new workshop of a topic, or an existing workshop.
pub(super) struct Workshops;

impl Builder for Workshops {
    type Parent = TopicId;
    type Id = WorkshopId;
    type Target = Subject<Topic, Workshop>;
    type Input = WorkshopInput;
    type Parsed = (WorkshopFields, Typed);

    fn load_new(conn: &mut DbConnection, topic: TopicId) -> QueryResult<Option<Self::Target>> {
        Ok(store::find_topic(conn, &topic)?.map(Subject::New))
    }

    fn load_edit(conn: &mut DbConnection, id: WorkshopId) -> QueryResult<Option<Self::Target>> {
        Ok(store::find_workshop(conn, &id)?.map(Subject::Edit))
    }

    fn blank(_: &Self::Target) -> WorkshopInput {
        WorkshopInput { retention_days: "90".into(), ..WorkshopInput::default() }
    }

    /// A new workshop keeps its answers as long as the site's settings say.
    fn fresh(
        conn: &mut DbConnection, target: &Self::Target, server: &ServerSite,
    ) -> Result<WorkshopInput, AppError> {
        let days = crate::settings::load(conn, server)?.retention_days.value;
        Ok(WorkshopInput { retention_days: days.to_string(), ..Self::blank(target) })
    }

    fn stored(conn: &mut DbConnection, target: &Self::Target) -> Result<WorkshopInput, AppError> {
        let Subject::Edit(w) = target else {
            return Ok(Self::blank(target));
        };
        let at = |format| w.starts_at.map(|d| d.format(format).to_string());
        Ok(WorkshopInput {
            title: w.title.clone(),
            intro: w.intro.clone(),
            date: at("%Y-%m-%d").unwrap_or_default(),
            time: at("%H:%M").unwrap_or_default(),
            location: w.location.clone(),
            retention_days: w.retention_days.to_string(),
            translated: translations::as_input(conn, &w.id, &TextField::WORKSHOP, &[])?,
        })
    }

    /// Translations are wording: they may change whatever the workshop's status.
    fn parse(
        lang: Lang, _: &Self::Target, input: &WorkshopInput,
    ) -> Result<(WorkshopFields, Typed), Vec<FieldError>> {
        let typed = parse_translations(lang, &input.translated, &TextField::WORKSHOP, &[]);
        both(input.parse(lang), typed)
    }

    fn form(
        lang: Lang, target: &Self::Target, input: &WorkshopInput, errors: &[FieldError],
    ) -> (FormTarget, maud::Markup) {
        let target = match target {
            Subject::New(topic) => FormTarget {
                heading: "workshop-new",
                action: format!("/staff/topics/{}/workshops", topic.id),
                back: "/staff".into(),
            },
            Subject::Edit(w) => FormTarget {
                heading: "workshop-edit",
                action: format!("/staff/workshops/{}", w.id),
                back: format!("/staff/workshops/{}", w.id),
            },
        };
        (target, views::workshop_fields(lang, input, errors))
    }

    fn save(
        conn: &mut DbConnection, trail: &mut Trail, target: Self::Target,
        (fields, typed): (WorkshopFields, Typed),
    ) -> Result<String, AppError> {
        let (id, next) = match target {
            Subject::New(topic) => {
                let id = store::create_workshop(conn, &topic.id, &fields)?;
                trail.record(Action::WorkshopCreate, &id, fields.title.as_str());
                let next = format!("/staff/workshops/{id}");
                (id, next)
            }
            Subject::Edit(w) => {
                store::update_workshop(conn, &w.id, &fields)?;
                trail.record(Action::WorkshopUpdate, &w.id, fields.title.as_str());
                let next = with_notice(&format!("/staff/workshops/{}", w.id), Notice::Saved);
                (w.id, next)
            }
        };
        translations::save(conn, trail, (&id, &id), Action::WorkshopTranslate, &typed)?;
        Ok(next)
    }
}

/// The workshop page: status, join details, people, retention, questions with their answer
/// counts; with the attendance form's errors (422) when it comes back.
async fn show<R: Signed>(
    cx: &StaffContext<R>, settings: &RuntimeSettings, id: WorkshopId, notice: Option<String>,
    typed: Option<(&str, &[FieldError])>,
) -> Result<HttpResponse, AppError> {
    let (workshop, topic, questions, (people, statements)) = cx
        .db
        .run(move |conn| {
            let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
            let topic = store::find_topic(conn, &w.topic_id)?.ok_or(AppError::NotFound)?;
            let counts = store::answer_counts(conn, &w.id)?;
            let questions = store::list_questions(conn, &w.id)?
                .into_iter()
                .map(|q| {
                    let n = counts.get(&q.id).copied().unwrap_or_default();
                    (q, n)
                })
                .collect::<Vec<_>>();
            let people = store::count_people(conn, &w.id)?;
            Ok::<_, AppError>((w, topic, questions, people))
        })
        .await?;
    let proposed = workshop.attendance.map_or(people, i64::from).to_string();
    let (attendance_input, errors) = typed.unwrap_or((&proposed, &[]));
    let page = views::WorkshopPage {
        join_url: settings.join_url(&workshop.join_code),
        workshop: &workshop,
        topic_title: &topic.title,
        questions: &questions,
        people,
        statements,
        attendance_input,
        errors,
        notice,
    };
    let html = views::workshop_page(cx.lang, cx.staff(), &cx.csrf, &page);
    Ok(form_response(errors, html))
}

pub(super) async fn get_workshop(
    cx: StaffContext<Staff>, settings: web::Data<RuntimeSettings>, id: web::Path<WorkshopId>,
    done: Done,
) -> Result<HttpResponse, AppError> {
    show(&cx, &settings, id.into_inner(), done.message(cx.lang), None).await
}

#[derive(Deserialize)]
pub(super) struct AttendanceInput {
    #[serde(default)]
    people: String,
}

/// Sets how many people took part: at least those who answered, at most 10,000.
pub(super) async fn post_attendance(
    cx: StaffContext<Editor>, settings: web::Data<RuntimeSettings>, id: web::Path<WorkshopId>,
    Form(input): Form<AttendanceInput>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (w, counted) = cx
        .db
        .run({
            let id = id.clone();
            move |conn| {
                let w = store::find_workshop(conn, &id)?.ok_or(AppError::NotFound)?;
                Ok::<_, AppError>((w, store::count_people(conn, &id)?.0))
            }
        })
        .await?;
    let typed = input.people.trim();
    let people = typed.parse::<i32>().ok().filter(|n| (0..=10_000).contains(n));
    let Some(people) = people.filter(|n| i64::from(*n) >= counted) else {
        let message = match people {
            None => cx.lang.t("attendance-error-number"),
            Some(_) => cx.lang.t_args("attendance-error-too-few", &[("people", counted.into())]),
        };
        let errors = [FieldError::new("people", message)];
        return show(&cx, &settings, id, None, Some((typed, &errors))).await;
    };
    cx.change(move |conn, trail| {
        store::set_attendance(conn, &w.id, people)?;
        trail.record(Action::WorkshopAttendance, &w.id, people.to_string());
        Ok(())
    })
    .await?;
    Ok(see_other_with(&format!("/staff/workshops/{id}"), Notice::Attendance))
}

/// An admin keeps a workshop's individual answers longer: 30, 90 or 365 days more.
pub(super) async fn post_retention(
    cx: StaffContext<Admin>, id: web::Path<WorkshopId>, Form(extension): Form<Extension>,
) -> Result<HttpResponse, AppError> {
    let days = extension.days().ok_or(AppError::BadRequest("days"))?;
    let find = move |conn: &mut _| store::find_workshop(conn, &id);
    let w = cx
        .change_found(find, move |conn, trail, w: &Workshop| {
            if store::extend_retention(conn, &w.id, days)? == 0 {
                return Err(AppError::BadRequest("the answers are already deleted"));
            }
            trail.record(Action::RetentionExtend, &w.id, format!("+{days} days"));
            Ok(())
        })
        .await?;
    Ok(see_other_with(&format!("/staff/workshops/{}", w.id), Notice::RetentionExtended))
}

#[derive(Deserialize)]
pub(super) struct StatusInput {
    to: WorkshopStatus,
    /// "1" once the person has read what closing means.
    confirm: Option<String>,
}

/// Opens, closes, archives or returns a workshop to draft; a move the workshop cannot make
/// yet comes back as a notice saying why.
pub(super) async fn post_status(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(input): Form<StatusInput>,
) -> Result<HttpResponse, AppError> {
    let (id, to) = (id.into_inner(), input.to);
    if to == WorkshopStatus::Closed && input.confirm.as_deref() != Some("1") {
        let find = id.clone();
        let w = cx.db.find(move |conn| store::find_workshop(conn, &find)).await?;
        if w.status.can_move_to(to) {
            let page = views::close_confirm_page(cx.lang, cx.staff(), &cx.csrf, &w);
            return Ok(crate::web::layout::html_response(page));
        }
    }
    let target = format!("/staff/workshops/{id}");
    let notice = cx
        .change(move |conn, trail| match store::set_status(conn, &id, to) {
            Ok(()) => {
                trail.record(Action::WorkshopStatus, &id, to.as_str());
                Ok(match to {
                    WorkshopStatus::Open => Notice::Opened,
                    WorkshopStatus::Closed => Notice::Closed,
                    WorkshopStatus::Archived => Notice::Archived,
                    WorkshopStatus::Draft => Notice::Drafted,
                })
            }
            Err(StatusError::HasAnswers) => Ok(Notice::HasAnswers),
            Err(StatusError::NoQuestions) => Ok(Notice::NoQuestions),
            Err(StatusError::NotAllowed { .. }) => {
                Err(AppError::BadRequest("status move not allowed"))
            }
            Err(StatusError::Db(diesel::result::Error::NotFound)) => Err(AppError::NotFound),
            Err(StatusError::Db(e)) => Err(e.into()),
        })
        .await?;
    Ok(see_other_with(&target, notice))
}

/// "Kopiér workshop": a new draft with the same questions, translations and settings; its page
/// opens next, saying so.
pub(super) async fn post_copy(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let copy = cx
        .change(move |conn, trail| {
            let copy = store::copy_workshop(conn, &id)?;
            trail.record(Action::WorkshopCreate, &copy, format!("copy of {id}"));
            Ok(copy)
        })
        .await?;
    Ok(see_other_with(&format!("/staff/workshops/{copy}"), Notice::Copied))
}
