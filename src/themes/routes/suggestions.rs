//! `/staff/topics/{id}/suggestions`: offline theme suggestions for the unsorted answers, to
//! accept (as a new theme) or reject (remembered, so it is not offered again).

use std::collections::HashSet;

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::board::board_url;
use crate::audit::Action;
use crate::auth::{Editor, Staff, StaffContext};
use crate::cluster::semantic::{self, EngineName};
use crate::cluster::{self, SuggestOptions, Suggestions};
use crate::db::{AnswerId, TopicId};
use crate::error::AppError;
use crate::startup::Guide;
use crate::survey;
use crate::text::Title;
use crate::themes::guide;
use crate::themes::store::{self, BoardAnswer, BoardData};
use crate::themes::views::{self, Proposal};
use crate::web::layout::{html_response, see_other};
use crate::web::notice::{see_other_with, Notice};
use crate::web::Form;

#[derive(Deserialize)]
pub(super) struct SuggestQuery {
    k: Option<usize>,
}

/// Clusters the texts into `k` themes; clustering is CPU work, so it runs off the async
/// workers.
async fn suggest_off_the_workers(texts: Vec<String>, k: usize) -> Result<Suggestions, AppError> {
    web::block(move || {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let options = SuggestOptions { k: Some(k), ..SuggestOptions::default() };
        cluster::suggest(&refs, &options)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("suggestions: {e}")))
}

/// The suggested themes as proposals of the unsorted answers, leaving out empty ones and those
/// the facilitators already rejected.
fn proposals<'a>(
    unsorted: &[&'a BoardAnswer], suggestions: Suggestions, rejected: &HashSet<String>,
) -> Vec<Proposal<'a>> {
    let pick = |indices: &[usize]| -> Vec<&'a BoardAnswer> {
        indices.iter().filter_map(|i| unsorted.get(*i).copied()).collect()
    };
    suggestions
        .themes
        .into_iter()
        .map(|s| Proposal {
            members: pick(&s.members),
            representatives: pick(&s.representatives),
            label: s.label,
            keywords: s.keywords,
        })
        .filter(|p| {
            let ids: Vec<AnswerId> = p.members.iter().map(|a| a.id.clone()).collect();
            !p.members.is_empty() && !rejected.contains(&store::fingerprint(&ids))
        })
        .collect()
}

/// A card "fits" a theme when its best suggestion is at least this sure; only the others are
/// clustered into new themes.
const FITS: f32 = 0.5;

pub(super) async fn get_suggestions(
    cx: StaffContext<Staff>, id: web::Path<TopicId>, query: web::Query<SuggestQuery>,
    guide: web::Data<Guide>,
) -> Result<HttpResponse, AppError> {
    let model = guide.embedder.as_ref().map(|e| e.model());
    let (data, rejected, fitting, vectors) = cx
        .db
        .run(move |conn| {
            let data = BoardData::load(conn, &id)?;
            let rejected = store::rejected(conn, &data.topic.id)?;
            let vectors = guide::vectors_of(conn, &data, model)?;
            let guesses = guide::guesses_with(conn, &data, model, &vectors)?;
            let fitting: HashSet<AnswerId> = guesses
                .by_answer
                .iter()
                .filter(|(_, g)| g.first().is_some_and(|g| g.confidence >= FITS))
                .map(|(a, _)| a.clone())
                .collect();
            Ok::<_, AppError>((data, rejected, fitting, vectors))
        })
        .await?;
    crate::audit::answers_read(&cx.db, cx.staff().id(), &data.topic.id).await?;
    // Only the cards that fit no theme yet (and, with the model, have their vector).
    let unsorted: Vec<&BoardAnswer> = data
        .unsorted()
        .into_iter()
        .filter(|a| !fitting.contains(&a.id))
        .filter(|a| model.is_none() || vectors.contains_key(&a.id))
        .collect();
    let k = query.k.unwrap_or_else(|| cluster::default_k(unsorted.len())).clamp(2, 30);
    let suggestions = match model {
        Some(_) => {
            let rows: Vec<Vec<f32>> =
                unsorted.iter().filter_map(|a| vectors.get(&a.id).cloned()).collect();
            let texts: Vec<String> = unsorted.iter().map(|a| a.value.clone()).collect();
            web::block(move || {
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let index: Vec<usize> = (0..refs.len()).collect();
                semantic::cluster_vectors(&rows, &refs, &index, Some(k), 42, Vec::new())
            })
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("suggestions: {e}")))?
        }
        None => {
            let texts: Vec<String> = unsorted.iter().map(|a| a.value.clone()).collect();
            suggest_off_the_workers(texts, k).await?
        }
    };
    let engine = if model.is_some() { EngineName::E5 } else { EngineName::Tfidf };
    let proposals = proposals(&unsorted, suggestions, &rejected);
    let page = (&data.topic, k, &proposals[..], unsorted.len());
    Ok(html_response(views::suggestions_page(cx.lang, &cx.who, &cx.csrf, page, engine)))
}

#[derive(Deserialize)]
pub(super) struct ProposalInput {
    #[serde(default)]
    answer: Vec<AnswerId>,
    #[serde(default)]
    title: String,
}

/// Accepting creates a new theme with the proposal's answers; hand-made themes are untouched.
pub(super) async fn post_accept(
    cx: StaffContext<Editor>, id: web::Path<TopicId>, Form(input): Form<ProposalInput>,
) -> Result<HttpResponse, AppError> {
    let title = Title::parse(&input.title).ok_or(AppError::BadRequest("title"))?;
    let (topic, by) = (id.into_inner(), cx.staff().id().clone());
    let t = topic.clone();
    cx.change(move |conn, trail| {
        if input.answer.is_empty() || !store::all_on_board(conn, &t, &input.answer)? {
            return Err(AppError::BadRequest("answers of another topic"));
        }
        let id = store::create_theme(conn, &t, &title, None)?;
        store::assign(conn, &id, &input.answer, Some(&by))?;
        trail.record(Action::SuggestionAccept, &id, title.as_str());
        Ok(())
    })
    .await?;
    Ok(see_other_with(&board_url(&topic, None), Notice::SuggestionAccepted))
}

pub(super) async fn post_reject(
    cx: StaffContext<Editor>, id: web::Path<TopicId>, Form(input): Form<ProposalInput>,
) -> Result<HttpResponse, AppError> {
    let (topic, by) = (id.into_inner(), cx.staff().id().clone());
    let t = topic.clone();
    cx.change(move |conn, trail| {
        survey::find_topic(conn, &t)?.ok_or(AppError::NotFound)?;
        let fingerprint = store::fingerprint(&input.answer);
        store::reject(conn, &t, &fingerprint, Some(&by))?;
        trail.record(Action::SuggestionReject, &t, fingerprint);
        Ok(())
    })
    .await?;
    Ok(see_other(&format!("/staff/topics/{topic}/suggestions")))
}
