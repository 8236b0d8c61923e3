import { describe, expect, it } from 'vitest';
import { createWordVectorEmbeddingModel } from '../../generation/embedded/word-vectors/index.js';
import { letterEmbeddingModel } from '../test-support.js';
import { embedSourceTexts, SOURCE_DIMS } from './source.js';

describe('embedSourceTexts', () => {
  it('gives the shared embedding model’s vectors scaled to unit length, skipping texts with no known word', async () => {
    const texts = ['The chef cooked pasta for the guests.', 'zzqxv qqzzx', 'It rained all night.'];
    const rows = await embedSourceTexts(texts);
    expect(rows).toMatchObject({ count: 2, dims: SOURCE_DIMS, skipped: 1 });
    const raw = (await createWordVectorEmbeddingModel().doEmbed({ texts: [texts[0], texts[2]] })).embeddings;
    for (let r = 0; r < 2; r++) {
      const x = rows.rows.subarray(r * SOURCE_DIMS, (r + 1) * SOURCE_DIMS);
      let xx = 0;
      let xv = 0;
      let vv = 0;
      for (let j = 0; j < SOURCE_DIMS; j++) {
        xx += x[j] * x[j];
        xv += x[j] * raw[r][j];
        vv += raw[r][j] * raw[r][j];
      }
      expect(xx).toBeCloseTo(1, 12);
      expect(xv / Math.sqrt(vv)).toBeCloseTo(1, 12);
      // The raw vector is not unit length: the scaling is doing something.
      expect(Math.abs(Math.sqrt(vv) - 1)).toBeGreaterThan(0.5);
    }
  });

  it('takes another embedding model', async () => {
    const rows = await embedSourceTexts(['abc', 'a'], letterEmbeddingModel());
    expect(rows.dims).toBe(26);
    expect(rows.rows[0]).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(rows.rows[26]).toBe(1);
  });
});
