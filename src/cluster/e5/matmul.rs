//! Matrix products of 4-bit (Q4_0) weights with int8 (Q8_0) activations, as the reference
//! engine computes them: each row of activations is quantised per block of 32, multiplied
//! with the weights' 4-bit integers, and scaled by both blocks' scales. Vector kernels for
//! AVX-512 VNNI and AVX2, chosen at run time, and a portable loop.

/// Weights per quantisation block.
pub(super) const QK: usize = 32;
/// Bytes per Q4_0 block: an f16 scale and 16 bytes of nibbles.
const Q4_BLOCK: usize = 18;

/// A Q4_0 matrix of `rows` × `cols` (row-major), borrowed from the weights file.
pub(super) struct Q4<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) rows: usize,
    pub(super) cols: usize,
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
    pub(super) fn row(&self, r: usize) -> Vec<f32> {
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

/// Activations quantised to int8 per block of 32: values, scales, and per block the
/// correction `8 · scale · Σ values` that turns the weights' unsigned nibbles into `q − 8`.
pub(super) struct Quantised {
    values: Vec<i8>,
    scales: Vec<f32>,
    sums: Vec<i32>,
    corrections: Vec<f32>,
    cols: usize,
}

impl Quantised {
    #[inline(always)]
    pub(super) fn of(x: &[f32], cols: usize) -> Quantised {
        let blocks = x.len() / QK;
        let mut values = vec![0i8; x.len()];
        let (mut scales, mut sums, mut corrections) =
            (vec![0.0f32; blocks], vec![0i32; blocks], vec![0.0f32; blocks]);
        for (b, (block, out)) in x.chunks_exact(QK).zip(values.chunks_exact_mut(QK)).enumerate() {
            let amax = block.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            let d = amax / 127.0;
            let inv = if d > 0.0 { 1.0 / d } else { 0.0 };
            for (q, v) in out.iter_mut().zip(block) {
                // Round half to even, as C's lrintf in the default rounding mode.
                *q = (v * inv).round_ties_even().clamp(-128.0, 127.0) as i8;
            }
            let sum = out.iter().map(|q| i32::from(*q)).sum::<i32>();
            scales[b] = d;
            sums[b] = sum;
            corrections[b] = 8.0 * d * sum as f32;
        }
        Quantised { values, scales, sums, corrections, cols }
    }

    fn tokens(&self) -> usize {
        self.values.len() / self.cols
    }

    /// `self · Wᵀ + b` for every row of activations (then GELU when `gelu`), the weight rows
    /// split over `threads` (this thread takes the first part).
    pub(super) fn times(
        &self, (w, bias): &(Q4<'_>, Vec<f32>), threads: usize, gelu: bool,
    ) -> Vec<f32> {
        debug_assert_eq!(w.cols, self.cols);
        let tokens = self.tokens();
        let threads = threads.clamp(1, w.rows.max(1));
        let per = w.rows.div_ceil(threads).max(1);
        // Each part: its weight rows' outputs for every token, row by row.
        let parts: Vec<Vec<f32>> = std::thread::scope(|scope| {
            let mut starts = (0..w.rows).step_by(per);
            let first = starts.next().unwrap_or(0);
            let handles: Vec<_> = starts
                .map(|r0| {
                    let rows = r0..(r0 + per).min(w.rows);
                    scope.spawn(move || self.rows_then(w, bias, rows, gelu))
                })
                .collect();
            let mut parts = vec![self.rows_then(w, bias, first..(first + per).min(w.rows), gelu)];
            parts.extend(
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            );
            parts
        });
        // Each part is token-major over its own rows: copy each token's run into place.
        let mut out = vec![0.0f32; tokens * w.rows];
        let mut r0 = 0;
        for part in parts {
            let n = part.len() / tokens.max(1);
            for (t, run) in part.chunks_exact(n.max(1)).enumerate() {
                out[t * w.rows + r0..t * w.rows + r0 + n].copy_from_slice(run);
            }
            r0 += n;
        }
        out
    }

    #[inline(always)]
    fn rows_then(
        &self, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>, activate: bool,
    ) -> Vec<f32> {
        let mut out = self.rows_of(w, bias, rows);
        if activate {
            out.iter_mut().for_each(|v| *v = super::encoder::gelu(*v));
        }
        out
    }

    /// Outputs of weight rows `rows` for every token (token-major: each token's outputs of
    /// these rows side by side), with
    /// AVX-512 VNNI or AVX2 where the CPU has them and the portable loop elsewhere.
    fn rows_of(&self, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>) -> Vec<f32> {
        #[cfg(target_arch = "x86_64")]
        {
            if vnni() && (self.cols / QK).is_multiple_of(2) {
                // SAFETY: the CPU was found to have AVX-512 F, BW and VNNI, the requirements.
                return unsafe { avx512::rows(self, w, bias, rows) };
            }
            if std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma")
            {
                // SAFETY: the CPU was just found to have AVX2 and FMA, the only requirements.
                return unsafe { avx2::rows(self, w, bias, rows) };
            }
        }
        self.rows_portable(w, bias, rows)
    }

    /// The reference arithmetic in plain Rust: per block, the integer dot product of the
    /// weights' nibbles and the activations, less the nibbles' offset, times both scales.
    fn rows_portable(&self, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>) -> Vec<f32> {
        let nb = self.cols / QK;
        let tokens = self.tokens();
        let n_rows = rows.len();
        let mut out = vec![0.0f32; n_rows * tokens];
        let mut expanded = vec![0i8; self.cols];
        let mut scales = vec![0.0f32; nb];
        for (i, r) in rows.enumerate() {
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
                out[t * n_rows + i] = bias[r] + acc;
            }
        }
        out
    }
}

/// The matrix product with AVX2: a block's 16 bytes of nibbles are spread to 32 unsigned
/// bytes in registers and multiplied with the activations' signed bytes by `vpmaddubsw`
/// (products fit: 15 · 128 · 2 < 2¹⁵), four tokens per weight block loaded.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{f16_to_f32, token_groups, Quantised, Q4, Q4_BLOCK, QK};
    use std::arch::x86_64::*;

    /// # Safety
    /// The CPU must have AVX2 and FMA.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn rows(
        a: &Quantised, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>,
    ) -> Vec<f32> {
        let nb = a.cols / QK;
        let tokens = a.tokens();
        let n_rows = rows.len();
        let mut out = vec![0.0f32; n_rows * tokens];
        let mut scales = vec![0.0f32; nb];
        let mut four = [0.0f32; 4];
        for group in token_groups(tokens) {
            for (i, r) in rows.clone().enumerate() {
                let row = &w.bytes[r * nb * Q4_BLOCK..(r + 1) * nb * Q4_BLOCK];
                for (b, s) in scales.iter_mut().enumerate() {
                    *s = f16_to_f32(u16::from_le_bytes([row[b * Q4_BLOCK], row[b * Q4_BLOCK + 1]]));
                }
                let mut t = group.start;
                while t < group.end {
                    let n = if t + 4 <= group.end {
                        tile::<4>(a, row, &scales, t, bias[r], &mut four);
                        4
                    } else {
                        tile::<1>(a, row, &scales, t, bias[r], &mut four[..1]);
                        1
                    };
                    for (k, v) in four.iter().take(n).enumerate() {
                        out[(t + k) * n_rows + i] = *v;
                    }
                    t += n;
                }
            }
        }
        out
    }

    /// Tokens `t0 .. t0 + N` against one weight row.
    #[target_feature(enable = "avx2,fma")]
    #[inline]
    unsafe fn tile<const N: usize>(
        a: &Quantised, row: &[u8], scales: &[f32], t0: usize, bias: f32, out: &mut [f32],
    ) {
        let nb = a.cols / QK;
        let low = _mm_set1_epi8(0x0F);
        let ones = _mm256_set1_epi16(1);
        let mut acc = [_mm256_setzero_ps(); N];
        let mut offset = [0.0f32; N];
        for (b, dw) in scales.iter().enumerate() {
            // SAFETY: `row` holds `nb` blocks of 18 bytes; bytes 2..18 of block b are read.
            let raw = unsafe { _mm_loadu_si128(row.as_ptr().add(b * Q4_BLOCK + 2).cast()) };
            let wv = _mm256_set_m128i(
                _mm_and_si128(_mm_srli_epi16(raw, 4), low),
                _mm_and_si128(raw, low),
            );
            for k in 0..N {
                let tb = (t0 + k) * nb + b;
                // SAFETY: token t0 + k < tokens, so its block b's 32 values are in bounds.
                let av = unsafe { _mm256_loadu_si256(a.values.as_ptr().add(tb * QK).cast()) };
                let dot = _mm256_madd_epi16(_mm256_maddubs_epi16(wv, av), ones);
                let d = _mm256_set1_ps(dw * a.scales[tb]);
                acc[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), d, acc[k]);
                offset[k] += dw * a.corrections[tb];
            }
        }
        for k in 0..N {
            let v = acc[k];
            let s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
            let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
            let s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
            out[k] = bias + _mm_cvtss_f32(s) - offset[k];
        }
    }
}

