//! The room's question on a participant's phone (`/j/{code}/rum`): a member check or dot
//! voting that a facilitator opened for the workshop. The same participant cookie as the
//! survey; what a person sends replaces what they sent before, so it counts once.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::context::AnsweringVisit;
use crate::db::RoundId;
use crate::error::AppError;
use crate::participant::domain::{AnswerText, TextProblem};
use crate::room::{
    self, DotsProblem, PersonsAnswers, Round, RoundItem, RoundKind, RoundPage, Said, Verdict,
};

/// The open round, its items and what this person said in it.
type OpenRound = (Round, Vec<RoundItem>, PersonsAnswers);
use crate::web::csrf::CsrfToken;
use crate::web::layout::{form_response, see_other, FieldError};
use crate::web::Form;

#[derive(Deserialize)]
pub(super) struct Sent {
    sendt: Option<String>,
}

/// The open round, if any, and what this person said in it.
async fn load(ctx: &AnsweringVisit) -> Result<Option<OpenRound>, AppError> {
    let Some((participant, _)) = &ctx.0.participant else { return Ok(None) };
    let (workshop, participant) = (ctx.0.workshop.id.clone(), participant.id.clone());
    ctx.0
        .db
        .run(move |conn| {
            let Some((round, items)) = room::latest_round(conn, &workshop)? else {
                return Ok(None);
            };
            if round.closed_at.is_some() {
                return Ok(None);
            }
            let mine = room::round_answers_of(conn, &round.id, &participant)?;
            Ok::<_, AppError>(Some((round, items, mine)))
        })
        .await
}

fn page(
    ctx: &AnsweringVisit, csrf: &CsrfToken, open: Option<&OpenRound>, errors: &[FieldError],
    sent: bool,
) -> HttpResponse {
    let empty = PersonsAnswers::new();
    let view = RoundPage {
        code: &ctx.0.workshop.join_code,
        round: open.map(|(r, items, _)| (r, items.as_slice())),
        mine: open.map_or(&empty, |(_, _, mine)| mine),
        errors,
        sent,
    };
    form_response(errors, room::round_page(ctx.0.lang, csrf, &view))
}

pub(super) async fn get_round(
    ctx: AnsweringVisit, csrf: CsrfToken, query: web::Query<Sent>,
) -> Result<HttpResponse, AppError> {
    if ctx.0.participant.is_none() {
        return Ok(ctx.0.to_start());
    }
    let open = load(&ctx).await?;
    Ok(page(&ctx, &csrf, open.as_ref(), &[], query.sendt.is_some()))
}

/// Stores this person's verdicts or dots for the open round.
pub(super) async fn post_round(
    ctx: AnsweringVisit, csrf: CsrfToken, Form(posted): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let Some((participant, _)) = &ctx.0.participant else {
        return Ok(ctx.0.to_start());
    };
    let here = format!("/j/{}/rum", ctx.0.workshop.join_code);
    let field = |name: &str| posted.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let round_id =
        field("round_id").and_then(RoundId::parse).ok_or(AppError::BadRequest("round_id"))?;
    let Some(open) = load(&ctx).await? else {
        // Closed meanwhile: the page says nothing is asked now.
        return Ok(see_other(&here));
    };
    let (round, items) = (&open.0, &open.1);
    if round.id != round_id {
        return Ok(see_other(&here));
    }
    let participant = participant.id.clone();
    match round.kind {
        RoundKind::Check => {
            let mut said = Vec::new();
            for item in items {
                let verdict = match field(&format!("v-{}", item.id)) {
                    None | Some("") => None,
                    Some(v) => Some(Verdict::parse(v).ok_or(AppError::BadRequest("verdict"))?),
                };
                let comment =
                    match AnswerText::parse(field(&format!("c-{}", item.id)).unwrap_or("")) {
                        Ok(text) => text.as_str().to_owned(),
                        Err(TextProblem::TooLong) => {
                            let message = ctx.0.lang.t("round-comment-too-long");
                            let errors = [FieldError::new(format!("c-{}", item.id), message)];
                            let again = as_posted(&open, &posted);
                            return Ok(page(&ctx, &csrf, Some(&again), &errors, false));
                        }
                        Err(_) => return Err(AppError::BadRequest("comment")),
                    };
                said.push(Said { item: item.id.clone(), verdict, comment });
            }
            let round = round.clone();
            ctx.0
                .db
                .write(move |conn| room::save_verdicts(conn, &round, &participant, &said))
                .await?;
        }
        RoundKind::Vote => {
            let ids: Vec<String> = items.iter().map(|i| i.id.to_string()).collect();
            let dots = match room::parse_dots(&posted, &ids, round.dots) {
                Ok(dots) => dots,
                Err(problem) => {
                    let message = match problem {
                        DotsProblem::TooMany(total) => ctx.0.lang.t_args(
                            "round-too-many-dots",
                            &[("given", total.into()), ("dots", round.dots.into())],
                        ),
                        DotsProblem::NotANumber => ctx.0.lang.t("round-dots-number"),
                    };
                    let errors = [FieldError::new("dots", message)];
                    let again = as_posted(&open, &posted);
                    return Ok(page(&ctx, &csrf, Some(&again), &errors, false));
                }
            };
            let dots: Vec<(crate::db::RoundItemId, i32)> = dots
                .into_iter()
                .filter_map(|(id, n)| crate::db::RoundItemId::parse(&id).map(|id| (id, n)))
                .collect();
            let round = round.clone();
            ctx.0.db.write(move |conn| room::save_dots(conn, &round, &participant, &dots)).await?;
        }
    }
    Ok(see_other(&format!("{here}?sendt")))
}

/// The open round with what the person just sent in place of what was stored, for a form that
/// comes back with an error: nothing they chose or typed is lost.
fn as_posted(open: &OpenRound, posted: &[(String, String)]) -> OpenRound {
    let field = |name: String| posted.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
    let mine = open
        .1
        .iter()
        .map(|item| {
            let verdict = field(format!("v-{}", item.id)).as_deref().and_then(Verdict::parse);
            let comment = field(format!("c-{}", item.id)).unwrap_or_default();
            let dots =
                field(format!("d-{}", item.id)).and_then(|d| d.trim().parse().ok()).unwrap_or(0);
            (item.id.clone(), (verdict, comment, dots))
        })
        .collect();
    (open.0.clone(), open.1.clone(), mine)
}
