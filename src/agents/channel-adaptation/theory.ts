/**
 * Optimal linear coding of a vector source over a vector AWGN channel, the
 * reference the learned channel adaptation is checked against.
 *
 * Setup: source x ∈ ℝ^d with zero mean and covariance Σ (eigenvalues
 * λ₁ ≥ … ≥ λ_d); encoder s = A x with m = 2k real outputs (k complex channel
 * uses, two reals each); average power E‖s‖² = k·P; channel y = s + n with
 * n ~ N(0, σ² I), σ² = N0/2 = P/(2·SNR) (Es/N0 per complex use, DESIGN.md);
 * decoder x̂ = B y; distortion D = E‖x − x̂‖².
 *
 * Lee and Petersen, "Optimal linear coding for vector channels", IEEE Trans.
 * Commun. 24(12), 1976: the best A sends the top principal components, one
 * per real channel dimension, with powers p_i = max(0, σ·t·√λ_i − σ²), t set
 * by Σ p_i = k·P (a reverse water-filling on √λ), and B is the linear MMSE
 * decoder. With n components active,
 *
 *   D* = Σ_{i>n} λ_i + σ² (Σ_{i≤n} √λ_i)² / (k·P + n·σ²).
 *
 * Only second moments enter, so D* is the optimum among linear maps for any
 * source with covariance Σ (Gaussian or not).
 */
import { SemcomError } from '../../core/errors.js';
import { dbToLinear, checkSnrDb } from '../../core/snr.js';
import { matMul, solveSpd, symmetricEigen, trace, transpose } from './linalg.js';

export interface LinearChannel {
  /** k, complex channel uses per source vector. */
  readonly channelUses: number;
  /** Es/N0 per complex channel use in dB. */
  readonly snrDb: number;
  /** Average power P per complex channel use (default 1). */
  readonly power?: number;
}

/** σ² = N0/2, the noise variance per real channel dimension. */
export function noiseVariancePerReal(ch: LinearChannel): number {
  checkSnrDb(ch.snrDb);
  return (ch.power ?? 1) / dbToLinear(ch.snrDb) / 2;
}

function checkChannel(ch: LinearChannel): void {
  if (!Number.isInteger(ch.channelUses) || ch.channelUses < 1) throw new SemcomError('INVALID_ARGUMENT', `channelUses must be an integer ≥ 1, got ${ch.channelUses}`);
  const p = ch.power ?? 1;
  if (!(p > 0) || !Number.isFinite(p)) throw new SemcomError('INVALID_ARGUMENT', `power must be positive, got ${p}`);
}

export interface OptimalLinearCode {
  /** The minimum distortion D* = E‖x − x̂‖² (sum over the d components). */
  readonly mse: number;
  /** Number of principal components sent. */
  readonly active: number;
  /** Power p_i given to the i-th principal component (descending λ), length min(d, 2k). */
  readonly powers: Float64Array;
  /** The eigenvalues used, descending. */
  readonly eigenvalues: Float64Array;
}

/** D* and the power allocation from the source covariance eigenvalues (any order, negatives from round-off clipped to 0). */
export function optimalLinearMse(eigenvalues: ArrayLike<number>, ch: LinearChannel): OptimalLinearCode {
  checkChannel(ch);
  const lam = Float64Array.from(eigenvalues, (v) => Math.max(0, v)).sort().reverse();
  const sigma2 = noiseVariancePerReal(ch);
  const sigma = Math.sqrt(sigma2);
  const total = ch.channelUses * (ch.power ?? 1);
  const m = Math.min(lam.length, 2 * ch.channelUses);
  let n = m;
  while (n > 0 && !(lam[n - 1] > 0)) n--;
  // Shrink the active set until its weakest component gets positive power.
  for (; n > 0; n--) {
    let sumSqrt = 0;
    for (let i = 0; i < n; i++) sumSqrt += Math.sqrt(lam[i]);
    const t = (total + n * sigma2) / (sigma * sumSqrt);
    if (sigma * t * Math.sqrt(lam[n - 1]) - sigma2 > 0) break;
  }
  const powers = new Float64Array(m);
  let sumSqrt = 0;
  for (let i = 0; i < n; i++) sumSqrt += Math.sqrt(lam[i]);
  let mse = 0;
  for (let i = n; i < lam.length; i++) mse += lam[i];
  if (n > 0) {
    const t = (total + n * sigma2) / (sigma * sumSqrt);
    for (let i = 0; i < n; i++) powers[i] = sigma * t * Math.sqrt(lam[i]) - sigma2;
    mse += (sigma2 * sumSqrt * sumSqrt) / (total + n * sigma2);
  }
  return { mse, active: n, powers, eigenvalues: lam };
}

