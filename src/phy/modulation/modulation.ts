/**
 * Gray-labelled constellations of 3GPP TS 38.211 §5.1 (BPSK real-valued here):
 *
 * - BPSK: bit 0 → +1, bit 1 → −1 (real).
 * - QPSK: (1 − 2b0 + j(1 − 2b1))/√2.
 * - Square M-QAM (16, 64, 256): the in-phase level carries the even-indexed
 *   bits b0, b2, ..., the quadrature level the odd-indexed ones, each a Gray-labelled
 *   √M-PAM with levels ±1, ±3, ... scaled by d = √(3 / (2(M − 1))) so that E|x|² = 1
 *   exactly; e.g. 16-QAM: ((1−2b0)(2−(1−2b2)) + j(1−2b1)(2−(1−2b3)))/√10.
 *
 * Bit 0 maps to the positive side, matching the LLR sign (positive favours 0).
 */
import { SemcomError } from '../../core/errors.js';
import { demap16QamMaxLog, demapBpsk, demapQamExact, demapQamMaxLog, demapQpsk, hardBpsk, hardQam } from './kernels.js';
import { MODULATION_NAMES, type DemapOptions, type Modulation, type ModulationName } from './types.js';

const BITS: Record<ModulationName, number> = { bpsk: 1, qpsk: 2, '16qam': 4, '64qam': 6, '256qam': 8 };

/**
 * Level of a k-bit 38.211 PAM label `c` (MSB first), in units of d:
 * A(c0..c_{k−1}) = (1 − 2c0)·(2^{k−1} − A(c1..c_{k−1})), A(c) = 1 − 2c for one bit.
 */
export function pamLevel(c: number, k: number): number {
  const s = 1 - 2 * ((c >>> (k - 1)) & 1);
  if (k === 1) return s;
  return s * ((1 << (k - 1)) - pamLevel(c & ((1 << (k - 1)) - 1), k - 1));
}

function checkLengths(what: string, perSymbolA: number, a: number, perSymbolB: number, b: number): number {
  if (a % perSymbolA !== 0 || b % perSymbolB !== 0 || a / perSymbolA !== b / perSymbolB) {
    throw new SemcomError(
      'LENGTH_MISMATCH',
      `${what}: lengths ${a} and ${b} do not describe the same number of symbols (need ${perSymbolA} and ${perSymbolB} entries per symbol)`,
    );
  }
  return a / perSymbolA;
}

/** Builds one of the constellations `bpsk`, `qpsk`, `16qam`, `64qam`, `256qam` (see module doc for the labelling). */
export function createModulation(name: ModulationName): Modulation {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(BITS, name)) {
    throw new SemcomError('UNKNOWN_MODULATION', `unknown modulation "${String(name)}"; accepted: ${MODULATION_NAMES.join(', ')}`);
  }
  const m = BITS[name];
  const M = 1 << m;
  const bpsk = m === 1;
  const k = bpsk ? 1 : m / 2;
  const L = 1 << k;
  const d = bpsk ? 1 : Math.sqrt(3 / (2 * (M - 1)));
  /** levels[c] = amplitude of per-dimension label c. */
  const levels = new Float64Array(L);
  for (let c = 0; c < L; c++) levels[c] = d * pamLevel(c, k);
  const points = new Float64Array(2 * M);
  for (let idx = 0; idx < M; idx++) {
    if (bpsk) {
      points[2 * idx] = levels[idx];
      continue;
    }
    let cI = 0;
    let cQ = 0;
    for (let j = 0; j < k; j++) {
      cI = (cI << 1) | ((idx >>> (m - 1 - 2 * j)) & 1);
      cQ = (cQ << 1) | ((idx >>> (m - 2 - 2 * j)) & 1);
    }
    points[2 * idx] = levels[cI];
    points[2 * idx + 1] = levels[cQ];
  }
  const metric = new Float64Array(L);

  function map(bits: Uint8Array, out: Float64Array): void {
    const S = checkLengths(`${name} map (bits, symbols)`, m, bits.length, 2, out.length);
    let bad = 0;
    for (let s = 0; s < S; s++) {
      let idx = 0;
      const base = s * m;
      for (let b = 0; b < m; b++) {
        const v = bits[base + b];
        bad |= v;
        idx = (idx << 1) | (v & 1);
      }
      out[2 * s] = points[2 * idx];
      out[2 * s + 1] = points[2 * idx + 1];
    }
    if (bad > 1) throw new SemcomError('INVALID_ARGUMENT', `${name} map: bits must be 0 or 1`);
  }

  function hardDecide(y: Float64Array, outBits: Uint8Array, h?: Float64Array): void {
    checkLengths(`${name} hardDecide (symbols, bits)`, 2, y.length, m, outBits.length);
    if (h && h.length !== y.length) {
      throw new SemcomError('LENGTH_MISMATCH', `${name} hardDecide: h has ${h.length} entries, y has ${y.length} (one complex gain per symbol)`);
    }
    if (bpsk) hardBpsk(y, outBits, h);
    else hardQam(k, d, y, outBits, h);
  }

  function demap(y: Float64Array, n0: number, outLlr: Float32Array, options: DemapOptions = {}): void {
    const S = checkLengths(`${name} demap (symbols, LLRs)`, 2, y.length, m, outLlr.length);
    const { h, n0PerSymbol } = options;
    const method = options.method ?? 'maxlog';
    if (method !== 'maxlog' && method !== 'exact') {
      throw new SemcomError('INVALID_ARGUMENT', `demap method must be 'maxlog' or 'exact', got "${String(method)}"`);
    }
    if (h && h.length !== y.length) {
      throw new SemcomError('LENGTH_MISMATCH', `${name} demap: h has ${h.length} entries, y has ${y.length} (one complex gain per symbol)`);
    }
    if (n0PerSymbol) {
      if (n0PerSymbol.length !== S) {
        throw new SemcomError('LENGTH_MISMATCH', `${name} demap: n0PerSymbol has ${n0PerSymbol.length} entries for ${S} symbols`);
      }
    } else if (!(n0 > 0) || !Number.isFinite(n0)) {
      throw new SemcomError('INVALID_ARGUMENT', `${name} demap: noise variance N0 must be a positive finite number, got ${n0}`);
    }
    if (bpsk) demapBpsk(y, n0, outLlr, h, n0PerSymbol);
    // QPSK: max-log is exact (one bit per dimension), so both methods take the closed form.
    else if (k === 1) demapQpsk(d, y, n0, outLlr, h, n0PerSymbol);
    else if (method === 'maxlog' && k === 2) demap16QamMaxLog(d, y, n0, outLlr, h, n0PerSymbol);
    else if (method === 'maxlog') demapQamMaxLog(k, d, y, n0, outLlr, h, n0PerSymbol);
    else demapQamExact(k, levels, y, n0, outLlr, h, n0PerSymbol, metric);
  }

  return Object.freeze({ name, bitsPerSymbol: m, order: M, points, map, hardDecide, demap });
}
