import { describe, expect, it } from 'vitest';
import { changedFractionOf, driftedFraction, matchingOf, meanMatchingOver } from './knowledge-drift.js';

describe('knowledge drift', () => {
  it('maps matching degree and changed fraction both ways', () => {
    for (const m of [0, 0.2, 0.5, 0.962, 1]) expect(matchingOf(changedFractionOf(m))).toBeCloseTo(m, 12);
    expect(matchingOf(0)).toBe(1);
    // 10 % of records stale or missing on one side: 0.9 N shared of 1.1 N in the union.
    expect(matchingOf(0.1)).toBeCloseTo(0.9 / 1.1, 12);
  });

  it('drifts as exponential record turnover', () => {
    expect(driftedFraction(0, 0.1, 0)).toBe(0);
    expect(driftedFraction(0, 0.1, 3600)).toBeCloseTo(1 - Math.exp(-0.1), 12);
    expect(driftedFraction(0.2, 0, 1e6)).toBeCloseTo(0.2, 12);
    expect(driftedFraction(0, 1, 1e9)).toBeCloseTo(1, 9);
  });

  it('time-averages M in closed form (against a Riemann sum)', () => {
    for (const [f0, c, T] of [[0, 0.5, 3600], [0.1, 2, 1800], [0.3, 0.05, 7200]] as const) {
      const n = 200_000;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += matchingOf(driftedFraction(f0, c, ((i + 0.5) * T) / n));
      expect(meanMatchingOver(f0, c, T)).toBeCloseTo(sum / n, 6);
    }
    expect(meanMatchingOver(0.1, 0, 100)).toBeCloseTo(matchingOf(0.1), 12);
  });
});
