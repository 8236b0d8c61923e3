/**
 * Mid-rise uniform scalar quantizer, the one a generative transmitter applies
 * to its latent vector before packetizing it (seed 002 Sec. III: a few latent
 * numbers at a few bits each).
 *
 * With b bits over [lo, hi] there are L = 2^b cells of width Δ = (hi − lo)/L.
 * Cell q (0 ≤ q < L) is [lo + qΔ, lo + (q+1)Δ) (the last one closed at hi) and
 * is reconstructed at its midpoint lo + (q + ½)Δ. "Mid-rise": lo, hi and, for a
 * symmetric range, 0 are cell edges, never reconstruction points, and the
 * reconstruction error inside [lo, hi] is at most Δ/2. Values outside [lo, hi]
 * are clipped to the first or last cell (error up to the distance to the range
 * plus Δ/2), the usual choice for latents whose range was fixed from training data.
 */
import { SemcomError } from '../core/errors.js';
import type { QuantizedLatentField, QuantizerRange } from './types.js';

function checkQuantizer(bits: number, lo: number, hi: number, who: string): void {
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) {
    throw new SemcomError('INVALID_ARGUMENT', `${who}: bits must be an integer in 1..16, got ${bits}`);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi) || !Number.isFinite(hi - lo)) {
    throw new SemcomError('INVALID_ARGUMENT', `${who}: range must be finite with lo < hi, got [${lo}, ${hi}]`);
  }
}

/** Cell width Δ = (hi − lo)/2^bits of the mid-rise quantizer. */
export function quantizerStep(bits: number, lo: number, hi: number): number {
  checkQuantizer(bits, lo, hi, 'quantizerStep');
  return (hi - lo) / 2 ** bits;
}

/**
 * Quantizes `values` with the mid-rise uniform quantizer of `bits` (1..16) bits
 * over [lo, hi]: code q = clamp(⌊(x − lo)/Δ⌋, 0, 2^bits − 1). NaN is rejected
 * (INVALID_ARGUMENT); ±∞ and other out-of-range values are clipped.
 */
export function quantizeUniform(values: ArrayLike<number>, bits: number, lo: number, hi: number): Uint16Array {
  checkQuantizer(bits, lo, hi, 'quantizeUniform');
  const levels = 2 ** bits;
  const scale = levels / (hi - lo);
  const codes = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== 'number' || Number.isNaN(x)) {
      throw new SemcomError('INVALID_ARGUMENT', `quantizeUniform: values[${i}] is ${String(x)}, not a number`);
    }
    const q = Math.floor((x - lo) * scale);
    codes[i] = q < 0 ? 0 : q >= levels ? levels - 1 : q;
  }
  return codes;
}

/**
 * Reconstructs codes of the mid-rise uniform quantizer: x̂ = lo + (q + ½)Δ,
 * Δ = (hi − lo)/2^bits, in double precision. Throws INVALID_ARGUMENT for a code
 * outside 0..2^bits − 1.
 */
export function dequantizeUniform(codes: ArrayLike<number>, bits: number, lo: number, hi: number): Float64Array {
  checkQuantizer(bits, lo, hi, 'dequantizeUniform');
  const levels = 2 ** bits;
  const step = (hi - lo) / levels;
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const q = codes[i];
    if (!Number.isInteger(q) || q < 0 || q >= levels) {
      throw new SemcomError('INVALID_ARGUMENT', `dequantizeUniform: codes[${i}] = ${q} is not an integer in 0..${levels - 1}`);
    }
    out[i] = lo + (q + 0.5) * step;
  }
  return out;
}

/**
 * Quantizer ranges both ends know, addressed by a 4-bit id on the wire
 * (id 0 means "explicit float32 bounds follow"; 7..15 are unassigned).
 * 1: tanh outputs; 2: sigmoid outputs and normalized pixels; 3–6: ±2σ..±8σ of
 * a unit-variance (e.g. VAE, N(0, I) prior) latent.
 */
export const QUANTIZER_RANGES: Readonly<Record<number, readonly [number, number]>> = Object.freeze({
  1: Object.freeze([-1, 1] as const),
  2: Object.freeze([0, 1] as const),
  3: Object.freeze([-2, 2] as const),
  4: Object.freeze([-3, 3] as const),
  5: Object.freeze([-4, 4] as const),
  6: Object.freeze([-8, 8] as const),
});

/** Whether `id` names a preset of {@link QUANTIZER_RANGES}. */
export function isPresetRangeId(id: number): boolean {
  return Number.isInteger(id) && Object.prototype.hasOwnProperty.call(QUANTIZER_RANGES, id);
}

/** [lo, hi] of a quantizer range (explicit bounds rounded to float32, as they travel). */
export function rangeBounds(range: QuantizerRange): [number, number] {
  if (range.kind === 'preset') {
    if (!isPresetRangeId(range.id)) {
      throw new SemcomError('INVALID_ARGUMENT', `unknown quantizer range preset ${range.id}; presets are ${Object.keys(QUANTIZER_RANGES).join(', ')}`);
    }
    const [lo, hi] = QUANTIZER_RANGES[range.id];
    return [lo, hi];
  }
  return [Math.fround(range.lo), Math.fround(range.hi)];
}

/**
 * Quantizes a latent vector into a packet field. Explicit bounds are rounded
 * to float32 first, so the transmitter quantizes with exactly the bounds the
 * receiver will read.
 */
export function quantizeLatent(values: ArrayLike<number>, bits: number, range: QuantizerRange): QuantizedLatentField {
  const [lo, hi] = rangeBounds(range);
  const r: QuantizerRange = range.kind === 'preset' ? { kind: 'preset', id: range.id } : { kind: 'explicit', lo, hi };
  return { kind: 'quantizedLatent', bits, codes: quantizeUniform(values, bits, lo, hi), range: r };
}

/** The reconstructed latent vector of a quantized-latent field (cell midpoints). */
export function latentValues(field: QuantizedLatentField): Float64Array {
  const [lo, hi] = rangeBounds(field.range);
  return dequantizeUniform(field.codes, field.bits, lo, hi);
}
