/**
 * The decoder matching {@link ArithmeticEncoder}: it holds a 32-bit window
 * `value` of the code stream, which stays inside [low, high] for any input
 * bits (Witten, Neal & Cleary 1987), so every bit string decodes to some
 * symbol sequence and a corrupted stream can only produce wrong symbols,
 * never an out-of-range state. Bits past the end read as zeros. Decoding is
 * split in two calls, as the model must map the target count to its symbol:
 *
 * ```ts
 * const t = dec.target(total);        // a count in [0, total)
 * const s = symbolWhoseIntervalHolds(t);
 * dec.consume(cumLow(s), cumHigh(s), total);
 * ```
 *
 * The number of symbols is bounded by `maxSymbols`: a stream whose
 * end-of-message symbol was lost would otherwise decode forever; past the
 * bound `consume` throws SemcomError('MALFORMED_INPUT').
 */
import { SemcomError } from '../../core/errors.js';
import { BitReader } from './bit-reader.js';
import type { CodedBits } from './bit-writer.js';
import { CODE_BITS, HALF, MAX_TOTAL, QUARTER, THREE_QUARTERS, TOP } from './constants.js';

export interface ArithmeticDecoderOptions {
  /** Most symbols this decoder will decode before throwing MALFORMED_INPUT (default 2^20). */
  readonly maxSymbols?: number;
}

export class ArithmeticDecoder {
  private low = 0;
  private high = TOP;
  private value = 0;
  private symbols = 0;
  private readonly maxSymbols: number;
  private readonly in: BitReader;

  constructor(coded: CodedBits, options: ArithmeticDecoderOptions = {}) {
    const maxSymbols = options.maxSymbols ?? 1048576;
    if (!Number.isInteger(maxSymbols) || maxSymbols < 0) {
      throw new SemcomError('INVALID_ARGUMENT', `arithmetic decoder: maxSymbols must be a non-negative integer, got ${maxSymbols}`);
    }
    this.maxSymbols = maxSymbols;
    this.in = new BitReader(coded);
    let v = 0;
    for (let i = 0; i < CODE_BITS; i++) v = 2 * v + this.in.readBit();
    this.value = v;
  }

  /** Symbols decoded so far. */
  get symbolCount(): number {
    return this.symbols;
  }

  /** Bits read so far (the first 32 are read by the constructor), zeros past the end included. */
  get bitsRead(): number {
    return this.in.position;
  }

  /**
   * The count in [0, total) that identifies the next symbol: the symbol whose
   * interval [cumLow, cumHigh) contains it. `total` must be the one the
   * encoder used (an integer in 1..MAX_TOTAL, else INVALID_ARGUMENT).
   */
  target(total: number): number {
    if (!(total >= 1 && total <= MAX_TOTAL) || (total | 0) !== total) {
      throw new SemcomError('INVALID_ARGUMENT', `arithmetic decoder: total must be an integer in 1..${MAX_TOTAL}, got ${total}`);
    }
    const range = this.high - this.low + 1;
    return Math.floor(((this.value - this.low + 1) * total - 1) / range);
  }

  /** Removes the symbol with interval [cumLow, cumHigh) of `total` from the stream (as the encoder coded it). */
  consume(cumLow: number, cumHigh: number, total: number): void {
    if (!(cumLow >= 0 && cumLow < cumHigh && cumHigh <= total && total <= MAX_TOTAL) || (cumLow | 0) !== cumLow || (cumHigh | 0) !== cumHigh || (total | 0) !== total) {
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `arithmetic decoder: need integers 0 ≤ cumLow < cumHigh ≤ total ≤ ${MAX_TOTAL}, got [${cumLow}, ${cumHigh}) of ${total}`,
      );
    }
    if (this.symbols >= this.maxSymbols) {
      throw new SemcomError(
        'MALFORMED_INPUT',
        `arithmetic decoder: more than ${this.maxSymbols} symbols without an end; the bit stream is corrupted or truncated`,
      );
    }
    this.symbols++;
    let low = this.low;
    let high = this.high;
    let value = this.value;
    const range = high - low + 1;
    high = low + Math.floor((range * cumHigh) / total) - 1;
    low = low + Math.floor((range * cumLow) / total);
    for (;;) {
      if (high < HALF) {
        // nothing to subtract
      } else if (low >= HALF) {
        low -= HALF;
        high -= HALF;
        value -= HALF;
      } else if (low >= QUARTER && high < THREE_QUARTERS) {
        low -= QUARTER;
        high -= QUARTER;
        value -= QUARTER;
      } else {
        break;
      }
      low = 2 * low;
      high = 2 * high + 1;
      value = 2 * value + this.in.readBit();
    }
    this.low = low;
    this.high = high;
    this.value = value;
  }
}
