/**
 * Test helpers for the semantic packet (excluded from the build): fast-check
 * arbitraries of valid packets, and framing helpers that wrap arbitrary field
 * bytes in a header with a correct length and CRC, to test the structural
 * checks behind an intact CRC.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { crc16Ccitt, crc32 } from '../phy/crc/index.js';
import { PacketError } from './errors.js';
import { QUANTIZER_RANGES } from './quantizer.js';
import { FIELD_TYPE_IDS, type Field, type PacketCrc, type QuantizerRange, type SemanticPacket } from './types.js';
import { readVarint, varintSize, writeVarint } from './varint.js';

/**
 * Well-formed strings over all of Unicode, astral planes included (built from
 * code points: fast-check's 'binary' string unit is slow to sample here).
 */
export const unicodeStringArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(fc.integer({ min: 0, max: 0x7ff }), fc.integer({ min: 0, max: 0x10ffff })).map((c) => (c >= 0xd800 && c <= 0xdfff ? c - 0x800 : c)),
    { maxLength: 30 },
  )
  .map((cps) => String.fromCodePoint(...cps));

const uint32 = fc.oneof(fc.nat(300), fc.integer({ min: 0, max: 0xffffffff }));

const presetIds = Object.keys(QUANTIZER_RANGES).map(Number);

export const rangeArb: fc.Arbitrary<QuantizerRange> = fc.oneof(
  fc.constantFrom(...presetIds).map((id): QuantizerRange => ({ kind: 'preset', id })),
  fc
    .tuple(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.float({ noNaN: true, noDefaultInfinity: true }))
    .filter(([lo, hi]) => lo < hi)
    .map(([lo, hi]): QuantizerRange => ({ kind: 'explicit', lo, hi })),
);

export const latentArb: fc.Arbitrary<Field> = fc.integer({ min: 1, max: 16 }).chain((bits) =>
  fc.record({
    kind: fc.constant('quantizedLatent' as const),
    bits: fc.constant(bits),
    codes: fc.array(fc.integer({ min: 0, max: 2 ** bits - 1 }), { minLength: 1, maxLength: 40 }).map((a) => Uint16Array.from(a)),
    range: rangeArb,
  }).map((f) => ({ ...f })), // plain objects: fc.record's have a null prototype
);

const knownIds = new Set<number>(Object.values(FIELD_TYPE_IDS));
const unknownTypeIds = Array.from({ length: 63 }, (_, i) => i + 1).filter((id) => !knownIds.has(id));

/** Any valid field, every kind. */
export const fieldArb: fc.Arbitrary<Field> = fc.oneof(
  uint32.map((classId): Field => ({ kind: 'label', classId })),
  fc.array(uint32, { maxLength: 20 }).map((classIds): Field => ({ kind: 'labels', classIds })),
  latentArb,
  fc.array(uint32, { maxLength: 20 }).map((indices): Field => ({ kind: 'keywords', indices })),
  fc.oneof(unicodeStringArb, fc.string()).map((text): Field => ({ kind: 'text', text })),
  fc.float32Array({ maxLength: 16 }).map((values): Field => ({ kind: 'floats', values })),
  fc.uint8Array({ maxLength: 40 }).map((data): Field => ({ kind: 'bytes', data })),
  fc.record({ kind: fc.constant('unknown' as const), typeId: fc.constantFrom(...unknownTypeIds), data: fc.uint8Array({ maxLength: 20 }) }).map((f) => ({ ...f })),
);

/** Any valid packet: every header value range (inline and extended scheme ids and field counts), both CRCs. */
export const packetArb: fc.Arbitrary<SemanticPacket> = fc.record({
  version: fc.constant(1),
  scheme: fc.oneof(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 0xffff })),
  contentType: fc.integer({ min: 0, max: 7 }),
  crc: fc.constantFrom<PacketCrc>('crc16', 'crc32'),
  fields: fc.oneof(fc.array(fieldArb, { maxLength: 4 }), fc.array(fieldArb, { maxLength: 20 })),
  // A code field can only close the field list.
  code: fc.option(fc.uint8Array({ minLength: 1, maxLength: 12 }), { nil: undefined }),
}).map(({ code, ...p }) => ({ ...p, fields: code ? [...p.fields, { kind: 'code', data: code } as Field] : p.fields }));

/** A packet split into the header bytes before its length varint, its fields, and its CRC kind. */
export interface Framed {
  prefix: Uint8Array;
  fields: Uint8Array;
  crc: PacketCrc;
}

/** Splits a valid encoded packet (see {@link frame}). */
export function split(bytes: Uint8Array): Framed {
  const crc: PacketCrc = bytes[0] & 0x10 ? 'crc32' : 'crc16';
  let at = 2;
  if (bytes[1] >>> 4 === 15) at = readVarint(bytes, at, bytes.length, 'scheme').next;
  if ((bytes[1] & 15) === 15) at = readVarint(bytes, at, bytes.length, 'count').next;
  const prefixEnd = at;
  const fieldsStart = readVarint(bytes, at, bytes.length, 'length').next;
  const w = crc === 'crc16' ? 2 : 4;
  return { prefix: bytes.slice(0, prefixEnd), fields: bytes.slice(fieldsStart, bytes.length - w), crc };
}

/** Builds a packet from a header prefix and field bytes with a correct length varint and CRC (structure unchecked). */
export function frame({ prefix, fields, crc }: Framed): Uint8Array {
  const w = crc === 'crc16' ? 2 : 4;
  const remaining = fields.length + w;
  const out = new Uint8Array(prefix.length + varintSize(remaining) + remaining);
  out.set(prefix, 0);
  let at = writeVarint(remaining, out, prefix.length);
  out.set(fields, at);
  at += fields.length;
  const body = out.subarray(0, at);
  if (crc === 'crc16') {
    const c = crc16Ccitt(body);
    out[at] = c >>> 8;
    out[at + 1] = c & 0xff;
  } else {
    const c = crc32(body);
    for (let k = 0; k < 4; k++) out[at + k] = (c >>> (8 * k)) & 0xff;
  }
  return out;
}

/** Header prefix of a version-1 packet: CRC-16, content 0, scheme 2 and `count` fields (< 15). */
export function prefixFor(count: number, crc: PacketCrc = 'crc16'): Uint8Array {
  const b0 = 0x20 | (crc === 'crc32' ? 0x10 : 0);
  let ones = 0;
  for (let v = b0; v; v &= v - 1) ones++;
  return Uint8Array.of(b0 | (ones & 1), (2 << 4) | count);
}

/** Runs `f` and returns the PacketError it throws; fails the test if it returns or throws anything else. */
export function packetError(f: () => unknown): PacketError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof PacketError)) throw new Error(`expected a PacketError, got ${String(e)}`, { cause: e });
    expect(e.code).toBe('MALFORMED_PACKET');
    expect(e.message).toContain(`byte ${e.offset}:`);
    return e;
  }
  throw new Error('expected a PacketError, but the call returned');
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
