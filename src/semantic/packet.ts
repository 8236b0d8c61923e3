/**
 * Encoder and strict decoder of the semantic packet, wire-format version 1.
 * The layout (see ./README.md for the full description):
 *
 * ```
 * byte 0   vvv c ttt p   version (3 bits, 1), CRC-32 flag, content type (3 bits), even parity of byte 0
 * byte 1   ssss nnnn     scheme id (15: extended), field count (15: extended)
 * [varint scheme − 15]   only when ssss = 15
 * [varint count − 15]    only when nnnn = 15
 * varint   L             bytes that follow this varint: the fields and the CRC
 * fields   tag [length] value …
 * CRC      CRC-16/CCITT-FALSE big-endian (c = 0) or CRC-32 little-endian (c = 1), over everything before it
 * ```
 *
 * Tag byte of a field: bit 7 critical, bit 6 length-prefixed, bits 5..0 type id.
 *
 * The decoder checks byte 0's parity, the version and the declared length before
 * the CRC, then the CRC over the fixed span [0, n − w) before it interprets any
 * field. Byte 0 decides the CRC width w, hence its parity bit; the length must
 * match the bytes present exactly. Together these make every single-bit error
 * detected, whichever bit it hits: a flip in byte 0 breaks the parity, a flip in
 * the header varints changes the declared length or leaves the CRC span unchanged,
 * and CRC-16/32 detect every single-bit error in a fixed span.
 */
import { SemcomError } from '../core/errors.js';
import { crc16Ccitt, crc32 } from '../phy/crc/index.js';
import { packBits, packedByteLength, unpackBits } from './bits.js';
import { PacketError } from './errors.js';
import { isPresetRangeId } from './quantizer.js';
import {
  FIELD_TYPE_IDS,
  MAX_CONTENT_TYPE,
  MAX_FIELDS,
  MAX_PACKET_BYTES,
  MAX_SCHEME_ID,
  PACKET_VERSION,
  type Field,
  type FieldKind,
  type PacketCrc,
  type QuantizerRange,
  type SemanticPacket,
} from './types.js';
import { findInvalidUtf8, isWellFormedString } from './utf8.js';
import { MAX_VARINT, readVarint, varintSize, writeVarint } from './varint.js';

const TAG_CRITICAL = 0x80;
const TAG_LENGTH_PREFIXED = 0x40;
const TAG_ID_MASK = 0x3f;
/** Inline values of the 4-bit scheme and field-count nibbles; 15 escapes to a varint. */
const NIBBLE_ESCAPE = 15;

type KnownKind = Exclude<FieldKind, 'unknown'>;

/** Whether each version-1 type carries a length prefix. label is one varint and quantizedLatent describes its own size, so they need none. */
const LENGTH_PREFIXED: Readonly<Record<KnownKind, boolean>> = {
  label: false,
  labels: true,
  quantizedLatent: false,
  keywords: true,
  text: true,
  floats: true,
  bytes: true,
  // Runs to the end of the fields (it must be the last field).
  code: false,
};

const KIND_OF_ID = new Map<number, KnownKind>(Object.entries(FIELD_TYPE_IDS).map(([k, id]) => [id, k as KnownKind]));

const CRC_WIDTH_BYTES: Readonly<Record<PacketCrc, number>> = { crc16: 2, crc32: 4 };

// Float32 values travel little-endian; copying bytes (not numbers) keeps NaN payloads intact.
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function invalid(what: string): SemcomError {
  return new SemcomError('INVALID_ARGUMENT', `encodePacket: ${what}`);
}

function parity(byte: number): number {
  let p = 0;
  for (let v = byte; v !== 0; v &= v - 1) p ^= 1;
  return p;
}

function isUint32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_VARINT;
}

function float32Bytes(values: Float32Array): Uint8Array {
  const src = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(src);
  if (!HOST_LITTLE_ENDIAN) swap4(out);
  return out;
}

function swap4(b: Uint8Array): void {
  for (let i = 0; i + 3 < b.length; i += 4) {
    [b[i], b[i + 1], b[i + 2], b[i + 3]] = [b[i + 3], b[i + 2], b[i + 1], b[i]];
  }
}

