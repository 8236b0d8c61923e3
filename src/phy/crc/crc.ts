/**
 * Generic table-driven CRC in the Rocksoft/Williams parameter model used by
 * the CRC catalogue of Greg Cook (reveng, https://reveng.sourceforge.io/crc-catalogue/):
 * width, poly (normal form, without the x^width term), init, refIn, refOut, xorOut.
 *
 * Widths 1..32 are supported; width 0 is the "no CRC" spec (`CRC_NONE`), which
 * appends nothing and always checks true, so a link can treat "no CRC" like any other.
 *
 * Bits travel as Uint8Array of 0/1 values. A bit array is read as bytes MSB-first:
 * bit i is bit (7 − i mod 8) of byte ⌊i/8⌋. For a non-reflected CRC (refIn = false)
 * the bit API processes any number of bits in array order (the polynomial division
 * of 3GPP TS 38.212 §5.1, a_0 being the highest-order coefficient). For a reflected
 * CRC (refIn = true) the division order inside a byte is LSB first, which is only
 * defined for whole bytes, so the bit API then needs a multiple of 8 bits.
 */
import { SemcomError } from '../../core/errors.js';

/** A CRC in the Rocksoft/Williams model (the CRC catalogue's parameters). */
export interface Crc {
  /** Catalogue name, e.g. "CRC-24/LTE-A". */
  readonly name: string;
  /** Number of CRC bits, 0..32 (0: no CRC). */
  readonly width: number;
  /** Generator polynomial in normal form without the leading x^width term. */
  readonly poly: number;
  /** Register value before the first bit. */
  readonly init: number;
  /** Whether each input byte is processed LSB first. */
  readonly refIn: boolean;
  /** Whether the final register is bit-reversed before the output XOR. */
  readonly refOut: boolean;
  /** XORed into the result. */
  readonly xorOut: number;
}

interface Engine {
  readonly table: Uint32Array;
  /** Register in the engine's domain: top-aligned in 32 bits (normal) or reflected in the low bits. */
  readonly init: number;
  /** Top-aligned poly (normal engine) or reflected poly (reflected engine). */
  readonly poly: number;
}

const engines = new WeakMap<Crc, Engine>();

function reflect(v: number, width: number): number {
  let r = 0;
  for (let i = 0; i < width; i++) {
    r = (r << 1) | ((v >>> i) & 1);
  }
  return r >>> 0;
}

function maskOf(width: number): number {
  return width === 32 ? 0xffffffff : 2 ** width - 1;
}

function validate(spec: Crc): void {
  const { width } = spec;
  if (!Number.isInteger(width) || width < 0 || width > 32) {
    throw new SemcomError('INVALID_ARGUMENT', `CRC "${spec.name}": width must be an integer in 0..32, got ${width}`);
  }
  const mask = maskOf(width);
  for (const key of ['poly', 'init', 'xorOut'] as const) {
    const v = spec[key];
    if (!Number.isInteger(v) || v < 0 || v > mask) {
      throw new SemcomError('INVALID_ARGUMENT', `CRC "${spec.name}": ${key} must be an integer in [0, 2^${width}), got ${v}`);
    }
  }
}

function engineOf(spec: Crc): Engine {
  let e = engines.get(spec);
  if (e) return e;
  validate(spec);
  const w = spec.width;
  const table = new Uint32Array(256);
  if (w === 0) {
    e = { table, init: 0, poly: 0 };
  } else if (spec.refIn) {
    // Reflected engine: register holds the reflected CRC in its low `w` bits.
    const rpoly = reflect(spec.poly, w);
    for (let b = 0; b < 256; b++) {
      let r = b;
      for (let k = 0; k < 8; k++) r = r & 1 ? (r >>> 1) ^ rpoly : r >>> 1;
      table[b] = r >>> 0;
    }
    e = { table, init: reflect(spec.init, w), poly: rpoly };
  } else {
    // Normal engine: register top-aligned in 32 bits so one table serves every width 1..32.
    const apoly = (spec.poly << (32 - w)) >>> 0;
    for (let b = 0; b < 256; b++) {
      let r = (b << 24) >>> 0;
      for (let k = 0; k < 8; k++) r = r & 0x80000000 ? ((r << 1) ^ apoly) >>> 0 : (r << 1) >>> 0;
      table[b] = r;
    }
    e = { table, init: w === 32 ? spec.init >>> 0 : (spec.init << (32 - w)) >>> 0, poly: apoly };
  }
  engines.set(spec, e);
  return e;
}