/// Tokens in groups small enough that a group's activations stay in the core's cache while
/// every weight row passes over them (without this, each row streams all the tokens from
/// memory and a batch runs no faster per token than a single text).
fn token_groups(tokens: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    const GROUP: usize = 64;
    (0..tokens).step_by(GROUP).map(move |t| t..(t + GROUP).min(tokens))
}

/// Whether the CPU has AVX-512 VNNI (with F and BW): `vpdpbusd` multiplies unsigned by
/// signed bytes and adds groups of four into 32-bit lanes, two blocks per instruction.
fn vnni() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vnni")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The matrix product with AVX-512 VNNI, two blocks per 512-bit register, in tiles of four
/// weight rows by four tokens so each load serves four products. Each lane's integer dot
/// product starts from −8 × its activations' sum (so the unsigned nibbles count as `q − 8`)
/// and is then scaled by its block's two scales.
#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::{f16_to_f32, token_groups, Quantised, Q4, Q4_BLOCK, QK};
    use std::arch::x86_64::*;

    /// # Safety
    /// The CPU must have AVX-512 F, BW and VNNI; the block count per row must be even.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni,avx2,fma")]
    pub(super) unsafe fn rows(
        a: &Quantised, w: &Q4<'_>, bias: &[f32], rows: std::ops::Range<usize>,
    ) -> Vec<f32> {
        let nb = a.cols / QK;
        let tokens = a.tokens();
        let mut out = vec![0.0f32; rows.len() * tokens];
        let n_rows = rows.len();
        // Per weight row, its blocks' scales (f32).
        let mut scales = vec![0.0f32; n_rows * nb];
        for (i, r) in rows.clone().enumerate() {
            let row = &w.bytes[r * nb * Q4_BLOCK..(r + 1) * nb * Q4_BLOCK];
            for b in 0..nb {
                let d = u16::from_le_bytes([row[b * Q4_BLOCK], row[b * Q4_BLOCK + 1]]);
                scales[i * nb + b] = f16_to_f32(d);
            }
        }
        let row_bytes = |i: usize| {
            let r = rows.start + i;
            &w.bytes[r * nb * Q4_BLOCK..(r + 1) * nb * Q4_BLOCK]
        };
        for group in token_groups(tokens) {
            let mut i = 0;
            while i < n_rows {
                let r_n = (n_rows - i).min(4);
                let mut t = group.start;
                while t < group.end {
                    let t_n = (group.end - t).min(2);
                    let mut sums = [[0.0f32; 2]; 4];
                    let rows4 = [
                        row_bytes(i),
                        row_bytes(i + 1.min(r_n - 1)),
                        row_bytes(i + 2.min(r_n - 1)),
                        row_bytes(i + 3.min(r_n - 1)),
                    ];
                    let scales4 = [
                        &scales[i * nb..(i + 1) * nb],
                        &scales[(i + 1.min(r_n - 1)) * nb..(i + 1.min(r_n - 1) + 1) * nb],
                        &scales[(i + 2.min(r_n - 1)) * nb..(i + 2.min(r_n - 1) + 1) * nb],
                        &scales[(i + 3.min(r_n - 1)) * nb..(i + 3.min(r_n - 1) + 1) * nb],
                    ];
                    let toks = [t, t + 1.min(t_n - 1)];
                    tile(a, rows4, scales4, toks, &mut sums);
                    for (ri, row_sums) in sums.iter().enumerate().take(r_n) {
                        for (ti, v) in row_sums.iter().enumerate().take(t_n) {
                            out[(t + ti) * n_rows + i + ri] = bias[rows.start + i + ri] + v;
                        }
                    }
                    t += t_n;
                }
                i += r_n;
            }
        }
        out
    }

    /// Four weight rows against four tokens (a short edge repeats its last row or token;
    /// the caller keeps only the real ones).
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni,avx2,fma")]
    #[inline]
    unsafe fn tile(
        a: &Quantised, rows: [&[u8]; 4], scales: [&[f32]; 4], toks: [usize; 2],
        sums: &mut [[f32; 2]; 4],
    ) {
        let nb = a.cols / QK;
        let low = _mm_set1_epi8(0x0F);
        let eights = _mm512_set1_epi8(8);
        let zero = _mm512_setzero_si512();
        let mut acc = [[_mm512_setzero_ps(); 2]; 4];
        let expand = |row: &[u8], at: usize| {
            // SAFETY: block `at` < nb and `row` holds nb blocks of 18 bytes.
            let raw = unsafe { _mm_loadu_si128(row.as_ptr().add(at * Q4_BLOCK + 2).cast()) };
            _mm256_set_m128i(_mm_and_si128(_mm_srli_epi16(raw, 4), low), _mm_and_si128(raw, low))
        };
        // Two scalars as one vector: the first for lanes 0-7 (block b), the second for 8-15.
        let pair =
            |d0: f32, d1: f32| _mm512_mask_blend_ps(0xFF00, _mm512_set1_ps(d0), _mm512_set1_ps(d1));
        for b in (0..nb).step_by(2) {
            let mut wv = [zero; 4];
            let mut ws = [_mm512_setzero_ps(); 4];
            for r in 0..4 {
                wv[r] = _mm512_inserti64x4(
                    _mm512_castsi256_si512(expand(rows[r], b)),
                    expand(rows[r], b + 1),
                    1,
                );
                ws[r] = pair(scales[r][b], scales[r][b + 1]);
            }
            for (k, t) in toks.iter().enumerate() {
                let tb = t * nb + b;
                // SAFETY: token t < tokens and b + 1 < nb: its blocks b, b + 1 are in bounds.
                let av = unsafe { _mm512_loadu_si512(a.values.as_ptr().add(tb * QK).cast()) };
                let offset = _mm512_sub_epi32(zero, _mm512_dpbusd_epi32(zero, eights, av));
                let at = pair(a.scales[tb], a.scales[tb + 1]);
                for r in 0..4 {
                    let dot = _mm512_dpbusd_epi32(offset, wv[r], av);
                    acc[r][k] = _mm512_fmadd_ps(
                        _mm512_cvtepi32_ps(dot),
                        _mm512_mul_ps(ws[r], at),
                        acc[r][k],
                    );
                }
            }
        }
        for r in 0..4 {
            for k in 0..2 {
                sums[r][k] = _mm512_reduce_add_ps(acc[r][k]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vector kernel and the portable loop agree on a matrix of every nibble and scale
    /// sign, for token counts that use both tile sizes.
    #[test]
    fn the_vector_kernel_computes_what_the_portable_loop_does() {
        let (rows, cols) = (7, 96);
        let mut bytes = Vec::new();
        let mut seed = 12345u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as u8
        };
        for r in 0..rows * cols / QK {
            let scale: u16 = if r % 2 == 0 { 0x2E66 } else { 0xAE66 }; // ±0.1
            bytes.extend_from_slice(&scale.to_le_bytes());
            bytes.extend((0..16).map(|_| next()));
        }
        let w = Q4 { bytes: &bytes, rows, cols };
        let bias: Vec<f32> = (0..rows).map(|r| r as f32 * 0.25 - 1.0).collect();
        for tokens in [1, 4, 6, 9] {
            let x: Vec<f32> =
                (0..tokens * cols).map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0).collect();
            let q = Quantised::of(&x, cols);
            let want = q.rows_portable(&w, &bias, 0..rows);
            let mut kernels = vec![("chosen", q.rows_of(&w, &bias, 0..rows))];
            #[cfg(target_arch = "x86_64")]
            {
                use std::arch::is_x86_feature_detected as has;
                if has!("avx2") && has!("fma") {
                    // SAFETY: the CPU has AVX2 and FMA.
                    kernels.push(("avx2", unsafe { avx2::rows(&q, &w, &bias, 0..rows) }));
                }
                if vnni() {
                    // SAFETY: the CPU has AVX-512 F, BW and VNNI; 96 columns are 3 blocks,
                    // so this one uses a matrix of an even block count.
                    let even = Q4 { bytes: &bytes[..rows * 2 * 18], rows, cols: 64 };
                    let x2: Vec<f32> = x.iter().take(tokens * 64).copied().collect();
                    let q2 = Quantised::of(&x2, 64);
                    let want2 = q2.rows_portable(&even, &bias, 0..rows);
                    let got2 = unsafe { avx512::rows(&q2, &even, &bias, 0..rows) };
                    kernels.push(("avx512 against its own portable result", got2));
                    kernels.push(("portable, 64 columns", want2));
                }
            }
            for (name, got) in &kernels[..kernels.len().min(2)] {
                assert_eq!(got.len(), want.len(), "{name}");
                for (g, e) in got.iter().zip(&want) {
                    assert!((g - e).abs() <= 1e-4 * e.abs().max(1.0), "{name}: {g} against {e}");
                }
            }
            if kernels.len() == 4 {
                for (g, e) in kernels[2].1.iter().zip(&kernels[3].1) {
                    assert!((g - e).abs() <= 1e-4 * e.abs().max(1.0), "avx512: {g} against {e}");
                }
            }
        }
    }
}
