/**
 * The embedded embedding model `word-vectors`: a text's vector is the mean of
 * its tokens' GloVe vectors (embed.ts), from the compact table committed under
 * models/word-vectors/. It runs offline in microseconds per sentence and is
 * the default behind semantic similarity (seed 002 Sec. IV, where spaCy's
 * vector similarity plays this role); real sentence encoders such as
 * all-MiniLM-L6-v2 (seed 003 Sec. IV) plug in through the other providers.
 */
import { SemcomError } from '../../../core/errors.js';
import type { EmbedCall, EmbedResult, EmbeddingModel } from '../../contracts/embedding-model.js';
import { meanWordVector, type MeanWordVectorOptions } from './embed.js';
import { loadWordVectorTable, type WordVectorLookup } from './table.js';

/** The model's id, and its name in the embedded registry. */
export const WORD_VECTORS_MODEL_ID = 'word-vectors';
/** Vector length of the committed table (GloVe 100d). */
export const WORD_VECTORS_DIMENSIONS = 100;

export interface WordVectorModelOptions extends MeanWordVectorOptions {
  /** The table to read; default the committed one, loaded on the first call. */
  readonly table?: WordVectorLookup;
  /** Advertised batch size (default 1024); larger batches are accepted too. */
  readonly maxBatchSize?: number;
}

/**
 * Creates the `word-vectors` embedding model (provider `embedded`). Creating
 * it reads nothing; the first `doEmbed` loads the table (tens of
 * milliseconds) and rejects with the loader's `SemcomError` if the files are
 * missing (`PROVIDER_UNAVAILABLE`) or corrupt (`MALFORMED_INPUT`).
 *
 * `doEmbed` ignores `timeoutMs` (a batch of a thousand sentences takes a few
 * milliseconds) and rejects with `ABORTED` if the signal is already aborted.
 */
export function createWordVectorEmbeddingModel(options: WordVectorModelOptions = {}): EmbeddingModel {
  const maxBatchSize = options.maxBatchSize ?? 1024;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new SemcomError('INVALID_ARGUMENT', `createWordVectorEmbeddingModel: maxBatchSize must be a positive integer, got ${String(maxBatchSize)}`);
  }
  const dimensions = options.table?.dimensions ?? WORD_VECTORS_DIMENSIONS;
  const embedOptions: MeanWordVectorOptions = { includePunctuation: options.includePunctuation ?? true };
  return {
    provider: 'embedded',
    modelId: WORD_VECTORS_MODEL_ID,
    dimensions,
    maxBatchSize,
    async doEmbed(call: EmbedCall): Promise<EmbedResult> {
      if (call == null || !Array.isArray(call.texts)) {
        throw new SemcomError('INVALID_ARGUMENT', 'word-vectors doEmbed: call.texts must be an array of strings');
      }
      if (call.abortSignal?.aborted) throw new SemcomError('ABORTED', 'word-vectors doEmbed: aborted before it started');
      for (let i = 0; i < call.texts.length; i++) {
        if (typeof call.texts[i] !== 'string') {
          throw new SemcomError('INVALID_ARGUMENT', `word-vectors doEmbed: text ${i} is a ${typeof call.texts[i]}, expected a string`);
        }
      }
      const table = options.table ?? loadWordVectorTable();
      if (table.dimensions !== dimensions) {
        throw new SemcomError('MALFORMED_INPUT', `word-vectors: the table has ${table.dimensions} dimensions, expected ${dimensions}; re-create it with \`npm run build:word-vectors\``);
      }
      const scratch = new Float64Array(dimensions);
      const embeddings = call.texts.map((text) => meanWordVector(table, text, embedOptions, scratch).vector);
      return { embeddings };
    },
  };
}

/**
 * What the lead passes to the embedded registry:
 * `registerEmbeddedModel(wordVectorsRegistration.name, wordVectorsRegistration.models)`.
 */
export const wordVectorsRegistration = {
  name: WORD_VECTORS_MODEL_ID,
  models: { embedding: (): EmbeddingModel => createWordVectorEmbeddingModel() },
} as const;
