//! Suggestions from meaning (issue 16): answers and themes as e5 sentence vectors, ranked
//! against the facilitator's own themes ("guided"), or clustered when no theme fits yet.
//! Without the model file the same questions are answered from TF-IDF vectors, so every
//! caller works either way and says which engine answered.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use super::e5::{self, encoder::Encoder, LoadError, WeightsFile};
use super::kmeans::{self, KMeansParams};
use super::tokenize::{Language, Tokenizer};
use super::{vectorize, Suggestion, Suggestions};

/// What a stored vector was made with: the model file (by its pinned checksum) and the
/// prefix. A vector made otherwise is made again.
pub const E5_MODEL_ID: &str = "e5-small-q4:1571fc98:query";

/// The loaded e5 model: the weights file and the encoder reading from it.
pub struct Model {
    weights: &'static WeightsFile,
    encoder: Encoder<'static>,
    /// Vectors of short texts asked for again and again (theme names and descriptions).
    cache: Mutex<HashMap<String, Vec<f32>>>,
}

/// Texts the cache holds before it starts afresh.
const CACHE_SIZE: usize = 4096;

/// Models loaded so far, by path: 71 MB each, read and checked once per process.
static LOADED: Mutex<Vec<(PathBuf, &'static Model)>> = Mutex::new(Vec::new());

impl Model {
    /// The model at `path`, loaded and checked the first time it is asked for and then kept
    /// for the life of the process (a failed load is tried again next time).
    pub fn shared(path: &Path) -> Result<&'static Model, LoadError> {
        let mut loaded = LOADED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, model)) = loaded.iter().find(|(p, _)| p == path) {
            return Ok(model);
        }
        let weights: &'static WeightsFile = Box::leak(Box::new(e5::load(path)?));
        let encoder = Encoder::new(weights)?;
        let model: &'static Model =
            Box::leak(Box::new(Model { weights, encoder, cache: Mutex::default() }));
        loaded.push((path.to_owned(), model));
        Ok(model)
    }

    /// Unit-length "query: " vectors of `texts`, on every core.
    pub fn embed(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        e5::embed_queries(&self.encoder, self.weights, texts, threads)
    }

    /// [`Self::embed`], remembering the vectors: for texts that come back unchanged on every
    /// page (a theme's name and description), so a board does not embed them each time.
    pub fn embed_cached(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        let missing: Vec<&str> = {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            let mut missing: Vec<&str> =
                texts.iter().copied().filter(|t| !cache.contains_key(*t)).collect();
            missing.sort_unstable();
            missing.dedup();
            missing
        };
        let made = if missing.is_empty() { Vec::new() } else { self.embed(&missing) };
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() + made.len() > CACHE_SIZE {
            cache.clear();
        }
        for (text, vector) in missing.iter().zip(made) {
            cache.insert((*text).to_owned(), vector);
        }
        texts.iter().map(|t| cache.get(*t).cloned().unwrap_or_default()).collect()
    }
}

/// Which engine answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EngineName {
    /// multilingual-e5-small sentence vectors.
    E5,
    /// Word and character TF-IDF vectors.
    Tfidf,
}

/// A theme the answers are ranked against.
#[derive(Debug, Clone, Default)]
pub struct ThemeText {
    /// Its name, e.g. "Bolig".
    pub name: String,
    /// One line on what belongs in it (may be empty).
    pub description: String,
    /// Answers already sorted into it.
    pub examples: Vec<String>,
}

impl ThemeText {
    /// The text that stands for the theme: its name, and its description when there is one.
    pub fn text(&self) -> String {
        if self.description.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}: {}", self.name, self.description)
        }
    }
}

/// One theme's score for an answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ranked {
    /// Index into the themes.
    pub theme: usize,
    /// Similarity, higher is closer (cosine, −1 to 1).
    pub score: f32,
}

/// How much an answer's examples-in-the-theme count against the theme's own words: the
/// name and description say what the facilitator means, the sorted answers how people say
/// it. Measured on SIB-200 Danish with training sentences as examples (`cluster_eval`).
const EXAMPLE_WEIGHT: f32 = 0.5;

