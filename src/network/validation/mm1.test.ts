import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { mm1AverageAoi, mm1AveragePeakAoi, simulateMm1Aoi } from './mm1.js';

describe('M/M/1 closed forms', () => {
  it('has the published optimum: ρ* ≈ 0.53, Δ* ≈ 3.48/μ (Kaul, Yates & Gruteser 2012)', () => {
    let best = Infinity;
    let bestRho = 0;
    for (let rho = 0.01; rho < 0.99; rho += 0.0001) {
      const a = mm1AverageAoi(rho, 1);
      if (a < best) {
        best = a;
        bestRho = rho;
      }
    }
    expect(bestRho).toBeCloseTo(0.53, 2);
    expect(best).toBeCloseTo(3.48, 2);
    // Time scales with 1/μ.
    expect(mm1AverageAoi(1.06, 2)).toBeCloseTo(mm1AverageAoi(0.53, 1) / 2, 12);
  });

  it('peak AoI 1/λ + 1/(μ − λ) equals (1/μ)(1 + 1/ρ + ρ/(1 − ρ)) and exceeds the average', () => {
    for (const rho of [0.1, 0.3, 0.53, 0.8, 0.95]) {
      const mu = 2.5;
      expect(mm1AveragePeakAoi(rho * mu, mu)).toBeCloseTo((1 / mu) * (1 + 1 / rho + rho / (1 - rho)), 12);
      expect(mm1AveragePeakAoi(rho * mu, mu)).toBeGreaterThan(mm1AverageAoi(rho * mu, mu));
    }
  });
});

describe('simulateMm1Aoi (engine validation, issue 6)', () => {
  // Updates per point: the relative standard deviation of the average AoI,
  // measured over 20 seeds offline, is 0.1–0.15 % at ρ = 0.3 and 0.53 with
  // 10^6 updates and 0.4 % at ρ = 0.8 with 4·10^6 (long busy periods), so
  // the 2 % bound sits at ≥ 5 standard deviations at every point.
  const points: [number, number][] = [
    [0.3, 1_000_000],
    [0.53, 1_000_000],
    [0.8, 4_000_000],
  ];
  for (const [rho, updates] of points) {
    it(`ρ = ${rho}: AoI, peak AoI, Little's law and utilisation`, () => {
      const r = simulateMm1Aoi({ arrivalRate: rho, serviceRate: 1, updates, seed: 1 });
      expect(Math.abs(r.averageAoiS / r.closedFormAoiS - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.peakAoiS / r.closedFormPeakAoiS - 1)).toBeLessThan(0.02);
      // Little's law: the window ends empty, so L and λW differ only by the few
      // updates inside at its start (observed < 2e-4); the issue asks for 1 %.
      expect(Math.abs(r.littleL / r.littleLambdaW - 1)).toBeLessThan(0.01);
      expect(Math.abs(r.utilisation - rho)).toBeLessThan(0.01);
      expect(r.events).toBe(2 * (updates + 1000));
    });
  }

  it('is deterministic in the seed', () => {
    const a = simulateMm1Aoi({ arrivalRate: 0.5, serviceRate: 1, updates: 2000, seed: 42 });
    const b = simulateMm1Aoi({ arrivalRate: 0.5, serviceRate: 1, updates: 2000, seed: 42 });
    const c = simulateMm1Aoi({ arrivalRate: 0.5, serviceRate: 1, updates: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.averageAoiS).not.toBe(a.averageAoiS);
  });

  it('runs without a warm-up and rejects unstable or malformed options', () => {
    const r = simulateMm1Aoi({ arrivalRate: 0.5, serviceRate: 1, updates: 10, seed: 1, warmupUpdates: 0 });
    expect(r.events).toBe(20);
    const bad = [
      { arrivalRate: 1, serviceRate: 1, updates: 10, seed: 1 },
      { arrivalRate: 0, serviceRate: 1, updates: 10, seed: 1 },
      { arrivalRate: 0.5, serviceRate: NaN, updates: 10, seed: 1 },
      { arrivalRate: 0.5, serviceRate: 1, updates: 0, seed: 1 },
      { arrivalRate: 0.5, serviceRate: 1, updates: 10.5, seed: 1 },
      { arrivalRate: 0.5, serviceRate: 1, updates: 10, seed: 1, warmupUpdates: -1 },
    ];
    for (const o of bad) {
      try {
        simulateMm1Aoi(o);
        expect.unreachable(JSON.stringify(o));
      } catch (e) {
        expect(e).toBeInstanceOf(SemcomError);
        expect((e as SemcomError).code).toBe('INVALID_ARGUMENT');
      }
    }
  });
});
