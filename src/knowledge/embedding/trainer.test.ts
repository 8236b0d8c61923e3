import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { benchmarkFromTriples, type KgBenchmark } from '../benchmark/kg-benchmark.js';
import { evaluateLinkPrediction } from './evaluation.js';
import { trainKge, type KgeTrainOptions } from './trainer.js';

/**
 * A 6 × 6 grid with relations `right` ((a, b) → (a + 1, b)) and `up`
 * ((a, b) → (a, b + 1)). Every held-out triple follows from the rest: a
 * translation model can place e(a, b) = a·R + b·U, a rotation model can do
 * the same with two rotations.
 */
function grid(): KgBenchmark {
  const n = 6;
  const id = (a: number, b: number): string => `g${a}_${b}`;
  const all: [string, string, string][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a + 1 < n) all.push([id(a, b), 'right', id(a + 1, b)]);
      if (b + 1 < n) all.push([id(a, b), 'up', id(a, b + 1)]);
    }
  }
  const order = Rng.stream(5).shuffle(all.map((_, i) => i));
  const test = order.slice(0, 8).map((i) => all[i]);
  const train = order.slice(8).map((i) => all[i]);
  return benchmarkFromTriples({ train, test, entities: Array.from({ length: n * n }, (_, i) => id(Math.floor(i / n), i % n)) });
}

const base: KgeTrainOptions = { model: 'transe', dim: 16, gamma: 2, lr: 0.01, batchSize: 16, negatives: 8, alpha: 0.5, epochs: 300, lrDecay: null };

describe('trainKge', () => {
  const b = grid();

  it('learns held-out grid triples that follow from the training ones (TransE and RotatE)', () => {
    for (const model of ['transe', 'rotate'] as const) {
      const before = trainKge(b, { ...base, model, epochs: 1, lr: 1e-9 }, Rng.stream(1)).model;
      const r0 = evaluateLinkPrediction(before, b, 'test');
      const { model: trained, epochs } = trainKge(b, { ...base, model }, Rng.stream(1));
      const r = evaluateLinkPrediction(trained, b, 'test');
      // An untrained model ranks the answer near the middle of 36; the trained one near the top.
      expect(r0.mrr, model).toBeLessThan(0.3);
      expect(r.mrr, model).toBeGreaterThan(0.8);
      expect(r.hits10, model).toBe(1);
      expect(epochs[epochs.length - 1].loss).toBeLessThan(epochs[0].loss);
    }
  });

  it('is deterministic for a seed, and another seed gives another model', () => {
    const opts = { ...base, epochs: 3 };
    const a = trainKge(b, opts, Rng.stream(7)).model;
    const c = trainKge(b, opts, Rng.stream(7)).model;
    const d = trainKge(b, opts, Rng.stream(8)).model;
    expect(c.params.entities).toEqual(a.params.entities);
    expect(c.params.relations).toEqual(a.params.relations);
    expect(d.params.entities).not.toEqual(a.params.entities);
  });

  it('calls onEpoch and stops when asked', () => {
    const seen: number[] = [];
    const r = trainKge(b, { ...base, epochs: 10, onEpoch: (e) => (seen.push(e.epoch), e.epoch === 3 ? 'stop' : undefined) }, Rng.stream(1));
    expect(seen).toEqual([1, 2, 3]);
    expect(r.epochs.length).toBe(3);
    expect(r.steps).toBe(3 * Math.ceil(b.train.length / 3 / base.batchSize));
  });

  it('decays the learning rate as configured', () => {
    const lrs: number[] = [];
    trainKge(b, { ...base, epochs: 4, lrDecay: { atFraction: 0.5, factor: 0.1 }, onEpoch: (e) => void lrs.push(e.lr) }, Rng.stream(1));
    expect(lrs).toEqual([0.01, 0.01, 0.001, 0.001].map((x) => expect.closeTo(x, 12)));
  });

  it('refuses bad options and continues an initial model of the right shape only', () => {
    expect(() => trainKge(b, { ...base, dim: 0 }, Rng.stream(1))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => trainKge(b, { ...base, lr: -1 }, Rng.stream(1))).toThrow(/lr/);
    expect(() => trainKge(b, { ...base, model: 'conve' as never }, Rng.stream(1))).toThrow(/model/);
    expect(() => trainKge({ entityCount: 3, relationCount: 1, train: new Int32Array(0) }, base, Rng.stream(1))).toThrow(/no training triples/);
    const m = trainKge(b, { ...base, epochs: 1 }, Rng.stream(1)).model;
    expect(() => trainKge(b, { ...base, dim: 4, initialModel: m }, Rng.stream(1))).toThrow(/initialModel/);
    expect(trainKge(b, { ...base, epochs: 1, initialModel: m }, Rng.stream(1)).model).toBe(m);
  });
});
