/**
 * A static frequency table for the arithmetic coder: integer counts per
 * symbol, their prefix sums, and the symbol lookup of the decoder (binary
 * search, O(log n)). A symbol of count 0 cannot be coded; the others get
 * probability count/total.
 */
import { SemcomError } from '../../core/errors.js';
import { MAX_TOTAL } from './constants.js';
import type { ArithmeticDecoder } from './decoder.js';
import type { ArithmeticEncoder } from './encoder.js';

export class FrequencyTable {
  /** cum[s] = Σ_{r<s} freq[r]; length n + 1, cum[n] = total. */
  private readonly cum: Uint32Array;
  /** Sum of all counts, 1..MAX_TOTAL. */
  readonly total: number;

  /**
   * Builds the table. Throws INVALID_ARGUMENT when a count is not a
   * non-negative integer or the total is not in 1..MAX_TOTAL (2^20).
   */
  constructor(freqs: ArrayLike<number>) {
    const n = freqs.length;
    const cum = new Uint32Array(n + 1);
    let total = 0;
    for (let s = 0; s < n; s++) {
      const f = freqs[s];
      if (!Number.isInteger(f) || f < 0) {
        throw new SemcomError('INVALID_ARGUMENT', `FrequencyTable: freqs[${s}] = ${f} is not a non-negative integer`);
      }
      total += f;
      if (total > MAX_TOTAL) {
        throw new SemcomError('INVALID_ARGUMENT', `FrequencyTable: total exceeds ${MAX_TOTAL}; scale the counts down (keeping each used symbol ≥ 1)`);
      }
      cum[s + 1] = total;
    }
    if (total < 1) throw new SemcomError('INVALID_ARGUMENT', 'FrequencyTable: all counts are 0');
    this.cum = cum;
    this.total = total;
  }

  /** Number of symbols (including those of count 0). */
  get size(): number {
    return this.cum.length - 1;
  }

  /** Count of symbol `s`. */
  frequency(s: number): number {
    return this.cum[s + 1] - this.cum[s];
  }

  /** Codes `symbol`; INVALID_ARGUMENT for a symbol out of range or of count 0. */
  encode(enc: ArithmeticEncoder, symbol: number): void {
    if (!Number.isInteger(symbol) || symbol < 0 || symbol >= this.size || this.cum[symbol + 1] === this.cum[symbol]) {
      throw new SemcomError('INVALID_ARGUMENT', `FrequencyTable.encode: symbol ${symbol} is not in 0..${this.size - 1} with a non-zero count`);
    }
    enc.encode(this.cum[symbol], this.cum[symbol + 1], this.total);
  }

  /** Decodes one symbol (always one of non-zero count). */
  decode(dec: ArithmeticDecoder): number {
    const t = dec.target(this.total);
    const cum = this.cum;
    // Largest s with cum[s] ≤ t; then cum[s+1] > t, so freq(s) > 0.
    let lo = 0;
    let hi = cum.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (cum[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    dec.consume(cum[lo], cum[lo + 1], this.total);
    return lo;
  }

  /** −log2 of the probability of `symbol` (Infinity for count 0). */
  informationBits(symbol: number): number {
    return Math.log2(this.total / this.frequency(symbol));
  }
}
