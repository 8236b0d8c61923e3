/**
 * Reads a {@link CodedBits} bit string MSB first and returns 0 for every bit
 * at or past `bitLength`, so a stream whose trailing zeros were trimmed (or a
 * truncated one) reads as if padded with zeros forever.
 */
import { SemcomError } from '../../core/errors.js';
import type { CodedBits } from './bit-writer.js';

export class BitReader {
  private readonly bytes: Uint8Array;
  private readonly length: number;
  private pos = 0;

  constructor(coded: CodedBits) {
    checkCodedBits(coded, 'BitReader');
    this.bytes = coded.bytes;
    this.length = coded.bitLength;
  }

  /** Bits read so far, including zeros read past the end. */
  get position(): number {
    return this.pos;
  }

  /** The next bit, 0 past the end. */
  readBit(): number {
    const i = this.pos++;
    return i < this.length ? (this.bytes[i >>> 3] >>> (7 - (i & 7))) & 1 : 0;
  }
}

/**
 * Validates the shape of a {@link CodedBits} from outside: a Uint8Array and an
 * integer bitLength with ⌈bitLength/8⌉ ≤ bytes.length. Throws INVALID_ARGUMENT.
 */
export function checkCodedBits(coded: CodedBits, who: string): void {
  if (coded === null || typeof coded !== 'object' || !(coded.bytes instanceof Uint8Array)) {
    throw new SemcomError('INVALID_ARGUMENT', `${who}: expected { bytes: Uint8Array, bitLength: number }`);
  }
  const n = coded.bitLength;
  if (!Number.isInteger(n) || n < 0 || n > coded.bytes.length * 8) {
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `${who}: bitLength must be an integer in 0..${coded.bytes.length * 8} (8 × bytes.length), got ${n}`,
    );
  }
}

/** A bit string from a 0/1-per-entry bit array (as the digital link delivers it). Throws INVALID_ARGUMENT on an entry other than 0 or 1. */
export function codedBitsFromBitArray(bits: Uint8Array): CodedBits {
  const bytes = new Uint8Array((bits.length + 7) >>> 3);
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i];
    if (b > 1) throw new SemcomError('INVALID_ARGUMENT', `codedBitsFromBitArray: bits[${i}] = ${b}, expected 0 or 1`);
    if (b) bytes[i >>> 3] |= 0x80 >>> (i & 7);
  }
  return { bytes, bitLength: bits.length };
}

/** The bits of `coded` as a 0/1-per-entry array of length bitLength. */
export function codedBitsToBitArray(coded: CodedBits): Uint8Array {
  checkCodedBits(coded, 'codedBitsToBitArray');
  const out = new Uint8Array(coded.bitLength);
  for (let i = 0; i < out.length; i++) out[i] = (coded.bytes[i >>> 3] >>> (7 - (i & 7))) & 1;
  return out;
}
