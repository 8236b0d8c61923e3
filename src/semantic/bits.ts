/**
 * Bit packing of quantizer codes, and the byte ↔ bit conversion that hands a
 * packet to the digital link. Bit order is MSB first everywhere, the convention
 * of src/phy (bit i of a bit array is bit 7 − i mod 8 of byte ⌊i/8⌋), so the
 * first bit on the channel is the most significant bit of the first byte.
 */
import { SemcomError } from '../core/errors.js';

// One implementation of bytes → bits for the whole project: the CRC module's.
export { bytesToBits } from '../phy/crc/index.js';

function checkBitsEach(bitsEach: number, who: string): void {
  if (!Number.isInteger(bitsEach) || bitsEach < 1 || bitsEach > 32) {
    throw new SemcomError('INVALID_ARGUMENT', `${who}: bitsEach must be an integer in 1..32, got ${bitsEach}`);
  }
}

/** Bytes that `count` codes of `bitsEach` bits take when packed: ⌈count·bitsEach/8⌉. */
export function packedByteLength(count: number, bitsEach: number): number {
  return Math.ceil((count * bitsEach) / 8);
}

/**
 * Packs unsigned integers of `bitsEach` bits (1..32) each, MSB first, back to
 * back, into ⌈n·bitsEach/8⌉ bytes; the unused low bits of the last byte are 0.
 * Throws INVALID_ARGUMENT for a code that is not an integer in 0..2^bitsEach−1.
 */
export function packBits(codes: ArrayLike<number>, bitsEach: number): Uint8Array {
  checkBitsEach(bitsEach, 'packBits');
  const limit = 2 ** bitsEach;
  const out = new Uint8Array(packedByteLength(codes.length, bitsEach));
  let bitPos = 0; // absolute bit index into out
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (!Number.isInteger(code) || code < 0 || code >= limit) {
      throw new SemcomError('INVALID_ARGUMENT', `packBits: codes[${i}] = ${code} is not an integer in 0..${limit - 1}`);
    }
    let remaining = bitsEach;
    while (remaining > 0) {
      const free = 8 - (bitPos & 7);
      const take = Math.min(free, remaining);
      // Top `take` of the `remaining` low bits of code; arithmetic, not shifts, so 32-bit codes stay unsigned.
      const chunk = Math.floor(code / 2 ** (remaining - take)) % (1 << take);
      out[bitPos >>> 3] |= chunk << (free - take);
      bitPos += take;
      remaining -= take;
    }
  }
  return out;
}

/**
 * Reads `count` unsigned integers of `bitsEach` bits (1..32) each, MSB first,
 * from `bytes` (the inverse of {@link packBits}; bits after the last code are
 * ignored). Writes them into `out` when given (its length must be `count`;
 * a Uint16Array suffices for bitsEach ≤ 16), else into a new Uint32Array.
 * The length of `bytes` is checked before anything is allocated.
 */
export function unpackBits<T extends Uint8Array | Uint16Array | Uint32Array = Uint32Array>(
  bytes: Uint8Array,
  bitsEach: number,
  count: number,
  out?: T,
): T {
  checkBitsEach(bitsEach, 'unpackBits');
  if (!Number.isInteger(count) || count < 0) {
    throw new SemcomError('INVALID_ARGUMENT', `unpackBits: count must be a non-negative integer, got ${count}`);
  }
  const need = packedByteLength(count, bitsEach);
  if (bytes.length < need) {
    throw new SemcomError('LENGTH_MISMATCH', `unpackBits: ${count} codes of ${bitsEach} bits need ${need} bytes, got ${bytes.length}`);
  }
  if (out !== undefined && out.length !== count) {
    throw new SemcomError('LENGTH_MISMATCH', `unpackBits: out has ${out.length} entries, count is ${count}`);
  }
  const maxOut = out instanceof Uint8Array ? 8 : out instanceof Uint16Array ? 16 : 32;
  if (bitsEach > maxOut) {
    throw new SemcomError('INVALID_ARGUMENT', `unpackBits: a ${maxOut}-bit out array cannot hold ${bitsEach}-bit codes`);
  }
  const result = (out ?? new Uint32Array(count)) as T;
  let bitPos = 0;
  for (let i = 0; i < count; i++) {
    let code = 0;
    let remaining = bitsEach;
    while (remaining > 0) {
      const used = bitPos & 7;
      const take = Math.min(8 - used, remaining);
      const chunk = (bytes[bitPos >>> 3] >>> (8 - used - take)) & ((1 << take) - 1);
      code = code * (1 << take) + chunk;
      bitPos += take;
      remaining -= take;
    }
    result[i] = code;
  }
  return result;
}

/**
 * Packs a bit array (Uint8Array of 0/1, MSB first within each byte; the
 * inverse of `bytesToBits`) into bytes. The number of bits must be a multiple
 * of 8 (LENGTH_MISMATCH otherwise) and every entry 0 or 1 (INVALID_ARGUMENT).
 */
export function bitsToBytes(bits: Uint8Array, out: Uint8Array = new Uint8Array(bits.length >>> 3)): Uint8Array {
  if (bits.length % 8 !== 0) {
    throw new SemcomError('LENGTH_MISMATCH', `bitsToBytes: ${bits.length} bits is not a whole number of bytes`);
  }
  if (out.length !== bits.length / 8) {
    throw new SemcomError('LENGTH_MISMATCH', `bitsToBytes: out must hold ${bits.length / 8} bytes, got ${out.length}`);
  }
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (let b = 0; b < 8; b++) {
      const bit = bits[8 * i + b];
      if (bit > 1) throw new SemcomError('INVALID_ARGUMENT', `bitsToBytes: bits[${8 * i + b}] = ${bit}, expected 0 or 1`);
      v = (v << 1) | bit;
    }
    out[i] = v;
  }
  return out;
}
