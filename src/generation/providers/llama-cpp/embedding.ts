/**
 * Embeddings with node-llama-cpp: one embedding context per model object,
 * `getEmbeddingFor` text by text (llama.cpp pools as the GGUF's metadata says,
 * e.g. mean pooling for nomic-embed-text or all-MiniLM GGUF exports). The
 * vectors are returned as the model gives them, not normalized.
 *
 * The caller's signal and the deadline are checked between texts, and the
 * whole batch is raced against both (one text in progress cannot be stopped).
 */
import { resolve } from 'node:path';
import { SemcomError } from '../../../core/errors.js';
import type { EmbeddingModel } from '../../contracts/embedding-model.js';
import { checkTimeoutMs, raceWithDeadline } from '../../helpers/cancel.js';
import { ProviderFailedError } from '../../helpers/failure.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import { lazy } from '../lazy.js';
import { LLAMA_CPP, loadGguf, loadLlamaCpp } from './runtime.js';
import type { LlamaCppOptions } from './text.js';

/** Texts per call; each is embedded in turn, so this only bounds the time between deadline checks. */
export const LLAMA_CPP_EMBED_BATCH = 16;

/** An {@link EmbeddingModel} on a GGUF file; like the text model, everything is checked and loaded on the first call. */
export function createLlamaCppEmbeddingModel(options: LlamaCppOptions): EmbeddingModel {
  const loader = options.loader ?? loadLlamaCpp;
  const file = resolve(options.file);
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const what = `${LLAMA_CPP}:${file} embed`;
  const embeddingContext = lazy(async () => (await loadGguf(loader, file)).model.createEmbeddingContext());

  async function run(texts: readonly string[], stopped: () => boolean): Promise<Float32Array[]> {
    const ctx = await embeddingContext();
    const out: Float32Array[] = [];
    for (const text of texts) {
      if (stopped()) break;
      let vector: readonly number[] | undefined;
      try {
        vector = (await ctx.getEmbeddingFor(text))?.vector;
      } catch (e) {
        throw new ProviderFailedError(`${what} failed in node-llama-cpp: ${(e as Error).message}`, { retryable: false, cause: e });
      }
      if (!vector || typeof vector.length !== 'number') throw new SemcomError('MALFORMED_REPLY', `${what}: node-llama-cpp returned no vector`);
      out.push(Float32Array.from(vector));
    }
    return out;
  }

  return {
    provider: LLAMA_CPP,
    modelId: file,
    maxBatchSize: LLAMA_CPP_EMBED_BATCH,
    async doEmbed(call) {
      checkTimeoutMs(call.timeoutMs, what);
      let done = false;
      const work = run(call.texts, () => done || call.abortSignal?.aborted === true);
      try {
        return { embeddings: await raceWithDeadline(work, { abortSignal: call.abortSignal, timeoutMs: call.timeoutMs ?? defaultTimeoutMs, what }) };
      } finally {
        done = true;
      }
    },
  };
}
