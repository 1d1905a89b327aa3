//! Routes of the theme board. Viewers read; admins and facilitators change. Every change is
//! audited.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::store::{self, Conflict};
use super::views::{self, BoardFilter, Proposal};
use crate::audit;
use crate::auth::Staff;
use crate::cluster::{self, SuggestOptions};
use crate::db::{Db, DbConnection};
use crate::error::AppError;
use crate::survey::domain::{parse_text, parse_title};
use crate::survey::store as survey_store;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, FieldError};
use crate::web::{Form, Lang};

crate::routes! {
    get "/staff/topics/{id}/board" => get_board;
    post "/staff/topics/{id}/themes" => post_new_theme;
    post "/staff/topics/{id}/assign" => post_assign;
    post "/staff/topics/{id}/key-points" => post_topic_key_point;
    get "/staff/topics/{id}/quotes" => get_quotes;
    get "/staff/topics/{id}/suggestions" => get_suggestions;
    post "/staff/topics/{id}/suggestions/accept" => post_accept;
    post "/staff/topics/{id}/suggestions/reject" => post_reject;
    post "/staff/themes/{id}" => post_rename_theme;
    post "/staff/themes/{id}/move" => post_move_theme;
    post "/staff/themes/{id}/delete" => post_delete_theme;
    post "/staff/themes/{id}/merge" => post_merge_theme;
    post "/staff/themes/{id}/key-points" => post_theme_key_point;
    post "/staff/key-points/{id}" => post_edit_key_point;
    post "/staff/key-points/{id}/move" => post_move_key_point;
    post "/staff/key-points/{id}/delete" => post_delete_key_point;
    get "/staff/answers/{id}/quote" => get_quote_form;
    post "/staff/answers/{id}/quote" => post_quote;
    post "/staff/quotes/{id}" => post_edit_quote;
    post "/staff/quotes/{id}/approve" => post_approve_quote;
    post "/staff/quotes/{id}/delete" => post_delete_quote;
    get "/admin/audit" => get_audit;
}

/// Everything the board needs, loaded in one go.
struct BoardData {
    topic: survey_store::Topic,
    workshops: Vec<survey_store::Workshop>,
    answers: Vec<store::BoardAnswer>,
    themes: Vec<store::Theme>,
    links: Vec<(String, String)>,
    key_points: Vec<store::KeyPoint>,
}

fn load_board(conn: &mut DbConnection, topic_id: &str) -> Result<BoardData, AppError> {
    let topic = survey_store::find_topic(conn, topic_id)?.ok_or(AppError::NotFound)?;
    let workshops = survey_store::list_workshops(conn)?
        .into_iter()
        .filter(|w| w.topic_id == topic.id)
        .collect();
    Ok(BoardData {
        answers: store::board_answers(conn, &topic.id)?,
        themes: store::list_themes(conn, &topic.id)?,
        links: store::links(conn, &topic.id)?,
        key_points: store::list_key_points(conn, &topic.id)?,
        workshops,
        topic,
    })
}

fn notice(lang: Lang, done: Option<&str>) -> Option<String> {
    let key = match done? {
        "assigned" => "board-done-assigned",
        "theme" => "board-done-theme",
        "merged" => "board-done-merged",
        "deleted" => "board-done-deleted",
        "key-point" => "board-done-key-point",
        "accepted" => "board-done-accepted",
        "rejected" => "board-done-rejected",
        "quote" => "board-done-quote",
        _ => return None,
    };
    Some(lang.t(key))
}

