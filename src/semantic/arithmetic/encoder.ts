/**
 * The arithmetic encoder of Witten, Neal & Cleary (1987, CACM 30(6)) with
 * 32-bit registers: a symbol with cumulative counts [cumLow, cumHigh) out of
 * `total` narrows [low, high] to its share, and bits are shifted out as soon
 * as they are settled (E1/E2 scaling); when the interval straddles the middle
 * inside [1/4, 3/4) it is expanded about the middle and the undecided bit is
 * counted in `follow` (E3, "underflow"), to be written with the opposite value
 * after the next settled bit.
 *
 * Termination ({@link ArithmeticEncoder.finish}): after renormalisation
 * low < 1/2 ≤ high always holds, so the value 1/2 lies in the final interval.
 * The encoder writes a 1 (the bit of 1/2; its pending follow bits and all
 * later bits of 1/2 are zeros) and then drops every trailing zero bit of the
 * whole stream, because the decoder reads zeros past the end. If low = 0 and
 * no bit is pending, the value 0 lies in the interval and nothing is written
 * at all. This is the shortest ending for the coder's final state: at most
 * one bit after the N bits settled or pending. As the register range never
 * exceeds 2^32, N ≤ −log2(width of the final interval), so the coded length
 * is ≤ −log2(width) + 1 ≤ −Σ log2 p(symbol) + 1 + Σ ε, where ε ≤
 * −log2(1 − total/2^30) is the truncation loss of one symbol (see MAX_TOTAL):
 * 1 bit of termination overhead per message, ≤ 2^-14 bits per symbol at
 * totals ≤ 2^16.
 *
 * The receiver must be given the length in bits (or the bytes padded with
 * zero bits): trailing zeros carry no information and are never sent.
 */
import { SemcomError } from '../../core/errors.js';
import { BitWriter, type CodedBits } from './bit-writer.js';
import { HALF, MAX_TOTAL, QUARTER, THREE_QUARTERS, TOP } from './constants.js';

export class ArithmeticEncoder {
  private low = 0;
  private high = TOP;
  private follow = 0;
  private finished = false;
  private readonly out: BitWriter;

  constructor(initialBytes = 64) {
    this.out = new BitWriter(initialBytes);
  }

  /** Bits settled so far, not counting pending follow bits or the termination. */
  get bitsWritten(): number {
    return this.out.bitLength;
  }

  /**
   * Codes a symbol whose interval is [cumLow, cumHigh) of `total`
   * (integers, 0 ≤ cumLow < cumHigh ≤ total ≤ MAX_TOTAL = 2^20). Throws
   * INVALID_ARGUMENT otherwise, or after {@link finish}.
   */
  encode(cumLow: number, cumHigh: number, total: number): void {
    if (!(cumLow >= 0 && cumLow < cumHigh && cumHigh <= total && total <= MAX_TOTAL) || (cumLow | 0) !== cumLow || (cumHigh | 0) !== cumHigh || (total | 0) !== total) {
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `arithmetic encoder: need integers 0 ≤ cumLow < cumHigh ≤ total ≤ ${MAX_TOTAL}, got [${cumLow}, ${cumHigh}) of ${total}`,
      );
    }
    if (this.finished) throw new SemcomError('INVALID_ARGUMENT', 'arithmetic encoder: encode() after finish(); start a new encoder');
    let low = this.low;
    let high = this.high;
    const range = high - low + 1;
    high = low + Math.floor((range * cumHigh) / total) - 1;
    low = low + Math.floor((range * cumLow) / total);
    for (;;) {
      if (high < HALF) {
        this.emit(0);
      } else if (low >= HALF) {
        this.emit(1);
        low -= HALF;
        high -= HALF;
      } else if (low >= QUARTER && high < THREE_QUARTERS) {
        this.follow++;
        low -= QUARTER;
        high -= QUARTER;
      } else {
        break;
      }
      low = 2 * low;
      high = 2 * high + 1;
    }
    this.low = low;
    this.high = high;
  }

  /**
   * Writes the termination (see the module comment) and returns the coded
   * bits with their exact length. The encoder cannot be used afterwards.
   */
  finish(): CodedBits {
    if (!this.finished) {
      this.finished = true;
      if (this.low !== 0 || this.follow !== 0) this.emit(1);
      this.out.trimTrailingZeros();
    }
    return this.out.toCodedBits();
  }

  private emit(bit: number): void {
    this.out.writeBit(bit);
    if (this.follow > 0) {
      this.out.writeRepeated(bit ^ 1, this.follow);
      this.follow = 0;
    }
  }
}
