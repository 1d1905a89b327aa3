//! The wall's control page: the link, what the wall shows, the timer, and the moderation list.
//! Anyone on the staff may look; facilitators and admins change.

use std::rc::Rc;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::audit::{Action, Trail};
use crate::auth::{Editor, Staff, StaffContext};
use crate::config::RuntimeSettings;
use crate::db::events::latest_of_workshop;
use crate::db::{now, AnswerId, DbConnection, QuestionId, RoundId, RoundItemId, WorkshopId};
use crate::error::AppError;
use crate::room::domain::minutes_left;
use crate::room::domain::{RoundKind, MAX_DOTS};
use crate::room::store::NewItem;
use crate::room::views::{self, ControlPage, RoundControl};
use crate::room::{moderation, store};
use crate::survey::{self, Workshop};
use crate::themes;
use crate::web::layout::{html_response, see_other};
use crate::web::live::{event_stream, Drawn, Hub};
use crate::web::Form;

fn control_path(id: &WorkshopId) -> String {
    format!("/staff/workshops/{id}/wall")
}

/// Runs `f` on workshop `id` (404 when there is none) as this editor, with its audit records
/// in the same transaction, and goes back to the control page.
async fn change_room<F>(
    cx: &StaffContext<Editor>, id: WorkshopId, f: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConnection, &mut Trail, &Workshop) -> Result<(), AppError> + Send + 'static,
{
    let path = control_path(&id);
    cx.change_found(move |conn| survey::find_workshop(conn, &id), f).await?;
    Ok(see_other(&path))
}

/// The control page.
pub(super) async fn get_control(
    cx: StaffContext<Staff>, settings: web::Data<RuntimeSettings>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (workshop, questions, wall, list, since, (round, topic_has)) = cx
        .db
        .run(move |conn| {
            let (w, qs) = survey::workshop_with_questions(conn, &id)?.ok_or(AppError::NotFound)?;
            let wall = store::wall_of(conn, &w.id)?;
            let since = latest_of_workshop(conn, &w.id)?;
            let list = moderation(conn, &wall)?;
            let rounds = round_control(conn, &w)?;
            Ok::<_, AppError>((w, qs, wall, list, since, rounds))
        })
        .await?;
    crate::audit::answers_read(&cx.db, cx.staff().id(), &workshop.id).await?;
    let questions: Vec<(String, String)> = questions
        .iter()
        .map(|q| (q.id.to_string(), format!("{}. {}", q.position, q.prompt)))
        .collect();
    let page = ControlPage {
        workshop_id: workshop.id.as_str(),
        workshop_title: workshop.title.as_str(),
        link: wall.token.as_ref().map(|t| format!("{}/v/{t}", settings.base_url)),
        wall: &wall,
        questions: &questions,
        timer_minutes: wall.timer_ends_at.map(|end| minutes_left(end, now())).filter(|m| *m > 0),
        moderation: &list,
        since,
        can_edit: cx.staff().role().can_edit(),
        round,
        topic_has,
        round_address: format!("{}/j/{}/rum", settings.base_url, workshop.join_code),
    };
    Ok(html_response(views::control_page(cx.lang, cx.staff(), &cx.csrf, &page)))
}

/// The newest round for the control page, and how many themes and key points the topic has.
fn round_control(
    conn: &mut DbConnection, w: &Workshop,
) -> Result<(Option<RoundControl>, (usize, usize)), AppError> {
    let themes = themes::list_themes(conn, &w.topic_id)?.len();
    let points = themes::list_key_points(conn, &w.topic_id)?.len();
    let Some((round, items)) = store::latest_round(conn, &w.id)? else {
        return Ok((None, (themes, points)));
    };
    let tallies = store::tallies(conn, &round.id)?;
    let hands = store::hands_of(conn, &round.id)?;
    let items = items
        .into_iter()
        .map(|i| {
            let t = tallies.get(&i.id).copied().unwrap_or_default();
            let h = hands.get(&i.id).copied().unwrap_or_default();
            (i, t, h)
        })
        .collect();
    Ok((Some(RoundControl { round, items }), (themes, points)))
}

/// The moderation list's event stream.
pub(super) async fn get_events(
    req: HttpRequest, cx: StaffContext<Staff>, hub: web::Data<Hub>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let workshop = {
        let id = id.clone();
        cx.db.find(move |conn| survey::find_workshop(conn, &id)).await?.id
    };
    let can_edit = cx.staff().role().can_edit();
    let (db, lang, csrf) = (cx.db.clone(), cx.lang, cx.csrf.clone());
    let draw: crate::web::live::Draw = Rc::new(move || {
        let (db, id, csrf) = (db.clone(), id.clone(), csrf.clone());
        Box::pin(async move {
            let read = id.clone();
            let (since, list) = db
                .run(move |conn| {
                    let wall = store::wall_of(conn, &read)?;
                    let since = latest_of_workshop(conn, &read)?;
                    Ok::<_, AppError>((since, moderation(conn, &wall)?))
                })
                .await?;
            let html = views::moderation_live(lang, &csrf, id.as_str(), &list, can_edit);
            Ok(Some(Drawn { id: since, html: html.into_string() }))
        })
    });
    event_stream(&req, &hub.into_inner(), vec![workshop], draw)
}