// ---------------------------------------------------------------- encoding

/** Value bytes of a list of varints. */
function varintList(values: readonly number[], what: string): Uint8Array {
  if (!Array.isArray(values)) throw invalid(`${what} must be an array of integers`);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    if (!isUint32(values[i])) throw invalid(`${what}[${i}] = ${String(values[i])} is not an integer in 0..2^32−1`);
    size += varintSize(values[i]);
    if (size > MAX_PACKET_BYTES) throw new SemcomError('PAYLOAD_TOO_LARGE', `encodePacket: ${what} exceeds the ${MAX_PACKET_BYTES}-byte packet cap`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const v of values) at = writeVarint(v, out, at);
  return out;
}

function checkRange(range: QuantizerRange, where: string): { id: number; lo: number; hi: number } {
  if (range === null || typeof range !== 'object') throw invalid(`${where}.range must be { kind: 'preset', id } or { kind: 'explicit', lo, hi }`);
  if (range.kind === 'preset') {
    if (!isPresetRangeId(range.id)) throw invalid(`${where}.range: unknown preset id ${String(range.id)}`);
    return { id: range.id, lo: 0, hi: 0 };
  }
  if (range.kind === 'explicit') {
    const lo = Math.fround(range.lo);
    const hi = Math.fround(range.hi);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw invalid(`${where}.range: explicit bounds must be finite float32 values with lo < hi, got [${range.lo}, ${range.hi}]`);
    }
    return { id: 0, lo, hi };
  }
  throw invalid(`${where}.range.kind must be 'preset' or 'explicit'`);
}

/** The value bytes of one field (without tag and length prefix) and its type id. */
function fieldValue(field: Field, where: string): { typeId: number; value: Uint8Array } {
  if (field === null || typeof field !== 'object') throw invalid(`${where} is not a field object`);
  switch (field.kind) {
    case 'label': {
      if (!isUint32(field.classId)) throw invalid(`${where}.classId = ${String(field.classId)} is not an integer in 0..2^32−1`);
      const value = new Uint8Array(varintSize(field.classId));
      writeVarint(field.classId, value, 0);
      return { typeId: FIELD_TYPE_IDS.label, value };
    }
    case 'labels':
      return { typeId: FIELD_TYPE_IDS.labels, value: varintList(field.classIds, `${where}.classIds`) };
    case 'keywords':
      return { typeId: FIELD_TYPE_IDS.keywords, value: varintList(field.indices, `${where}.indices`) };
    case 'quantizedLatent': {
      const { bits, codes } = field;
      if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw invalid(`${where}.bits must be an integer in 1..16, got ${String(bits)}`);
      if (codes === null || typeof codes !== 'object' || typeof codes.length !== 'number') throw invalid(`${where}.codes must be a Uint16Array`);
      if (codes.length < 1) throw invalid(`${where}.codes must hold at least one dimension`);
      if (packedByteLength(codes.length, bits) > MAX_PACKET_BYTES) {
        throw new SemcomError('PAYLOAD_TOO_LARGE', `encodePacket: ${where} (${codes.length} × ${bits} bits) exceeds the ${MAX_PACKET_BYTES}-byte packet cap`);
      }
      const { id, lo, hi } = checkRange(field.range, where);
      let packed: Uint8Array;
      try {
        packed = packBits(codes, bits);
      } catch (e) {
        throw invalid(`${where}.codes: ${(e as Error).message}`);
      }
      const dimsSize = varintSize(codes.length);
      const explicitSize = id === 0 ? 8 : 0;
      const value = new Uint8Array(dimsSize + 1 + explicitSize + packed.length);
      let at = writeVarint(codes.length, value, 0);
      value[at++] = ((bits - 1) << 4) | id;
      if (id === 0) {
        const dv = new DataView(value.buffer);
        dv.setFloat32(at, lo, true);
        dv.setFloat32(at + 4, hi, true);
        at += 8;
      }
      value.set(packed, at);
      return { typeId: FIELD_TYPE_IDS.quantizedLatent, value };
    }
    case 'text': {
      if (typeof field.text !== 'string') throw invalid(`${where}.text must be a string`);
      if (field.text.length > MAX_PACKET_BYTES) throw new SemcomError('PAYLOAD_TOO_LARGE', `encodePacket: ${where}.text exceeds the ${MAX_PACKET_BYTES}-byte packet cap`);
      // A lone surrogate would silently become U+FFFD; refuse instead of changing the text.
      if (!isWellFormedString(field.text)) throw invalid(`${where}.text has a lone surrogate and cannot be encoded as UTF-8`);
      return { typeId: FIELD_TYPE_IDS.text, value: new TextEncoder().encode(field.text) };
    }
    case 'floats': {
      if (!(field.values instanceof Float32Array)) throw invalid(`${where}.values must be a Float32Array`);
      return { typeId: FIELD_TYPE_IDS.floats, value: float32Bytes(field.values) };
    }
    case 'bytes': {
      if (!(field.data instanceof Uint8Array)) throw invalid(`${where}.data must be a Uint8Array`);
      return { typeId: FIELD_TYPE_IDS.bytes, value: field.data };
    }
    case 'code': {
      if (!(field.data instanceof Uint8Array) || field.data.length === 0) throw invalid(`${where}.data must be a non-empty Uint8Array`);
      return { typeId: FIELD_TYPE_IDS.code, value: field.data };
    }
    case 'unknown': {
      const { typeId } = field;
      if (!Number.isInteger(typeId) || typeId < 1 || typeId > TAG_ID_MASK || KIND_OF_ID.has(typeId)) {
        throw invalid(`${where}.typeId must be an integer in 1..63 that version ${PACKET_VERSION} does not define, got ${String(typeId)}`);
      }
      if (!(field.data instanceof Uint8Array)) throw invalid(`${where}.data must be a Uint8Array`);
      return { typeId, value: field.data };
    }
    default:
      throw invalid(`${where}.kind ${JSON.stringify((field as { kind?: unknown }).kind)} is not a field kind`);
  }
}

