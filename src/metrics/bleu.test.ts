import { describe, expect, it } from 'vitest';
import {
  brevityPenalty,
  closestReferenceLength,
  corpusBleu,
  corpusBleuText,
  meanSentenceBleuText,
  modifiedPrecision,
  sentenceBleu,
  sentenceBleuText,
} from './bleu.js';

const split = (s: string): string[] => s.split(' ');

// The examples of Papineni et al. (2002) Sec. 2.1, as NLTK's doctests spell them.
const hyp1 = split('It is a guide to action which ensures that the military always obeys the commands of the party');
const hyp2 = split('It is to insure the troops forever hearing the activity guidebook that party direct');
const ref1 = split('It is a guide to action that ensures that the military will forever heed Party commands');
const ref2 = split('It is the guiding principle which guarantees the military forces always being under the command of the Party');
const ref3 = split('It is the practical guide for the army always to heed the directions of the party');
const refs = [ref1, ref2, ref3];

/** True when `x` printed with enough digits starts with `prefix` (a doctest "0.5045..." check). */
function startsWith(x: number, prefix: string): boolean {
  return x.toFixed(12).startsWith(prefix);
}

describe('modified n-gram precision (Papineni et al. Sec. 2.1; NLTK doctests)', () => {
  it('clips "the the the the the the the" to 2/7', () => {
    const r = [split('the cat is on the mat'), split('there is a cat on the mat')];
    const hyp = split('the the the the the the the');
    expect(modifiedPrecision(r, hyp, 1)).toEqual({ matches: 2, total: 7 });
    expect(modifiedPrecision(r, hyp, 2)).toEqual({ matches: 0, total: 6 });
  });

  it('gives the published precisions of the two candidates', () => {
    const p = (h: string[], n: number): number => {
      const k = modifiedPrecision(refs, h, n);
      return k.matches / k.total;
    };
    expect(modifiedPrecision(refs, hyp1, 1)).toEqual({ matches: 17, total: 18 }); // 0.9444...
    expect(startsWith(p(hyp2, 1), '0.5714')).toBe(true);
    expect(p(hyp1, 2)).toBe(0.5882352941176471);
    expect(startsWith(p(hyp2, 2), '0.07692')).toBe(true);
    expect(modifiedPrecision(refs, split('of the'), 1)).toEqual({ matches: 2, total: 2 });
    expect(modifiedPrecision(refs, split('of the'), 2)).toEqual({ matches: 1, total: 1 });
  });
});

describe('brevity penalty (Sec. 2.2.2; NLTK and mteval-v13a doctests)', () => {
  const a = (n: number): string[] => new Array<string>(n).fill('a');
  const bpOf = (refLens: number[], c: number): number => brevityPenalty(closestReferenceLength(refLens.map(a), c), c);

  it('matches the closed form exp(1 - r/c) and the published values', () => {
    expect(bpOf([12, 15, 17], 12)).toBe(1);
    expect(bpOf([28, 28], 12)).toBe(0.2635971381157267);
    expect(bpOf([28], 12)).toBeCloseTo(Math.exp(1 - 28 / 12), 15);
    expect(startsWith(bpOf([13, 2], 12), '0.9200')).toBe(true);
    expect(startsWith(bpOf([11, 8], 7), '0.8668')).toBe(true);
    expect(bpOf([11, 8, 6, 7], 7)).toBe(1);
  });

  it('takes the shorter reference on a tie, whatever the order', () => {
    expect(closestReferenceLength([a(13), a(11)], 12)).toBe(11);
    expect(closestReferenceLength([a(11), a(13)], 12)).toBe(11);
    expect(bpOf([13, 11], 12)).toBe(1);
  });

  it('is 0 for an empty hypothesis and 1 when c > r', () => {
    expect(brevityPenalty(5, 0)).toBe(0);
    expect(brevityPenalty(5, 6)).toBe(1);
    expect(() => brevityPenalty(-1, 3)).toThrow(/non-negative/);
  });
});

