import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../../../core/errors.js';
import { codedBitsFromBitArray, codedBitsToBitArray, MAX_TOTAL } from '../../../semantic/arithmetic/index.js';
import { trainWordNgram } from './kneser-ney.js';
import { decodeSequence, encodeSequence, sequenceLogProb } from './word-coding.js';
import { END, END_TOKEN, UNK, UNK_TOKEN } from './word-vocabulary.js';

const TINY = [['a', 'b'], ['a', 'c'], ['b', 'c']];

const CORPUS = [
  'the cat sat on the mat',
  'the dog sat on the log',
  'a cat and a dog sat',
  'the cat saw the dog',
  'a dog saw a cat on a mat',
  'the log is on the mat',
  'the cat is on the log',
].map((s) => s.split(' '));

describe('interpolated Kneser–Ney word model', () => {
  it('orders the vocabulary by descending count, then code units, after <unk> and </s>', () => {
    const m = trainWordNgram([['b', 'a', 'c', 'b'], ['B', 'a', 'z']], { order: 2 });
    // a, b: count 2 each ('a' < 'b'); then count 1: 'B' (0x42) < 'c' < 'z' in code units.
    expect(m.vocabulary.words).toEqual([UNK_TOKEN, END_TOKEN, 'a', 'b', 'B', 'c', 'z']);
    expect(m.vocabulary.indexOf('unknown')).toBe(UNK);
    const pruned = trainWordNgram([['b', 'a', 'c', 'b'], ['B', 'a', 'z']], { order: 2, minCount: 2 });
    expect(pruned.vocabulary.words).toEqual([UNK_TOKEN, END_TOKEN, 'a', 'b']);
  });

  it('has the hand-computed continuation counts and probabilities (bigram, D = 0.5)', () => {
    const m = trainWordNgram(TINY, { order: 2, discount: 0.5 });
    // Bigram counts: </s> → {a:2, b:1}, a → {b:1, c:1}, b → {</s>:1, c:1}, c → {</s>:2}.
    expect(m.count(['a'], 'b')).toBe(1);
    expect(m.count([END_TOKEN], 'a')).toBe(2);
    expect(m.count(['c'], END_TOKEN)).toBe(2);
    // Continuation counts N1+(· w): a 1, b 2, c 2, </s> 2, <unk> 0 (total 7, 4 types).
    expect([UNK_TOKEN, END_TOKEN, 'a', 'b', 'c'].map((w) => m.count([], w))).toEqual([0, 2, 1, 2, 2]);
    // p(w) = max(N1+ − ½, 0)/7 + (½·4/7)/5.
    expect(m.probability('a', ['zzz-unseen-context'])).toBeCloseTo(9 / 70, 14); // <unk> history never seen: backs off
    expect(m.probability(UNK)).toBeCloseTo((1 / 3) * (4 / 70), 14); // first word: history </s>, <unk> unseen there
    expect(m.probability('b', ['a'])).toBeCloseTo(27 / 70, 14); // ½/2 + ½ · 19/70
    expect(m.probability('a', [])).toBeCloseTo(19 / 35, 14); // history </s>: 1.5/3 + (1/3) · 9/70
  });

  it('has the hand-computed trigram probabilities (D = 0.5)', () => {
    const m = trainWordNgram(TINY, { order: 3, discount: 0.5 });
    // Bigram continuation counts N1+(· v w): c → </s> has two left words (a, b).
    expect(m.count(['c'], END_TOKEN)).toBe(2);
    expect(m.count(['a'], 'c')).toBe(1);
    expect(m.count([END_TOKEN, 'a'], 'c')).toBe(1);
    // p(c | </s> a) = ½/2 + ½ · p(c | a), p(c | a) = ½/2 + ½ · 19/70 = 27/70.
    expect(m.probability('c', ['a'])).toBeCloseTo(31 / 70, 14); // history ['a'] is padded to </s> a
    // p(</s> | b c) = ½ + ½ · p(</s> | c), p(</s> | c) = 1.5/2 + ¼ · 19/70 = 229/280.
    expect(m.probability(END, ['b', 'c'])).toBeCloseTo(509 / 560, 14);
    // An unseen trigram history backs off to the bigram with γ = 1.
    expect(m.probability('c', ['c', 'b'])).toBeCloseTo(m.probability('c', ['zzz', 'b']), 14);
    expect(m.logProb('c', ['a'])).toBeCloseTo(Math.log(31 / 70), 14);
  });

  it('sums to 1 over the vocabulary in every history, with modified KN discounts', () => {
    for (const order of [1, 2, 3]) {
      const m = trainWordNgram(CORPUS, { order });
      for (const d of [m.discounts(1), m.discounts(order)]) for (const x of d) expect(x).toBeGreaterThan(0);
      for (const h of [[], ['the'], ['the', 'cat'], ['on', 'the'], ['zebra'], ['a', 'zebra'], ['zebra', 'a'], [END_TOKEN]]) {
        const p = m.probabilities(h);
        let sum = 0;
        for (let w = 0; w < m.size; w++) {
          expect(p[w]).toBeGreaterThan(0);
          expect(p[w]).toBeCloseTo(m.probability(w, h), 14);
          sum += p[w];
        }
        expect(sum).toBeCloseTo(1, 12);
      }
    }
  });

  it('gives integer tables with every entry ≥ 1 and total ≤ 2^20 that follow the probabilities', () => {
    const m = trainWordNgram(CORPUS, { order: 3 });
    for (const h of [[], ['the'], ['sat', 'on']]) {
      const f = m.distribution(h);
      const p = m.probabilities(h);
      let total = 0;
      for (let w = 0; w < m.size; w++) {
        expect(f[w]).toBeGreaterThanOrEqual(1);
        total += f[w];
      }
      expect(total).toBeLessThanOrEqual(MAX_TOTAL);
      for (let w = 0; w < m.size; w++) expect(Math.abs(f[w] / total - p[w])).toBeLessThan(1e-4);
    }
  });

  it('round-trips word sequences within −log2 p + 1 bit (+ table rounding)', () => {
    const m = trainWordNgram(CORPUS, { order: 3 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: m.size - 1 }).filter((w) => w !== END), { maxLength: 20 }), (seq) => {
        const coded = encodeSequence(m, seq);
        expect(decodeSequence(m, coded)).toEqual(seq);
        const ideal = -sequenceLogProb(m, seq) / Math.LN2;
        expect(coded.bitLength).toBeLessThanOrEqual(ideal + 1 + 0.01 * (seq.length + 1));
      }),
      { numRuns: 200 },
    );
    const seen = ['the', 'cat', 'sat', 'on', 'the', 'mat'].map((w) => m.vocabulary.indexOf(w));
    expect(encodeSequence(m, seen).bitLength).toBeLessThan(seen.length * Math.log2(m.size));
  });

  it('prefers the right word among candidates (MAP calibration of a corrupted keyword)', () => {
    const m = trainWordNgram(CORPUS, { order: 3 });
    const ix = (w: string): number => m.vocabulary.indexOf(w);
    const candidates = ['mat', 'cat', 'dog', 'the'].map(ix);
    const score = (w: number): number => sequenceLogProb(m, [ix('sat'), ix('on'), ix('the'), w]);
    const best = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
    expect(m.vocabulary.word(best)).toMatch(/^(mat|log)$/);
  });

  it('rejects bad input and never hangs on corrupted bits', () => {
    const m = trainWordNgram(CORPUS, { order: 2 });
    expect(() => trainWordNgram(CORPUS, { order: 4 })).toThrow(SemcomError);
    expect(() => trainWordNgram(CORPUS, { discount: 1.5 })).toThrow(SemcomError);
    expect(() => trainWordNgram([['a', END_TOKEN]])).toThrow(SemcomError);
    expect(() => trainWordNgram([['a', 3 as unknown as string]])).toThrow(SemcomError);
    expect(() => encodeSequence(m, [END])).toThrow(SemcomError);
    expect(() => encodeSequence(m, [m.size])).toThrow(SemcomError);
    expect(() => m.probability(-1)).toThrow(SemcomError);
    const bits = codedBitsToBitArray(encodeSequence(m, [2, 3, 4, 5]));
    for (let i = 0; i < bits.length; i++) {
      const flipped = bits.slice();
      flipped[i] ^= 1;
      try {
        decodeSequence(m, codedBitsFromBitArray(flipped), { maxLength: 30 });
      } catch (e) {
        expect((e as SemcomError).code).toBe('MALFORMED_INPUT');
      }
    }
    expect(() => decodeSequence(m, codedBitsFromBitArray(new Uint8Array(3000).fill(1)), { maxLength: 5 })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_INPUT' }),
    );
  });
});

describe('split of a bigram distribution into seen continuations and the lower-order remainder', () => {
  it('reproduces p(w | h) = γ(h) p1(w) for every unseen continuation and sums to 1', () => {
    const m = trainWordNgram([['a', 'b', 'c'], ['a', 'b', 'd'], ['b', 'c'], ['d', 'a', 'b']], { order: 2 });
    const p1 = m.lowerOrderProbabilities();
    for (const h of [[], ['a'], ['b'], ['zzz']]) {
      const seen = new Set(m.continuations(h));
      const full = m.probabilities(h);
      const ratios = [...full.keys()].filter((w) => !seen.has(w)).map((w) => full[w] / p1[w]);
      // One common factor γ(h) for every word not seen after h.
      for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 12);
      expect(full.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect([...m.continuations(['a'])].map((w) => m.vocabulary.words[w])).toEqual(['b']);
    expect(m.continuations(['zzz']).length).toBe(0);
    expect(() => trainWordNgram([['a']], { order: 3 }).lowerOrderProbabilities()).toThrow(/bigram/);
  });
});