/// Makes a wall link (a new one replaces the old, which stops working at once).
pub(super) async fn post_link(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    change_room(&cx, id.into_inner(), |conn, trail, w| {
        store::new_link(conn, &w.id)?;
        trail.record(Action::WallLink, &w.id, "new link");
        Ok(())
    })
    .await
}

/// Closes the wall link: the wall stops showing anything at once.
pub(super) async fn post_revoke(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    change_room(&cx, id.into_inner(), |conn, trail, w| {
        store::change_wall(conn, &w.id, |wall| wall.token = None)?;
        trail.record(Action::WallRevoke, &w.id, "link closed");
        Ok(())
    })
    .await
}

/// What the wall shows.
#[derive(Deserialize)]
pub(super) struct SettingsForm {
    show_join: Option<String>,
    view: Option<String>,
    let_all_through: Option<String>,
    question: Option<String>,
}

/// Saves what the wall shows.
pub(super) async fn post_settings(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(form): Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let path = control_path(&id);
    let word_view = match form.view.as_deref() {
        Some("words") => true,
        Some("cards") | None => false,
        Some(_) => return Err(AppError::BadRequest("view")),
    };
    let question = match form.question.as_deref().filter(|q| !q.is_empty()) {
        None => None,
        Some(q) => Some(QuestionId::parse(q).ok_or(AppError::BadRequest("question"))?),
    };
    let (show_join, let_all) = (form.show_join.is_some(), form.let_all_through.is_some());
    cx.change(move |conn, trail| {
        let (w, qs) = survey::workshop_with_questions(conn, &id)?.ok_or(AppError::NotFound)?;
        if question.as_ref().is_some_and(|q| !qs.iter().any(|x| x.id == *q)) {
            return Err(AppError::BadRequest("question of another workshop"));
        }
        store::change_wall(conn, &w.id, |wall| {
            wall.show_join = show_join;
            wall.word_view = word_view;
            wall.let_all_through = let_all;
            wall.question_id = question;
        })?;
        let detail = format!("join {show_join}, words {word_view}, let all through {let_all}");
        trail.record(Action::WallSettings, &w.id, detail);
        Ok(())
    })
    .await?;
    Ok(see_other(&path))
}

/// Minutes for the timer; 0 stops it.
#[derive(Deserialize)]
pub(super) struct TimerForm {
    minutes: String,
}

/// Starts the timer for 1–180 minutes, or stops it (0).
pub(super) async fn post_timer(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(form): Form<TimerForm>,
) -> Result<HttpResponse, AppError> {
    let minutes: i64 = form
        .minutes
        .trim()
        .parse()
        .ok()
        .filter(|m| (0..=180).contains(m))
        .ok_or(AppError::BadRequest("minutes"))?;
    change_room(&cx, id.into_inner(), move |conn, trail, w| {
        let ends = (minutes > 0).then(|| now() + chrono::TimeDelta::minutes(minutes));
        store::change_wall(conn, &w.id, |wall| wall.timer_ends_at = ends)?;
        trail.record(Action::WallTimer, &w.id, format!("{minutes} min"));
        Ok(())
    })
    .await
}

/// One card: let through or take down.
#[derive(Deserialize)]
pub(super) struct CardForm {
    answer_id: AnswerId,
    decision: String,
}

/// Lets a free-text answer through to the wall, or takes it down.
pub(super) async fn post_card(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(form): Form<CardForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let show = match form.decision.as_str() {
        "show" => true,
        "take-down" => false,
        _ => return Err(AppError::BadRequest("decision")),
    };
    let by = cx.staff().id().clone();
    let answer = form.answer_id;
    let anchor = format!("{}#card-{answer}", control_path(&id));
    cx.change(move |conn, trail| {
        if !store::decide(conn, &id, &answer, show, &by)? {
            return Err(AppError::NotFound);
        }
        trail.record(Action::WallCard, &answer, if show { "shown" } else { "taken down" });
        Ok(())
    })
    .await?;
    Ok(see_other(&anchor))
}

/// A new round: what it asks, about what, and the dots of a vote.
#[derive(Deserialize)]
pub(super) struct RoundForm {
    kind: String,
    about: String,
    dots: Option<String>,
}

