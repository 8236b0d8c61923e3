/**
 * Unsigned LEB128 varints (7 bits per byte, least significant group first, high
 * bit = "more bytes follow"), as in DWARF, WebAssembly and protobuf. Values are
 * limited to 0..2^32−1 (at most 5 bytes) and must be canonical: the last byte of
 * a multi-byte varint is never 0x00, so each value has exactly one encoding and
 * a decoded packet re-encodes to the same bytes.
 */
import { SemcomError } from '../core/errors.js';
import { PacketError } from './errors.js';

/** Largest value a varint of this format carries. */
export const MAX_VARINT = 0xffffffff;

function checkValue(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_VARINT) {
    throw new SemcomError('INVALID_ARGUMENT', `varint: value must be an integer in 0..2^32−1, got ${value}`);
  }
}

/** Bytes that `value` takes as a varint (1..5). */
export function varintSize(value: number): number {
  checkValue(value);
  let n = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    n++;
  }
  return n;
}

/** Writes `value` at `offset` of `out` (which must have room) and returns the offset after it. */
export function writeVarint(value: number, out: Uint8Array, offset: number): number {
  checkValue(value);
  // Division instead of >>> so that values ≥ 2^31 stay positive.
  while (value >= 128) {
    out[offset++] = (value % 128) | 0x80;
    value = Math.floor(value / 128);
  }
  out[offset++] = value;
  return offset;
}

/** `value` as a varint. */
export function encodeVarint(value: number): Uint8Array {
  const out = new Uint8Array(varintSize(value));
  writeVarint(value, out, 0);
  return out;
}

/**
 * Reads a canonical varint starting at `offset`, using no byte at or after `end`.
 * Returns the value and the offset after it; throws `PacketError` (reason
 * 'varint' or 'truncated') naming `what` and the offset otherwise.
 */
export function readVarint(bytes: Uint8Array, offset: number, end: number, what: string): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    const at = offset + i;
    if (at >= end) {
      throw new PacketError('truncated', at, `${what}: varint runs past the end of its region (byte ${end})`);
    }
    const b = bytes[at];
    if (i === 4 && b > 0x0f) {
      throw new PacketError('varint', at, `${what}: varint exceeds 2^32−1 (5th byte 0x${b.toString(16).padStart(2, '0')})`);
    }
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) {
      if (b === 0 && i > 0) {
        throw new PacketError('varint', at, `${what}: overlong varint (a trailing 0x00 byte); each value has one encoding`);
      }
      return { value, next: at + 1 };
    }
    scale *= 128;
  }
  // Unreachable: the 5th byte is ≤ 0x0f, so its continuation bit is clear.
  throw new PacketError('varint', offset, `${what}: unterminated varint`);
}
