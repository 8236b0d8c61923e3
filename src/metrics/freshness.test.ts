import { describe, expect, it } from 'vitest';
import { SemcomError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { AoiMeter, AoiiMeter, type AoiiPenalty } from './freshness.js';

/** Updates generated every T, each delivered D later (D < T); window [D, N·T + D]. */
function sawtooth(T: number, D: number, N: number, voiDecayPerS = 0, voiWeight = 1): AoiMeter {
  const m = new AoiMeter({ startS: D, initialAgeS: D, voiDecayPerS, voiWeight });
  for (let k = 1; k <= N; k++) m.deliver(k * T + D, k * T);
  return m;
}

describe('AoiMeter', () => {
  it('periodic updates with a fixed delay: average AoI D + T/2, peak D + T', () => {
    const T = 0.7;
    const D = 0.25;
    const N = 1000;
    const s = sawtooth(T, D, N).finish(N * T + D);
    expect(s.durationS).toBeCloseTo(N * T, 9);
    expect(s.averageAoiS).toBeCloseTo(D + T / 2, 9);
    expect(s.peakAoiS).toBeCloseTo(D + T, 9);
    expect(s.maxAgeS).toBeCloseTo(D + T, 9);
    expect(s.informativeDeliveries).toBe(N);
    expect(s.deliveries).toBe(N);
    expect(s.averageVoi).toBe(1);
  });

  it('VoI of the sawtooth matches its closed form w·e^{−kD}(1 − e^{−kT})/(kT)', () => {
    const T = 2;
    const D = 0.5;
    const k = 0.8;
    const w = 3;
    const s = sawtooth(T, D, 50, k, w).finish(50 * T + D);
    expect(s.averageVoi).toBeCloseTo((w * Math.exp(-k * D) * (1 - Math.exp(-k * T))) / (k * T), 12);
  });

  it('ignores deliveries older than the freshest update', () => {
    const plain = sawtooth(1, 0.3, 20);
    const noisy = new AoiMeter({ startS: 0.3, initialAgeS: 0.3 });
    for (let k = 1; k <= 20; k++) {
      noisy.deliver(k + 0.3, k);
      // A straggler generated before the last delivered update, and a duplicate of it.
      noisy.deliver(k + 0.6, k - 0.5);
      noisy.deliver(k + 0.6, k);
    }
    const a = plain.finish(20.6);
    const b = noisy.finish(20.6);
    expect(b.averageAoiS).toBeCloseTo(a.averageAoiS, 12);
    expect(b.peakAoiS).toBeCloseTo(a.peakAoiS, 12);
    expect(b.informativeDeliveries).toBe(20);
    expect(b.deliveries).toBe(60);
  });

  it('AoI and VoI integrals agree with numeric integration on a random schedule', () => {
    const rng = Rng.stream(5, 0);
    const k = 0.6;
    const m = new AoiMeter({ voiDecayPerS: k, voiWeight: 2, initialAgeS: 1 });
    // Events in time order; generation times random (some out of order, so not informative).
    const events: [number, number][] = [];
    let t = 0;
    for (let i = 0; i < 60; i++) {
      t += rng.nextDouble() * 2;
      events.push([t, t - rng.nextDouble() * 3]);
    }
    const end = t + 1.3;
    for (const [now, gen] of events) m.deliver(now, Math.max(gen, -1));
    const s = m.finish(end);
    // Midpoint rule on the age function rebuilt from the events (error O(h²) per smooth piece, O(h) at jumps).
    const steps = 400_000;
    const h = end / steps;
    let area = 0;
    let voi = 0;
    let freshest = -1;
    let j = 0;
    for (let i = 0; i < steps; i++) {
      const x = (i + 0.5) * h;
      while (j < events.length && events[j][0] <= x) freshest = Math.max(freshest, Math.max(events[j++][1], -1));
      const age = x - freshest;
      area += age * h;
      voi += 2 * Math.exp(-k * age) * h;
    }
    expect(s.averageAoiS).toBeCloseTo(area / end, 3);
    expect(s.averageVoi).toBeCloseTo(voi / end, 3);
  });

  it('resetStats measures after a warm-up and keeps the current age', () => {
    const m = sawtooth(1, 0.5, 0);
    // Age 0.5 at 0.5; warm-up with slow updates, then reset at 10.2 (age 10.2 − 9 = 1.2).
    for (let k = 3; k <= 9; k += 3) m.deliver(k + 0.5, k);
    m.resetStats(10.2);
    // After the reset: a delivery at 11 (gen 10.5) then the end at 12.
    m.deliver(11, 10.5);
    const s = m.finish(12);
    // Age 1.2 → 2.0 on [10.2, 11] (area 1.28), then 0.5 → 1.5 on [11, 12] (area 1).
    expect(s.averageAoiS).toBeCloseTo((1.28 + 1) / 1.8, 12);
    expect(s.peakAoiS).toBeCloseTo(2, 12);
    expect(s.maxAgeS).toBeCloseTo(2, 12);
    expect(s.informativeDeliveries).toBe(1);
  });

  it('reports instantaneous values on an empty window and rejects misuse', () => {
    const m = new AoiMeter({ startS: 2, initialAgeS: 1.5, voiDecayPerS: 1 });
    const s = m.finish(2);
    expect(s.averageAoiS).toBe(1.5);
    expect(s.averageVoi).toBeCloseTo(Math.exp(-1.5), 15);
    expect(s.peakAoiS).toBe(0);
    expect(() => m.finish(3)).toThrow(/finished/);
    const n = new AoiMeter();
    expect(() => n.deliver(1, 2)).toThrow(SemcomError);
    n.deliver(2, 1);
    expect(() => n.deliver(1.5, 1)).toThrow(/before the last event/);
    expect(() => n.deliver(NaN, 1)).toThrow(SemcomError);
    expect(() => new AoiMeter({ voiDecayPerS: -1 })).toThrow(/voiDecayPerS/);
    expect(() => new AoiMeter({ initialAgeS: -1 })).toThrow(/initialAgeS/);
  });
});

describe('AoiiMeter', () => {
  // Source changes at 1; a correct update generated at 1.5 arrives at 3; end at 4:
  // wrong on [1, 3], x = t − 1 from 0 to 2.
  const cases: [AoiiPenalty, number][] = [
    ['linear', 2], // ∫0^2 x dx
    ['quadratic', 8 / 3], // ∫0^2 x² dx
    ['threshold', 1.5], // x > 0.5 for 1.5 s
  ];
  for (const [penalty, area] of cases) {
    it(`${penalty} penalty: hand-computed integral`, () => {
      const m = new AoiiMeter({ penalty, thresholdS: 0.5 });
      m.sourceChanged(1);
      expect(m.isWrong).toBe(true);
      m.update(3, 1.5, true);
      expect(m.isWrong).toBe(false);
      const s = m.finish(4);
      expect(s.average).toBeCloseTo(area / 4, 12);
      expect(s.incorrectFraction).toBeCloseTo(0.5, 12);
    });
  }

  it('stays wrong on stale or incorrect updates, and V is the first change', () => {
    const m = new AoiiMeter({ penalty: 'linear' });
    m.sourceChanged(1);
    m.sourceChanged(2); // still wrong since 1
    m.update(2.2, 1.5, true); // generated before the latest change: stale
    m.update(2.5, 2.1, false); // fresh but not recovered
    expect(m.isWrong).toBe(true);
    m.update(3, 2, true); // generated at the latest change: right
    expect(m.isWrong).toBe(false);
    m.update(3.5, 3.2, false); // an incorrect update leaves a right monitor right
    expect(m.isWrong).toBe(false);
    const s = m.finish(4);
    expect(s.average).toBeCloseTo(2 / 4, 12);
    expect(s.incorrectFraction).toBeCloseTo(0.5, 12);
  });

  it('resetStats keeps the state and V', () => {
    const m = new AoiiMeter({ penalty: 'quadratic' });
    m.sourceChanged(1);
    m.resetStats(2);
    m.update(3, 2.5, true);
    const s = m.finish(4);
    // x from 1 to 2 on [2, 3]: ∫ x² = (8 − 1)/3.
    expect(s.average).toBeCloseTo(7 / 3 / 2, 12);
    expect(s.incorrectFraction).toBeCloseTo(0.5, 12);
  });

  it('matches a piecewise Simpson integration on random source changes and updates', () => {
    for (const penalty of ['linear', 'quadratic', 'threshold'] as const) {
      const rng = Rng.stream(9, penalty.length);
      const theta = 0.8;
      const m = new AoiiMeter({ penalty, thresholdS: theta });
      const f = (x: number) => (penalty === 'linear' ? x : penalty === 'quadratic' ? x * x : x > theta ? 1 : 0);
      let t = 0;
      let wrong = false;
      let v = 0;
      let lastChange = -Infinity;
      let area = 0;
      let wrongTime = 0;
      // Simpson's rule is exact for polynomials of degree ≤ 3; the threshold piece is split at its crossing.
      const integrate = (a: number, b: number) => {
        if (!wrong || b <= a) return;
        wrongTime += b - a;
        if (penalty === 'threshold') {
          const c = Math.min(b, Math.max(a, v + theta));
          area += b - c;
          return;
        }
        area += ((b - a) / 6) * (f(a - v) + 4 * f((a + b) / 2 - v) + f(b - v));
      };
      for (let i = 0; i < 500; i++) {
        const next = t + rng.nextDouble();
        integrate(t, next);
        t = next;
        if (rng.nextDouble() < 0.4) {
          m.sourceChanged(t);
          lastChange = t;
          if (!wrong) {
            wrong = true;
            v = t;
          }
        } else {
          const gen = t - rng.nextDouble() * 1.5;
          const ok = rng.nextDouble() < 0.7;
          m.update(t, gen, ok);
          if (ok && wrong && gen >= lastChange) wrong = false;
        }
      }
      integrate(t, t + 2);
      const s = m.finish(t + 2);
      expect(s.average).toBeCloseTo(area / (t + 2), 9);
      expect(s.incorrectFraction).toBeCloseTo(wrongTime / (t + 2), 12);
      expect(s.incorrectFraction).toBeGreaterThan(0.05);
    }
  });

  it('rejects bad options and misuse', () => {
    expect(() => new AoiiMeter({ penalty: 'cubic' as AoiiPenalty })).toThrow(/penalty/);
    expect(() => new AoiiMeter({ penalty: 'threshold' })).toThrow(/thresholdS/);
    expect(() => new AoiiMeter({ penalty: 'threshold', thresholdS: -1 })).toThrow(SemcomError);
    const m = new AoiiMeter({ penalty: 'linear', startS: 5 });
    expect(() => m.sourceChanged(4)).toThrow(/before the last event/);
    expect(() => m.update(6, 7, true)).toThrow(/generation time/);
    // A rejected call changes nothing: the window still ends where it started.
    expect(m.finish(5)).toEqual({ average: 0, incorrectFraction: 0 });
    expect(() => m.update(6, 5, true)).toThrow(/finished/);
  });
});