describe('sentence and corpus BLEU (NLTK doctest values)', () => {
  it('sentence BLEU-4 of the two candidates against three references', () => {
    expect(sentenceBleu(refs, hyp1).bleu).toBeCloseTo(0.5045666840058485, 15);
    // Candidate 2 has no 3-gram or 4-gram match: 0 without smoothing (NLTK >= 3.4;
    // the 0.3969 of older doctests came from silently dropping zero precisions),
    // 0.0370... with epsilon smoothing (NLTK method1).
    expect(sentenceBleu(refs, hyp2).bleu).toBe(0);
    expect(startsWith(sentenceBleu(refs, hyp2, { smoothing: 'epsilon' }).bleu, '0.0370')).toBe(true);
  });

  it('single reference, with and without smoothing', () => {
    // No zero counts here, so epsilon smoothing changes nothing (NLTK method1 = method0 = 0.4118...).
    expect(startsWith(sentenceBleu([ref1], hyp1).bleu, '0.4118')).toBe(true);
    expect(sentenceBleu([ref1], hyp1, { smoothing: 'epsilon' }).bleu).toBe(sentenceBleu([ref1], hyp1).bleu);
    // NLTK >= 3.6 method2 (add one to p2..p4 only).
    expect(startsWith(sentenceBleu([ref1], hyp1, { smoothing: 'add-one' }).bleu, '0.4452')).toBe(true);
  });

  it('corpus BLEU sums counts (0.5920...), unlike the mean of sentence BLEU (0.6223...)', () => {
    const hypB = split('he read the book because he was interested in world history');
    const refB = split('he was interested in world history because he read the book');
    const corpus = corpusBleu([refs, [refB]], [hyp1, hypB]);
    expect(startsWith(corpus.bleu, '0.5920')).toBe(true);
    const mean = (sentenceBleu(refs, hyp1).bleu + sentenceBleu([refB], hypB).bleu) / 2;
    expect(startsWith(mean, '0.6223')).toBe(true);
    expect(corpus.hypothesisLength).toBe(18 + 11);
    expect(corpus.referenceLength).toBe(18 + 11);
    expect(corpus.matches[0]).toBe(17 + 11);
    expect(corpus.totals).toEqual([29, 27, 25, 23]);
  });

  it('a corpus of one sentence is that sentence', () => {
    expect(corpusBleu([refs], [hyp2])).toEqual(sentenceBleu(refs, hyp2));
  });

  it('identical sentences score 1 and disjoint ones 0, whatever the smoothing', () => {
    for (const maxOrder of [1, 2, 3, 4]) {
      expect(sentenceBleu([ref2], ref2, { maxOrder }).bleu).toBe(1);
      for (const smoothing of ['none', 'epsilon', 'add-one'] as const) {
        expect(sentenceBleu([ref2], split('x y z w v'), { maxOrder, smoothing }).bleu).toBe(0);
      }
    }
  });

  it('BLEU-1 is BP times the clipped unigram precision', () => {
    const s = sentenceBleu([ref1], hyp2, { maxOrder: 1 });
    const k = modifiedPrecision([ref1], hyp2, 1);
    expect(s.bleu).toBeCloseTo(brevityPenalty(16, 14) * (k.matches / k.total), 15);
    expect(s.precisions).toHaveLength(1);
  });
});

describe('smoothing of zero counts (Chen and Cherry 2014)', () => {
  // the cat sat on a mat / the cat is on the mat: p1 = 4/6, p2 = 1/5, p3 = 0/4, p4 = 0/3, c = r = 6.
  const ref = [split('the cat is on the mat')];
  const hyp = split('the cat sat on a mat');

  it('none: a zero precision makes BLEU 0', () => {
    const s = sentenceBleu(ref, hyp);
    expect(s.bleu).toBe(0);
    expect(s.matches).toEqual([4, 1, 0, 0]);
    expect(s.totals).toEqual([6, 5, 4, 3]);
  });

  it('epsilon (method 1): zero-match precisions become eps / total', () => {
    const expected = Math.exp((Math.log(4 / 6) + Math.log(1 / 5) + Math.log(0.1 / 4) + Math.log(0.1 / 3)) / 4);
    expect(sentenceBleu(ref, hyp, { smoothing: 'epsilon' }).bleu).toBeCloseTo(expected, 14);
    const e2 = Math.exp((Math.log(4 / 6) + Math.log(1 / 5) + Math.log(0.5 / 4) + Math.log(0.5 / 3)) / 4);
    expect(sentenceBleu(ref, hyp, { smoothing: 'epsilon', epsilon: 0.5 }).bleu).toBeCloseTo(e2, 14);
  });

  it('add-one (method 2): (m + 1) / (total + 1) for n >= 2 only', () => {
    const expected = Math.exp((Math.log(4 / 6) + Math.log(2 / 6) + Math.log(1 / 5) + Math.log(1 / 4)) / 4);
    const s = sentenceBleu(ref, hyp, { smoothing: 'add-one' });
    expect(s.bleu).toBeCloseTo(expected, 14);
    expect(s.precisions[0]).toBe(4 / 6);
  });

  it('a hypothesis shorter than n has precision 0/1 for that order (NLTK)', () => {
    expect(sentenceBleu([['cat']], ['cat'], { maxOrder: 2 }).bleu).toBe(0);
    expect(sentenceBleu([['cat']], ['cat'], { maxOrder: 2, smoothing: 'epsilon' }).bleu).toBeCloseTo(Math.sqrt(0.1), 15);
    expect(sentenceBleu([['cat']], ['cat'], { maxOrder: 2, smoothing: 'add-one' }).bleu).toBeCloseTo(Math.sqrt(0.5), 15);
  });
});

