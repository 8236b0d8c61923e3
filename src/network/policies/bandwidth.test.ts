import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalShares } from './equal.js';
import { knowledgeMatching } from './knowledge-matching.js';
import { normalizeShares } from './normalize.js';
import { NEVER_SERVED_FRACTION, proportionalFair } from './proportional-fair.js';
import { semanticImportance } from './semantic-importance.js';
import { flowView } from './test-support.js';
import type { BandwidthPolicy, FlowView } from './types.js';

const POLICIES: BandwidthPolicy[] = [equalShares(), proportionalFair(), semanticImportance(), knowledgeMatching()];

function allocate(policy: BandwidthPolicy, flows: FlowView[], extra = 0): Float64Array {
  const shares = new Float64Array(flows.length + extra).fill(-7);
  policy.allocate(flows, shares);
  return shares;
}

const arbFlow = fc.record({
  remainingBits: fc.double({ min: 0, max: 1e9, noNaN: true }),
  snrPerWatt: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e12, noNaN: true })),
  efficiency: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 8, noNaN: true })),
  averageRateBps: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })),
  importance: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })),
  matching: fc.double({ min: 0, max: 1, noNaN: true }),
  successIfDelivered: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  slackS: fc.double({ min: -10, max: 10, noNaN: true }),
});

