import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { equalPower } from './equal-power.js';
import { normalizeShares } from './normalize.js';
import { flowView } from './test-support.js';
import type { PowerPolicy } from './types.js';
import { waterFilling } from './water-filling.js';

interface Instance {
  gamma: number[];
  x: Float64Array;
  totalW: number;
}

function run(policy: PowerPolicy, { gamma, x, totalW }: Instance): Float64Array {
  const power = new Float64Array(gamma.length + 2).fill(-7);
  policy.allocate(gamma.map((snrPerWatt) => flowView({ snrPerWatt })), x, totalW, power);
  return power;
}

/** Σ x_i log2(1 + p_i γ_i / x_i), bit/s per hertz of the whole band. */
function sumRate({ gamma, x }: Instance, p: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < gamma.length; i++) if (x[i]! > 0 && p[i]! > 0) r += x[i]! * Math.log2(1 + (p[i]! * gamma[i]!) / x[i]!);
  return r;
}

const arbInstance: fc.Arbitrary<Instance> = fc
  .array(
    fc.record({
      gamma: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })),
      w: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1, noNaN: true })),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .chain((items) =>
    fc.double({ min: 1e-3, max: 100, noNaN: true }).map((totalW) => {
      const x = Float64Array.from(items, (it) => it.w);
      normalizeShares(x, x.length);
      return { gamma: items.map((it) => it.gamma), x, totalW };
    }),
  );