/** Turns the engine register into the catalogue's output value. */
function finish(spec: Crc, reg: number): number {
  const w = spec.width;
  if (w === 0) return 0;
  let v: number;
  if (spec.refIn) v = spec.refOut ? reg : reflect(reg, w);
  else {
    v = w === 32 ? reg : reg >>> (32 - w);
    if (spec.refOut) v = reflect(v, w);
  }
  return (v ^ spec.xorOut) >>> 0;
}

function updateBytes(spec: Crc, e: Engine, reg: number, bytes: Uint8Array): number {
  const t = e.table;
  if (spec.refIn) {
    for (let i = 0; i < bytes.length; i++) reg = t[(reg ^ bytes[i]) & 0xff] ^ (reg >>> 8);
  } else {
    for (let i = 0; i < bytes.length; i++) reg = t[((reg >>> 24) ^ bytes[i]) & 0xff] ^ (reg << 8);
  }
  return reg >>> 0;
}

/** The CRC of `bytes` as the catalogue defines it (the "check" value for the ASCII bytes "123456789"). */
export function computeCrc(spec: Crc, bytes: Uint8Array): number {
  const e = engineOf(spec);
  if (spec.width === 0) return 0;
  return finish(spec, updateBytes(spec, e, e.init, bytes));
}

function checkBits(bits: Uint8Array, start: number, end: number): void {
  let acc = 0;
  for (let i = start; i < end; i++) acc |= bits[i];
  if (acc > 1) throw new SemcomError('INVALID_ARGUMENT', 'bit arrays must hold only 0 and 1 values');
}

function crcOfBitRange(spec: Crc, bits: Uint8Array, n: number): number {
  const e = engineOf(spec);
  if (spec.width === 0) return 0;
  checkBits(bits, 0, n);
  const t = e.table;
  let reg = e.init;
  const whole = n - (n % 8);
  if (spec.refIn) {
    if (whole !== n) {
      throw new SemcomError(
        'LENGTH_MISMATCH',
        `${spec.name} is a reflected CRC; its bit API needs whole bytes (a multiple of 8 bits), got ${n} bits`,
      );
    }
    for (let i = 0; i < n; i += 8) {
      const byte =
        (bits[i] << 7) | (bits[i + 1] << 6) | (bits[i + 2] << 5) | (bits[i + 3] << 4) |
        (bits[i + 4] << 3) | (bits[i + 5] << 2) | (bits[i + 6] << 1) | bits[i + 7];
      reg = t[(reg ^ byte) & 0xff] ^ (reg >>> 8);
    }
    return finish(spec, reg >>> 0);
  }
  for (let i = 0; i < whole; i += 8) {
    const byte =
      (bits[i] << 7) | (bits[i + 1] << 6) | (bits[i + 2] << 5) | (bits[i + 3] << 4) |
      (bits[i + 4] << 3) | (bits[i + 5] << 2) | (bits[i + 6] << 1) | bits[i + 7];
    reg = t[((reg >>> 24) ^ byte) & 0xff] ^ (reg << 8);
  }
  // Trailing bits one at a time (long division, top-aligned register).
  reg >>>= 0;
  for (let i = whole; i < n; i++) {
    reg = (reg ^ (bits[i] << 31)) >>> 0;
    reg = reg & 0x80000000 ? ((reg << 1) ^ e.poly) >>> 0 : (reg << 1) >>> 0;
  }
  return finish(spec, reg);
}

/** The CRC of a bit array (0/1 values, MSB-first); equals `computeCrc` of the packed bytes. */
export function computeCrcBits(spec: Crc, bits: Uint8Array): number {
  return crcOfBitRange(spec, bits, bits.length);
}