fn render_board(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    data: &BoardData,
    filter: &BoardFilter,
    errors: &[FieldError],
) -> maud::Markup {
    let mut themes_of: HashMap<String, Vec<String>> = HashMap::new();
    for (theme, answer) in &data.links {
        themes_of
            .entry(answer.clone())
            .or_default()
            .push(theme.clone());
    }
    let counts = store::counts(&data.answers, &data.links);
    let view = filter.view();
    let needle = filter
        .q
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_lowercase);
    let cards: Vec<&store::BoardAnswer> = data
        .answers
        .iter()
        .filter(|a| match view {
            "all" => true,
            "unsorted" => !themes_of.contains_key(&a.id),
            theme => themes_of
                .get(&a.id)
                .is_some_and(|ts| ts.iter().any(|t| t == theme)),
        })
        .filter(|a| {
            filter
                .workshop
                .as_deref()
                .is_none_or(|w| w.is_empty() || a.workshop_id == w)
        })
        .filter(|a| {
            filter
                .question
                .as_deref()
                .is_none_or(|q| q.is_empty() || a.question_id == q)
        })
        .filter(|a| {
            needle
                .as_deref()
                .is_none_or(|n| a.value.to_lowercase().contains(n))
        })
        .collect();
    let mut questions: Vec<(String, String)> = Vec::new();
    for a in &data.answers {
        if !questions.iter().any(|(id, _)| id == &a.question_id) {
            questions.push((a.question_id.clone(), a.question.clone()));
        }
    }
    let unsorted = data
        .answers
        .iter()
        .filter(|a| !themes_of.contains_key(&a.id))
        .count();
    views::board_page(
        lang,
        staff,
        csrf,
        &views::Board {
            topic: &data.topic,
            workshops: &data.workshops,
            questions: &questions,
            themes: &data.themes,
            counts: &counts,
            cards: &cards,
            themes_of: &themes_of,
            key_points: &data.key_points,
            filter,
            unsorted,
            total: data.answers.len(),
            notice: notice(lang, filter.done.as_deref()),
            errors,
        },
    )
}

async fn get_board(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    filter: web::Query<BoardFilter>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let data = db.run(move |conn| load_board(conn, &id)).await?;
    Ok(html_response(render_board(
        lang,
        &staff,
        &csrf,
        &data,
        &filter,
        &[],
    )))
}

fn board_url(topic_id: &str, view: Option<&str>, done: &str) -> String {
    match view.filter(|v| !v.is_empty()) {
        Some(v) => format!("/staff/topics/{topic_id}/board?view={v}&done={done}"),
        None => format!("/staff/topics/{topic_id}/board?done={done}"),
    }
}

#[derive(Deserialize)]
struct NewThemeInput {
    #[serde(default)]
    title: String,
    parent_id: Option<String>,
}

async fn post_new_theme(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<NewThemeInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let topic_id = id.into_inner();
    let Some(title) = parse_title(&input.title) else {
        let errors = [FieldError {
            field: "new-theme-title",
            message: lang.t("error-title"),
        }];
        let t = topic_id.clone();
        let data = db.run(move |conn| load_board(conn, &t)).await?;
        return Ok(html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            render_board(lang, &staff, &csrf, &data, &BoardFilter::default(), &errors),
        ));
    };
    let parent = input.parent_id.filter(|p| !p.is_empty());
    let (user, t) = (staff.user.id.clone(), topic_id.clone());
    db.write(move |conn| {
        survey_store::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let id = store::create_theme(conn, &t, &title, parent.as_deref())?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "theme.create",
            &id,
            &title,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&topic_id, None, "theme")))
}

#[derive(Deserialize)]
struct AssignInput {
    #[serde(default)]
    answer: Vec<String>,
    #[serde(default)]
    theme_id: String,
    action: Option<String>,
    from_theme: Option<String>,
    return_view: Option<String>,
}

