//! Guided suggestions on the board (issue 16): for each unsorted card, the themes it most
//! likely belongs in, from the themes' names and descriptions and the cards already in them.
//! With the e5 model the cards' stored vectors are used (the embedder makes them in the
//! background); without it, TF-IDF of the same texts, and the board says so.

pub mod embedder;
pub mod store;

use std::collections::{HashMap, HashSet};

use crate::cluster::semantic::{self, EngineName, Model, Ranked, ThemeText, E5_MODEL_ID};
use crate::cluster::Language;
use crate::db::{AnswerId, DbConnection, ThemeId};
use crate::error::AppError;
use crate::themes::store::BoardData;

/// Guesses shown per card at most.
const PER_CARD: usize = 2;
/// A second guess is shown only when it is at least this likely.
const SECOND_AT_LEAST: f32 = 0.15;

/// One suggested theme for a card.
#[derive(Debug, Clone)]
pub struct Guess {
    /// The theme.
    pub theme: ThemeId,
    /// Its name.
    pub title: String,
    /// The chance it is right, 0–1.
    pub confidence: f32,
}

/// The board's guesses.
#[derive(Debug, Default)]
pub struct Guesses {
    /// Which engine made them (`None`: no guesses, fewer than two themes).
    pub engine: Option<EngineName>,
    /// Best first, per unsorted card.
    pub by_answer: HashMap<AnswerId, Vec<Guess>>,
    /// Unsorted cards whose vector is still being made.
    pub waiting: usize,
}

/// The current vectors of the board's answers (none without the model).
pub fn vectors_of(
    conn: &mut DbConnection, data: &BoardData, model: Option<&Model>,
) -> Result<HashMap<AnswerId, Vec<f32>>, AppError> {
    if model.is_none() {
        return Ok(HashMap::new());
    }
    let ids: Vec<AnswerId> = data.answers.iter().map(|a| a.id.clone()).collect();
    Ok(store::vectors(conn, &ids, E5_MODEL_ID)?)
}

/// The guesses for `data`'s unsorted cards, leaving out what was rejected.
pub fn guesses(
    conn: &mut DbConnection, data: &BoardData, model: Option<&Model>,
) -> Result<Guesses, AppError> {
    if data.themes.len() < 2 {
        return Ok(Guesses::default());
    }
    let vectors = vectors_of(conn, data, model)?;
    guesses_with(conn, data, model, &vectors)
}

/// [`guesses`] with the board's vectors already read ([`vectors_of`]).
pub fn guesses_with(
    conn: &mut DbConnection, data: &BoardData, model: Option<&Model>,
    vectors: &HashMap<AnswerId, Vec<f32>>,
) -> Result<Guesses, AppError> {
    if data.themes.len() < 2 {
        return Ok(Guesses::default());
    }
    let rejected = store::rejected(conn, &data.topic.id)?;
    let unsorted = data.unsorted();
    if unsorted.is_empty() {
        return Ok(Guesses { engine: Some(engine_of(model)), ..Guesses::default() });
    }
    let text_of: HashMap<&AnswerId, &str> =
        data.answers.iter().map(|a| (&a.id, a.value.as_str())).collect();
    let members: Vec<Vec<&AnswerId>> = data
        .themes
        .iter()
        .map(|t| data.links.iter().filter(|(th, _)| *th == t.id).map(|(_, a)| a).collect())
        .collect();
    let (ranked, cards, waiting) = match model {
        Some(model) => {
            let cards: Vec<&AnswerId> =
                unsorted.iter().map(|a| &a.id).filter(|id| vectors.contains_key(*id)).collect();
            let card_vectors: Vec<Vec<f32>> =
                cards.iter().filter_map(|id| vectors.get(*id).cloned()).collect();
            let theme_texts: Vec<String> = data.themes.iter().map(|t| text(t).text()).collect();
            let refs: Vec<&str> = theme_texts.iter().map(String::as_str).collect();
            let theme_vectors = model.embed_cached(&refs);
            let examples: Vec<Vec<Vec<f32>>> = members
                .iter()
                .map(|m| m.iter().filter_map(|id| vectors.get(*id).cloned()).collect())
                .collect();
            let waiting = unsorted.len() - cards.len();
            (semantic::rank_vectors(&card_vectors, &theme_vectors, &examples), cards, waiting)
        }
        None => {
            let cards: Vec<&AnswerId> = unsorted.iter().map(|a| &a.id).collect();
            let texts: Vec<&str> = unsorted.iter().map(|a| a.value.as_str()).collect();
            let themes: Vec<ThemeText> = data
                .themes
                .iter()
                .zip(&members)
                .map(|(t, m)| ThemeText {
                    examples: m
                        .iter()
                        .filter_map(|id| text_of.get(id))
                        .map(|s| (*s).to_owned())
                        .collect(),
                    ..text(t)
                })
                .collect();
            (semantic::rank_tfidf(&texts, &themes, Language::Danish), cards, 0)
        }
    };
    let engine = engine_of(model);
    let mut by_answer = HashMap::with_capacity(cards.len());
    for (card, ranks) in cards.into_iter().zip(ranked) {
        by_answer.insert(card.clone(), pick(data, card, &ranks, &rejected, engine));
    }
    Ok(Guesses { engine: Some(engine), by_answer, waiting })
}

/// The engine that answers with `model` (or without it).
pub fn engine_of(model: Option<&Model>) -> EngineName {
    if model.is_some() {
        EngineName::E5
    } else {
        EngineName::Tfidf
    }
}

fn text(theme: &crate::themes::store::Theme) -> ThemeText {
    ThemeText {
        name: theme.title.clone(),
        description: theme.summary.clone(),
        examples: Vec::new(),
    }
}

/// The card's best themes that were not rejected for it, with their chances among those.
fn pick(
    data: &BoardData, card: &AnswerId, ranks: &[Ranked], rejected: &HashSet<(AnswerId, ThemeId)>,
    engine: EngineName,
) -> Vec<Guess> {
    let open: Vec<Ranked> = ranks
        .iter()
        .filter(|r| !rejected.contains(&(card.clone(), data.themes[r.theme].id.clone())))
        .copied()
        .collect();
    let chances = semantic::probabilities(&open, engine);
    open.iter()
        .zip(chances)
        .take(PER_CARD)
        .enumerate()
        .filter(|(i, (_, p))| *i == 0 || *p >= SECOND_AT_LEAST)
        .map(|(_, (r, p))| Guess {
            theme: data.themes[r.theme].id.clone(),
            title: data.themes[r.theme].title.clone(),
            confidence: p,
        })
        .collect()
}
