/**
 * The source the channel adaptation is trained and tested on: the project's
 * shared sentence embedding (`createWordVectorEmbeddingModel()`, the mean of
 * GloVe 100d word vectors from the compact table in models/word-vectors/),
 * the same model an understanding agent is given as `embedding`, scaled to
 * unit length by `toUnitLength` (scaling.ts), as `encode` scales at run time.
 * Texts whose embedding is the zero vector (no known token) are skipped:
 * they have no direction to learn from.
 */
import { embed } from '../../generation/helpers/embed.js';
import type { EmbeddingModel } from '../../generation/contracts/index.js';
import { createWordVectorEmbeddingModel, WORD_VECTORS_DIMENSIONS, WORD_VECTORS_MODEL_ID } from '../../generation/embedded/word-vectors/index.js';
import { toUnitLength } from './scaling.js';

/** d of the shipped maps: the length of the shared embedding. */
export const SOURCE_DIMS = WORD_VECTORS_DIMENSIONS;

/** The `source` field of the shipped weights, in words. */
export const SOURCE_DESCRIPTION = `embedded:${WORD_VECTORS_MODEL_ID} embedding (mean GloVe 100d word vector, models/word-vectors/) of a WordNet example sentence, scaled to unit length (train split)`;

/** Unit-length embeddings as the rows of one array. */
export interface SourceRows {
  /** count × dims, row-major. */
  readonly rows: Float64Array;
  readonly count: number;
  readonly dims: number;
  /** Texts left out because their embedding is the zero vector. */
  readonly skipped: number;
}

/**
 * Embeds `texts` with `model` (default: the shared word-vectors model) and
 * scales each vector to unit length. Rejects with the `embed` helper's
 * `SemcomError` when the model fails or replies malformed vectors.
 */
export async function embedSourceTexts(texts: readonly string[], model: EmbeddingModel = createWordVectorEmbeddingModel()): Promise<SourceRows> {
  const { embeddings, dimensions: dims } = await embed(model, texts);
  const rows = new Float64Array(texts.length * dims);
  let count = 0;
  for (const v of embeddings) {
    const u = toUnitLength(v);
    if (!u) continue;
    rows.set(u, count * dims);
    count++;
  }
  return { rows: rows.slice(0, count * dims), count, dims, skipped: texts.length - count };
}
