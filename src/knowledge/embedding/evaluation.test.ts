import { describe, expect, it } from 'vitest';
import { benchmarkFromTriples } from '../benchmark/kg-benchmark.js';
import { evaluateLinkPrediction, rankOf } from './evaluation.js';
import { TransE } from './transe.js';

/** TransE in one dimension with hand-placed entities: score(h, r, t) = γ − |h + r − t|. */
function lineModel(positions: number[], shift: number): TransE {
  return new TransE(
    { entityCount: positions.length, relationCount: 1, dim: 1, gamma: 10 },
    { entities: Float32Array.from(positions), relations: Float32Array.of(shift), entityWidth: 1, relationWidth: 1 },
  );
}

describe('evaluateLinkPrediction on a hand-made graph', () => {
  // Entities at 0, 1, 2, 3, 10 on a line; r = +1.
  const model = lineModel([0, 1, 2, 3, 10], 1);
  const b = benchmarkFromTriples({
    entities: ['e0', 'e1', 'e2', 'e3', 'e4'],
    train: [
      ['e0', 'r', 'e1'],
      ['e1', 'r', 'e2'],
    ],
    test: [['e0', 'r', 'e2']],
  });

  it('ranks as worked out by hand: raw, with ties counted half', () => {
    // Tail of (e0, r, ?): distances |1 − x| = e0 1, e1 0, e2 1 (true), e3 2, e4 9: one better (e1), one tie (e0).
    // Head of (?, r, e2): distances |x − 1| = e0 1 (true), e1 0, e2 1, e3 2, e4 9: one better (e1), one tie (e2).
    const raw = evaluateLinkPrediction(model, b, 'test', { filtered: false });
    expect(raw.tail.meanRank).toBe(2.5);
    expect(raw.head.meanRank).toBe(2.5);
    expect(raw.mrr).toBeCloseTo(1 / 2.5, 12);
    expect(raw.hits1).toBe(0);
    expect(raw.hits3).toBe(1);
    expect(raw.count).toBe(1);
    expect(raw.queries).toBe(2);
    expect(evaluateLinkPrediction(model, b, 'test', { filtered: false, ties: 'optimistic' }).meanRank).toBe(2);
    expect(evaluateLinkPrediction(model, b, 'test', { filtered: false, ties: 'pessimistic' }).meanRank).toBe(3);
  });

  it('filters the other known answers: (e0, r, e1) and (e1, r, e2) are facts, so e1 leaves both rankings', () => {
    const f = evaluateLinkPrediction(model, b, 'test');
    expect(f.filtered).toBe(true);
    expect(f.tail.meanRank).toBe(1.5);
    expect(f.head.meanRank).toBe(1.5);
    expect(f.mrr).toBeCloseTo(1 / 1.5, 12);
    expect(f.perRelation.r.mrr).toBeCloseTo(1 / 1.5, 12);
  });

  it('gives MRR 1 to a perfect model and (n + 1)/2 to a constant one', () => {
    // A chain 0 → 1 → ... → 9 placed exactly: every true answer is the only one at distance 0.
    const n = 10;
    const triples = Array.from({ length: n - 1 }, (_, i) => [`c${i}`, 'next', `c${i + 1}`] as [string, string, string]);
    const chain = benchmarkFromTriples({ train: triples.slice(0, 5), test: triples.slice(5) });
    const perfect = lineModel(Array.from({ length: n }, (_, i) => i), 1);
    const r = evaluateLinkPrediction(perfect, chain, 'test');
    expect(r).toMatchObject({ mrr: 1, hits1: 1, hits10: 1, meanRank: 1, count: 4 });
    const constant = lineModel(new Array<number>(n).fill(0), 0);
    expect(evaluateLinkPrediction(constant, chain, 'test', { filtered: false }).meanRank).toBe((n + 1) / 2);
    expect(evaluateLinkPrediction(constant, chain, 'test', { filtered: false, ties: 'optimistic' }).mrr).toBe(1);
  });

  it('evaluates a fixed random sample with limit', () => {
    const n = 30;
    const triples = Array.from({ length: n - 1 }, (_, i) => [`c${i}`, 'next', `c${i + 1}`] as [string, string, string]);
    const chain = benchmarkFromTriples({ train: triples.slice(0, 9), test: triples.slice(9) });
    const m = lineModel(Array.from({ length: n }, (_, i) => (i * 7) % 11), 1);
    const a = evaluateLinkPrediction(m, chain, 'test', { limit: 5 });
    expect(a.count).toBe(5);
    expect(evaluateLinkPrediction(m, chain, 'test', { limit: 5 })).toEqual(a);
    expect(evaluateLinkPrediction(m, chain, 'test', { limit: 100 }).count).toBe(20);
    expect(() => evaluateLinkPrediction(m, chain, 'test', { limit: 0 })).toThrow(/limit/);
  });

  it('refuses a model of another shape', () => {
    expect(() => evaluateLinkPrediction(lineModel([0, 1], 1), b, 'test')).toThrow(/entities/);
  });
});

describe('rankOf', () => {
  it('ranks a NaN score last and ignores the target in the filter list', () => {
    const s = Float32Array.of(1, Number.NaN, 3);
    expect(rankOf(s, 3, 1, null, 'realistic')).toBe(3);
    expect(rankOf(Float32Array.of(5, 4, 3), 3, 1, Int32Array.of(1, 0), 'realistic')).toBe(1);
  });
});
