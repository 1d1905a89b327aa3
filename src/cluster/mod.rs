//! Theme suggestions for short free-text answers, fully offline.
//!
//! Pipeline: tokenise (stop words, Snowball stems) → stemmed-word and in-word
//! character 3–5-gram TF-IDF blocks → randomized truncated SVD (LSA) → k-means
//! on the L2-normalised LSA rows → c-TF-IDF labels. Everything is seeded and
//! ordered so the same input always gives the same suggestions.

pub mod e5;
pub mod kmeans;
pub mod label;
pub mod semantic;
pub mod svd;
pub mod tokenize;
pub mod vectorize;

use serde::Serialize;

pub use tokenize::Language;

use kmeans::{KMeans, KMeansParams};
use svd::SvdParams;
use vectorize::DfFilter;

/// Options for [`suggest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestOptions {
    /// Number of themes; `None` uses [`default_k`] of the number of usable answers.
    pub k: Option<usize>,
    /// Language of the answers (stop words and stemmer).
    pub language: Language,
    /// Dimensions of the LSA space (clamped to 2..=300).
    pub dims: usize,
    /// Seed for the SVD test matrix and k-means restarts.
    pub seed: u64,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions { k: None, language: Language::Danish, dims: 60, seed: 42 }
    }
}

/// One suggested theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Short readable label: the top keywords joined, first letter upper-case.
    pub label: String,
    /// Distinctive words of the theme, best first (as written in the answers).
    pub keywords: Vec<String>,
    /// 0-based indexes into the input, ascending.
    pub members: Vec<usize>,
    /// The 1–3 members closest to the theme's centre, most central first.
    pub representatives: Vec<usize>,
}

/// Result of [`suggest`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Suggestions {
    /// Themes, largest first.
    pub themes: Vec<Suggestion>,
    /// Answers with nothing to cluster on (empty, only stop words/emoji/numbers,
    /// or no word shared with any other answer), ascending.
    pub unassigned: Vec<usize>,
}

/// Advanced knobs behind [`suggest`]; the defaults were tuned on the
/// evaluation sets (see `examples/cluster_eval.rs`). Most callers never need
/// [`suggest_tuned`].
#[derive(Debug, Clone, PartialEq)]
pub struct Tuning {
    /// Weight of the stemmed-word TF-IDF block.
    pub word_weight: f64,
    /// Weight of the character n-gram TF-IDF block.
    pub char_weight: f64,
    /// Add adjacent-stem bigrams to the word block.
    pub bigrams: bool,
    /// Shortest character n-gram.
    pub char_min_n: usize,
    /// Longest character n-gram.
    pub char_max_n: usize,
    /// Drop features used by fewer answers (applied from 20 answers on).
    pub min_df: usize,
    /// Drop features used by more than this share of answers (from 20 answers on).
    pub max_df_ratio: f64,
    /// Randomized SVD oversampling.
    pub oversample: usize,
    /// Randomized SVD power iterations.
    pub power_iters: usize,
    /// k-means restarts.
    pub n_init: usize,
    /// Max Lloyd iterations per restart.
    pub max_iter: usize,
    /// Keywords per theme.
    pub n_keywords: usize,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            word_weight: 0.7,
            char_weight: 1.0,
            bigrams: false,
            char_min_n: 3,
            char_max_n: 5,
            min_df: 2,
            max_df_ratio: 0.5,
            oversample: 10,
            power_iters: 3,
            n_init: 4,
            max_iter: 100,
            n_keywords: 5,
        }
    }
}

/// Sensible default number of themes for `n` answers: `round(√(n/2))`,
/// clamped to 2..=12 (and never more than `n`). Deliberately not chosen by
/// silhouette, which picks the edge of any search range on this kind of data.
pub fn default_k(n: usize) -> usize {
    ((n as f64 / 2.0).sqrt().round() as usize).clamp(2, 12).min(n)
}

/// Below this many usable answers document-frequency filters are skipped:
/// with a handful of answers they would delete almost every feature.
const MIN_DOCS_FOR_DF_FILTER: usize = 20;

/// Suggests themes for `texts` with the default [`Tuning`]. Never panics;
/// deterministic for a given input and options.
pub fn suggest(texts: &[&str], opts: &SuggestOptions) -> Suggestions {
    suggest_tuned(texts, opts, &Tuning::default())
}