/// Adds the chosen answers to a theme; "move" also takes them out of the theme being viewed
/// (that is how a theme is split); "remove" only takes them out.
async fn post_assign(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<AssignInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let topic_id = id.into_inner();
    let action = input.action.clone().unwrap_or_else(|| "add".into());
    if !matches!(action.as_str(), "add" | "move" | "remove") {
        return Err(AppError::BadRequest("unknown action"));
    }
    let (user, t) = (staff.user.id.clone(), topic_id.clone());
    let answers = input.answer.clone();
    let (target, from) = (
        input.theme_id.clone(),
        input.from_theme.clone().filter(|f| !f.is_empty()),
    );
    db.write(move |conn| {
        // Every id must belong to this topic: a theme or answer of another topic is refused.
        let topic_answers: std::collections::HashSet<String> = store::board_answers(conn, &t)?
            .into_iter()
            .map(|a| a.id)
            .collect();
        if answers.iter().any(|a| !topic_answers.contains(a)) {
            return Err(AppError::BadRequest("answer of another topic"));
        }
        let theme_of_topic = |conn: &mut DbConnection, id: &str| -> Result<(), AppError> {
            match store::find_theme(conn, id)? {
                Some(th) if th.topic_id == t => Ok(()),
                _ => Err(AppError::BadRequest("theme of another topic")),
            }
        };
        if action != "remove" {
            theme_of_topic(conn, &target)?;
            store::assign(conn, &target, &answers, Some(&user))?;
        }
        if action != "add" {
            let from = from
                .as_deref()
                .ok_or(AppError::BadRequest("no theme to take answers from"))?;
            theme_of_topic(conn, from)?;
            if !(action == "move" && from == target) {
                store::unassign(conn, from, &answers)?;
            }
        }
        let detail = format!("{action} {} answer(s)", answers.len());
        Ok(audit::record(
            conn,
            Some(&user),
            "theme.assign",
            if action == "remove" {
                from.as_deref().unwrap_or("")
            } else {
                &target
            },
            &detail,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(
        &topic_id,
        input.return_view.as_deref(),
        "assigned",
    )))
}

#[derive(Deserialize)]
struct RenameInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    version: i32,
}

async fn theme_and_topic(db: &Db, id: String) -> Result<store::Theme, AppError> {
    db.run(move |conn| store::find_theme(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
}

/// A second writer is told, not overwritten: 409 with the board and a message naming the
/// current title.
async fn conflict_page(
    lang: Lang,
    csrf: &CsrfToken,
    staff: &Staff,
    db: &Db,
    topic_id: String,
    field: &'static str,
) -> Result<HttpResponse, AppError> {
    let data = db.run(move |conn| load_board(conn, &topic_id)).await?;
    let errors = [FieldError {
        field,
        message: lang.t("conflict"),
    }];
    Ok(html_status(
        StatusCode::CONFLICT,
        render_board(lang, staff, csrf, &data, &BoardFilter::default(), &errors),
    ))
}

async fn post_rename_theme(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<RenameInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let theme = theme_and_topic(&db, id.into_inner()).await?;
    let title = parse_title(&input.title).ok_or(AppError::BadRequest("title"))?;
    let summary = parse_text(&input.summary, 2000).ok_or(AppError::BadRequest("summary"))?;
    let (user, tid) = (staff.user.id.clone(), theme.id.clone());
    let result = db
        .write(move |conn| {
            let r = store::rename_theme(conn, &tid, &title, &summary, input.version)?;
            if r.is_ok() {
                audit::record(conn, Some(&user), "theme.rename", &tid, &title)?;
            }
            Ok::<_, AppError>(r)
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other(&board_url(&theme.topic_id, None, "theme"))),
        Err(Conflict) => {
            conflict_page(lang, &csrf, &staff, &db, theme.topic_id, "themes-heading").await
        }
    }
}

#[derive(Deserialize)]
struct MoveInput {
    direction: String,
}

fn step(direction: &str) -> Result<i32, AppError> {
    match direction {
        "up" => Ok(-1),
        "down" => Ok(1),
        _ => Err(AppError::BadRequest("direction")),
    }
}

async fn post_move_theme(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let theme = theme_and_topic(&db, id.into_inner()).await?;
    let (user, tid, s) = (
        staff.user.id.clone(),
        theme.id.clone(),
        step(&input.direction)?,
    );
    db.write(move |conn| {
        store::move_theme(conn, &tid, s)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "theme.move",
            &tid,
            &input.direction,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&theme.topic_id, None, "theme")))
}

async fn post_delete_theme(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let theme = theme_and_topic(&db, id.into_inner()).await?;
    let (user, tid, title) = (staff.user.id.clone(), theme.id.clone(), theme.title.clone());
    db.write(move |conn| {
        store::delete_theme(conn, &tid)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "theme.delete",
            &tid,
            &title,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&theme.topic_id, None, "deleted")))
}

#[derive(Deserialize)]
struct MergeInput {
    into: String,
}

async fn post_merge_theme(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<MergeInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let theme = theme_and_topic(&db, id.into_inner()).await?;
    let (user, tid) = (staff.user.id.clone(), theme.id.clone());
    db.write(move |conn| {
        store::merge(conn, &tid, &input.into, Some(&user))?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "theme.merge",
            &tid,
            &input.into,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&theme.topic_id, None, "merged")))
}

