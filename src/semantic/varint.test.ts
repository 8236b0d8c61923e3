import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../core/errors.js';
import { PacketError } from './errors.js';
import { encodeVarint, MAX_VARINT, readVarint, varintSize } from './varint.js';

describe('LEB128 varints', () => {
  it('match the published encodings (DWARF / protobuf examples)', () => {
    const cases: [number, number[]][] = [
      [0, [0x00]],
      [1, [0x01]],
      [127, [0x7f]],
      [128, [0x80, 0x01]],
      [300, [0xac, 0x02]], // protobuf encoding guide
      [624485, [0xe5, 0x8e, 0x26]], // DWARF 4, Appendix C / Wikipedia LEB128 example
      [MAX_VARINT, [0xff, 0xff, 0xff, 0xff, 0x0f]],
    ];
    for (const [v, bytes] of cases) {
      expect(Array.from(encodeVarint(v)), String(v)).toEqual(bytes);
      expect(varintSize(v)).toBe(bytes.length);
      expect(readVarint(Uint8Array.from(bytes), 0, bytes.length, 'v')).toEqual({ value: v, next: bytes.length });
    }
  });

  it('round trip, with size ⌈bits/7⌉', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_VARINT }), (v) => {
        const b = encodeVarint(v);
        expect(b.length).toBe(Math.max(1, Math.ceil(Math.log2(v + 1) / 7)));
        expect(readVarint(b, 0, b.length, 'v').value).toBe(v);
      }),
    );
  });

  it('rejects overlong, oversized and cut encodings with the offending offset', () => {
    const err = (bytes: number[], start = 0): PacketError => {
      try {
        readVarint(Uint8Array.from(bytes), start, bytes.length, 'v');
      } catch (e) {
        expect(e).toBeInstanceOf(PacketError);
        return e as PacketError;
      }
      throw new Error('accepted');
    };
    expect(err([0x80, 0x00])).toMatchObject({ reason: 'varint', offset: 1 });
    expect(err([9, 0xff, 0x80, 0x00], 1)).toMatchObject({ reason: 'varint', offset: 3 });
    expect(err([0xff, 0xff, 0xff, 0xff, 0x10])).toMatchObject({ reason: 'varint', offset: 4 });
    expect(err([0x80, 0x80])).toMatchObject({ reason: 'truncated', offset: 2 });
    expect(err([])).toMatchObject({ reason: 'truncated', offset: 0 });
  });

  it('refuses to encode what it cannot carry', () => {
    for (const v of [-1, 1.5, 2 ** 32, NaN, Infinity]) expect(() => encodeVarint(v)).toThrow(SemcomError);
  });
});