describe('bandwidth policies: invariants', () => {
  it('every policy gives non-negative shares summing to 1 and leaves slots past n alone', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { minLength: 1, maxLength: 40 }), (flows) => {
        for (const policy of POLICIES) {
          const shares = allocate(policy, flows, 3);
          let sum = 0;
          for (let i = 0; i < flows.length; i++) {
            expect(shares[i]).toBeGreaterThanOrEqual(0);
            sum += shares[i]!;
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          for (let i = flows.length; i < shares.length; i++) expect(shares[i]).toBe(-7);
        }
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('every policy is permutation-equivariant: reordering flows reorders shares', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { minLength: 2, maxLength: 12 }), (flows) => {
        const reversed = [...flows].reverse();
        for (const policy of POLICIES) {
          const a = allocate(policy, flows);
          const b = allocate(policy, reversed);
          for (let i = 0; i < flows.length; i++) expect(b[flows.length - 1 - i]).toBeCloseTo(a[i]!, 12);
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('no flows: nothing written', () => {
    for (const policy of POLICIES) expect([...allocate(policy, [], 2)]).toEqual([-7, -7]);
  });
});

describe('equal shares', () => {
  it('gives 1/n whatever the flows', () => {
    const shares = allocate(equalShares(), [flowView({ efficiency: 0 }), flowView({ importance: 9 }), flowView(), flowView()]);
    expect([...shares]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('proportional fair', () => {
  it('weights by efficiency over average rate', () => {
    const flows = [
      flowView({ efficiency: 2, averageRateBps: 1e6 }),
      flowView({ efficiency: 4, averageRateBps: 1e6 }),
      flowView({ efficiency: 1, averageRateBps: 5e5 }),
    ];
    // Metrics 2e-6, 4e-6, 2e-6.
    const s = allocate(proportionalFair(), flows);
    expect(s[0]).toBeCloseTo(0.25, 14);
    expect(s[1]).toBeCloseTo(0.5, 14);
    expect(s[2]).toBeCloseTo(0.25, 14);
  });

  it('a never-served flow gets priority, finitely: weight as if its average were 1/1000 of the best', () => {
    const s = allocate(proportionalFair(), [flowView({ efficiency: 1, averageRateBps: 1e6 }), flowView({ efficiency: 1, averageRateBps: 0 })]);
    const ratio = 1 / NEVER_SERVED_FRACTION;
    expect(s[1]).toBeCloseTo(ratio / (ratio + 1), 14);
    expect(s[0]).toBeGreaterThan(0);
    // Nobody served yet: the weights are the efficiencies.
    const fresh = allocate(proportionalFair(), [flowView({ efficiency: 1, averageRateBps: 0 }), flowView({ efficiency: 3, averageRateBps: 0 })]);
    expect(fresh[0]).toBeCloseTo(0.25, 14);
  });

  it('a flow below the lowest MCS gets no band while another can use it; all below: equal', () => {
    const s = allocate(proportionalFair(), [flowView({ efficiency: 0 }), flowView({ efficiency: 1 })]);
    expect([...s]).toEqual([0, 1]);
    const none = allocate(proportionalFair(), [flowView({ efficiency: 0 }), flowView({ efficiency: 0 })]);
    expect([...none]).toEqual([0.5, 0.5]);
  });

  it('with static channels the exponential average drives PF to equal shares (the fluid fixed point)', () => {
    const bandwidthHz = 1e7;
    const eff = [0.5, 2, 5.5];
    const flows = eff.map((efficiency, i) => flowView({ efficiency, averageRateBps: [1e3, 5e6, 1e5][i] }));
    const shares = new Float64Array(3);
    const policy = proportionalFair();
    // One-pole average with α = 0.01 per epoch (a 100-epoch window).
    for (let t = 0; t < 3000; t++) {
      policy.allocate(flows, shares);
      for (let i = 0; i < 3; i++) flows[i]!.averageRateBps = 0.99 * flows[i]!.averageRateBps + 0.01 * shares[i]! * bandwidthHz * eff[i]!;
    }
    for (let i = 0; i < 3; i++) expect(shares[i]).toBeCloseTo(1 / 3, 6);
  });
});

describe('semantic importance', () => {
  it('shares in proportion to importance; all zero: equal', () => {
    const s = allocate(semanticImportance(), [flowView({ importance: 1 }), flowView({ importance: 2 }), flowView({ importance: 1 })]);
    expect([...s].map((x) => +x.toFixed(12))).toEqual([0.25, 0.5, 0.25]);
    const z = allocate(semanticImportance(), [flowView({ importance: 0 }), flowView({ importance: 0 })]);
    expect([...z]).toEqual([0.5, 0.5]);
    const one = allocate(semanticImportance(), [flowView({ importance: 0 }), flowView({ importance: 3 })]);
    expect([...one]).toEqual([0, 1]);
  });
});

describe('knowledge matching', () => {
  it('shares in proportion to importance × success if delivered', () => {
    const s = allocate(knowledgeMatching(), [
      flowView({ importance: 1, successIfDelivered: 0.9 }),
      flowView({ importance: 1, successIfDelivered: 0.3 }),
      flowView({ importance: 2, successIfDelivered: 0.6 }),
    ]);
    // Weights 0.9, 0.3, 1.2 over 2.4.
    expect(s[0]).toBeCloseTo(0.375, 14);
    expect(s[1]).toBeCloseTo(0.125, 14);
    expect(s[2]).toBeCloseTo(0.5, 14);
    const z = allocate(knowledgeMatching(), [flowView({ successIfDelivered: 0 }), flowView({ importance: 0 })]);
    expect([...z]).toEqual([0.5, 0.5]);
  });

  it('maximises Σ w_i log(x_i η_i) on the simplex (no feasible move improves it)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.double({ min: 0.01, max: 10, noNaN: true }), eta: fc.double({ min: 0.1, max: 8, noNaN: true }) }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (items, a, b, frac) => {
          const flows = items.map(({ w }) => flowView({ importance: w, successIfDelivered: 1 }));
          const x = allocate(knowledgeMatching(), flows);
          const utility = (s: ArrayLike<number>) => items.reduce((u, { w, eta }, i) => u + w * Math.log(s[i]! * eta), 0);
          const i = a % items.length;
          const j = (i + 1 + (b % (items.length - 1))) % items.length;
          const moved = Float64Array.from(x);
          const delta = frac * moved[i]!;
          moved[i] = moved[i]! - delta;
          moved[j] = moved[j]! + delta;
          expect(utility(moved)).toBeLessThanOrEqual(utility(x) + 1e-12);
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });
});

describe('normalizeShares', () => {
  it('treats negative and NaN weights as 0 and lets +Infinity weights split the band', () => {
    const s = Float64Array.from([-1, Number.NaN, 2, 6]);
    normalizeShares(s, 4);
    expect([...s]).toEqual([0, 0, 0.25, 0.75]);
    const inf = Float64Array.from([Infinity, 1, Infinity]);
    normalizeShares(inf, 3);
    expect([...inf]).toEqual([0.5, 0, 0.5]);
  });

  it('does not overflow on huge weights', () => {
    const s = Float64Array.from([1e308, 1e308, 1e308]);
    normalizeShares(s, 3);
    for (const x of s) expect(x).toBeCloseTo(1 / 3, 14);
  });
});