/// Ranks every theme for every card, best first, from unit vectors: a card's score for a
/// theme is its cosine with the theme's text, mixed with its cosine with the mean of the
/// theme's examples when it has any.
pub fn rank_vectors(
    cards: &[Vec<f32>], themes: &[Vec<f32>], examples: &[Vec<Vec<f32>>],
) -> Vec<Vec<Ranked>> {
    let centres: Vec<Option<Vec<f32>>> = examples.iter().map(|e| unit_mean(e)).collect();
    cards
        .iter()
        .map(|card| {
            let mut ranked: Vec<Ranked> = themes
                .iter()
                .enumerate()
                .map(|(i, theme)| {
                    let own = kmeans::dot(card, theme);
                    let score = match centres.get(i).and_then(Option::as_ref) {
                        Some(centre) => {
                            (1.0 - EXAMPLE_WEIGHT) * own
                                + EXAMPLE_WEIGHT * kmeans::dot(card, centre)
                        }
                        None => own,
                    };
                    Ranked { theme: i, score }
                })
                .collect();
            ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.theme.cmp(&b.theme)));
            ranked
        })
        .collect()
}

/// The unit-length mean of `vectors` (none for none).
fn unit_mean(vectors: &[Vec<f32>]) -> Option<Vec<f32>> {
    let first = vectors.first()?;
    let mut mean = vec![0.0f32; first.len()];
    for v in vectors {
        for (m, x) in mean.iter_mut().zip(v) {
            *m += x;
        }
    }
    normalise(&mut mean);
    Some(mean)
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
}

/// The chance the best theme is the right one, from how far its score stands above the
/// others (a softmax whose temperature was set on SIB-200 Danish so the stated chances
/// match the share that was right: 0.673 stated against 0.676 right for e5; `cluster_eval`
/// prints both).
pub fn confidence(ranked: &[Ranked], engine: EngineName) -> f32 {
    probabilities(ranked, engine).first().copied().unwrap_or(0.0)
}

/// Each ranked theme's chance of being the right one (see [`confidence`]), in rank order;
/// they add up to one.
pub fn probabilities(ranked: &[Ranked], engine: EngineName) -> Vec<f32> {
    let temperature = match engine {
        EngineName::E5 => 0.007,
        EngineName::Tfidf => 0.03,
    };
    let Some(best) = ranked.first() else { return Vec::new() };
    let weights: Vec<f32> =
        ranked.iter().map(|r| ((r.score - best.score) / temperature).exp()).collect();
    let total: f32 = weights.iter().sum::<f32>().max(f32::MIN_POSITIVE);
    weights.iter().map(|w| w / total).collect()
}

/// [`rank_vectors`] with the texts embedded by `model`.
pub fn rank_e5(model: &Model, cards: &[&str], themes: &[ThemeText]) -> Vec<Vec<Ranked>> {
    rank_texts(cards, themes, |all| model.embed(all))
}

/// [`rank_vectors`] with TF-IDF vectors (stemmed words and character n-grams, fitted on
/// the cards and the themes' texts together): the ranking without the model.
pub fn rank_tfidf(cards: &[&str], themes: &[ThemeText], language: Language) -> Vec<Vec<Ranked>> {
    rank_texts(cards, themes, |all| tfidf_vectors(all, language))
}

/// Vectors for the cards, the themes' texts and their examples in one call of `vectorise`,
/// then [`rank_vectors`].
fn rank_texts(
    cards: &[&str], themes: &[ThemeText], vectorise: impl FnOnce(&[&str]) -> Vec<Vec<f32>>,
) -> Vec<Vec<Ranked>> {
    let theme_texts: Vec<String> = themes.iter().map(ThemeText::text).collect();
    let mut all: Vec<&str> = cards.to_vec();
    all.extend(theme_texts.iter().map(String::as_str));
    all.extend(themes.iter().flat_map(|t| t.examples.iter().map(String::as_str)));
    let mut vectors = vectorise(&all).into_iter();
    let card_vectors: Vec<Vec<f32>> = vectors.by_ref().take(cards.len()).collect();
    let theme_vectors: Vec<Vec<f32>> = vectors.by_ref().take(themes.len()).collect();
    let examples: Vec<Vec<Vec<f32>>> =
        themes.iter().map(|t| vectors.by_ref().take(t.examples.len()).collect()).collect();
    rank_vectors(&card_vectors, &theme_vectors, &examples)
}

