import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../core/errors.js';
import { bitsToBytes, bytesToBits, packBits, packedByteLength, unpackBits } from './bits.js';

/** Reference packing: each code's bits written out MSB first, then grouped by 8. */
function referencePack(codes: number[], bitsEach: number): Uint8Array {
  const bits: number[] = [];
  for (const c of codes) for (let k = bitsEach - 1; k >= 0; k--) bits.push(Math.floor(c / 2 ** k) % 2);
  while (bits.length % 8) bits.push(0);
  return bitsToBytes(Uint8Array.from(bits));
}

const codesArb = fc.integer({ min: 1, max: 32 }).chain((bitsEach) =>
  fc.tuple(fc.constant(bitsEach), fc.array(fc.integer({ min: 0, max: 2 ** bitsEach - 1 }), { maxLength: 30 })),
);

describe('packBits / unpackBits', () => {
  it('known vectors', () => {
    expect(Array.from(packBits([1, 2, 3], 4))).toEqual([0x12, 0x30]);
    expect(Array.from(packBits([1, 0, 1], 1))).toEqual([0xa0]);
    expect(Array.from(packBits([0xabc, 0x123], 12))).toEqual([0xab, 0xc1, 0x23]);
    expect(Array.from(packBits([5], 3))).toEqual([0xa0]);
    expect(Array.from(packBits([0xffffffff, 1], 32))).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1]);
    expect(Array.from(unpackBits(Uint8Array.of(0xab, 0xc1, 0x23), 12, 2))).toEqual([0xabc, 0x123]);
  });

  it('agree with bit-by-bit packing and invert each other, for every width 1..32', () => {
    fc.assert(
      fc.property(codesArb, ([bitsEach, codes]) => {
        const packed = packBits(codes, bitsEach);
        expect(packed.length).toBe(packedByteLength(codes.length, bitsEach));
        expect(packed).toEqual(referencePack(codes, bitsEach));
        expect(Array.from(unpackBits(packed, bitsEach, codes.length))).toEqual(codes);
      }),
      { numRuns: 500 },
    );
  });

  it('unpacks into a given Uint16Array and ignores bits after the last code', () => {
    const out = new Uint16Array(2);
    expect(unpackBits(Uint8Array.of(0xff, 0xff, 0xff), 9, 2, out)).toBe(out);
    expect(Array.from(out)).toEqual([511, 511]);
  });

  it('rejects bad input with SemcomErrors, and a huge count before allocating', () => {
    expect(() => packBits([16], 4)).toThrow(SemcomError);
    expect(() => packBits([-1], 4)).toThrow(SemcomError);
    expect(() => packBits([0.5], 4)).toThrow(SemcomError);
    expect(() => packBits([1], 0)).toThrow(SemcomError);
    expect(() => packBits([1], 33)).toThrow(SemcomError);
    expect(() => unpackBits(Uint8Array.of(1), 4, 3)).toThrow(/need 2 bytes/);
    expect(() => unpackBits(new Uint8Array(4), 16, 2 ** 40)).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => unpackBits(new Uint8Array(4), 16, 2, new Uint8Array(2))).toThrow(SemcomError);
    expect(() => unpackBits(new Uint8Array(4), 4, 3, new Uint16Array(2))).toThrow(SemcomError);
  });
});

describe('bytesToBits / bitsToBytes', () => {
  it('MSB first, and inverse of each other', () => {
    expect(Array.from(bytesToBits(Uint8Array.of(0xa5)))).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => void expect(bitsToBytes(bytesToBits(b))).toEqual(b)));
  });

  it('rejects non-binary entries and partial bytes', () => {
    expect(() => bitsToBytes(Uint8Array.of(0, 1, 2, 0, 0, 0, 0, 0))).toThrow(/bits\[2\] = 2/);
    expect(() => bitsToBytes(new Uint8Array(7))).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
  });
});
