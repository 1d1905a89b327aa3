//! Features (stemmed words + character n-grams), TF-IDF weighting, a small CSR
//! sparse matrix and randomized truncated SVD (LSA).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::kmeans::SplitMix64;
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
        Interner {
            map: FastMap::default(),
        }
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
            doc.windows(2)
                .map(|w| bi.id((w[0].stem.as_str(), w[1].stem.as_str())))
                .collect()
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
    Counts {
        n_features: uni.len() + bi.len(),
        rows,
    }
}

/// Character `min_n..=max_n`-grams inside each (unstemmed) word.
pub fn char_counts(docs: &[Vec<Token>], min_n: usize, max_n: usize) -> Counts {
    let mut interner: Interner<u64> = Interner::new();
    let mut rows = Vec::with_capacity(docs.len());
    let mut ids = Vec::new();
    for doc in docs {
        ids.clear();
        for t in doc {
            for_each_char_ngram(&t.surface, min_n, max_n, |g| {
                ids.push(interner.id(fnv1a(g)))
            });
        }
        rows.push(run_length(&mut ids));
    }
    Counts {
        n_features: interner.len(),
        rows,
    }
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

/// Result of [`randomized_svd`]: `A ≈ U Σ Vᵀ`.
#[derive(Debug, Clone)]
pub struct Svd {
    /// Number of components.
    pub d: usize,
    /// Row-major `n × d` document coordinates `U Σ` (what LSA clusters on).
    pub us: Vec<f64>,
    /// Singular values, descending.
    pub sigma: Vec<f64>,
    /// Row-major `m × d` right singular vectors, if requested.
    pub v: Option<Vec<f64>>,
}

/// `Y = A Z` with `Z` row-major `m × l`; result row-major `n × l`.
fn mul_a(a: &Csr, z: &[f64], l: usize) -> Vec<f64> {
    let mut y = vec![0.0; a.n_rows * l];
    for i in 0..a.n_rows {
        let (idx, val) = a.row(i);
        let yi = &mut y[i * l..(i + 1) * l];
        for (&j, &v) in idx.iter().zip(val) {
            let zj = &z[j as usize * l..(j as usize + 1) * l];
            yi.iter_mut().zip(zj).for_each(|(y, z)| *y += v * z);
        }
    }
    y
}

/// `Z = Aᵀ Q` with `Q` row-major `n × l`; result row-major `m × l`.
fn mul_at(a: &Csr, q: &[f64], l: usize) -> Vec<f64> {
    let mut z = vec![0.0; a.n_cols * l];
    for i in 0..a.n_rows {
        let (idx, val) = a.row(i);
        let qi = &q[i * l..(i + 1) * l];
        for (&j, &v) in idx.iter().zip(val) {
            let zj = &mut z[j as usize * l..(j as usize + 1) * l];
            zj.iter_mut().zip(qi).for_each(|(z, q)| *z += v * q);
        }
    }
    z
}

/// f64 dot product with four accumulators so it vectorises (see
/// `kmeans::dot`).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for l in 0..4 {
            acc[l] += x[l] * y[l];
        }
    }
    let tail: f64 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Orthonormalises the columns of the row-major `rows × l` matrix in place with
/// modified Gram–Schmidt. Works on a column-major copy so inner loops are
/// contiguous. Columns that are (numerically) dependent become zero, which
/// simply yields zero singular values later.
pub fn orthonormalize(mat: &mut [f64], rows: usize, l: usize) {
    let mut cols = vec![0.0; rows * l];
    for i in 0..rows {
        for c in 0..l {
            cols[c * rows + i] = mat[i * l + c];
        }
    }
    for c in 0..l {
        let (done, rest) = cols.split_at_mut(c * rows);
        let col = &mut rest[..rows];
        let orig = dot(col, col).sqrt();
        for p in 0..c {
            let prev = &done[p * rows..(p + 1) * rows];
            let proj = dot(col, prev);
            col.iter_mut().zip(prev).for_each(|(a, b)| *a -= proj * b);
        }
        let norm = dot(col, col).sqrt();
        if norm > 1e-10 * orig.max(1e-300) && norm > 1e-300 {
            col.iter_mut().for_each(|v| *v /= norm);
        } else {
            col.iter_mut().for_each(|v| *v = 0.0);
        }
    }
    for i in 0..rows {
        for c in 0..l {
            mat[i * l + c] = cols[c * rows + i];
        }
    }
}