/// Dense unit TF-IDF rows (stemmed words and character 3–5-grams, as the clustering uses).
fn tfidf_vectors(texts: &[&str], language: Language) -> Vec<Vec<f32>> {
    let tuning = super::Tuning::default();
    let tokenizer = Tokenizer::new(language);
    let docs: Vec<_> = texts.iter().map(|t| tokenizer.tokenize(t)).collect();
    let all = vectorize::DfFilter { min_df: 1, max_df_ratio: 1.0 };
    let words = vectorize::tfidf(&vectorize::word_counts(&docs, false), all);
    let chars =
        vectorize::tfidf(&vectorize::char_counts(&docs, tuning.char_min_n, tuning.char_max_n), all);
    let m =
        vectorize::hstack_weighted(&[(&words, tuning.word_weight), (&chars, tuning.char_weight)]);
    (0..m.n_rows)
        .map(|r| {
            let mut row = vec![0.0f32; m.n_cols];
            let (cols, values) = m.row(r);
            for (c, v) in cols.iter().zip(values) {
                row[*c as usize] = *v as f32;
            }
            normalise(&mut row);
            row
        })
        .collect()
}

/// Themes for `texts` by k-means on their e5 vectors, labelled with a short phrase from
/// the most central answer as it was written. Blank answers are left unassigned.
pub fn cluster_e5(model: &Model, texts: &[&str], k: Option<usize>, seed: u64) -> Suggestions {
    let (active, unassigned): (Vec<usize>, Vec<usize>) =
        (0..texts.len()).partition(|i| !texts[*i].trim().is_empty());
    if active.is_empty() {
        return Suggestions { themes: Vec::new(), unassigned };
    }
    let chosen: Vec<&str> = active.iter().map(|i| texts[*i]).collect();
    let vectors = model.embed(&chosen);
    cluster_vectors(&vectors, &chosen, &active, k, seed, unassigned)
}

/// k-means on unit `vectors` (of `texts`, which are `index` in the caller's input).
pub fn cluster_vectors(
    vectors: &[Vec<f32>], texts: &[&str], index: &[usize], k: Option<usize>, seed: u64,
    unassigned: Vec<usize>,
) -> Suggestions {
    let n = vectors.len();
    let d = vectors.first().map_or(0, Vec::len);
    let data: Vec<f32> = vectors.iter().flatten().copied().collect();
    let k = k.unwrap_or_else(|| super::default_k(n)).clamp(1, n.max(1));
    let restarts = (200_000 / (n * k).max(1)).clamp(4, 25);
    let km =
        kmeans::kmeans(&data, n, d, &KMeansParams { k, n_init: restarts, max_iter: 100, seed });
    let mut groups: Vec<Vec<(f32, usize)>> = vec![Vec::new(); km.k.max(1)];
    for (r, label) in km.labels.iter().enumerate() {
        let centre = &km.centroids[label * d..(label + 1) * d];
        groups[*label].push((kmeans::sq_dist(&data[r * d..(r + 1) * d], centre), r));
    }
    let mut themes: Vec<Suggestion> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut g| {
            g.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let mut members: Vec<usize> = g.iter().map(|(_, r)| index[*r]).collect();
            members.sort_unstable();
            let central: Vec<&str> = g.iter().take(3).map(|(_, r)| texts[*r]).collect();
            Suggestion {
                label: phrase(&central),
                keywords: Vec::new(),
                representatives: g.iter().take(3).map(|(_, r)| index[*r]).collect(),
                members,
            }
        })
        .collect();
    themes.sort_by(|a, b| {
        b.members.len().cmp(&a.members.len()).then(a.members.first().cmp(&b.members.first()))
    });
    Suggestions { themes, unassigned }
}

