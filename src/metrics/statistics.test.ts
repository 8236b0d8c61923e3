import { describe, expect, it } from 'vitest';
import { SemcomError } from '../core/errors.js';
import { robustness, summarize } from './statistics.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof SemcomError ? e.code : 'not a SemcomError';
  }
  return undefined;
}

describe('robustness', () => {
  it('is the population standard deviation across SNR points by default', () => {
    // Textbook case: mean 5, squared deviations sum to 32 over 8 values.
    const v = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(robustness(v)).toBe(2);
    expect(robustness(v, { ddof: 1 })).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(robustness(new Float64Array(10).fill(0.8))).toBe(0);
  });

  it('ranks a cliff-effect scheme as less robust than a flat one', () => {
    // Accuracy at 3, 6, …, 30 dB (the grid of seed 003 Sec. IV-A): a digital
    // link that fails below 9 dB versus a scheme that degrades gently.
    const cliff = [0, 0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95];
    const gentle = [0.7, 0.74, 0.78, 0.8, 0.82, 0.83, 0.84, 0.85, 0.85, 0.85];
    expect(robustness(cliff)).toBeGreaterThan(robustness(gentle));
    expect(robustness(cliff)).toBeCloseTo(0.95 * Math.sqrt(0.2 * 0.8), 12);
  });

  it('is accurate for values with a large common offset (two-pass)', () => {
    expect(robustness([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(Math.sqrt(2 / 3), 9);
  });

  it('rejects non-finite values, too few values and a bad ddof', () => {
    expect(codeOf(() => robustness([1, NaN]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => robustness([1, Infinity]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => robustness([]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => robustness([1], { ddof: 1 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => robustness([1, 2], { ddof: 2 as 1 }))).toBe('INVALID_ARGUMENT');
  });
});

describe('summarize', () => {
  it('summarises the finite values and counts the others', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9, Infinity, NaN, -Infinity]);
    expect(s).toEqual({ count: 8, nonFinite: 3, mean: 5, std: 2, min: 2, max: 9 });
    expect(summarize([1, 3], { ddof: 1 }).std).toBeCloseTo(Math.SQRT2, 15);
  });

  it('returns count 0 and NaN fields for nothing to summarise', () => {
    expect(summarize([])).toEqual({ count: 0, nonFinite: 0, mean: NaN, std: NaN, min: NaN, max: NaN });
    expect(summarize([NaN, Infinity])).toMatchObject({ count: 0, nonFinite: 2 });
    expect(summarize([3], { ddof: 1 })).toMatchObject({ count: 1, mean: 3, std: NaN, min: 3, max: 3 });
  });
});
