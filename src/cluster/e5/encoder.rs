//! The encoder: BERT with post-layer-norm and 4-bit (Q4_0) weights; many texts run through
//! the layers together. The matrix products (`matmul`) follow the reference engine's
//! arithmetic so the vectors agree with it.

use std::ops::Range;

use super::file::{FileError, WeightsFile};
use super::matmul::{Quantised, Q4};

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// One encoder layer's weights.
struct Layer<'a> {
    q: (Q4<'a>, Vec<f32>),
    k: (Q4<'a>, Vec<f32>),
    v: (Q4<'a>, Vec<f32>),
    out: (Q4<'a>, Vec<f32>),
    attn_norm: (Vec<f32>, Vec<f32>),
    ff_in: (Q4<'a>, Vec<f32>),
    ff_out: (Q4<'a>, Vec<f32>),
    out_norm: (Vec<f32>, Vec<f32>),
}

/// The encoder, borrowing its weights from the file.
pub struct Encoder<'a> {
    hidden: usize,
    heads: usize,
    eps: f32,
    word: Q4<'a>,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer<'a>>,
}

impl<'a> Encoder<'a> {
    /// The encoder of `w`; an error when a tensor is missing.
    pub fn new(w: &'a WeightsFile) -> Result<Encoder<'a>, FileError> {
        let s = w.shape;
        let q4 = |name: &str, rows, cols| -> Result<Q4<'a>, FileError> {
            Ok(Q4 { bytes: w.tensor(name)?, rows, cols })
        };
        let vec = |name: &str| -> Result<Vec<f32>, FileError> { Ok(f32s(w.tensor(name)?)) };
        let (h, ff) = (s.hidden, s.ff);
        let mut layers = Vec::with_capacity(s.layers);
        for l in 0..s.layers {
            let linear = |m: &str, rows, cols| -> Result<(Q4<'a>, Vec<f32>), FileError> {
                Ok((q4(&format!("l{l}.{m}.w"), rows, cols)?, vec(&format!("l{l}.{m}.b"))?))
            };
            let norm = |m: &str| -> Result<(Vec<f32>, Vec<f32>), FileError> {
                Ok((vec(&format!("l{l}.{m}.w"))?, vec(&format!("l{l}.{m}.b"))?))
            };
            layers.push(Layer {
                q: linear("q", h, h)?,
                k: linear("k", h, h)?,
                v: linear("v", h, h)?,
                out: linear("ao", h, h)?,
                attn_norm: norm("aln")?,
                ff_in: linear("fi", ff, h)?,
                ff_out: linear("fo", h, ff)?,
                out_norm: norm("oln")?,
            });
        }
        Ok(Encoder {
            hidden: h,
            heads: s.heads,
            eps: s.eps,
            word: q4("emb.word", s.vocab, h)?,
            positions: vec("emb.pos")?,
            token_type: vec("emb.type")?,
            embed_norm: (vec("emb.ln.w")?, vec("emb.ln.b")?),
            layers,
        })
    }

    /// The mean of the last layer's token vectors for each text's `ids` (`<s>` … `</s>`, at
    /// most the model's positions), not normalised. The texts run through the layers
    /// together (each attends only to its own tokens), so one pass over the weights serves
    /// them all; each matrix product is split over `threads` threads.
    pub fn mean_pooled(&self, texts: &[&[u32]], threads: usize) -> Vec<Vec<f32>> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the CPU was just found to have AVX2 and FMA, the only requirements.
            return unsafe { self.mean_pooled_avx2(texts, threads) };
        }
        self.forward(texts, threads)
    }

    /// [`Self::forward`] compiled for AVX2 and FMA: the quantising, attention and norms
    /// inlined into it use the wider vectors and rounding instructions too.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn mean_pooled_avx2(&self, texts: &[&[u32]], threads: usize) -> Vec<Vec<f32>> {
        self.forward(texts, threads)
    }

    #[inline(always)]
    fn forward(&self, texts: &[&[u32]], n: usize) -> Vec<Vec<f32>> {
        let h = self.hidden;
        let mut segments = Vec::with_capacity(texts.len());
        let mut x = Vec::new();
        for ids in texts {
            let start = x.len() / h;
            for (p, id) in ids.iter().enumerate() {
                let word = self.word.row(*id as usize);
                let pos = &self.positions[p * h..(p + 1) * h];
                x.extend((0..h).map(|i| word[i] + pos[i] + self.token_type[i]));
            }
            segments.push(start..x.len() / h);
        }
        let t = x.len() / h;
        layer_norm(&mut x, None, &self.embed_norm, h, self.eps);
        let head = h / self.heads;
        let scale = 1.0 / (head as f32).sqrt();
        let longest = segments.iter().map(|s| s.len()).max().unwrap_or(0);
        let mut prob = vec![0.0f32; longest];
        for layer in &self.layers {
            let xq = Quantised::of(&x, h);
            let q = xq.times(&layer.q, n, false);
            let k = xq.times(&layer.k, n, false);
            let v = xq.times(&layer.v, n, false);
            let mut ctx = vec![0.0f32; t * h];
            for seg in &segments {
                let prob = &mut prob[..seg.len()];
                for tok in seg.clone() {
                    for hd in 0..self.heads {
                        let cols = hd * head..(hd + 1) * head;
                        let at = |m, s| head_of(m, s, h, cols.clone());
                        let qh = at(&q, tok);
                        let mut max = f32::NEG_INFINITY;
                        for (s, p) in seg.clone().zip(prob.iter_mut()) {
                            *p = dot(qh, at(&k, s)) * scale;
                            max = max.max(*p);
                        }
                        let mut sum = 0.0;
                        for p in prob.iter_mut() {
                            *p = (*p - max).exp();
                            sum += *p;
                        }
                        let out = &mut ctx[tok * h + cols.start..tok * h + cols.end];
                        for (s, p) in seg.clone().zip(prob.iter()) {
                            let p = p / sum;
                            for (o, vv) in out.iter_mut().zip(at(&v, s)) {
                                *o += p * vv;
                            }
                        }
                    }
                }
            }
            let attn = Quantised::of(&ctx, h).times(&layer.out, n, false);
            layer_norm(&mut x, Some(&attn), &layer.attn_norm, h, self.eps);
            let mid = Quantised::of(&x, h).times(&layer.ff_in, n, true);
            let ff = Quantised::of(&mid, layer.ff_in.0.rows).times(&layer.ff_out, n, false);
            layer_norm(&mut x, Some(&ff), &layer.out_norm, h, self.eps);
        }
        segments
            .iter()
            .map(|seg| {
                let mut pooled = vec![0.0f32; h];
                for row in x[seg.start * h..seg.end * h].chunks_exact(h) {
                    for (p, v) in pooled.iter_mut().zip(row) {
                        *p += v;
                    }
                }
                let count = seg.len().max(1) as f32;
                pooled.iter_mut().for_each(|p| *p /= count);
                pooled
            })
            .collect()
    }
}

/// Token `s`'s columns `cols` of the row-major matrix `m` with `h` columns.
#[inline(always)]
fn head_of(m: &[f32], s: usize, h: usize, cols: Range<usize>) -> &[f32] {
    &m[s * h + cols.start..s * h + cols.end]
}

/// A float dot product with eight running sums, so it compiles to vector code.
#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut sums = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            sums[i] += x[i] * y[i];
        }
    }
    sums.iter().sum::<f32>() + tail
}

