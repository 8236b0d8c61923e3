import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { AdversarialLoss } from './adversarial-loss.js';
import { zeroParamsLike, type KgeModel } from './kge-model.js';
import { RotatE } from './rotate.js';
import { deserializeKgeModel } from './serialization.js';
import { TransE } from './transe.js';

const NE = 7;
const NR = 3;

// dim 5 and γ = 3 give an initial range (γ + 2)/dim = 1, so no coordinate sits near an L1 kink by accident.
const makers: Record<string, () => KgeModel> = {
  'TransE L1': () => TransE.random({ entityCount: NE, relationCount: NR, dim: 5, gamma: 3 }, Rng.stream(11)),
  'TransE L2': () => TransE.random({ entityCount: NE, relationCount: NR, dim: 5, gamma: 3, norm: 'L2' }, Rng.stream(12)),
  RotatE: () => RotatE.random({ entityCount: NE, relationCount: NR, dim: 5, gamma: 3 }, Rng.stream(13)),
};

/** Central finite difference of f with respect to every parameter (in float64 copies written back to float32). */
function numericGradient(model: KgeModel, f: () => number, eps = 1e-3): { entities: Float64Array; relations: Float64Array } {
  const out = { entities: new Float64Array(model.params.entities.length), relations: new Float64Array(model.params.relations.length) };
  for (const key of ['entities', 'relations'] as const) {
    const p = model.params[key];
    for (let i = 0; i < p.length; i++) {
      const x = p[i];
      p[i] = x + eps;
      model.refresh();
      const up = f();
      p[i] = x - eps;
      model.refresh();
      const down = f();
      p[i] = x;
      model.refresh();
      // The step actually taken in float32 arithmetic.
      out[key][i] = (up - down) / (Math.fround(x + eps) - Math.fround(x - eps));
    }
  }
  return out;
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `index ${i}: ${a[i]} vs ${b[i]}`).toBeLessThan(tol);
}

describe.each(Object.keys(makers))('%s', (name) => {
  const model = makers[name]();
  const scores = new Float32Array(NE);

  it('scores all tails and all heads as score() does', () => {
    for (let r = 0; r < NR; r++) {
      model.scoreAllTails(2, r, scores);
      for (let e = 0; e < NE; e++) expect(scores[e]).toBeCloseTo(model.score(2, r, e), 4);
      model.scoreAllHeads(r, 5, scores);
      for (let e = 0; e < NE; e++) expect(scores[e]).toBeCloseTo(model.score(e, r, 5), 4);
    }
  });

  it('has the analytic gradient of score (central finite differences)', () => {
    for (const [h, r, t] of [
      [0, 1, 4],
      [3, 2, 3],
    ]) {
      const grad = zeroParamsLike(model.params);
      model.accumulateGradient(h, r, t, 1.7, grad);
      const num = numericGradient(model, () => 1.7 * model.score(h, r, t));
      expectClose(grad.entities, num.entities, 2e-3);
      expectClose(grad.relations, num.relations, 2e-3);
    }
  });

  it('scores and differentiates corrupted batches like the single-triple methods', () => {
    const cands = Int32Array.of(1, 4, 4, 6, 0);
    const dS = Float64Array.of(0.3, -1.1, 0.5, 2, 0.01);
    for (const corruptHead of [false, true]) {
      const out = new Float64Array(cands.length);
      model.scoreCorrupted(2, 1, 5, corruptHead, cands, cands.length, out);
      cands.forEach((e, j) => expect(out[j]).toBeCloseTo(corruptHead ? model.score(e, 1, 5) : model.score(2, 1, e), 5));
      const batched = zeroParamsLike(model.params);
      model.accumulateCorrupted(2, 1, 5, corruptHead, cands, cands.length, dS, batched);
      const single = zeroParamsLike(model.params);
      cands.forEach((e, j) => (corruptHead ? model.accumulateGradient(e, 1, 5, dS[j], single) : model.accumulateGradient(2, 1, e, dS[j], single)));
      expectClose(batched.entities, single.entities, 1e-5);
      expectClose(batched.relations, single.relations, 1e-5);
    }
  });

  it('has the analytic gradient of the self-adversarial loss of one positive and its negatives', () => {
    const cands = Int32Array.of(0, 3, 6);
    const negScores = new Float64Array(3);
    const loss = new AdversarialLoss(3);
    const lossAt = (fixed?: Float64Array): number => {
      model.scoreCorrupted(1, 2, 4, false, cands, 3, negScores);
      return loss.compute(model.score(1, 2, 4), negScores, 3, 0.8, fixed);
    };
    lossAt();
    const p = Float64Array.from(loss.weights.subarray(0, 3));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const grad = zeroParamsLike(model.params);
    model.accumulateGradient(1, 2, 4, loss.dPositive, grad);
    model.accumulateCorrupted(1, 2, 4, false, cands, 3, Float64Array.from(loss.dNegative.subarray(0, 3)), grad);
    // The weights are constants of the gradient (Sun et al. 2019, Eq. 5): hold them at p.
    const num = numericGradient(model, () => lossAt(p));
    expectClose(grad.entities, num.entities, 2e-3);
    expectClose(grad.relations, num.relations, 2e-3);
  });

  it('round-trips through serialize/deserialize exactly', () => {
    const { model: back, meta } = deserializeKgeModel(model.serialize({ benchmark: 'toy' }));
    expect(meta).toEqual({ benchmark: 'toy' });
    expect(back.name).toBe(model.name);
    expect(back.params.entities).toEqual(model.params.entities);
    expect(back.params.relations).toEqual(model.params.relations);
    expect(back.score(1, 2, 3)).toBe(model.score(1, 2, 3));
  });
});

