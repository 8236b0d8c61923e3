/**
 * Sentence embeddings with transformers.js: the feature-extraction pipeline
 * with mean pooling over tokens and L2 normalization, the recipe of
 * sentence-transformers models such as all-MiniLM-L6-v2 (seed 003 Sec. IV
 * measures semantic similarity with it), so cosine similarity is a dot product.
 *
 * onnxruntime cannot be interrupted mid-batch: a call is raced against its
 * deadline and the caller's signal, and a batch that loses runs to its end in
 * the background with its result dropped.
 */
import { resolve } from 'node:path';
import { SemcomError } from '../../../core/errors.js';
import type { EmbeddingModel } from '../../contracts/embedding-model.js';
import { checkTimeoutMs, raceWithDeadline } from '../../helpers/cancel.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import type { ModuleLoader } from '../peer-module.js';
import { lazyPipeline, loadTransformers, runPipeline, TRANSFORMERS, type TransformersModule, type TransformersTensor } from './runtime.js';

/** Texts per pipeline call; bounds the padded [batch, tokens] tensor onnxruntime allocates. */
export const TRANSFORMERS_EMBED_BATCH = 32;

export interface TransformersOptions {
  /** The ONNX folder (see ./runtime.ts for its files). */
  readonly folder: string;
  /** Deadline of a call that sets no `timeoutMs`, ms; default 60 000 (the first call also loads the model). */
  readonly timeoutMs?: number;
  /** Loads the module; default a dynamic import of @huggingface/transformers. Tests pass a fake. */
  readonly loader?: ModuleLoader<TransformersModule>;
}

/** Splits the pooled [n, d] tensor into n vectors, checking its shape. */
export function splitPooled(output: unknown, n: number, what: string): Float32Array[] {
  const t = output as Partial<TransformersTensor> | null;
  const dims = t?.dims;
  if (!t || !Array.isArray(dims) || dims.length !== 2 || dims[0] !== n || !(dims[1] > 0) || !t.data || t.data.length !== n * dims[1]) {
    throw new SemcomError('MALFORMED_REPLY', `${what}: feature-extraction returned shape ${JSON.stringify(dims)} for ${n} texts, expected [${n}, d] with its data`);
  }
  const d = dims[1];
  const data = Float32Array.from(t.data);
  return Array.from({ length: n }, (_, i) => data.slice(i * d, (i + 1) * d));
}

/**
 * An {@link EmbeddingModel} on a local ONNX folder. Nothing is loaded or
 * checked until the first call, which imports the package, checks the folder
 * and loads the weights (`PROVIDER_UNAVAILABLE` saying what is missing).
 */
export function createTransformersEmbeddingModel(options: TransformersOptions): EmbeddingModel {
  const folder = resolve(options.folder);
  const pipe = lazyPipeline(options.loader ?? loadTransformers, 'feature-extraction', folder);
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const what = `${TRANSFORMERS}:${folder} embed`;
  return {
    provider: TRANSFORMERS,
    modelId: folder,
    maxBatchSize: TRANSFORMERS_EMBED_BATCH,
    async doEmbed(call) {
      checkTimeoutMs(call.timeoutMs, what);
      const texts = [...call.texts];
      if (texts.length === 0) return { embeddings: [] };
      const work = (async () => splitPooled(await runPipeline(pipe, texts, { pooling: 'mean', normalize: true }, what), texts.length, what))();
      const embeddings = await raceWithDeadline(work, { abortSignal: call.abortSignal, timeoutMs: call.timeoutMs ?? defaultTimeoutMs, what });
      return { embeddings };
    },
  };
}
