/**
 * A growable bit buffer, MSB first within each byte (bit i is bit 7 − i mod 8
 * of byte ⌊i/8⌋, the convention of src/phy and src/semantic/bits.ts), whose
 * length is known to the bit.
 */

/** A bit string: packed bytes (MSB first) and its exact length in bits. Bits of `bytes` at or after `bitLength` are 0. */
export interface CodedBits {
  readonly bytes: Uint8Array;
  readonly bitLength: number;
}

/** Appends bits to a buffer that doubles when full (no allocation per bit). */
export class BitWriter {
  private buf: Uint8Array;
  private length = 0;

  constructor(initialBytes = 64) {
    this.buf = new Uint8Array(Math.max(1, initialBytes | 0));
  }

  /** Bits written so far. */
  get bitLength(): number {
    return this.length;
  }

  /** Appends one bit (0 or any non-zero value for 1). */
  writeBit(bit: number): void {
    const byte = this.length >>> 3;
    if (byte >= this.buf.length) this.grow();
    if (bit) this.buf[byte] |= 0x80 >>> (this.length & 7);
    this.length++;
  }

  /** Appends `count` copies of `bit`. */
  writeRepeated(bit: number, count: number): void {
    for (let i = 0; i < count; i++) this.writeBit(bit);
  }

  /**
   * Drops trailing zero bits, so the buffer ends with its last 1 bit (or is
   * empty). A reader that reads zeros past the end sees the same bits.
   */
  trimTrailingZeros(): void {
    let n = this.length;
    while (n > 0 && (this.buf[(n - 1) >>> 3] & (0x80 >>> ((n - 1) & 7))) === 0) n--;
    this.length = n;
  }

  /** The bits written so far, copied into a buffer of ⌈bitLength/8⌉ bytes. */
  toCodedBits(): CodedBits {
    return { bytes: this.buf.slice(0, (this.length + 7) >>> 3), bitLength: this.length };
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}