/// [`suggest`] with explicit [`Tuning`].
pub fn suggest_tuned(texts: &[&str], opts: &SuggestOptions, tuning: &Tuning) -> Suggestions {
    let tokenizer = tokenize::Tokenizer::new(opts.language);
    let docs: Vec<Vec<tokenize::Token>> = texts.iter().map(|t| tokenizer.tokenize(t)).collect();

    let mut unassigned: Vec<usize> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if d.is_empty() {
            unassigned.push(i);
        } else {
            active.push(i);
        }
    }
    let active_docs: Vec<Vec<tokenize::Token>> = active.iter().map(|&i| docs[i].clone()).collect();
    let matrix = build_matrix(&active_docs, tuning);

    // Answers whose features were all filtered away carry no signal.
    let mut rows: Vec<usize> = Vec::new();
    for (r, &i) in active.iter().enumerate() {
        if matrix.row(r).0.is_empty() {
            unassigned.push(i);
        } else {
            rows.push(r);
        }
    }
    unassigned.sort_unstable();
    if rows.is_empty() {
        return Suggestions { themes: Vec::new(), unassigned };
    }
    let matrix = matrix.select_rows(&rows);
    let n = rows.len();
    let doc_index: Vec<usize> = rows.iter().map(|&r| active[r]).collect();

    let svd = svd::randomized_svd(
        &matrix,
        &SvdParams {
            dims: opts.dims.clamp(2, 300),
            oversample: tuning.oversample,
            power_iters: tuning.power_iters,
            seed: opts.seed,
            want_v: false,
        },
    );
    let d = svd.d;
    let mut x = svd.us;
    svd::normalize_rows(&mut x, d);
    // k-means runs in f32: twice the SIMD width, and unit-length rows need
    // nowhere near f64 precision.
    let x: Vec<f32> = x.iter().map(|&v| v as f32).collect();

    let k = opts.k.unwrap_or_else(|| default_k(n)).clamp(1, n);
    let km = kmeans::kmeans(
        &x,
        n,
        d,
        &KMeansParams {
            k,
            n_init: restarts(tuning.n_init, n, k),
            max_iter: tuning.max_iter,
            seed: opts.seed,
        },
    );

    let themes = build_themes(&km, &x, d, &doc_index, &docs, opts.language, tuning);
    Suggestions { themes, unassigned }
}

/// k-means restarts: at least `base`, more when each run is cheap. Small
/// sets (a workshop's 20–200 answers) have many poor local optima and
/// restarts cost microseconds there; 10,000 answers keep `base`.
fn restarts(base: usize, n: usize, k: usize) -> usize {
    let cheap = 200_000 / (n * k).max(1);
    base.max(cheap.min(25))
}

/// Word and character TF-IDF blocks, weighted and concatenated.
fn build_matrix(docs: &[Vec<tokenize::Token>], tuning: &Tuning) -> vectorize::Csr {
    let n = docs.len();
    let filter = if n >= MIN_DOCS_FOR_DF_FILTER {
        DfFilter { min_df: tuning.min_df, max_df_ratio: tuning.max_df_ratio }
    } else {
        DfFilter { min_df: 1, max_df_ratio: 1.0 }
    };
    let words = vectorize::word_counts(docs, tuning.bigrams);
    let chars = vectorize::char_counts(docs, tuning.char_min_n, tuning.char_max_n);
    let build = |f: DfFilter| {
        let w = vectorize::tfidf(&words, f);
        let c = vectorize::tfidf(&chars, f);
        vectorize::hstack_weighted(&[(&w, tuning.word_weight), (&c, tuning.char_weight)])
    };
    let m = build(filter);
    if m.values.is_empty() && filter.max_df_ratio < 1.0 {
        // E.g. many identical answers: every feature is "too common".
        return build(DfFilter { max_df_ratio: 1.0, ..filter });
    }
    m
}

/// Groups k-means output into labelled themes with representatives.
fn build_themes(
    km: &KMeans, x: &[f32], d: usize, doc_index: &[usize], docs: &[Vec<tokenize::Token>],
    language: Language, tuning: &Tuning,
) -> Vec<Suggestion> {
    let n = doc_index.len();
    let k = km.k.max(1);
    // (distance to centroid, input index) per cluster.
    let mut groups: Vec<Vec<(f32, usize)>> = vec![Vec::new(); k];
    for r in 0..n {
        let c = km.labels.get(r).copied().unwrap_or(0).min(k - 1);
        let dist = match km.centroids.get(c * d..(c + 1) * d) {
            Some(cent) if d > 0 => kmeans::sq_dist(&x[r * d..(r + 1) * d], cent),
            _ => 0.0,
        };
        groups[c].push((dist, doc_index[r]));
    }
    groups.retain(|g| !g.is_empty());
    let members: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut m: Vec<usize> = g.iter().map(|&(_, i)| i).collect();
            m.sort_unstable();
            m
        })
        .collect();
    let labels = label::label_clusters(docs, &members, tuning.n_keywords, language);
    let mut themes: Vec<Suggestion> = groups
        .into_iter()
        .zip(members)
        .zip(labels)
        .map(|((mut g, members), lab)| {
            g.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            Suggestion {
                label: lab.label,
                keywords: lab.keywords,
                representatives: g.iter().take(3).map(|&(_, i)| i).collect(),
                members,
            }
        })
        .collect();
    themes.sort_by(|a, b| {
        b.members.len().cmp(&a.members.len()).then(a.members.first().cmp(&b.members.first()))
    });
    themes
}

#[cfg(test)]
mod tests;