/// The exact GELU, x · Φ(x) (not the tanh approximation), with [`erf`].
#[inline(always)]
pub(super) fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf in single precision as a rational function of x on [−4, 4] (beyond, erf is ±1 in
/// f32), the coefficients Eigen uses: within 5 · 10⁻⁷ of the C library's `erff` and free of
/// branches, so a row of GELUs compiles to vector code (the library call was a tenth of the
/// time of a batch).
#[inline(always)]
pub fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    // Plain products and sums: `mul_add` is a library call where the caller was not
    // compiled for FMA.
    let mut p = x2 * -2.726_142_3e-10 + 2.770_681_4e-8;
    for c in [-2.101_024e-6, -5.692_506_4e-5, -7.349_906_3e-4, -2.954_6e-3, -1.609_603_3e-2] {
        p = x2 * p + c;
    }
    let mut q = x2 * -1.456_607_2e-5 - 2.133_740_6e-4;
    for c in [-1.682_827e-3, -7.373_329e-3, -1.426_474e-2] {
        q = x2 * q + c;
    }
    x * p / q
}

/// `x = layer_norm(x + add)` row by row, with weight and bias.
#[inline(always)]
fn layer_norm(
    x: &mut [f32], add: Option<&[f32]>, (w, b): &(Vec<f32>, Vec<f32>), h: usize, eps: f32,
) {
    for (t, row) in x.chunks_exact_mut(h).enumerate() {
        if let Some(add) = add {
            for (r, a) in row.iter_mut().zip(&add[t * h..(t + 1) * h]) {
                *r += a;
            }
        }
        let mean = row.iter().sum::<f32>() / h as f32;
        let var = row.iter().map(|r| (r - mean) * (r - mean)).sum::<f32>() / h as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for (i, r) in row.iter_mut().enumerate() {
            *r = (*r - mean) * inv * w[i] + b[i];
        }
    }
}