/**
 * Encodes a semantic packet (wire-format version 1). Throws INVALID_ARGUMENT
 * for a value the format cannot carry (naming the field), PAYLOAD_TOO_LARGE
 * above {@link MAX_PACKET_BYTES} bytes or {@link MAX_FIELDS} fields.
 * Explicit quantizer bounds are rounded to float32.
 */
export function encodePacket(packet: SemanticPacket): Uint8Array {
  if (packet === null || typeof packet !== 'object') throw invalid('packet must be an object');
  const { version, scheme, contentType, fields } = packet;
  const crc = packet.crc ?? 'crc16';
  if (version !== PACKET_VERSION) throw invalid(`version must be ${PACKET_VERSION}, got ${String(version)}`);
  if (!Number.isInteger(scheme) || scheme < 0 || scheme > MAX_SCHEME_ID) throw invalid(`scheme must be an integer in 0..${MAX_SCHEME_ID}, got ${String(scheme)}`);
  if (!Number.isInteger(contentType) || contentType < 0 || contentType > MAX_CONTENT_TYPE) {
    throw invalid(`contentType must be an integer in 0..${MAX_CONTENT_TYPE}, got ${String(contentType)}`);
  }
  if (crc !== 'crc16' && crc !== 'crc32') throw invalid(`crc must be 'crc16' or 'crc32', got ${String(crc)}`);
  if (!Array.isArray(fields)) throw invalid('fields must be an array');
  if (fields.length > MAX_FIELDS) throw new SemcomError('PAYLOAD_TOO_LARGE', `encodePacket: ${fields.length} fields, at most ${MAX_FIELDS}`);

  const parts: { tag: number; prefixed: boolean; value: Uint8Array }[] = [];
  let fieldBytes = 0;
  for (let i = 0; i < fields.length; i++) {
    const f: Field = fields[i];
    const { typeId, value } = fieldValue(f, `fields[${i}]`);
    if (f.kind === 'code' && i !== fields.length - 1) throw invalid(`fields[${i}] (code) runs to the end of the fields, so it must be the last field`);
    const prefixed = f.kind === 'unknown' ? true : LENGTH_PREFIXED[f.kind];
    // Version-1 types are known to every version-1 decoder, so they are never marked critical.
    const tag = (prefixed ? TAG_LENGTH_PREFIXED : 0) | typeId;
    parts.push({ tag, prefixed, value });
    fieldBytes += 1 + (prefixed ? varintSize(value.length) : 0) + value.length;
    if (fieldBytes > MAX_PACKET_BYTES) throw new SemcomError('PAYLOAD_TOO_LARGE', `encodePacket: fields exceed the ${MAX_PACKET_BYTES}-byte packet cap`);
  }

  const crcBytes = CRC_WIDTH_BYTES[crc];
  const remaining = fieldBytes + crcBytes;
  const schemeExt = scheme >= NIBBLE_ESCAPE;
  const countExt = fields.length >= NIBBLE_ESCAPE;
  const headerSize =
    2 + (schemeExt ? varintSize(scheme - NIBBLE_ESCAPE) : 0) + (countExt ? varintSize(fields.length - NIBBLE_ESCAPE) : 0) + varintSize(remaining);
  const total = headerSize + remaining;
  if (total > MAX_PACKET_BYTES) throw new SemcomError('PAYLOAD_TOO_LARGE', `encodePacket: packet of ${total} bytes exceeds the ${MAX_PACKET_BYTES}-byte cap`);

  const out = new Uint8Array(total);
  const b0 = (PACKET_VERSION << 5) | (crc === 'crc32' ? 0x10 : 0) | (contentType << 1);
  out[0] = b0 | parity(b0);
  out[1] = (Math.min(scheme, NIBBLE_ESCAPE) << 4) | Math.min(fields.length, NIBBLE_ESCAPE);
  let at = 2;
  if (schemeExt) at = writeVarint(scheme - NIBBLE_ESCAPE, out, at);
  if (countExt) at = writeVarint(fields.length - NIBBLE_ESCAPE, out, at);
  at = writeVarint(remaining, out, at);
  for (const p of parts) {
    out[at++] = p.tag;
    if (p.prefixed) at = writeVarint(p.value.length, out, at);
    out.set(p.value, at);
    at += p.value.length;
  }
  writeCrc(crc, out, at);
  return out;
}

