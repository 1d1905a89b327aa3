//! Randomized truncated SVD (LSA) of a CSR matrix, and the small dense linear algebra it
//! needs.

use super::kmeans::{lane_sum, SplitMix64};
use super::vectorize::Csr;

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

/// f64 dot product in four lanes (see `kmeans::lane_sum`).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    lane_sum::<f64, 4>(a, b, |x, y| x * y)
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
        return Svd { d: 0, us: Vec::new(), sigma: Vec::new(), v: p.want_v.then(Vec::new) };
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
    use super::*;

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
            &SvdParams { dims: 5, oversample: 5, power_iters: 2, seed: 3, want_v: true },
        );
        assert_eq!(svd.d, 5);
        assert!(svd.sigma[2] > 1.0 && svd.sigma[3] < 1e-8, "{:?}", svd.sigma);
        let v = svd.v.as_ref().map_or(&[][..], |v| v.as_slice());
        let want = dense(&a);
        let mut err = 0.0;
        let mut tot = 0.0;
        for i in 0..n {
            for j in 0..m {
                let got: f64 = (0..svd.d).map(|c| svd.us[i * svd.d + c] * v[j * svd.d + c]).sum();
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
            &SvdParams { dims: 10, oversample: 5, power_iters: 2, seed: 0, want_v: false },
        );
        assert_eq!(s.d, 0);
        let one = Csr::from_rows(&[vec![(0, 1.0), (2, 1.0)]], 3);
        let s = randomized_svd(
            &one,
            &SvdParams { dims: 10, oversample: 5, power_iters: 2, seed: 0, want_v: false },
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