#[derive(Deserialize)]
struct KeyPointInput {
    #[serde(default)]
    text: String,
    version: Option<i32>,
}

fn key_point_text(input: &KeyPointInput) -> Result<String, AppError> {
    parse_text(&input.text, 2000)
        .filter(|t| !t.is_empty())
        .ok_or(AppError::BadRequest("key point text"))
}

async fn post_topic_key_point(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let text = key_point_text(&input)?;
    let (user, topic) = (staff.user.id.clone(), id.into_inner());
    let t = topic.clone();
    db.write(move |conn| {
        survey_store::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let id = store::add_key_point(conn, &t, None, &text)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "key_point.create",
            &id,
            "",
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&topic, None, "key-point")))
}

async fn post_theme_key_point(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let text = key_point_text(&input)?;
    let theme = theme_and_topic(&db, id.into_inner()).await?;
    let (user, th) = (staff.user.id.clone(), theme.clone());
    db.write(move |conn| {
        let id = store::add_key_point(conn, &th.topic_id, Some(&th.id), &text)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "key_point.create",
            &id,
            "",
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&theme.topic_id, None, "key-point")))
}

async fn key_point(db: &Db, id: String) -> Result<store::KeyPoint, AppError> {
    db.run(move |conn| store::find_key_point(conn, &id))
        .await?
        .ok_or(AppError::NotFound)
}

async fn post_edit_key_point(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<KeyPointInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let text = key_point_text(&input)?;
    let version = input.version.ok_or(AppError::BadRequest("version"))?;
    let kp = key_point(&db, id.into_inner()).await?;
    let (user, kid) = (staff.user.id.clone(), kp.id.clone());
    let result = db
        .write(move |conn| {
            let r = store::update_key_point(conn, &kid, &text, version)?;
            if r.is_ok() {
                audit::record(conn, Some(&user), "key_point.update", &kid, "")?;
            }
            Ok::<_, AppError>(r)
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other(&board_url(&kp.topic_id, None, "key-point"))),
        Err(Conflict) => conflict_page(lang, &csrf, &staff, &db, kp.topic_id, "kp-heading").await,
    }
}

async fn post_move_key_point(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<MoveInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let kp = key_point(&db, id.into_inner()).await?;
    let (user, kid, s) = (
        staff.user.id.clone(),
        kp.id.clone(),
        step(&input.direction)?,
    );
    db.write(move |conn| {
        store::move_key_point(conn, &kid, s)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "key_point.move",
            &kid,
            &input.direction,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&kp.topic_id, None, "key-point")))
}

async fn post_delete_key_point(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let kp = key_point(&db, id.into_inner()).await?;
    let (user, kid) = (staff.user.id.clone(), kp.id.clone());
    db.write(move |conn| {
        store::delete_key_point(conn, &kid)?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "key_point.delete",
            &kid,
            "",
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&kp.topic_id, None, "key-point")))
}

async fn answer_on_board(db: &Db, id: String) -> Result<(store::BoardAnswer, String), AppError> {
    db.run(move |conn| {
        let topic = store::topic_of_answer(conn, &id)?.ok_or(AppError::NotFound)?;
        let answer = store::board_answers(conn, &topic)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((answer, topic))
    })
    .await
}

async fn get_quote_form(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (answer, topic) = answer_on_board(&db, id.into_inner()).await?;
    Ok(html_response(views::quote_form(
        lang,
        &staff,
        &csrf,
        &answer,
        &topic,
        &[],
    )))
}

#[derive(Deserialize)]
struct QuoteInput {
    #[serde(default)]
    text: String,
    version: Option<i32>,
}