/**
 * Writes the CRC of out[0, at) at `at`, in the byte order src/phy appends it
 * (CRC-16 MSB first; reflected CRC-32 least significant byte first), so that
 * the CRC over the whole packet is the catalogue residue.
 */
function writeCrc(crc: PacketCrc, out: Uint8Array, at: number): void {
  const body = out.subarray(0, at);
  if (crc === 'crc16') {
    const c = crc16Ccitt(body);
    out[at] = c >>> 8;
    out[at + 1] = c & 0xff;
  } else {
    const c = crc32(body);
    for (let k = 0; k < 4; k++) out[at + k] = (c >>> (8 * k)) & 0xff;
  }
}

function readCrc(crc: PacketCrc, bytes: Uint8Array, at: number): number {
  if (crc === 'crc16') return (bytes[at] << 8) | bytes[at + 1];
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** Bits that `packet` takes on the link (8 × its encoded length). */
export function packetBits(packet: SemanticPacket): number {
  return encodePacket(packet).length * 8;
}

// ---------------------------------------------------------------- decoding

interface Header {
  scheme: number;
  contentType: number;
  crc: PacketCrc;
  fieldCount: number;
  /** Offset of the first field. */
  fieldsStart: number;
  /** Declared total packet length in bytes. */
  total: number;
}

function readHeader(bytes: Uint8Array): Header {
  const n = bytes.length;
  if (n === 0) throw new PacketError('truncated', 0, 'empty input, a packet has at least 5 bytes');
  const b0 = bytes[0];
  if (parity(b0) !== 0) throw new PacketError('header-parity', 0, `byte 0 (0x${b0.toString(16).padStart(2, '0')}) fails its parity check: a bit error in the header`);
  const version = b0 >>> 5;
  if (version !== PACKET_VERSION) throw new PacketError('version', 0, `version ${version}; this decoder reads version ${PACKET_VERSION}`);
  const crc: PacketCrc = b0 & 0x10 ? 'crc32' : 'crc16';
  const contentType = (b0 >>> 1) & 7;
  if (n < 2) throw new PacketError('truncated', 1, 'input ends inside the header');
  const b1 = bytes[1];
  let scheme = b1 >>> 4;
  let fieldCount = b1 & 0x0f;
  let at = 2;
  if (scheme === NIBBLE_ESCAPE) {
    const r = readVarint(bytes, at, n, 'extended scheme id');
    if (r.value > MAX_SCHEME_ID - NIBBLE_ESCAPE) throw new PacketError('limit', at, `scheme id ${r.value + NIBBLE_ESCAPE} exceeds ${MAX_SCHEME_ID}`);
    scheme += r.value;
    at = r.next;
  }
  if (fieldCount === NIBBLE_ESCAPE) {
    const r = readVarint(bytes, at, n, 'extended field count');
    if (r.value > MAX_FIELDS - NIBBLE_ESCAPE) throw new PacketError('limit', at, `field count ${r.value + NIBBLE_ESCAPE} exceeds the cap of ${MAX_FIELDS}`);
    fieldCount += r.value;
    at = r.next;
  }
  const lengthAt = at;
  const r = readVarint(bytes, at, n, 'packet length');
  if (r.value > MAX_PACKET_BYTES - r.next) {
    throw new PacketError('limit', lengthAt, `declared length ${r.value} makes the packet exceed the ${MAX_PACKET_BYTES}-byte cap`);
  }
  const width = CRC_WIDTH_BYTES[crc];
  if (r.value < width) throw new PacketError('length', lengthAt, `declared length ${r.value} cannot hold the ${width}-byte ${crc.toUpperCase()}`);
  return { scheme, contentType, crc, fieldCount, fieldsStart: r.next, total: r.next + r.value };
}

/**
 * The total length in bytes that the packet starting at `bytes[0]` declares, read
 * from its header alone (nothing else is checked). Use it to cut a packet out of
 * a longer buffer, e.g. a transport block padded to the code's size, before
 * {@link decodePacket}. Throws `PacketError` if the header itself is malformed.
 */
export function packetLength(bytes: Uint8Array): number {
  if (!(bytes instanceof Uint8Array)) throw new SemcomError('INVALID_ARGUMENT', 'packetLength: bytes must be a Uint8Array');
  return readHeader(bytes).total;
}

/**
 * Decodes a semantic packet, strictly: `bytes` must be exactly one packet of
 * wire-format version 1 (cut padding off first with {@link packetLength}). Any
 * other input throws a {@link PacketError} (code MALFORMED_PACKET) naming the
 * byte offset and what was wrong; no partial packet is returned. Sizes are
 * checked against the bytes present before anything is allocated, and the
 * input may be at most {@link MAX_PACKET_BYTES} bytes. The decoded arrays are
 * copies, never views of `bytes`. A packet that decodes re-encodes to the same bytes.
 */
export function decodePacket(bytes: Uint8Array): SemanticPacket {
  if (!(bytes instanceof Uint8Array)) throw new SemcomError('INVALID_ARGUMENT', 'decodePacket: bytes must be a Uint8Array');
  try {
    return decodeStrict(bytes);
  } catch (e) {
    if (e instanceof SemcomError) throw e;
    // A safety net: no other exception type may escape the decoder.
    throw new SemcomError('INTERNAL', `decodePacket: unexpected ${(e as Error)?.name ?? 'error'} (${String((e as Error)?.message ?? e)}); please report it`, { cause: e });
  }
}

function decodeStrict(bytes: Uint8Array): SemanticPacket {
  const n = bytes.length;
  if (n > MAX_PACKET_BYTES) throw new PacketError('limit', MAX_PACKET_BYTES, `input of ${n} bytes exceeds the ${MAX_PACKET_BYTES}-byte packet cap`);
  const h = readHeader(bytes);
  if (h.total > n) {
    throw new PacketError('truncated', n, `the header declares ${h.total} bytes, only ${n} are present (truncated packet)`);
  }
  if (h.total < n) {
    throw new PacketError('length', h.total, `the header declares ${h.total} bytes, ${n - h.total} more follow (cut padding off with packetLength)`);
  }
  const crcAt = n - CRC_WIDTH_BYTES[h.crc];
  const body = bytes.subarray(0, crcAt);
  const computed = h.crc === 'crc16' ? crc16Ccitt(body) : crc32(body);
  const stored = readCrc(h.crc, bytes, crcAt);
  if (computed !== stored) {
    const hex = (v: number): string => `0x${v.toString(16).padStart(CRC_WIDTH_BYTES[h.crc] * 2, '0')}`;
    throw new PacketError('crc', crcAt, `${h.crc.toUpperCase()} mismatch (stored ${hex(stored)}, computed ${hex(computed)}): the packet was corrupted`);
  }

  const fields: Field[] = [];
  let at = h.fieldsStart;
  while (at < crcAt) {
    if (fields.length === h.fieldCount) {
      throw new PacketError('field-count', at, `the header declares ${h.fieldCount} fields, but more bytes follow the last one`);
    }
    const r = readField(bytes, at, crcAt, fields.length);
    fields.push(r.field);
    at = r.next;
  }
  if (fields.length !== h.fieldCount) {
    throw new PacketError('field-count', crcAt, `the header declares ${h.fieldCount} fields, the packet holds ${fields.length}`);
  }
  return { version: PACKET_VERSION, scheme: h.scheme, contentType: h.contentType, crc: h.crc, fields };
}

/** Reads the field whose tag is at `at`; nothing at or after `end` is read. */
function readField(bytes: Uint8Array, at: number, end: number, index: number): { field: Field; next: number } {
  const tagAt = at;
  const tag = bytes[at++];
  const id = tag & TAG_ID_MASK;
  const critical = (tag & TAG_CRITICAL) !== 0;
  const prefixed = (tag & TAG_LENGTH_PREFIXED) !== 0;
  const name = `field ${index}`;
  if (id === 0) throw new PacketError('field', tagAt, `${name}: type id 0 is reserved`);
  const kind = KIND_OF_ID.get(id);
  if (kind === undefined) {
    if (critical) throw new PacketError('unknown-critical', tagAt, `${name}: type ${id} is unknown to version ${PACKET_VERSION} and marked critical`);
    if (!prefixed) throw new PacketError('field', tagAt, `${name}: type ${id} is unknown and has no length prefix, so it cannot be skipped`);
  } else {
    if (critical) throw new PacketError('field', tagAt, `${name} (${kind}): version-${PACKET_VERSION} types are sent with the critical bit clear`);
    if (prefixed !== LENGTH_PREFIXED[kind]) {
      throw new PacketError('field', tagAt, `${name} (${kind}): length-prefix bit is ${prefixed ? 'set' : 'clear'}, the type's framing has it ${prefixed ? 'clear' : 'set'}`);
    }
  }
  const label = kind ? `${name} (${kind})` : `${name} (unknown type ${id})`;

  if (!prefixed) {
    if (kind === 'label') {
      const r = readVarint(bytes, at, end, `${label} class id`);
      return { field: { kind: 'label', classId: r.value }, next: r.next };
    }
    if (kind === 'code') {
      if (at >= end) throw new PacketError('truncated', at, `${label}: a code needs at least one byte before the CRC`);
      return { field: { kind: 'code', data: new Uint8Array(bytes.subarray(at, end)) }, next: end };
    }
    return readLatent(bytes, at, end, label);
  }

  const lengthAt = at;
  const r = readVarint(bytes, at, end, `${label} length`);
  const start = r.next;
  if (r.value > end - start) {
    throw new PacketError('truncated', lengthAt, `${label}: length ${r.value} runs past the end of the fields (byte ${end})`);
  }
  const stop = start + r.value;
  const copy = (): Uint8Array => new Uint8Array(bytes.subarray(start, stop));
  switch (kind) {
    case undefined:
      return { field: { kind: 'unknown', typeId: id, data: copy() }, next: stop };
    case 'labels':
      return { field: { kind: 'labels', classIds: readVarintList(bytes, start, stop, `${label} class id`) }, next: stop };
    case 'keywords':
      return { field: { kind: 'keywords', indices: readVarintList(bytes, start, stop, `${label} index`) }, next: stop };
    case 'text': {
      const bad = findInvalidUtf8(bytes, start, stop);
      if (bad) throw new PacketError('field', bad.offset, `${label}: invalid UTF-8: ${bad.what}`);
      // ignoreBOM: keep a leading U+FEFF, which is part of the text that was sent.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, stop));
      return { field: { kind: 'text', text }, next: stop };
    }
    case 'floats': {
      if (r.value % 4 !== 0) throw new PacketError('field', lengthAt, `${label}: length ${r.value} is not a multiple of 4 (float32 values)`);
      const raw = copy();
      if (!HOST_LITTLE_ENDIAN) swap4(raw);
      return { field: { kind: 'floats', values: new Float32Array(raw.buffer) }, next: stop };
    }
    case 'bytes':
      return { field: { kind: 'bytes', data: copy() }, next: stop };
    default:
      // label and quantizedLatent are not length-prefixed, which the tag check above enforced.
      throw new SemcomError('INTERNAL', `decodePacket: no length-prefixed reader for ${kind}`);
  }
}

function readVarintList(bytes: Uint8Array, start: number, stop: number, what: string): number[] {
  const out: number[] = [];
  let at = start;
  while (at < stop) {
    const r = readVarint(bytes, at, stop, `${what} ${out.length}`);
    out.push(r.value);
    at = r.next;
  }
  return out;
}

function readLatent(bytes: Uint8Array, at: number, end: number, label: string): { field: Field; next: number } {
  const dimsAt = at;
  const d = readVarint(bytes, at, end, `${label} dimension count`);
  const dims = d.value;
  if (dims === 0) throw new PacketError('field', dimsAt, `${label}: zero dimensions`);
  at = d.next;
  if (at >= end) throw new PacketError('truncated', at, `${label}: missing the bits/range byte`);
  const shape = bytes[at];
  const bits = (shape >>> 4) + 1;
  const rangeId = shape & 0x0f;
  const shapeAt = at++;
  let range: QuantizerRange;
  if (rangeId === 0) {
    if (end - at < 8) throw new PacketError('truncated', at, `${label}: the explicit range needs 8 bytes, ${end - at} remain`);
    const raw = new Uint8Array(bytes.subarray(at, at + 8));
    const dv = new DataView(raw.buffer);
    const lo = dv.getFloat32(0, true);
    const hi = dv.getFloat32(4, true);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new PacketError('field', at, `${label}: explicit range [${lo}, ${hi}] is not finite with lo < hi`);
    }
    range = { kind: 'explicit', lo, hi };
    at += 8;
  } else {
    if (!isPresetRangeId(rangeId)) throw new PacketError('field', shapeAt, `${label}: quantizer range preset ${rangeId} is not defined`);
    range = { kind: 'preset', id: rangeId };
  }
  const need = packedByteLength(dims, bits);
  // Checked before allocating: a hostile dimension count cannot make us allocate more than the packet holds.
  if (need > end - at) {
    throw new PacketError('truncated', dimsAt, `${label}: ${dims} dimensions × ${bits} bits need ${need} bytes, ${end - at} remain`);
  }
  const codes = unpackBits(bytes.subarray(at, at + need), bits, dims, new Uint16Array(dims));
  const usedBits = (dims * bits) % 8;
  if (usedBits !== 0 && (bytes[at + need - 1] & ((1 << (8 - usedBits)) - 1)) !== 0) {
    throw new PacketError('field', at + need - 1, `${label}: the padding bits after the last code are not zero`);
  }
  return { field: { kind: 'quantizedLatent', bits, codes, range }, next: at + need };
}
