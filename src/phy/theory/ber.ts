/**
 * Closed-form uncoded bit error rates of Gray-labelled BPSK and square M-QAM
 * with coherent detection and perfect CSI, as functions of the mean Eb/N0 in dB
 * (uncoded: Es = m·Eb for m bits per symbol).
 *
 * Every case is written as BER = Σ_t c_t·erfc(√(b_t·γ_b)), γ_b = Eb/N0 (linear):
 * - BPSK (and QPSK): one term, c = 1/2, b = 1, i.e. Q(√(2γ_b)).
 * - Square M-QAM: K. Cho and D. Yoon, "On the general BER expression of one- and
 *   two-dimensional amplitude modulations", IEEE Trans. Commun. 50(7), 2002, eq. (14):
 *     P_b = (1/log2√M)·Σ_{k=1}^{log2√M} P_b(k),
 *     P_b(k) = (1/√M)·Σ_{i=0}^{(1−2^{−k})√M−1} (−1)^{⌊i·2^{k−1}/√M⌋}·(2^{k−1} − ⌊i·2^{k−1}/√M + 1/2⌋)
 *              ·erfc((2i+1)·√(3·log2(M)·γ_b / (2(M−1)))).
 *   It is exact for the binary-reflected Gray PAM per dimension; the 38.211
 *   labelling of `createModulation` is its bitwise complement, with the same BER.
 *
 * Fading (flat, E|h|² = 1, γ_b the mean): each term is averaged over the SNR
 * distribution, which is exact because the BER is linear in the erfc terms:
 * - Rayleigh: E[erfc(√(bγ))] = 1 − √(bγ̄/(1 + bγ̄)) (Simon and Alouini, Digital
 *   Communication over Fading Channels, 2nd ed., eq. 5.6 form).
 * - Rician (K): Craig's formula Q(x) = (1/π)∫₀^{π/2} exp(−x²/(2 sin²θ)) dθ with the
 *   Rician moment generating function M(s) = (1+K)/(1+K−sγ̄)·exp(Ksγ̄/(1+K−sγ̄))
 *   (Simon and Alouini eq. 2.17, 5.1), integrated numerically (trapezoidal rule on
 *   a periodic analytic integrand, exponentially convergent).
 */
import { SemcomError } from '../../core/errors.js';
import { checkSnrDb, dbToLinear } from '../../core/snr.js';
import { erfc } from './erfc.js';

interface Terms {
  readonly c: Float64Array;
  readonly b: Float64Array;
}

const termCache = new Map<number, Terms>();

/** The Cho–Yoon terms (c_t, b_t) of Gray square M-QAM (M = 4, 16, 64, 256, ...); M = 2 gives BPSK. */
export function berTerms(order: number): Terms {
  const cached = termCache.get(order);
  if (cached) return cached;
  let terms: Terms;
  if (order === 2) {
    terms = { c: new Float64Array([0.5]), b: new Float64Array([1]) };
  } else {
    const m = Math.log2(order);
    if (!Number.isInteger(m) || m < 2 || m % 2 !== 0 || m > 20) {
      throw new SemcomError('INVALID_ARGUMENT', `square QAM order must be 4, 16, 64, 256, ... (an even power of 2), got ${order}`);
    }
    const r = Math.sqrt(order);
    const kmax = m / 2;
    const coef = new Float64Array(r); // i runs up to √M − 2
    for (let k = 1; k <= kmax; k++) {
      const p = 2 ** (k - 1);
      const imax = (1 - 2 ** -k) * r - 1;
      for (let i = 0; i <= imax; i++) {
        const f = Math.floor((i * p) / r);
        const sign = f % 2 === 0 ? 1 : -1;
        coef[i] += (sign * (p - Math.floor((i * p) / r + 0.5))) / (r * kmax);
      }
    }
    const scale = (3 * m) / (2 * (order - 1));
    const c: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < coef.length; i++) {
      if (coef[i] !== 0) {
        c.push(coef[i]);
        b.push((2 * i + 1) ** 2 * scale);
      }
    }
    terms = { c: Float64Array.from(c), b: Float64Array.from(b) };
  }
  termCache.set(order, terms);
  return terms;
}

