//! The encoder: BERT with post-layer-norm, 4-bit (Q4_0) weights, run on one text at a time.
//! Matrix products follow the reference engine's arithmetic so the vectors agree with it:
//! each row of activations is quantised to int8 per block of 32 (Q8_0), multiplied with the
//! weights' 4-bit integers, and scaled by both blocks' scales.

use super::file::{FileError, WeightsFile};

/// Weights per quantisation block.
const QK: usize = 32;
/// Bytes per Q4_0 block: an f16 scale and 16 bytes of nibbles.
const Q4_BLOCK: usize = 18;

/// A Q4_0 matrix of `rows` × `cols` (row-major), borrowed from the weights file.
struct Q4<'a> {
    bytes: &'a [u8],
    rows: usize,
    cols: usize,
}

impl Q4<'_> {
    /// Row `r` as (scale, 32 unsigned nibbles) per block.
    fn block(&self, r: usize, b: usize) -> (f32, [u8; QK]) {
        let at = (r * (self.cols / QK) + b) * Q4_BLOCK;
        let block = &self.bytes[at..at + Q4_BLOCK];
        let scale = f16_to_f32(u16::from_le_bytes([block[0], block[1]]));
        let mut w = [0u8; QK];
        for j in 0..16 {
            w[j] = block[2 + j] & 0x0F;
            w[j + 16] = block[2 + j] >> 4;
        }
        (scale, w)
    }

    /// Row `r` as f32 (`(q − 8) · scale`): the word embedding is read this way.
    fn row(&self, r: usize) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.cols);
        for b in 0..self.cols / QK {
            let (d, w) = self.block(r, b);
            out.extend(w.iter().map(|q| (f32::from(*q) - 8.0) * d));
        }
        out
    }
}

/// The integer dot product of one block: a fixed length, so it compiles to vector code.
#[inline(always)]
fn dot32(w: &[i8], a: &[i8]) -> i32 {
    let (Ok(w), Ok(a)) = (<&[i8; QK]>::try_from(w), <&[i8; QK]>::try_from(a)) else {
        return 0;
    };
    let mut sum = 0i32;
    for j in 0..QK {
        sum += i32::from(w[j]) * i32::from(a[j]);
    }
    sum
}

/// IEEE half to single precision.
fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exp = u32::from((h >> 10) & 0x1F);
    let man = u32::from(h & 0x3FF);
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: normalise.
            let (mut e, mut m) = (1u32, man);
            while m & 0x400 == 0 {
                m <<= 1;
                e += 1;
            }
            sign | ((127 - 15 + 1 - e) << 23) | ((m & 0x3FF) << 13)
        }
        (31, _) => sign | 0x7F80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

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

    /// The mean of the last layer's token vectors for `ids` (`<s>` … `</s>`, at most the
    /// model's positions), not normalised.
    pub fn mean_pooled(&self, ids: &[u32]) -> Vec<f32> {
        let (h, t) = (self.hidden, ids.len());
        let mut x = Vec::with_capacity(t * h);
        for (p, id) in ids.iter().enumerate() {
            let word = self.word.row(*id as usize);
            let pos = &self.positions[p * h..(p + 1) * h];
            x.extend((0..h).map(|i| word[i] + pos[i] + self.token_type[i]));
        }
        layer_norm(&mut x, None, &self.embed_norm, h, self.eps);
        let head = h / self.heads;
        let scale = 1.0 / (head as f32).sqrt();
        for layer in &self.layers {
            let xq = Quantised::of(&x, h);
            let q = xq.times(&layer.q);
            let k = xq.times(&layer.k);
            let v = xq.times(&layer.v);
            let mut ctx = vec![0.0f32; t * h];
            let mut prob = vec![0.0f32; t];
            for tok in 0..t {
                for hd in 0..self.heads {
                    let qh = &q[tok * h + hd * head..tok * h + (hd + 1) * head];
                    let mut max = f32::NEG_INFINITY;
                    for (s, p) in prob.iter_mut().enumerate() {
                        let kh = &k[s * h + hd * head..s * h + (hd + 1) * head];
                        *p = qh.iter().zip(kh).map(|(a, b)| a * b).sum::<f32>() * scale;
                        max = max.max(*p);
                    }
                    let mut sum = 0.0;
                    for p in prob.iter_mut() {
                        *p = (*p - max).exp();
                        sum += *p;
                    }
                    let out = &mut ctx[tok * h + hd * head..tok * h + (hd + 1) * head];
                    for (s, p) in prob.iter().enumerate() {
                        let vh = &v[s * h + hd * head..s * h + (hd + 1) * head];
                        let p = p / sum;
                        for (o, vv) in out.iter_mut().zip(vh) {
                            *o += p * vv;
                        }
                    }
                }
            }
            let attn = Quantised::of(&ctx, h).times(&layer.out);
            layer_norm(&mut x, Some(&attn), &layer.attn_norm, h, self.eps);
            let mut mid = Quantised::of(&x, h).times(&layer.ff_in);
            for m in &mut mid {
                *m = gelu(*m);
            }
            let ff = Quantised::of(&mid, layer.ff_in.0.rows).times(&layer.ff_out);
            layer_norm(&mut x, Some(&ff), &layer.out_norm, h, self.eps);
        }
        let mut pooled = vec![0.0f32; h];
        for row in x.chunks_exact(h) {
            for (p, v) in pooled.iter_mut().zip(row) {
                *p += v;
            }
        }
        let n = t.max(1) as f32;
        pooled.iter_mut().for_each(|p| *p /= n);
        pooled
    }
}