describe('water-filling', () => {
  it('satisfies the KKT conditions: one water level μ for powered flows, 1/γ ≥ μ for unpowered ones', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const p = run(waterFilling(), inst);
        const n = inst.gamma.length;
        const usable = (i: number) => inst.x[i]! > 0 && inst.gamma[i]! > 0;
        let sum = 0;
        for (let i = 0; i < n; i++) {
          expect(p[i]).toBeGreaterThanOrEqual(0);
          sum += p[i]!;
        }
        expect(Math.abs(sum - inst.totalW)).toBeLessThanOrEqual(1e-9 * inst.totalW);
        expect(p[n]).toBe(-7);
        if (!inst.gamma.some((_, i) => usable(i))) {
          // No flow can turn power into rate: spread as equal power.
          for (let i = 0; i < n; i++) expect(p[i]).toBeCloseTo(inst.x[i]! * inst.totalW, 12);
          return;
        }
        // Marginal utility ∝ 1/(1/γ_i + p_i/x_i); its inverse is the water level μ for every powered flow.
        let mu = NaN;
        for (let i = 0; i < n; i++) {
          if (!usable(i)) {
            expect(p[i]).toBe(0);
          } else if (p[i]! > 0) {
            const level = 1 / inst.gamma[i]! + p[i]! / inst.x[i]!;
            if (Number.isNaN(mu)) mu = level;
            expect(Math.abs(level - mu)).toBeLessThanOrEqual(1e-9 * mu);
          }
        }
        expect(Number.isNaN(mu)).toBe(false);
        // Unpowered usable flows sit above the water: their marginal utility at p = 0 is at most the powered ones'.
        for (let i = 0; i < n; i++) if (usable(i) && p[i] === 0) expect(1 / inst.gamma[i]!).toBeGreaterThanOrEqual(mu * (1 - 1e-9));
      }),
      { seed: 21, numRuns: 400 },
    );
  });

  it('achieves a sum rate at least equal power’s, and no random feasible allocation beats it', () => {
    fc.assert(
      fc.property(arbInstance, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }), (inst, noise) => {
        const wf = sumRate(inst, run(waterFilling(), inst));
        expect(wf).toBeGreaterThanOrEqual(sumRate(inst, run(equalPower(), inst)) * (1 - 1e-9));
        const r = Float64Array.from(inst.gamma, (_, i) => noise[i]!);
        normalizeShares(r, r.length);
        for (let i = 0; i < r.length; i++) r[i] = r[i]! * inst.totalW;
        expect(wf).toBeGreaterThanOrEqual(sumRate(inst, r) * (1 - 1e-9));
      }),
      { seed: 22, numRuns: 300 },
    );
  });

  it('two flows on half the band each: the closed form', () => {
    // 1/γ = 1 and 2, P = 4: μ = (4 + 0.5·1 + 0.5·2)/1 = 5.5, p = 0.5·(5.5 − 1), 0.5·(5.5 − 2).
    const both = run(waterFilling(), { gamma: [1, 0.5], x: Float64Array.from([0.5, 0.5]), totalW: 4 });
    expect(both[0]).toBeCloseTo(2.25, 12);
    expect(both[1]).toBeCloseTo(1.75, 12);
    // P = 0.2: μ = (0.2 + 0.5)/0.5 = 1.4 ≤ 2, so only the stronger flow is powered.
    const one = run(waterFilling(), { gamma: [1, 0.5], x: Float64Array.from([0.5, 0.5]), totalW: 0.2 });
    expect(one[0]).toBeCloseTo(0.2, 12);
    expect(one[1]).toBe(0);
    // Unequal shares, 1/γ = 0.1 and 0.3, x = 0.25 and 0.75, P = 1: μ = (1 + 0.025 + 0.225)/1 = 1.25.
    const uneven = run(waterFilling(), { gamma: [10, 1 / 0.3], x: Float64Array.from([0.25, 0.75]), totalW: 1 });
    expect(uneven[0]).toBeCloseTo(0.25 * 1.15, 12);
    expect(uneven[1]).toBeCloseTo(0.75 * 0.95, 12);
  });

  it('at high SNR it approaches equal power spectral density', () => {
    const inst = { gamma: [1e6, 2e6, 5e6], x: Float64Array.from([0.2, 0.3, 0.5]), totalW: 40 };
    const p = run(waterFilling(), inst);
    for (let i = 0; i < 3; i++) expect(p[i]! / (inst.x[i]! * inst.totalW)).toBeCloseTo(1, 5);
  });

  it('gives nothing to flows without gain or band, and spreads power as equal power would when no flow can use it', () => {
    const p = run(waterFilling(), { gamma: [0, 5, 5], x: Float64Array.from([0.5, 0, 0.5]), totalW: 2 });
    expect([p[0], p[1], p[2]]).toEqual([0, 0, 2]);
    const dead = run(waterFilling(), { gamma: [0, 0], x: Float64Array.from([0.25, 0.75]), totalW: 2 });
    expect([dead[0], dead[1]]).toEqual([0.5, 1.5]);
  });

  it('keeps working as the number of flows grows past its scratch size, and reuses the instance', () => {
    const policy = waterFilling();
    for (const n of [3, 40, 5, 100]) {
      const gamma = Array.from({ length: n }, (_, i) => 1 + i);
      const x = new Float64Array(n).fill(1 / n);
      const p = run(policy, { gamma, x, totalW: 3 });
      expect(p.subarray(0, n).reduce((a, b) => a + b, 0)).toBeCloseTo(3, 10);
      // Stronger flows (larger γ) never get less power on equal shares.
      for (let i = 1; i < n; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]!);
    }
  });

  it('rejects a negative or non-finite total power', () => {
    for (const policy of [waterFilling(), equalPower()]) {
      for (const bad of [-1, Number.NaN, Infinity]) {
        expect(() => policy.allocate([flowView()], Float64Array.from([1]), bad, new Float64Array(1))).toThrow(SemcomError);
      }
    }
  });
});

describe('equal power', () => {
  it('gives power in proportion to band share (constant spectral density)', () => {
    const p = run(equalPower(), { gamma: [1, 2, 3], x: Float64Array.from([0.5, 0.25, 0.25]), totalW: 8 });
    expect([p[0], p[1], p[2]]).toEqual([4, 2, 2]);
    const unnormalised = run(equalPower(), { gamma: [1, 2], x: Float64Array.from([1, 3]), totalW: 8 });
    expect([unnormalised[0], unnormalised[1]]).toEqual([2, 6]);
    const zero = run(equalPower(), { gamma: [1, 2], x: Float64Array.from([0, 0]), totalW: 8 });
    expect([zero[0], zero[1]]).toEqual([4, 4]);
  });
});
