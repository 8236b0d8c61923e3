import { describe, expect, it } from 'vitest';
import type { EmbedCall, EmbeddingModel } from '../generation/contracts/embedding-model.js';
import { createWordVectorEmbeddingModel } from '../generation/embedded/word-vectors/model.js';
import { cosineSimilarity, exactMatch, normalizeForMatch, semanticSimilarity } from './similarity.js';

describe('cosineSimilarity', () => {
  it('matches closed forms', () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 1], [1, 0])).toBeCloseTo(Math.SQRT1_2, 15);
    expect(cosineSimilarity([3, -4], [-6, 8])).toBe(-1);
    expect(cosineSimilarity(new Float32Array([0.1, 0.2, 0.3]), new Float32Array([0.2, 0.4, 0.6]))).toBe(1);
    // cos of (1, 2, 3) and (4, 5, 6) = 32 / √(14 · 77).
    expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(32 / Math.sqrt(14 * 77), 15);
  });

  it('is 0 for a zero vector and invariant to positive scaling', () => {
    expect(cosineSimilarity([0, 0, 0], [1, 2, 3])).toBe(0);
    expect(cosineSimilarity([0, 0], [0, 0])).toBe(0);
    expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(cosineSimilarity([10, 20, 30], [0.4, 0.5, 0.6]), 15);
  });

  it('rejects mismatched, empty and non-finite vectors', () => {
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => cosineSimilarity([], [])).toThrow(/empty/);
    expect(() => cosineSimilarity([NaN, 1], [1, 1])).toThrow(/finite/);
  });
});

/** A fake model that embeds a text as [length, number of spaces, 1] and records its calls. */
function fakeModel(maxBatchSize: number, reply?: (texts: readonly string[]) => unknown): EmbeddingModel & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    provider: 'test',
    modelId: 'fake',
    maxBatchSize,
    calls,
    async doEmbed(call: EmbedCall) {
      calls.push([...call.texts]);
      if (reply) return reply(call.texts) as never;
      return { embeddings: call.texts.map((t) => new Float32Array([t.length, t.split(' ').length - 1, 1])) };
    },
  };
}

describe('semanticSimilarity', () => {
  it('embeds each distinct text once, in batches of maxBatchSize, and accepts pairs or two lists', async () => {
    const model = fakeModel(2);
    const a = ['ab', 'abcd', 'x y', 'ab'];
    const b = ['abcd', 'ab', 'x y', 'x y'];
    const sims = await semanticSimilarity(model, a, b);
    expect(model.calls).toEqual([['ab', 'abcd'], ['x y']]);
    const v = (t: string): number[] => [t.length, t.split(' ').length - 1, 1];
    expect(sims[0]).toBeCloseTo(cosineSimilarity(v('ab'), v('abcd')), 6);
    expect(sims[1]).toBe(sims[0]);
    expect(sims[2]).toBe(1);
    expect(sims[3]).toBeCloseTo(cosineSimilarity(v('ab'), v('x y')), 6);
    const fromPairs = await semanticSimilarity(fakeModel(8), a.map((t, i) => [t, b[i] as string] as const));
    expect(Array.from(fromPairs)).toEqual(Array.from(sims));
  });

  it('scores identical texts 1 without embedding them (spaCy convention)', async () => {
    const model = fakeModel(4);
    expect(Array.from(await semanticSimilarity(model, [['same', 'same']]))).toEqual([1]);
    expect(model.calls).toEqual([]);
  });

  it('turns a bad model reply into MALFORMED_REPLY and checks its input', async () => {
    await expect(semanticSimilarity(fakeModel(4, () => ({ embeddings: [] })), ['a'], ['b'])).rejects.toMatchObject({ code: 'MALFORMED_REPLY' });
    await expect(semanticSimilarity(fakeModel(4, (t) => ({ embeddings: t.map((_, i) => new Float32Array(i + 1).fill(1)) })), ['a'], ['b'])).rejects.toThrow(/length 2, expected 1/);
    await expect(semanticSimilarity(fakeModel(4, (t) => ({ embeddings: t.map(() => [NaN]) })), ['a'], ['b'])).rejects.toThrow(/non-finite/);
    await expect(semanticSimilarity(fakeModel(4), ['a'], ['b', 'c'])).rejects.toMatchObject({ code: 'LENGTH_MISMATCH' });
    await expect(semanticSimilarity(fakeModel(4), [['a']] as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(semanticSimilarity(fakeModel(4), ['a'], [3] as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('with the word-vector model: self 1, a paraphrase above an unrelated sentence, unknown words handled', async () => {
    const model = createWordVectorEmbeddingModel();
    const s = 'The dog chased the cat across the garden.';
    const [e1, e2] = (await model.doEmbed({ texts: [s, s] })).embeddings;
    expect(cosineSimilarity(e1!, e2!)).toBeCloseTo(1, 12);
    const [para, unrelated, unknown, partlyUnknown] = await semanticSimilarity(model, [
      [s, 'A dog ran after a cat in the garden.'],
      [s, 'Stock prices fell sharply after the quarterly earnings report.'],
      [s, 'zzqx qqzx'],
      [s, 'The dog zzqx chased the cat across the garden.'],
    ]);
    // Measured 0.967 and 0.695.
    expect(para).toBeGreaterThan((unrelated as number) + 0.2);
    expect(unknown).toBe(0);
    // An unknown word adds nothing to the mean, so the sentence is unchanged.
    expect(partlyUnknown).toBeCloseTo(1, 6);
  });
});

describe('exactMatch', () => {
  it('compares strings as they are unless asked to normalize', () => {
    expect(exactMatch('The cat.', 'The cat.')).toBe(true);
    expect(exactMatch('The cat.', 'the cat')).toBe(false);
    expect(exactMatch('The  Cat!', 'a cat', { normalize: true })).toBe(true);
    expect(exactMatch('cats', 'cat', { normalize: true })).toBe(false);
  });

  it('normalizes as the SQuAD evaluation script does', () => {
    expect(normalizeForMatch('  The Eiffel-Tower, an icon! ')).toBe('eiffeltower icon');
    expect(normalizeForMatch('ＡＢＣ')).toBe('abc');
    expect(() => exactMatch(1 as never, 'a')).toThrow(/strings/);
  });
});
