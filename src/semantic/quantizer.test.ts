import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../core/errors.js';
import { dequantizeUniform, latentValues, quantizeLatent, quantizerStep, quantizeUniform, QUANTIZER_RANGES, rangeBounds } from './quantizer.js';

const quantizerArb = fc
  .record({
    bits: fc.integer({ min: 1, max: 16 }),
    lo: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    width: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  })
  .map(({ bits, lo, width }) => ({ bits, lo, hi: lo + width }));

describe('mid-rise uniform quantizer', () => {
  it('reconstructs at cell midpoints lo + (q + ½)Δ (closed forms)', () => {
    expect(Array.from(dequantizeUniform([0, 1], 1, -1, 1))).toEqual([-0.5, 0.5]);
    expect(Array.from(dequantizeUniform([0, 1, 2, 3], 2, 0, 1))).toEqual([0.125, 0.375, 0.625, 0.875]);
    // Mid-rise: 0 is a cell edge of a symmetric range, so it goes to the cell just above it.
    expect(Array.from(quantizeUniform([0, -1e-9, -1, 1, 0.49, 0.51], 2, -1, 1))).toEqual([2, 1, 0, 3, 2, 3]);
    expect(quantizerStep(4, -3, 3)).toBe(0.375);
  });

  it('error is at most half a step inside [lo, hi]', () => {
    fc.assert(
      fc.property(quantizerArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), ({ bits, lo, hi }, us) => {
        const x = us.map((u) => Math.min(hi, lo + u * (hi - lo)));
        const xHat = dequantizeUniform(quantizeUniform(x, bits, lo, hi), bits, lo, hi);
        const half = quantizerStep(bits, lo, hi) / 2;
        // Slack of a few ulps of the operands for the rounding of (x − lo)/Δ.
        const slack = 4 * Number.EPSILON * (Math.abs(lo) + Math.abs(hi));
        x.forEach((v, i) => expect(Math.abs(v - xHat[i])).toBeLessThanOrEqual(half + slack));
      }),
      { numRuns: 500 },
    );
  });

  it('maps each reconstruction point back to its own cell, monotonically', () => {
    fc.assert(
      fc.property(quantizerArb, ({ bits, lo, hi }) => {
        const levels = Math.min(2 ** bits, 512);
        const q = Array.from({ length: levels }, (_, i) => Math.floor((i * (2 ** bits - 1)) / Math.max(1, levels - 1)));
        expect(Array.from(quantizeUniform(dequantizeUniform(q, bits, lo, hi), bits, lo, hi))).toEqual(q);
      }),
      { numRuns: 200 },
    );
  });

  it('clips values outside the range to the end cells', () => {
    expect(Array.from(quantizeUniform([-5, 5, -Infinity, Infinity], 3, 0, 1))).toEqual([0, 7, 0, 7]);
  });

  it('rejects NaN, bad bit depths, empty ranges and codes beyond the depth', () => {
    expect(() => quantizeUniform([NaN], 4, 0, 1)).toThrow(SemcomError);
    expect(() => quantizeUniform([0], 0, 0, 1)).toThrow(SemcomError);
    expect(() => quantizeUniform([0], 17, 0, 1)).toThrow(SemcomError);
    expect(() => quantizeUniform([0], 4, 1, 1)).toThrow(SemcomError);
    expect(() => quantizeUniform([0], 4, 0, Infinity)).toThrow(SemcomError);
    expect(() => dequantizeUniform([16], 4, 0, 1)).toThrow(SemcomError);
    expect(() => dequantizeUniform([1.5], 4, 0, 1)).toThrow(SemcomError);
  });
});

describe('latent fields', () => {
  it('presets are named ranges both ends know', () => {
    expect(rangeBounds({ kind: 'preset', id: 4 })).toEqual([-3, 3]);
    expect(Object.keys(QUANTIZER_RANGES).map(Number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => rangeBounds({ kind: 'preset', id: 7 })).toThrow(SemcomError);
  });

  it('explicit bounds are rounded to float32 before quantizing, as the receiver will read them', () => {
    const f = quantizeLatent([0.15, 0.25], 8, { kind: 'explicit', lo: 0.1, hi: 0.3 });
    expect(f.range).toEqual({ kind: 'explicit', lo: Math.fround(0.1), hi: Math.fround(0.3) });
    expect(Array.from(f.codes)).toEqual(Array.from(quantizeUniform([0.15, 0.25], 8, Math.fround(0.1), Math.fround(0.3))));
    const back = latentValues(f);
    back.forEach((v, i) => expect(Math.abs(v - [0.15, 0.25][i])).toBeLessThanOrEqual(quantizerStep(8, Math.fround(0.1), Math.fround(0.3)) / 2 + 1e-9));
  });
});