/** B = Σ Aᵀ (A Σ Aᵀ + σ² I)⁻¹ (d × m): the linear MMSE decoder for encoder A (m × d). */
export function lmmseDecoder(encoder: Float64Array, cov: Float64Array, d: number, m: number, sigma2: number): Float64Array {
  const cross = matMul(cov, transpose(encoder, m, d), d, d, m); // Σ Aᵀ, d × m
  return lmmseDecoderFromCross(encoder, cross, d, m, sigma2);
}

/** The LMMSE decoder from A (m × d) and C = Σ Aᵀ (d × m): C (A C + σ² I)⁻¹. */
export function lmmseDecoderFromCross(encoder: Float64Array, cross: Float64Array, d: number, m: number, sigma2: number): Float64Array {
  const s = matMul(encoder, cross, m, d, m);
  // Symmetrize against round-off, then add the noise.
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const v = 0.5 * (s[i * m + j] + s[j * m + i]);
      s[i * m + j] = v;
      s[j * m + i] = v;
    }
    s[i * m + i] += sigma2;
  }
  // B = C S⁻¹  ⇔  Bᵀ = S⁻¹ Cᵀ (S symmetric).
  return transpose(solveSpd(s, transpose(cross, d, m), m, d), m, d);
}

/** The optimal encoder (rows: scaled principal directions) and its LMMSE decoder for covariance Σ (d × d). */
export function optimalLinearMaps(cov: Float64Array, d: number, ch: LinearChannel): { encoder: Float64Array; decoder: Float64Array; mse: number } {
  const { values, vectors } = symmetricEigen(cov, d);
  const code = optimalLinearMse(values, ch);
  const m = 2 * ch.channelUses;
  const encoder = new Float64Array(m * d);
  for (let i = 0; i < code.active; i++) {
    const g = Math.sqrt(code.powers[i] / code.eigenvalues[i]);
    for (let j = 0; j < d; j++) encoder[i * d + j] = g * vectors[i * d + j];
  }
  return { encoder, decoder: lmmseDecoder(encoder, cov, d, m, noiseVariancePerReal(ch)), mse: code.mse };
}

/**
 * E‖x − B(Ax + n)‖² for a source with second moment S (d × d) and noise σ²
 * per real dimension: tr(S) − 2 tr(BAS) + tr(BASAᵀBᵀ) + σ² tr(BBᵀ).
 */
export function linearMapsMse(encoder: Float64Array, decoder: Float64Array, moment: Float64Array, d: number, m: number, sigma2: number): number {
  const ba = matMul(decoder, encoder, d, m, d); // d × d
  const bas = matMul(ba, moment, d, d, d);
  const basab = matMul(bas, transpose(ba, d, d), d, d, d);
  let bb = 0;
  for (let i = 0; i < decoder.length; i++) bb += decoder[i] * decoder[i];
  return trace(moment, d) - 2 * trace(bas, d) + trace(basab, d) + sigma2 * bb;
}

/** E‖A x‖² / k, the average power per complex channel use of encoder A (m × d) on a source with second moment S. */
export function averagePower(encoder: Float64Array, moment: Float64Array, d: number, m: number): number {
  const as = matMul(encoder, moment, m, d, d);
  let p = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) p += as[i * d + j] * encoder[i * d + j];
  return p / (m / 2);
}