describe('closed forms', () => {
  it('TransE scores γ − ‖h + r − t‖ (L1 and L2)', () => {
    const params = { entities: Float32Array.of(1, 2, 0, 0, 4, 6), relations: Float32Array.of(3, 4), entityWidth: 2, relationWidth: 2 };
    const l1 = new TransE({ entityCount: 3, relationCount: 1, dim: 2, gamma: 10 }, params);
    // h = (1, 2), r = (3, 4), t = (4, 6): h + r − t = (0, 0).
    expect(l1.score(0, 0, 2)).toBe(10);
    // t = (0, 0): h + r − t = (4, 6).
    expect(l1.score(0, 0, 1)).toBe(0);
    const l2 = new TransE({ entityCount: 3, relationCount: 1, dim: 2, gamma: 10, norm: 'L2' }, params);
    expect(l2.score(0, 0, 1)).toBeCloseTo(10 - Math.sqrt(52), 6);
  });

  it('RotatE with phase π is symmetric and with phase θ composes to 2θ', () => {
    const m = RotatE.random({ entityCount: 4, relationCount: 3, dim: 6, gamma: 4 }, Rng.stream(3));
    const R = m.params.relations;
    for (let i = 0; i < 6; i++) {
      R[i] = Math.PI / m.phaseScale; // θ = π
      R[6 + i] = (0.3 * (i + 1)) / m.phaseScale;
      R[12 + i] = (0.6 * (i + 1)) / m.phaseScale;
    }
    m.refresh();
    // Symmetry: h∘(−1) = t  ⟺  t∘(−1) = h, and the distances agree.
    expect(m.score(0, 0, 1)).toBeCloseTo(m.score(1, 0, 0), 5);
    // Composition: make e1 = e0∘r1 and e2 = e1∘r1; then (e0, r2, e2) is exact (score γ).
    const E = m.params.entities;
    const rot = (src: number, dst: number): void => {
      for (let i = 0; i < 6; i++) {
        const th = 0.3 * (i + 1);
        const re = E[src * 12 + i];
        const im = E[src * 12 + 6 + i];
        E[dst * 12 + i] = re * Math.cos(th) - im * Math.sin(th);
        E[dst * 12 + 6 + i] = re * Math.sin(th) + im * Math.cos(th);
      }
    };
    rot(0, 1);
    rot(1, 2);
    expect(m.score(0, 1, 1)).toBeCloseTo(4, 5);
    expect(m.score(0, 2, 2)).toBeCloseTo(4, 5);
  });
});

describe('deserializeKgeModel refuses bad files with MALFORMED_INPUT', () => {
  const good = JSON.parse(TransE.random({ entityCount: 3, relationCount: 2, dim: 4, gamma: 2 }, Rng.stream(1)).serialize()) as Record<string, unknown>;
  const cases: [string, unknown][] = [
    ['not JSON', '{"format": "semcom-kge"'],
    ['an array', '[]'],
    ['another format', { ...good, format: 'other' }],
    ['a future version', { ...good, version: 2 }],
    ['an unknown model', { ...good, model: 'conve' }],
    ['a bad dim', { ...good, dim: 0 }],
    ['wrong widths', { ...good, entityWidth: 8 }],
    ['truncated weights', { ...good, entities: (good.entities as string).slice(0, 8) }],
    ['non-base64 weights', { ...good, relations: '***' }],
    ['a NaN weight', { ...good, relations: Buffer.from(new Float32Array(8).fill(Number.NaN).buffer).toString('base64') }],
    ['a bad norm', { ...good, options: { norm: 'L3' } }],
    ['non-string meta', { ...good, meta: { a: 1 } }],
  ];
  it.each(cases)('%s', (_, input) => {
    expect(() => deserializeKgeModel(typeof input === 'string' ? input : JSON.stringify(input))).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });
});