describe('text forms', () => {
  it('tokenize with 13a, optionally lower-cased', () => {
    expect(sentenceBleuText('The cat sat.', 'the cat sat.').bleu).toBeLessThan(1);
    expect(sentenceBleuText('The cat sat.', 'the cat sat.', { lowercase: true }).bleu).toBe(1);
    // 13a splits the period off, so "sat." matches "sat" + "." of the reference.
    expect(sentenceBleuText('the cat sat .', 'the cat sat.', { maxOrder: 1 }).bleu).toBe(1);
    expect(sentenceBleuText('the cat sat .', 'the cat sat.', { maxOrder: 1, tokenizer: 'whitespace' }).precisions[0]).toBe(2 / 3);
  });

  it('meanSentenceBleuText averages sentence scores; corpusBleuText accepts several references', () => {
    const m = meanSentenceBleuText(['a b c d', 'e f g h'], ['a b c d', 'x y z w'], { maxOrder: 1 });
    expect(Array.from(m.perSentence)).toEqual([1, 0]);
    expect(m.mean).toBe(0.5);
    const c = corpusBleuText([[ref1.join(' '), ref2.join(' '), ref3.join(' ')]], [hyp1.join(' ')]);
    expect(c.bleu).toBe(sentenceBleu(refs, hyp1).bleu);
  });
});

describe('input validation', () => {
  it('rejects mismatched, empty or malformed input with stable codes', () => {
    expect(() => corpusBleu([[['a']]], [['a'], ['b']])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => corpusBleu([], [])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => sentenceBleu([], ['a'])).toThrow(/at least one reference/);
    expect(() => sentenceBleu([['a']], 'a b' as never)).toThrow(/array of string tokens/);
    expect(() => sentenceBleu([['a']], ['a'], { maxOrder: 5 })).toThrow(/maxOrder/);
    expect(() => sentenceBleu([['a']], ['a'], { smoothing: 'floor' as never })).toThrow(/smoothing/);
    expect(() => sentenceBleu([['a']], ['a'], { smoothing: 'epsilon', epsilon: 0 })).toThrow(/epsilon/);
    expect(() => meanSentenceBleuText(['a'], ['a', 'b'])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
  });
});

describe('effective order (sacreBLEU sentence BLEU)', () => {
  it('leaves out the orders a short hypothesis has no n-gram of', () => {
    const ref = [['stodgy', 'food']];
    expect(sentenceBleu(ref, ['stodgy', 'food']).bleu).toBe(0);
    expect(sentenceBleu(ref, ['stodgy', 'food'], { effectiveOrder: true }).bleu).toBe(1);
    // Three tokens: N_eff = 3 with p1 = 2/3, p2 = 1/2, p3 = 0/1, so unsmoothed BLEU is 0.
    expect(sentenceBleu([['a', 'b', 'c']], ['a', 'b', 'd'], { effectiveOrder: true }).bleu).toBe(0);
    // Closed form with N_eff = 2: sqrt(p1 · p2) · BP for a two-token hypothesis against a two-token reference.
    const s = sentenceBleu([['x', 'y']], ['x', 'z'], { effectiveOrder: true, smoothing: 'epsilon' });
    expect(s.bleu).toBeCloseTo(Math.sqrt((1 / 2) * (0.1 / 1)), 12);
    // Longer hypotheses are unaffected.
    const long = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
    expect(sentenceBleu([long], long, { effectiveOrder: true }).bleu).toBe(sentenceBleu([long], long).bleu);
  });
});
