import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../core/errors.js';
import { distribution, SampleBuffer, sortedQuantile } from './percentiles.js';

describe('distribution', () => {
  it('matches NumPy percentile (linear) reference values', () => {
    // numpy.percentile(range(1, 11), [50, 95, 99]) = [5.5, 9.55, 9.91]
    const d = distribution([10, 3, 7, 1, 2, 9, 4, 8, 6, 5]);
    expect(d.count).toBe(10);
    expect(d.mean).toBeCloseTo(5.5, 14);
    expect(d.p50).toBeCloseTo(5.5, 14);
    expect(d.p95).toBeCloseTo(9.55, 14);
    expect(d.p99).toBeCloseTo(9.91, 14);
    expect(d.max).toBe(10);
    // numpy.percentile([15, 20, 35, 40, 50], [50, 95, 99]) = [35, 48, 49.6]
    const e = distribution(new Float64Array([50, 15, 40, 20, 35]));
    expect([e.p50, e.p95, e.p99]).toEqual([35, expect.closeTo(48, 12), expect.closeTo(49.6, 12)]);
  });

  it('is all zeros for an empty sample, the value itself for one', () => {
    expect(distribution([])).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(distribution([1, 2, 3], 0)).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(distribution([0.1])).toEqual({ count: 1, mean: 0.1, p50: 0.1, p95: 0.1, p99: 0.1, max: 0.1 });
  });

  it('uses the first count values and leaves the input unsorted', () => {
    const v = new Float64Array([3, 1, 2, 100, 200]);
    const d = distribution(v, 3);
    expect(d).toEqual({ count: 3, mean: 2, p50: 2, p95: expect.closeTo(2.9, 12), p99: expect.closeTo(2.98, 12), max: 3 });
    expect([...v]).toEqual([3, 1, 2, 100, 200]);
  });

  it('orders p50 ≤ p95 ≤ p99 ≤ max, mean within range, independent of order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const d = distribution(xs);
        const min = Math.min(...xs);
        expect(d.p50 <= d.p95 && d.p95 <= d.p99 && d.p99 <= d.max).toBe(true);
        expect(d.mean >= min && d.mean <= d.max).toBe(true);
        expect(d.max).toBe(Math.max(...xs));
        const r = distribution([...xs].reverse());
        // Summation order moves the mean by rounding only.
        expect(Math.abs(r.mean - d.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(d.max), Math.abs(min)));
        expect({ ...r, mean: 0 }).toEqual({ ...d, mean: 0 });
        // Type 7 at p = 0.5 is the usual median.
        const s = [...xs].sort((a, b) => a - b);
        const n = s.length;
        expect(d.p50).toBeCloseTo(n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects non-finite values and bad counts', () => {
    expect(() => distribution([1, NaN])).toThrow(SemcomError);
    expect(() => distribution([1, Infinity])).toThrow(/value 1/);
    expect(() => distribution([1, 2], 3)).toThrow(/count/);
    expect(() => distribution([1, 2], 1.5)).toThrow(/count/);
    expect(() => sortedQuantile([], 0.5)).toThrow(/empty/);
    expect(() => sortedQuantile([1], 1.5)).toThrow(/p must be/);
  });
});

describe('SampleBuffer', () => {
  it('grows past its capacity and keeps every value in order', () => {
    const b = new SampleBuffer(1);
    for (let i = 0; i < 1000; i++) b.push(i * 0.5);
    expect(b.length).toBe(1000);
    const v = b.values();
    expect(v.length).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(v[i]).toBe(i * 0.5);
    expect(distribution(v).max).toBe(499.5);
    b.clear();
    expect(b.length).toBe(0);
    expect(b.values().length).toBe(0);
    expect(() => new SampleBuffer(0)).toThrow(SemcomError);
  });
});