async fn post_quote(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<QuoteInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (answer, topic) = answer_on_board(&db, id.into_inner()).await?;
    let Some(text) = parse_text(&input.text, 5000).filter(|t| !t.is_empty()) else {
        let errors = [FieldError {
            field: "text",
            message: lang.t("quote-error"),
        }];
        return Ok(html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::quote_form(lang, &staff, &csrf, &answer, &topic, &errors),
        ));
    };
    let (user, a) = (staff.user.id.clone(), answer.clone());
    db.write(move |conn| {
        let id = store::create_quote(conn, &a.id, &text, &a.value, Some(&user))?;
        Ok::<_, AppError>(audit::record(conn, Some(&user), "quote.create", &id, "")?)
    })
    .await?;
    Ok(see_other(&format!(
        "/staff/topics/{topic}/quotes?done=quote"
    )))
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn get_quotes(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (topic, quotes) = db
        .run(move |conn| {
            let topic = survey_store::find_topic(conn, &id)?.ok_or(AppError::NotFound)?;
            let quotes = store::list_quotes(conn, &topic.id)?;
            Ok::<_, AppError>((topic, quotes))
        })
        .await?;
    let notice = match query.done.as_deref() {
        Some("conflict") => Some(lang.t("conflict")),
        done => notice(lang, done),
    };
    Ok(html_response(views::quotes_page(
        lang, &staff, &csrf, &topic, &quotes, notice,
    )))
}

async fn quote_topic(db: &Db, id: String) -> Result<(String, String), AppError> {
    db.run(move |conn| {
        let topic = store::topic_of_quote(conn, &id)?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((id, topic))
    })
    .await
}

async fn post_edit_quote(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<QuoteInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (qid, topic) = quote_topic(&db, id.into_inner()).await?;
    let text = parse_text(&input.text, 5000)
        .filter(|t| !t.is_empty())
        .ok_or(AppError::BadRequest("quote text"))?;
    let version = input.version.ok_or(AppError::BadRequest("version"))?;
    let user = staff.user.id.clone();
    let result = db
        .write(move |conn| {
            let r = store::update_quote(conn, &qid, &text, version)?;
            if r.is_ok() {
                audit::record(conn, Some(&user), "quote.update", &qid, "")?;
            }
            Ok::<_, AppError>(r)
        })
        .await?;
    Ok(quote_redirect(&topic, result))
}

fn quote_redirect(topic: &str, result: Result<(), Conflict>) -> HttpResponse {
    match result {
        Ok(()) => see_other(&format!("/staff/topics/{topic}/quotes?done=quote")),
        Err(Conflict) => HttpResponse::build(StatusCode::SEE_OTHER)
            .insert_header((
                actix_web::http::header::LOCATION,
                format!("/staff/topics/{topic}/quotes?done=conflict"),
            ))
            .finish(),
    }
}

#[derive(Deserialize)]
struct ApproveInput {
    approved: String,
    version: i32,
}

async fn post_approve_quote(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<ApproveInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (qid, topic) = quote_topic(&db, id.into_inner()).await?;
    let approved = input.approved == "1";
    let user = staff.user.id.clone();
    let result = db
        .write(move |conn| {
            let r = store::set_quote_approved(conn, &qid, approved, input.version)?;
            if r.is_ok() {
                audit::record(
                    conn,
                    Some(&user),
                    if approved {
                        "quote.approve"
                    } else {
                        "quote.unapprove"
                    },
                    &qid,
                    "",
                )?;
            }
            Ok::<_, AppError>(r)
        })
        .await?;
    Ok(quote_redirect(&topic, result))
}

async fn post_delete_quote(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (qid, topic) = quote_topic(&db, id.into_inner()).await?;
    let user = staff.user.id.clone();
    db.write(move |conn| {
        store::delete_quote(conn, &qid)?;
        Ok::<_, AppError>(audit::record(conn, Some(&user), "quote.delete", &qid, "")?)
    })
    .await?;
    Ok(see_other(&format!(
        "/staff/topics/{topic}/quotes?done=quote"
    )))
}

#[derive(Deserialize)]
struct SuggestQuery {
    k: Option<usize>,
}