/// Eigen-decomposition of a small symmetric `l × l` matrix (row-major) by
/// cyclic Jacobi rotations. Returns eigenvalues (descending) and the matching
/// eigenvectors as columns of a row-major `l × l` matrix.
pub fn symmetric_eigen(mut a: Vec<f64>, l: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; l * l];
    for i in 0..l {
        v[i * l + i] = 1.0;
    }
    let scale: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-300);
    for _sweep in 0..100 {
        let mut off = 0.0;
        for p in 0..l {
            for q in (p + 1)..l {
                off += a[p * l + q] * a[p * l + q];
            }
        }
        if off.sqrt() <= 1e-14 * scale {
            break;
        }
        for p in 0..l {
            for q in (p + 1)..l {
                let apq = a[p * l + q];
                if apq.abs() <= 1e-300 {
                    continue;
                }
                let (app, aqq) = (a[p * l + p], a[q * l + q]);
                let theta = (aqq - app) / (2.0 * apq);
                // signum(0.0) is 1.0, so θ = 0 gives the 45° rotation.
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                // A ← Jᵀ A J, touching rows/cols p and q only.
                for k in 0..l {
                    let (akp, akq) = (a[k * l + p], a[k * l + q]);
                    a[k * l + p] = c * akp - s * akq;
                    a[k * l + q] = s * akp + c * akq;
                }
                for k in 0..l {
                    let (apk, aqk) = (a[p * l + k], a[q * l + k]);
                    a[p * l + k] = c * apk - s * aqk;
                    a[q * l + k] = s * apk + c * aqk;
                }
                for k in 0..l {
                    let (vkp, vkq) = (v[k * l + p], v[k * l + q]);
                    v[k * l + p] = c * vkp - s * vkq;
                    v[k * l + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|&x, &y| a[y * l + y].total_cmp(&a[x * l + x]).then(x.cmp(&y)));
    let vals = order.iter().map(|&i| a[i * l + i]).collect();
    let mut vecs = vec![0.0; l * l];
    for (new_c, &old_c) in order.iter().enumerate() {
        for r in 0..l {
            vecs[r * l + new_c] = v[r * l + old_c];
        }
    }
    (vals, vecs)
}

/// Settings for [`randomized_svd`].
#[derive(Debug, Clone, Copy)]
pub struct SvdParams {
    /// Wanted components (clamped to the matrix size).
    pub dims: usize,
    /// Extra random directions beyond `dims` (Halko et al. suggest 5–10).
    pub oversample: usize,
    /// Power (subspace) iterations; each sharpens the spectrum gap.
    pub power_iters: usize,
    /// Seed for the random test matrix.
    pub seed: u64,
    /// Also compute `V` (only needed by tests / diagnostics).
    pub want_v: bool,
}

/// Randomized truncated SVD (Halko, Martinsson & Tropp 2011, alg. 4.4):
/// range finder `Q` from `A Ω` with power iterations re-orthonormalised by
/// modified Gram–Schmidt, then the exact SVD of the small `B = Qᵀ A` via the
/// eigen-decomposition of `B Bᵀ`.
pub fn randomized_svd(a: &Csr, p: &SvdParams) -> Svd {
    let (n, m) = (a.n_rows, a.n_cols);
    let l = (p.dims + p.oversample).min(n).min(m);
    let d = p.dims.min(l);
    if d == 0 {
        return Svd {
            d: 0,
            us: Vec::new(),
            sigma: Vec::new(),
            v: p.want_v.then(Vec::new),
        };
    }
    let mut rng = SplitMix64::new(p.seed ^ 0x5EED_5EED_5EED_5EED);
    // Uniform entries in [-1, 1) instead of Gaussian ones: any sub-Gaussian
    // test matrix works for the range finder, and this avoids a ln + cos per
    // entry (m·l of them, 15% of the SVD time otherwise).
    let omega: Vec<f64> = (0..m * l).map(|_| 2.0 * rng.next_f64() - 1.0).collect();
    let mut q = mul_a(a, &omega, l);
    drop(omega);
    orthonormalize(&mut q, n, l);
    for _ in 0..p.power_iters {
        // Only the n-side is re-orthonormalised: one multiplication by A Aᵀ
        // between orthonormalisations loses at most (σ₁/σⱼ)² of f64's ~16
        // digits, and skipping the m-side Gram–Schmidt (m = number of
        // features, often 10–50k) halves the SVD time.
        let z = mul_at(a, &q, l);
        q = mul_a(a, &z, l);
        orthonormalize(&mut q, n, l);
    }
    // Bᵀ = Aᵀ Q (m × l); B Bᵀ = (Aᵀ Q)ᵀ (Aᵀ Q) is l × l.
    let bt = mul_at(a, &q, l);
    let mut gram = vec![0.0; l * l];
    for row in bt.chunks_exact(l) {
        for r in 0..l {
            let x = row[r];
            if x != 0.0 {
                for c in r..l {
                    gram[r * l + c] += x * row[c];
                }
            }
        }
    }
    for r in 0..l {
        for c in 0..r {
            gram[r * l + c] = gram[c * l + r];
        }
    }
    let (vals, uhat) = symmetric_eigen(gram, l);
    let sigma: Vec<f64> = vals.iter().take(d).map(|&x| x.max(0.0).sqrt()).collect();
    // U Σ = Q (Û Σ), first d columns; W = Û Σ as row-major l × d so the
    // inner loop is a contiguous axpy.
    let mut w = vec![0.0; l * d];
    for k in 0..l {
        for c in 0..d {
            w[k * d + c] = uhat[k * l + c] * sigma[c];
        }
    }
    let mut us = vec![0.0; n * d];
    for (qi, ui) in q.chunks_exact(l).zip(us.chunks_exact_mut(d)) {
        for (&qk, wk) in qi.iter().zip(w.chunks_exact(d)) {
            ui.iter_mut().zip(wk).for_each(|(u, w)| *u += qk * w);
        }
    }
    // V = Bᵀ Û Σ⁻¹.
    let v = p.want_v.then(|| {
        let mut v = vec![0.0; m * d];
        for j in 0..m {
            let bj = &bt[j * l..(j + 1) * l];
            for c in 0..d {
                if sigma[c] > 1e-12 {
                    let s: f64 = (0..l).map(|k| bj[k] * uhat[k * l + c]).sum();
                    v[j * d + c] = s / sigma[c];
                }
            }
        }
        v
    });
    Svd { d, us, sigma, v }
}

/// L2-normalises each row of a row-major `n × d` matrix (zero rows stay zero).
pub fn normalize_rows(x: &mut [f64], d: usize) {
    if d == 0 {
        return;
    }
    for row in x.chunks_exact_mut(d) {
        let norm = row.iter().map(|v| v * v).sum::<f64>().sqrt();
        if norm > 1e-12 {
            row.iter_mut().for_each(|v| *v /= norm);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::{Language, Tokenizer};
    use super::*;

    fn docs(texts: &[&str]) -> Vec<Vec<Token>> {
        let t = Tokenizer::new(Language::Danish);
        texts.iter().map(|s| t.tokenize(s)).collect()
    }

    const NO_FILTER: DfFilter = DfFilter {
        min_df: 1,
        max_df_ratio: 1.0,
    };

    #[test]
    fn common_term_gets_low_weight() {
        let d = docs(&[
            "bolig kommune",
            "bolig ensom",
            "bolig venner",
            "bolig penge",
        ]);
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
        let filtered = tfidf(
            &counts,
            DfFilter {
                min_df: 1,
                max_df_ratio: 0.5,
            },
        );
        assert_eq!(filtered.n_cols, 4);
        assert!((0..4).all(|i| filtered.row(i).0.len() == 1));
    }

    #[test]
    fn min_df_and_bigrams() {
        let d = docs(&["kold seng", "kold seng", "varm mad"]);
        let counts = word_counts(&d, true);
        // 4 unigrams + 2 distinct bigrams.
        assert_eq!(counts.n_features, 6);
        let m = tfidf(
            &counts,
            DfFilter {
                min_df: 2,
                max_df_ratio: 1.0,
            },
        );
        assert_eq!(m.n_cols, 3); // kold, seng, "kold seng"
        assert!(m.row(2).0.is_empty());
    }

    #[test]
    fn char_ngrams_link_compounds() {
        let d = docs(&["hjemløshedserfaring", "hjemløs"]);
        let counts = char_counts(&d, 3, 5);
        let m = tfidf(
            &counts,
            DfFilter {
                min_df: 2,
                max_df_ratio: 1.0,
            },
        );
        // Shared grams such as "<hje", "løs" survive min_df = 2.
        assert!(m.n_cols >= 8);
        assert_eq!(m.row(0).0.len(), m.n_cols);
    }

    fn dense(a: &Csr) -> Vec<f64> {
        let mut out = vec![0.0; a.n_rows * a.n_cols];
        for i in 0..a.n_rows {
            let (idx, val) = a.row(i);
            for (&j, &v) in idx.iter().zip(val) {
                out[i * a.n_cols + j as usize] = v;
            }
        }
        out
    }

    #[test]
    fn svd_reconstructs_low_rank() {
        // Rank-3 30 × 20 matrix built from random factors.
        let mut rng = SplitMix64::new(11);
        let (n, m, r) = (30, 20, 3);
        let left: Vec<f64> = (0..n * r).map(|_| rng.gaussian()).collect();
        let right: Vec<f64> = (0..r * m).map(|_| rng.gaussian()).collect();
        let rows: Vec<Vec<(u32, f64)>> = (0..n)
            .map(|i| {
                (0..m)
                    .map(|j| {
                        let v = (0..r).map(|k| left[i * r + k] * right[k * m + j]).sum();
                        (j as u32, v)
                    })
                    .collect()
            })
            .collect();
        let a = Csr::from_rows(&rows, m);
        let svd = randomized_svd(
            &a,
            &SvdParams {
                dims: 5,
                oversample: 5,
                power_iters: 2,
                seed: 3,
                want_v: true,
            },
        );
        assert_eq!(svd.d, 5);
        assert!(svd.sigma[2] > 1.0 && svd.sigma[3] < 1e-8, "{:?}", svd.sigma);
        let v = svd.v.as_ref().map_or(&[][..], |v| v.as_slice());
        let want = dense(&a);
        let mut err = 0.0;
        let mut tot = 0.0;
        for i in 0..n {
            for j in 0..m {
                let got: f64 = (0..svd.d)
                    .map(|c| svd.us[i * svd.d + c] * v[j * svd.d + c])
                    .sum();
                err += (got - want[i * m + j]).powi(2);
                tot += want[i * m + j].powi(2);
            }
        }
        assert!(err / tot < 1e-20, "relative error {}", err / tot);
        // Columns of U = US / σ are orthonormal.
        for c1 in 0..3 {
            for c2 in 0..3 {
                let dot: f64 = (0..n)
                    .map(|i| {
                        svd.us[i * svd.d + c1] / svd.sigma[c1] * svd.us[i * svd.d + c2]
                            / svd.sigma[c2]
                    })
                    .sum();
                let want = if c1 == c2 { 1.0 } else { 0.0 };
                assert!((dot - want).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn svd_handles_tiny_and_empty() {
        let empty = Csr::from_rows(&[], 0);
        let s = randomized_svd(
            &empty,
            &SvdParams {
                dims: 10,
                oversample: 5,
                power_iters: 2,
                seed: 0,
                want_v: false,
            },
        );
        assert_eq!(s.d, 0);
        let one = Csr::from_rows(&[vec![(0, 1.0), (2, 1.0)]], 3);
        let s = randomized_svd(
            &one,
            &SvdParams {
                dims: 10,
                oversample: 5,
                power_iters: 2,
                seed: 0,
                want_v: false,
            },
        );
        assert_eq!(s.d, 1);
        assert!((s.sigma[0] - 2f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn orthonormalize_zeroes_dependent_columns() {
        // Columns: [1,0,0], [2,0,0], [0,1,0] (row-major 3 × 3).
        let mut m = vec![1.0, 2.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0];
        orthonormalize(&mut m, 3, 3);
        assert_eq!(m, vec![1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]);
    }
}