/// The exact GELU, x · Φ(x), with the C library's erf (as the reference engine).
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + libm::erff(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// `x = layer_norm(x + add)` row by row, with weight and bias.
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

/// Activations quantised to int8 per block of 32: values, scales, and each block's sum.
struct Quantised {
    values: Vec<i8>,
    scales: Vec<f32>,
    sums: Vec<i32>,
    cols: usize,
}

impl Quantised {
    fn of(x: &[f32], cols: usize) -> Quantised {
        let blocks = x.len() / QK;
        let (mut values, mut scales, mut sums) =
            (Vec::with_capacity(x.len()), Vec::with_capacity(blocks), Vec::with_capacity(blocks));
        for block in x.chunks_exact(QK) {
            let amax = block.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            let d = amax / 127.0;
            let inv = if d > 0.0 { 1.0 / d } else { 0.0 };
            let mut sum = 0i32;
            for v in block {
                // Round half to even, as C's lrintf in the default rounding mode.
                let q = (v * inv).round_ties_even().clamp(-128.0, 127.0) as i8;
                values.push(q);
                sum += i32::from(q);
            }
            scales.push(d);
            sums.push(sum);
        }
        Quantised { values, scales, sums, cols }
    }

    /// `self · Wᵀ + b` for every row of activations, the weight rows split over the cores.
    fn times(&self, (w, bias): &(Q4<'_>, Vec<f32>)) -> Vec<f32> {
        debug_assert_eq!(w.cols, self.cols);
        let tokens = self.values.len() / self.cols;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(w.rows);
        let per = w.rows.div_ceil(threads.max(1));
        // Each part: its weight rows' outputs for every token, row by row.
        let parts: Vec<Vec<f32>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..w.rows)
                .step_by(per.max(1))
                .map(|r0| {
                    let rows = r0..(r0 + per).min(w.rows);
                    scope.spawn(move || self.rows_of(w, bias, rows))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut out = vec![0.0f32; tokens * w.rows];
        let mut r = 0;
        for part in parts {
            for row in part.chunks_exact(tokens.max(1)) {
                for (t, v) in row.iter().enumerate() {
                    out[t * w.rows + r] = *v;
                }
                r += 1;
            }
        }
        out
    }

    /// Outputs of weight rows `rows` for every token (row-major by weight row), with AVX2
    /// where the CPU has it and the portable loop elsewhere.
    fn rows_of(&self, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>) -> Vec<f32> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU was just found to have AVX2, the only requirement of this call.
            return unsafe { self.rows_avx2(w, bias, rows) };
        }
        self.rows_portable(w, bias, rows)
    }

    /// [`Self::rows_portable`] compiled for AVX2: the same code, wider vectors.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn rows_avx2(&self, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>) -> Vec<f32> {
        self.rows_portable(w, bias, rows)
    }

    #[inline(always)]
    fn rows_portable(&self, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>) -> Vec<f32> {
        let nb = self.cols / QK;
        let tokens = self.values.len() / self.cols;
        let mut out = Vec::with_capacity(rows.len() * tokens);
        let mut expanded = vec![0i8; self.cols];
        let mut scales = vec![0.0f32; nb];
        for r in rows {
            for (b, scale) in scales.iter_mut().enumerate() {
                let (d, q) = w.block(r, b);
                *scale = d;
                for (e, v) in expanded[b * QK..(b + 1) * QK].iter_mut().zip(q) {
                    *e = v as i8;
                }
            }
            for t in 0..tokens {
                let a = &self.values[t * self.cols..(t + 1) * self.cols];
                let (ds, sums) =
                    (&self.scales[t * nb..(t + 1) * nb], &self.sums[t * nb..(t + 1) * nb]);
                let mut acc = 0.0f32;
                for ((wb, ab), ((dw, da), sa)) in expanded
                    .chunks_exact(QK)
                    .zip(a.chunks_exact(QK))
                    .zip(scales.iter().zip(ds).zip(sums))
                {
                    acc += dw * da * (dot32(wb, ab) - 8 * sa) as f32;
                }
                out.push(bias[r] + acc);
            }
        }
        out
    }
}
