//! Features (stemmed words + character n-grams), TF-IDF weighting and a small CSR sparse
//! matrix. The SVD that turns it into LSA rows is in `svd`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::tokenize::{for_each_char_ngram, Token};

/// Compressed sparse rows, `f64` values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Csr {
    /// Number of rows (documents).
    pub n_rows: usize,
    /// Number of columns (features).
    pub n_cols: usize,
    /// Row `i` occupies `indptr[i]..indptr[i + 1]` of `indices`/`values`.
    pub indptr: Vec<usize>,
    /// Column of each stored value, ascending within a row.
    pub indices: Vec<u32>,
    /// Stored values.
    pub values: Vec<f64>,
}

impl Csr {
    /// Column indices and values of row `i`.
    pub fn row(&self, i: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.indptr[i], self.indptr[i + 1]);
        (&self.indices[a..b], &self.values[a..b])
    }

    /// Builds a matrix from per-row `(column, value)` lists (columns ascending).
    pub fn from_rows(rows: &[Vec<(u32, f64)>], n_cols: usize) -> Csr {
        let mut m = Csr {
            n_rows: rows.len(),
            n_cols,
            indptr: Vec::with_capacity(rows.len() + 1),
            indices: Vec::new(),
            values: Vec::new(),
        };
        m.indptr.push(0);
        for r in rows {
            for &(c, v) in r {
                m.indices.push(c);
                m.values.push(v);
            }
            m.indptr.push(m.indices.len());
        }
        m
    }

    /// Keeps only the given rows, in the given order.
    pub fn select_rows(&self, rows: &[usize]) -> Csr {
        let mut m = Csr {
            n_rows: rows.len(),
            n_cols: self.n_cols,
            indptr: Vec::with_capacity(rows.len() + 1),
            indices: Vec::new(),
            values: Vec::new(),
        };
        m.indptr.push(0);
        for &r in rows {
            let (idx, val) = self.row(r);
            m.indices.extend_from_slice(idx);
            m.values.extend_from_slice(val);
            m.indptr.push(m.indices.len());
        }
        m
    }
}

/// FxHash-style hasher: much faster than SipHash for the millions of short
/// keys here, and denial-of-service resistance is irrelevant offline.
#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
    fn write_u8(&mut self, v: u8) {
        self.write_u64(v as u64);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// 64-bit FNV-1a; n-grams are keyed by this hash instead of by owned strings
/// (no allocation per n-gram; a collision among ~10⁵ keys has probability
/// ~10⁻⁹, far below anything that could change a clustering).
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Maps keys to dense ids in first-seen order. Documents are visited in input
/// order, so ids (and everything downstream) never depend on hash-map
/// iteration order.
struct Interner<K> {
    map: FastMap<K, u32>,
}

impl<K: std::hash::Hash + Eq> Interner<K> {
    fn new() -> Self {
        Interner { map: FastMap::default() }
    }
    fn id(&mut self, key: K) -> u32 {
        let next = self.map.len() as u32;
        *self.map.entry(key).or_insert(next)
    }
    fn len(&self) -> usize {
        self.map.len()
    }
}

/// Raw term counts of one feature block: per document, `(feature, count)`
/// sorted by feature.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Number of distinct features seen.
    pub n_features: usize,
    /// Per-document sorted `(feature, count)` pairs.
    pub rows: Vec<Vec<(u32, u32)>>,
}