async fn get_suggestions(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    query: web::Query<SuggestQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (data, rejected) = db
        .run(move |conn| {
            let data = load_board(conn, &id)?;
            let rejected = store::rejected(conn, &data.topic.id)?;
            Ok::<_, AppError>((data, rejected))
        })
        .await?;
    let linked: std::collections::HashSet<&str> =
        data.links.iter().map(|(_, a)| a.as_str()).collect();
    let unsorted: Vec<&store::BoardAnswer> = data
        .answers
        .iter()
        .filter(|a| !linked.contains(a.id.as_str()))
        .collect();
    let k = query
        .k
        .unwrap_or_else(|| cluster::default_k(unsorted.len()))
        .clamp(2, 30);
    let texts: Vec<String> = unsorted.iter().map(|a| a.value.clone()).collect();
    // Clustering is CPU work: off the async workers.
    let suggestions = web::block(move || {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        cluster::suggest(
            &refs,
            &SuggestOptions {
                k: Some(k),
                ..SuggestOptions::default()
            },
        )
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("suggestions: {e}")))?;
    let proposals: Vec<Proposal<'_>> = suggestions
        .themes
        .into_iter()
        .map(|s| Proposal {
            label: s.label,
            keywords: s.keywords,
            members: s
                .members
                .iter()
                .filter_map(|i| unsorted.get(*i).copied())
                .collect(),
            representatives: s
                .representatives
                .iter()
                .filter_map(|i| unsorted.get(*i).copied())
                .collect(),
        })
        .filter(|p| {
            let ids: Vec<String> = p.members.iter().map(|a| a.id.clone()).collect();
            !p.members.is_empty() && !rejected.contains(&store::fingerprint(&ids))
        })
        .collect();
    Ok(html_response(views::suggestions_page(
        lang,
        &staff,
        &csrf,
        &data.topic,
        k,
        &proposals,
        unsorted.len(),
    )))
}

#[derive(Deserialize)]
struct ProposalInput {
    #[serde(default)]
    answer: Vec<String>,
    #[serde(default)]
    title: String,
}

/// Accepting creates a new theme with the proposal's answers; hand-made themes are untouched.
async fn post_accept(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<ProposalInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let title = parse_title(&input.title).ok_or(AppError::BadRequest("title"))?;
    let (user, topic) = (staff.user.id.clone(), id.into_inner());
    let t = topic.clone();
    db.write(move |conn| {
        let topic_answers: std::collections::HashSet<String> = store::board_answers(conn, &t)?
            .into_iter()
            .map(|a| a.id)
            .collect();
        if input.answer.is_empty() || input.answer.iter().any(|a| !topic_answers.contains(a)) {
            return Err(AppError::BadRequest("answers of another topic"));
        }
        let id = store::create_theme(conn, &t, &title, None)?;
        store::assign(conn, &id, &input.answer, Some(&user))?;
        Ok(audit::record(
            conn,
            Some(&user),
            "suggestion.accept",
            &id,
            &title,
        )?)
    })
    .await?;
    Ok(see_other(&board_url(&topic, None, "accepted")))
}

async fn post_reject(
    staff: Staff,
    db: web::Data<Db>,
    id: web::Path<String>,
    Form(input): Form<ProposalInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let (user, topic) = (staff.user.id.clone(), id.into_inner());
    let t = topic.clone();
    db.write(move |conn| {
        survey_store::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let fp = store::fingerprint(&input.answer);
        store::reject(conn, &t, &fp, Some(&user))?;
        Ok::<_, AppError>(audit::record(
            conn,
            Some(&user),
            "suggestion.reject",
            &t,
            &fp,
        )?)
    })
    .await?;
    Ok(see_other(&format!("/staff/topics/{topic}/suggestions")))
}

async fn get_audit(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    staff.require_admin()?;
    let events = db
        .run(|conn| {
            let events = audit::recent(conn, 300)?;
            let users = crate::auth::store::list_users(conn)?;
            Ok::<_, AppError>(
                events
                    .into_iter()
                    .map(|e| {
                        let who = e
                            .user_id
                            .as_ref()
                            .and_then(|id| users.iter().find(|u| &u.id == id))
                            .map(|u| u.name.clone());
                        (e, who)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(html_response(views::audit_page(
        lang, &staff, &csrf, &events,
    )))
}