/// Most words a label keeps.
const LABEL_WORDS: usize = 6;

/// A short label from the most central answers, as written: their first clauses, preferring
/// more than one word, then not cut, then the shortest; at most [`LABEL_WORDS`] words ("…"
/// where it was cut), first letter upper-case.
pub fn phrase(central: &[&str]) -> String {
    let clause = |text: &str| -> (String, bool) {
        let first =
            text.split(['.', '!', '?', ';', ':', '\n', ',']).map(str::trim).find(|c| !c.is_empty());
        let words: Vec<&str> = first.unwrap_or("").split_whitespace().collect();
        let cut = words.len() > LABEL_WORDS;
        (words.into_iter().take(LABEL_WORDS).collect::<Vec<_>>().join(" "), cut)
    };
    let best = central
        .iter()
        .map(|t| clause(t))
        .filter(|(c, _)| c.chars().any(char::is_alphanumeric))
        .min_by_key(|(c, cut)| (c.split_whitespace().count() < 2, *cut, c.chars().count()));
    let Some((text, cut)) = best else { return String::new() };
    let mut chars = text.chars();
    let mut label: String =
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    if cut {
        label.push('…');
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_a_short_clause_of_a_central_answer_as_written() {
        assert_eq!(
            phrase(&["jeg savner at have et sted at bo, hvor jeg kan låse døren", "bolig"]),
            "Jeg savner at have et sted…"
        );
        assert_eq!(
            phrase(&["Kommunen sender mig rundt. Igen og igen"]),
            "Kommunen sender mig rundt"
        );
        assert_eq!(phrase(&["🙂", "", "ro i hovedet"]), "Ro i hovedet");
        assert_eq!(phrase(&["!!!"]), "");
    }

    #[test]
    fn cards_are_ranked_by_their_theme_and_its_examples() {
        let unit = |v: [f32; 2]| {
            let mut v = v.to_vec();
            normalise(&mut v);
            v
        };
        let themes = vec![unit([1.0, 0.0]), unit([0.0, 1.0])];
        // The second theme's examples lean towards the card; the first has none.
        let examples = vec![Vec::new(), vec![unit([0.6, 0.8])]];
        let cards = vec![unit([0.8, 0.6]), unit([0.1, 1.0])];
        let ranked = rank_vectors(&cards, &themes, &examples);
        assert_eq!(ranked[0][0].theme, 0);
        assert!((ranked[0][0].score - 0.8).abs() < 1e-6);
        assert!((ranked[0][1].score - (0.5 * 0.6 + 0.5 * (0.8 * 0.6 + 0.6 * 0.8))).abs() < 1e-6);
        assert_eq!(ranked[1][0].theme, 1);
        let sure = confidence(&ranked[1], EngineName::E5);
        let unsure = confidence(
            &[Ranked { theme: 0, score: 0.8 }, Ranked { theme: 1, score: 0.8 }],
            EngineName::E5,
        );
        assert!(sure > 0.99 && (unsure - 0.5).abs() < 1e-6, "{sure} {unsure}");
    }

    #[test]
    fn without_the_model_tfidf_ranks_the_theme_that_shares_words_first() {
        let themes = vec![
            ThemeText {
                name: "Bolig".into(),
                description: "lejlighed, værelse, husleje".into(),
                examples: vec![],
            },
            ThemeText {
                name: "Sagsbehandling".into(),
                description: "kommunen, sagsbehandler, ventetid".into(),
                examples: vec!["min sagsbehandler ringer aldrig".into()],
            },
        ];
        let ranked = rank_tfidf(
            &["huslejen for mit værelse er for høj", "sagsbehandleren skifter hele tiden"],
            &themes,
            Language::Danish,
        );
        assert_eq!(ranked[0][0].theme, 0);
        assert_eq!(ranked[1][0].theme, 1);
    }
}