/// Opens a member check or a dot vote over the topic's key points or themes (closing the
/// round open before).
pub(super) async fn post_round(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(form): Form<RoundForm>,
) -> Result<HttpResponse, AppError> {
    let kind = RoundKind::parse(&form.kind).ok_or(AppError::BadRequest("kind"))?;
    let dots = match kind {
        RoundKind::Check => 0,
        RoundKind::Vote => form
            .dots
            .as_deref()
            .and_then(|d| d.trim().parse::<i32>().ok())
            .filter(|d| (1..=MAX_DOTS).contains(d))
            .ok_or(AppError::BadRequest("dots"))?,
    };
    let about_points = match form.about.as_str() {
        "key-points" => true,
        "themes" => false,
        _ => return Err(AppError::BadRequest("about")),
    };
    change_room(&cx, id.into_inner(), move |conn, trail, w| {
        let items: Vec<NewItem> = if about_points {
            themes::list_key_points(conn, &w.topic_id)?
                .into_iter()
                .map(|k| NewItem { theme_id: None, key_point_id: Some(k.id), text: k.text })
                .collect()
        } else {
            themes::list_themes(conn, &w.topic_id)?
                .into_iter()
                .map(|t| {
                    let text = if t.summary.trim().is_empty() {
                        t.title
                    } else {
                        format!("{}: {}", t.title, t.summary)
                    };
                    NewItem { theme_id: Some(t.id), key_point_id: None, text }
                })
                .collect()
        };
        if items.is_empty() {
            return Err(AppError::BadRequest("nothing to put to the room"));
        }
        let round = store::open_round(conn, &w.id, kind, dots, &items)?;
        trail.record(
            Action::RoundOpen,
            &round,
            format!("{} over {} items", kind.as_str(), items.len()),
        );
        Ok(())
    })
    .await
}

/// Closes the open round: phones can no longer answer; the result stays.
pub(super) async fn post_round_close(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    change_room(&cx, id.into_inner(), |conn, trail, w| {
        if store::close_round(conn, &w.id)? {
            trail.record(Action::RoundClose, &w.id, "closed");
        }
        Ok(())
    })
    .await
}

/// The room's show of hands on one item.
#[derive(Deserialize)]
pub(super) struct HandsForm {
    item_id: RoundItemId,
    yes: String,
    partly: String,
    no: String,
}

/// Records the show of hands of people without a phone.
pub(super) async fn post_hands(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(form): Form<HandsForm>,
) -> Result<HttpResponse, AppError> {
    let count = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            return Some(0);
        }
        s.parse::<i32>().ok().filter(|n| (0..=1000).contains(n))
    };
    let hands = [count(&form.yes), count(&form.partly), count(&form.no)];
    let [Some(yes), Some(partly), Some(no)] = hands else {
        return Err(AppError::BadRequest("hands"));
    };
    let by = cx.staff().id().clone();
    let item = form.item_id;
    change_room(&cx, id.into_inner(), move |conn, trail, w| {
        if !store::record_hands(conn, &w.id, &item, [yes, partly, no], &by)? {
            return Err(AppError::NotFound);
        }
        trail.record(Action::RoundHands, &item, format!("{yes}/{partly}/{no}"));
        Ok(())
    })
    .await
}

/// Which vote's ranking to use.
#[derive(Deserialize)]
pub(super) struct OrderForm {
    round_id: RoundId,
}

/// Puts the topic's key points in the order of the vote (most dots first).
pub(super) async fn post_order(
    cx: StaffContext<Editor>, id: web::Path<WorkshopId>, Form(form): Form<OrderForm>,
) -> Result<HttpResponse, AppError> {
    change_room(&cx, id.into_inner(), move |conn, trail, w| {
        let Some((round, items)) = store::latest_round(conn, &w.id)? else {
            return Err(AppError::NotFound);
        };
        if round.id != form.round_id || round.kind != RoundKind::Vote {
            return Err(AppError::BadRequest("not the newest vote"));
        }
        let tallies = store::tallies(conn, &round.id)?;
        let mut ranked: Vec<_> = items
            .iter()
            .filter_map(|i| {
                Some((i.key_point_id.clone()?, tallies.get(&i.id).map_or(0, |t| t.dots)))
            })
            .collect();
        ranked.sort_by_key(|(_, dots)| std::cmp::Reverse(*dots));
        let order: Vec<_> = ranked.into_iter().map(|(k, _)| k).collect();
        let moved = themes::order_key_points(conn, &w.topic_id, &order)?;
        trail.record(Action::KeyPointMove, &round.id, format!("vote order, {moved} moved"));
        Ok(())
    })
    .await
}