/**
 * Writes the `width` CRC bits of value `crc` into `out[offset..offset+width)` in
 * transmission order: MSB first for normal CRCs (38.212 §5.1: p_0 is the
 * highest-order parity bit), and as little-endian bytes each MSB-first for
 * reflected-output CRCs (Ethernet order), so that the CRC over data + CRC
 * is the catalogue's residue in both cases.
 */
function writeCrcBits(spec: Crc, crc: number, out: Uint8Array, offset: number): void {
  const w = spec.width;
  if (spec.refOut) {
    for (let byte = 0; byte < w / 8; byte++) {
      const v = (crc >>> (8 * byte)) & 0xff;
      for (let b = 0; b < 8; b++) out[offset + 8 * byte + b] = (v >>> (7 - b)) & 1;
    }
  } else {
    for (let b = 0; b < w; b++) out[offset + b] = (crc >>> (w - 1 - b)) & 1;
  }
}

function readCrcBits(spec: Crc, bits: Uint8Array, offset: number): number {
  const w = spec.width;
  let v = 0;
  if (spec.refOut) {
    for (let byte = 0; byte < w / 8; byte++) {
      let x = 0;
      for (let b = 0; b < 8; b++) x = (x << 1) | bits[offset + 8 * byte + b];
      v += x * 2 ** (8 * byte);
    }
    return v >>> 0;
  }
  for (let b = 0; b < w; b++) v = v * 2 + bits[offset + b];
  return v >>> 0;
}

function checkRefOutWidth(spec: Crc): void {
  if (spec.refOut && spec.width % 8 !== 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${spec.name}: reflected-output CRCs are serialised as bytes; width must be a multiple of 8`);
  }
}

/**
 * Writes `payloadBits` followed by their CRC into `out`, whose length must be
 * payloadBits.length + spec.width (`out` may be the same buffer as the payload's
 * enclosing array, with the payload already in place).
 */
export function appendCrcBits(spec: Crc, payloadBits: Uint8Array, out: Uint8Array): void {
  engineOf(spec);
  checkRefOutWidth(spec);
  const n = payloadBits.length;
  if (out.length !== n + spec.width) {
    throw new SemcomError(
      'LENGTH_MISMATCH',
      `appendCrcBits: out must hold payload + ${spec.width} CRC bits = ${n + spec.width} bits, got ${out.length}`,
    );
  }
  const crc = crcOfBitRange(spec, payloadBits, n);
  if (out.buffer !== payloadBits.buffer || out.byteOffset !== payloadBits.byteOffset) out.set(payloadBits, 0);
  writeCrcBits(spec, crc, out, n);
}

/** Whether the last `spec.width` bits of `bitsWithCrc` are the CRC of the bits before them. */
export function checkCrcBits(spec: Crc, bitsWithCrc: Uint8Array): boolean {
  engineOf(spec);
  checkRefOutWidth(spec);
  const n = bitsWithCrc.length - spec.width;
  if (n < 0) {
    throw new SemcomError('LENGTH_MISMATCH', `checkCrcBits: ${bitsWithCrc.length} bits cannot hold a ${spec.width}-bit CRC`);
  }
  if (spec.width === 0) return true;
  checkBits(bitsWithCrc, n, bitsWithCrc.length);
  return crcOfBitRange(spec, bitsWithCrc, n) === readCrcBits(spec, bitsWithCrc, n);
}

/** Unpacks bytes into bits, MSB first (helper for tests and callers holding bytes). */
export function bytesToBits(bytes: Uint8Array, out: Uint8Array = new Uint8Array(bytes.length * 8)): Uint8Array {
  if (out.length !== bytes.length * 8) {
    throw new SemcomError('LENGTH_MISMATCH', `bytesToBits: out must hold ${bytes.length * 8} bits, got ${out.length}`);
  }
  for (let i = 0; i < bytes.length; i++) {
    const v = bytes[i];
    for (let b = 0; b < 8; b++) out[8 * i + b] = (v >>> (7 - b)) & 1;
  }
  return out;
}
