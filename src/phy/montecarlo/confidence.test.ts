import { describe, expect, it } from 'vitest';
import { betaQuantile, lnGamma, regularizedIncompleteBeta } from './betainc.js';
import { clopperPearson } from './confidence.js';

describe('regularized incomplete beta', () => {
  it('matches closed forms and reference values', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 14);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 14);
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
    // scipy.special.betainc(2.5, 4.5, 0.3) = 0.40653901668245934
    expect(regularizedIncompleteBeta(0.3, 2.5, 4.5)).toBeCloseTo(0.40653901668245934, 13);
    // Symmetry I_x(a, b) = 1 − I_{1−x}(b, a) across the branch switch.
    for (const x of [0.05, 0.4, 0.55, 0.93]) {
      expect(regularizedIncompleteBeta(x, 7, 3) + regularizedIncompleteBeta(1 - x, 3, 7)).toBeCloseTo(1, 13);
    }
  });

  it('lnGamma matches factorials', () => {
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(171)).toBeCloseTo(706.5730622457874, 9);
  });

  it('betaQuantile inverts I_x to within a relative 1e-9 in x', () => {
    for (const [a, b] of [[0.5, 0.5], [2, 9], [30, 4], [1, 1e6], [1e4, 1e7]]) {
      for (const p of [1e-6, 0.025, 0.5, 0.975, 0.999999]) {
        const x = betaQuantile(p, a, b);
        expect(Math.abs(regularizedIncompleteBeta(x, a, b) - p)).toBeLessThan(1e-9);
        // The true quantile lies within x(1 ± 1e-9): I is increasing, so it brackets p.
        expect(regularizedIncompleteBeta(x * (1 - 1e-9), a, b)).toBeLessThanOrEqual(p);
        expect(regularizedIncompleteBeta(Math.min(1, x * (1 + 1e-9)), a, b)).toBeGreaterThanOrEqual(p);
      }
    }
  });

  it('rejects bad arguments', () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/x must be in \[0, 1\]/);
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(/shape parameters/);
    expect(() => betaQuantile(-0.1, 1, 1)).toThrow(/probability/);
  });
});

describe('clopperPearson', () => {
  it('matches published 95 % intervals', () => {
    // Zero successes: closed form 1 − 0.025^(1/10) = 0.3085.
    const [lo0, hi0] = clopperPearson(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.308497107818761, 12);
    const [lo5, hi5] = clopperPearson(5, 10);
    expect(lo5).toBeCloseTo(0.187086028447399, 10);
    expect(hi5).toBeCloseTo(0.812913971552601, 10);
    const [lo1, hi1] = clopperPearson(1, 100);
    expect(lo1).toBeCloseTo(0.000253146032977421, 12);
    expect(hi1).toBeCloseTo(0.0544593853920806, 10);
    // scipy beta.ppf for x = 100, n = 1e5.
    const [loB, hiB] = clopperPearson(100, 100_000);
    expect(loB).toBeCloseTo(0.000813711681970175, 12);
    expect(hiB).toBeCloseTo(0.00121613639564765, 12);
  });

  it('handles x = n, n = 0 and other levels', () => {
    const [lo, hi] = clopperPearson(10, 10);
    expect(hi).toBe(1);
    expect(lo).toBeCloseTo(1 - 0.308497107818761, 12);
    expect(clopperPearson(0, 0)).toEqual([0, 1]);
    const [l99, h99] = clopperPearson(5, 10, 0.01);
    expect(l99).toBeLessThan(0.187);
    expect(h99).toBeGreaterThan(0.813);
  });

  it('is exact: coverage of the upper bound equals alpha/2', () => {
    // P(X ≤ x | p = upper) = α/2 by construction; check with the binomial sum directly.
    const n = 40;
    const x = 7;
    const [, hi] = clopperPearson(x, n);
    let cdf = 0;
    let term = Math.pow(1 - hi, n);
    for (let k = 0; k <= x; k++) {
      cdf += term;
      term *= ((n - k) / (k + 1)) * (hi / (1 - hi));
    }
    expect(cdf).toBeCloseTo(0.025, 10);
  });

  it('rejects impossible counts', () => {
    expect(() => clopperPearson(11, 10)).toThrow(/successes/);
    expect(() => clopperPearson(1.5, 10)).toThrow(/successes/);
    expect(() => clopperPearson(1, -1)).toThrow(/trials/);
    expect(() => clopperPearson(1, 10, 0)).toThrow(/alpha/);
  });
});
