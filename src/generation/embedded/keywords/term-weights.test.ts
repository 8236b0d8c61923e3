import { describe, expect, it } from 'vitest';
import { keepHighestWeights, learnTermWeights } from './term-weights.js';

describe('learnTermWeights', () => {
  it('is the smoothed IDF ln((N + 1) / (df + 1)) + 1, counting a lemma once per document', () => {
    const w = learnTermWeights([['dog', 'dog', 'bark'], ['dog'], ['cat'], []]);
    expect(w.documents).toBe(4);
    expect(w.weight('dog')).toBeCloseTo(Math.log(5 / 3) + 1, 12);
    expect(w.weight('bark')).toBeCloseTo(Math.log(5 / 2) + 1, 12);
    // Never seen: df = 0, the largest weight.
    expect(w.weight('zebra')).toBeCloseTo(Math.log(5) + 1, 12);
    expect(w.weight('zebra')).toBeGreaterThan(w.weight('bark'));
  });
});

describe('keepHighestWeights', () => {
  const w = learnTermWeights([['the'], ['dog', 'run'], ['dog'], ['run'], ['dog', 'run', 'big']]);

  it('keeps the rarest keywords in sentence order', () => {
    // Weights: zebra (unseen) > big > dog = run; the earlier of equal weights wins.
    const kw = ['dog', 'zebra', 'run', 'big'];
    expect(keepHighestWeights(kw, kw, w, 2)).toEqual([1, 3]);
    expect(keepHighestWeights(kw, kw, w, 3)).toEqual([0, 1, 3]);
    expect(keepHighestWeights(kw, kw, w, 0)).toEqual([]);
    expect(keepHighestWeights(kw, kw, w, 10)).toEqual([0, 1, 2, 3]);
  });

  it('never drops a negator before another keyword', () => {
    const kw = ['dog', 'not', 'zebra', 'never'];
    expect(keepHighestWeights(kw, ['dog', 'not', 'zebra', 'never'], w, 2)).toEqual([1, 3]);
    expect(keepHighestWeights(kw, ['dog', 'not', 'zebra', 'never'], w, 3)).toEqual([1, 2, 3]);
  });
});