fn run_length(ids: &mut [u32]) -> Vec<(u32, u32)> {
    ids.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &id in ids.iter() {
        match out.last_mut() {
            Some((last, c)) if *last == id => *c += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Word features: stemmed unigrams, plus adjacent-stem bigrams if `bigrams`.
pub fn word_counts(docs: &[Vec<Token>], bigrams: bool) -> Counts {
    let mut uni: Interner<&str> = Interner::new();
    let mut bi: Interner<(&str, &str)> = Interner::new();
    // Two id spaces; bigram ids are shifted past the unigrams afterwards.
    let mut per_doc: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(docs.len());
    for doc in docs {
        let u: Vec<u32> = doc.iter().map(|t| uni.id(t.stem.as_str())).collect();
        let b: Vec<u32> = if bigrams {
            doc.windows(2).map(|w| bi.id((w[0].stem.as_str(), w[1].stem.as_str()))).collect()
        } else {
            Vec::new()
        };
        per_doc.push((u, b));
    }
    let n_uni = uni.len() as u32;
    let rows = per_doc
        .into_iter()
        .map(|(mut u, b)| {
            u.extend(b.into_iter().map(|id| id + n_uni));
            run_length(&mut u)
        })
        .collect();
    Counts { n_features: uni.len() + bi.len(), rows }
}

/// Character `min_n..=max_n`-grams inside each (unstemmed) word.
pub fn char_counts(docs: &[Vec<Token>], min_n: usize, max_n: usize) -> Counts {
    let mut interner: Interner<u64> = Interner::new();
    let mut rows = Vec::with_capacity(docs.len());
    let mut ids = Vec::new();
    for doc in docs {
        ids.clear();
        for t in doc {
            for_each_char_ngram(&t.surface, min_n, max_n, |g| ids.push(interner.id(fnv1a(g))));
        }
        rows.push(run_length(&mut ids));
    }
    Counts { n_features: interner.len(), rows }
}

/// Document-frequency filter for [`tfidf`].
#[derive(Debug, Clone, Copy)]
pub struct DfFilter {
    /// Features in fewer documents are dropped.
    pub min_df: usize,
    /// Features in more than this fraction of documents are dropped.
    pub max_df_ratio: f64,
}

/// TF-IDF as in scikit-learn with `sublinear_tf=True, smooth_idf=True`:
/// weight = (1 + ln tf) · (ln((1 + n) / (1 + df)) + 1), rows L2-normalised.
/// Features failing `filter` are removed and the rest renumbered compactly
/// (in original id order, so the result is deterministic).
pub fn tfidf(counts: &Counts, filter: DfFilter) -> Csr {
    let n = counts.rows.len();
    let mut df = vec![0usize; counts.n_features];
    for row in &counts.rows {
        for &(f, _) in row {
            df[f as usize] += 1;
        }
    }
    let max_df = (filter.max_df_ratio * n as f64).floor() as usize;
    let mut new_id = vec![u32::MAX; counts.n_features];
    let mut idf = Vec::new();
    for (f, &d) in df.iter().enumerate() {
        if d >= filter.min_df && d <= max_df {
            new_id[f] = idf.len() as u32;
            idf.push(((1.0 + n as f64) / (1.0 + d as f64)).ln() + 1.0);
        }
    }
    let rows: Vec<Vec<(u32, f64)>> = counts
        .rows
        .iter()
        .map(|row| {
            let mut r: Vec<(u32, f64)> = row
                .iter()
                .filter(|(f, _)| new_id[*f as usize] != u32::MAX)
                .map(|&(f, c)| {
                    let id = new_id[f as usize];
                    (id, (1.0 + (c as f64).ln()) * idf[id as usize])
                })
                .collect();
            normalize_pairs(&mut r);
            r
        })
        .collect();
    Csr::from_rows(&rows, idf.len())
}

fn normalize_pairs(r: &mut [(u32, f64)]) {
    let norm = r.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
    if norm > 0.0 {
        r.iter_mut().for_each(|(_, v)| *v /= norm);
    }
}

/// Concatenates blocks side by side, scaling block `b` by `weights[b]`, then
/// L2-normalises each row again so documents missing one block are not
/// shorter vectors than the rest.
pub fn hstack_weighted(blocks: &[(&Csr, f64)]) -> Csr {
    let n = blocks.first().map_or(0, |(b, _)| b.n_rows);
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let mut r = Vec::new();
        let mut offset = 0u32;
        for (b, w) in blocks {
            if *w > 0.0 {
                let (idx, val) = b.row(i);
                r.extend(idx.iter().zip(val).map(|(&c, &v)| (c + offset, v * w)));
            }
            offset += b.n_cols as u32;
        }
        normalize_pairs(&mut r);
        rows.push(r);
    }
    let n_cols = blocks.iter().map(|(b, _)| b.n_cols).sum();
    Csr::from_rows(&rows, n_cols)
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::{Language, Tokenizer};
    use super::*;

    fn docs(texts: &[&str]) -> Vec<Vec<Token>> {
        let t = Tokenizer::new(Language::Danish);
        texts.iter().map(|s| t.tokenize(s)).collect()
    }

    const NO_FILTER: DfFilter = DfFilter { min_df: 1, max_df_ratio: 1.0 };

    #[test]
    fn common_term_gets_low_weight() {
        let d = docs(&["bolig kommune", "bolig ensom", "bolig venner", "bolig penge"]);
        let counts = word_counts(&d, false);
        let m = tfidf(&counts, NO_FILTER);
        // "bolig" is feature 0 (first seen) and in every row.
        for i in 0..4 {
            let (idx, val) = m.row(i);
            assert_eq!(idx[0], 0);
            assert!(val[0] < val[1], "common term should weigh less: {val:?}");
            let norm: f64 = val.iter().map(|v| v * v).sum();
            assert!((norm - 1.0).abs() < 1e-12);
        }
        // With the default max-df filter it disappears entirely.
        let filtered = tfidf(&counts, DfFilter { min_df: 1, max_df_ratio: 0.5 });
        assert_eq!(filtered.n_cols, 4);
        assert!((0..4).all(|i| filtered.row(i).0.len() == 1));
    }

    #[test]
    fn min_df_and_bigrams() {
        let d = docs(&["kold seng", "kold seng", "varm mad"]);
        let counts = word_counts(&d, true);
        // 4 unigrams + 2 distinct bigrams.
        assert_eq!(counts.n_features, 6);
        let m = tfidf(&counts, DfFilter { min_df: 2, max_df_ratio: 1.0 });
        assert_eq!(m.n_cols, 3); // kold, seng, "kold seng"
        assert!(m.row(2).0.is_empty());
    }

    #[test]
    fn char_ngrams_link_compounds() {
        let d = docs(&["hjemløshedserfaring", "hjemløs"]);
        let counts = char_counts(&d, 3, 5);
        let m = tfidf(&counts, DfFilter { min_df: 2, max_df_ratio: 1.0 });
        // Shared grams such as "<hje", "løs" survive min_df = 2.
        assert!(m.n_cols >= 8);
        assert_eq!(m.row(0).0.len(), m.n_cols);
    }
}