function gammaB(ebN0Db: number): number {
  return dbToLinear(checkSnrDb(ebN0Db, 'Eb/N0'));
}

/** BPSK (and per bit QPSK) in AWGN: Q(√(2·Eb/N0)). */
export function berBpskAwgn(ebN0Db: number): number {
  return 0.5 * erfc(Math.sqrt(gammaB(ebN0Db)));
}

/** Gray square M-QAM in AWGN (Cho–Yoon exact), M = 4, 16, 64, 256; M = 2 gives BPSK. */
export function berSquareQamAwgn(order: number, ebN0Db: number): number {
  const g = gammaB(ebN0Db);
  const { c, b } = berTerms(order);
  let p = 0;
  for (let t = 0; t < c.length; t++) p += c[t] * erfc(Math.sqrt(b[t] * g));
  return Math.max(0, p);
}

/** BPSK over flat Rayleigh fading, mean Eb/N0 = γ̄: (1 − √(γ̄/(1 + γ̄)))/2. */
export function berBpskRayleigh(ebN0Db: number): number {
  const g = gammaB(ebN0Db);
  return 0.5 * (1 - Math.sqrt(g / (1 + g)));
}

/** Gray square M-QAM (M = 2 for BPSK) over flat Rayleigh fading with perfect CSI, mean Eb/N0. */
export function berSquareQamRayleigh(order: number, ebN0Db: number): number {
  const g = gammaB(ebN0Db);
  const { c, b } = berTerms(order);
  let p = 0;
  for (let t = 0; t < c.length; t++) {
    const x = b[t] * g;
    // 1 − √(x/(1+x)) = 1/((1+x)(1 + √(x/(1+x)))), written without cancellation at high SNR.
    p += c[t] / ((1 + x) * (1 + Math.sqrt(x / (1 + x))));
  }
  return Math.max(0, p);
}

/** E[erfc(√(bγ))] under Rician fading with factor K and mean γ̄, by Craig's formula and the MGF. */
function ricianErfcMean(bg: number, k: number): number {
  // 2·(1/π)∫₀^{π/2} M(−b/sin²θ) dθ; the integrand depends on sin²θ, so it is even and
  // π-periodic: the trapezoidal rule converges geometrically at a rate set by the distance
  // a = asinh(√(bγ̄/(1+K))) of its nearest complex singularity from the real axis.
  const a = Math.asinh(Math.sqrt(bg / (1 + k)));
  const n = Math.min(200_000, Math.max(256, Math.ceil(80 / a)));
  const h = Math.PI / 2 / n;
  let sum = 0;
  for (let j = 1; j <= n; j++) {
    const s = Math.sin(j * h);
    const s2 = (1 + k) * s * s;
    const den = s2 + bg;
    const w = j === n ? 0.5 : 1; // θ = 0 contributes 0; θ = π/2 has half weight
    sum += (w * s2 * Math.exp((-k * bg) / den)) / den;
  }
  return (2 / Math.PI) * sum * h;
}

/** Gray square M-QAM (M = 2 for BPSK) over flat Rician fading with linear factor K ≥ 0, perfect CSI, mean Eb/N0. */
export function berSquareQamRician(order: number, k: number, ebN0Db: number): number {
  if (!(k >= 0) || !Number.isFinite(k)) {
    throw new SemcomError('INVALID_ARGUMENT', `Rician K must be a finite linear value ≥ 0, got ${k}`);
  }
  const g = gammaB(ebN0Db);
  const { c, b } = berTerms(order);
  let p = 0;
  for (let t = 0; t < c.length; t++) p += c[t] * ricianErfcMean(b[t] * g, k);
  return Math.max(0, p);
}
