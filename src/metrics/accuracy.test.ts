import { describe, expect, it } from 'vitest';
import { SemcomError } from '../core/errors.js';
import { semanticAccuracy } from './accuracy.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof SemcomError ? e.code : 'not a SemcomError';
  }
  return undefined;
}

describe('semanticAccuracy', () => {
  it('counts equal positions and gives the Clopper–Pearson interval', () => {
    const truth = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const pred = [0, 1, 2, 3, 4, 5, 6, 0, 0, 0];
    const r = semanticAccuracy(pred, truth);
    expect(r).toMatchObject({ accuracy: 0.7, correct: 7, total: 10, confidence: 0.95 });
    // Published exact 95 % interval for 7/10 (e.g. Newcombe, Stat. Med. 17, 1998, Table I: 0.3475–0.9333).
    expect(r.interval[0]).toBeCloseTo(0.3475, 4);
    expect(r.interval[1]).toBeCloseTo(0.9333, 4);
  });

  it('has the closed-form ends at 0 and n successes', () => {
    const n = 20;
    const none = semanticAccuracy(new Uint8Array(n).fill(1), new Uint8Array(n));
    expect(none.accuracy).toBe(0);
    expect(none.interval[0]).toBe(0);
    expect(none.interval[1]).toBeCloseTo(1 - Math.pow(0.025, 1 / n), 12);
    const all = semanticAccuracy(new Uint8Array(n), new Uint8Array(n));
    expect(all.accuracy).toBe(1);
    expect(all.interval[1]).toBe(1);
    expect(all.interval[0]).toBeCloseTo(Math.pow(0.025, 1 / n), 12);
  });

  it('takes other labels and confidence levels; NaN is never right', () => {
    expect(semanticAccuracy(['cat', 'dog', 'cat'], ['cat', 'cat', 'cat']).correct).toBe(2);
    expect(semanticAccuracy([NaN, 1], [NaN, 1]).correct).toBe(1);
    const r90 = semanticAccuracy([1, 1, 0, 1], [1, 1, 1, 1], 0.1);
    const r95 = semanticAccuracy([1, 1, 0, 1], [1, 1, 1, 1]);
    expect(r90.confidence).toBeCloseTo(0.9, 15);
    expect(r90.interval[1] - r90.interval[0]).toBeLessThan(r95.interval[1] - r95.interval[0]);
  });

  it('rejects mismatched, empty input and bad alpha', () => {
    expect(codeOf(() => semanticAccuracy([1, 2], [1]))).toBe('LENGTH_MISMATCH');
    expect(codeOf(() => semanticAccuracy([], []))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => semanticAccuracy([1], [1], 0))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => semanticAccuracy([1], [1], 1))).toBe('INVALID_ARGUMENT');
  });
});
