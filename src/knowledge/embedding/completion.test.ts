import { describe, expect, it } from 'vitest';
import { TripleIndex } from '../benchmark/triple-index.js';
import { predictTriples, toTripleRecords } from './completion.js';
import { TransE } from './transe.js';

// Entities at 0, 1, 2, 3, 10 on a line, one relation r = +1: score(h, r, t) = 10 − |h + 1 − t|.
const model = new TransE(
  { entityCount: 5, relationCount: 1, dim: 1, gamma: 10 },
  { entities: Float32Array.of(0, 1, 2, 3, 10), relations: Float32Array.of(1), entityWidth: 1, relationWidth: 1 },
);

describe('predictTriples', () => {
  it('returns the k best tails, best first, with their scores', () => {
    // From e1 (at 1): e2 at distance 0, then e3 and e1 at 1 (e1 is the query itself, left out), e0 at 2.
    expect(predictTriples(model, { head: 1, relation: 0, k: 3 })).toEqual([
      { head: 1, relation: 0, tail: 2, score: 10 },
      { head: 1, relation: 0, tail: 3, score: 9 },
      { head: 1, relation: 0, tail: 0, score: 8 },
    ]);
    expect(predictTriples(model, { head: 1, relation: 0, k: 1, allowSelf: true })[0].tail).toBe(2);
  });

  it('predicts heads, and leaves out known facts', () => {
    // Heads of (?, r, e3): e2 at 0, then e1 and e3 (itself, left out) at 1.
    expect(predictTriples(model, { tail: 3, relation: 0, k: 2 }).map((p) => p.head)).toEqual([2, 1]);
    const known = new TripleIndex(5, 1, Int32Array.of(2, 0, 3));
    expect(predictTriples(model, { tail: 3, relation: 0, k: 2, exclude: known }).map((p) => p.head)).toEqual([1, 0]);
  });

  it('refuses ambiguous or out-of-range queries', () => {
    expect(() => predictTriples(model, { head: 0, tail: 1, relation: 0, k: 1 })).toThrow(/exactly one/);
    expect(() => predictTriples(model, { relation: 0, k: 1 })).toThrow(/exactly one/);
    expect(() => predictTriples(model, { head: 9, relation: 0, k: 1 })).toThrow(/entity/);
    expect(() => predictTriples(model, { head: 0, relation: 1, k: 1 })).toThrow(/relation/);
    expect(() => predictTriples(model, { head: 0, relation: 0, k: 0 })).toThrow(/k must/);
  });
});

describe('toTripleRecords', () => {
  it('names the triples and flags them inferred', () => {
    const recs = toTripleRecords(predictTriples(model, { head: 0, relation: 0, k: 1 }), { entities: ['wn:a', 'wn:b', 'wn:c', 'wn:d', 'wn:e'], relations: ['hypernym'] }, { source: 'kge:transe', assertedAt: 5 });
    expect(recs).toEqual([{ head: 'wn:a', relation: 'hypernym', tail: 'wn:b', source: 'kge:transe', inferred: true, score: 10, assertedAt: 5 }]);
    expect(() => toTripleRecords([{ head: 0, relation: 3, tail: 1, score: 0 }], { entities: ['a', 'b'], relations: ['r'] }, { source: 'x' })).toThrow(/vocabulary/);
  });
});
