/**
 * `embed`: one vector per text from an {@link EmbeddingModel}, in batches of
 * at most `model.maxBatchSize`, each batch with the retries, deadline and
 * cancellation of {@link CallControl}.
 *
 * The reply is checked, since a wrong vector would silently corrupt every
 * similarity computed from it: one vector per text, all of one length (the
 * model's `dimensions` when it declares one), every value finite. Anything
 * else is `MALFORMED_REPLY` (not retried: a server that miscounts once will
 * again). The vectors are copied into fresh `Float32Array`s the caller owns.
 */
import { SemcomError } from '../../core/errors.js';
import type { EmbeddingModel } from '../contracts/embedding-model.js';
import { guarded, invalid, modelLabel, policyOf, timeoutOf, type CallControl, type HelperRun } from './call-control.js';
import { withRetries } from './retry.js';

export type EmbedOptions = CallControl & {
  /** Texts per provider call; capped by `model.maxBatchSize` (the default). */
  readonly batchSize?: number;
};

export type EmbedHelperResult = {
  /** One vector per input text, in order. */
  readonly embeddings: Float32Array[];
  /** Their common length (0 when no texts were given and the model declares none). */
  readonly dimensions: number;
  /** Batches sent; `attempts` counts provider calls, retries included. */
  readonly batches: number;
} & HelperRun;

function malformed(what: string, detail: string): SemcomError {
  return new SemcomError('MALFORMED_REPLY', `${what}: ${detail}`);
}

/** Embeds `texts`; rejects with a `SemcomError`. */
export async function embed(model: EmbeddingModel, texts: readonly string[], options: EmbedOptions = {}): Promise<EmbedHelperResult> {
  const what = `${modelLabel(model)} embed`;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) throw invalid(what, 'texts must be an array of strings');
  if (!Number.isInteger(model.maxBatchSize) || model.maxBatchSize < 1) {
    throw invalid(what, `the model declares maxBatchSize ${String(model.maxBatchSize)}; it must be a positive integer`);
  }
  const { batchSize = model.maxBatchSize, abortSignal } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalid(what, `batchSize must be a positive integer, got ${String(batchSize)}`);
  const size = Math.min(batchSize, model.maxBatchSize);
  const timeoutMs = timeoutOf(options, what);

  let dimensions = model.dimensions ?? -1;
  const embeddings: Float32Array[] = [];
  const attemptMs: number[] = [];
  let attempts = 0;
  let batches = 0;
  const start = performance.now();
  for (let from = 0; from < texts.length; from += size) {
    const batch = texts.slice(from, from + size);
    const run = await withRetries(
      () => guarded(() => model.doEmbed({ texts: batch, abortSignal, timeoutMs }), timeoutMs, abortSignal, what),
      { what, abortSignal, policy: policyOf(options) },
    );
    attempts += run.attempts;
    attemptMs.push(...run.attemptMs);
    batches++;
    const vectors = run.value?.embeddings;
    if (!Array.isArray(vectors) || vectors.length !== batch.length) {
      throw malformed(what, `asked for ${batch.length} vectors (texts ${from}..${from + batch.length - 1}), got ${Array.isArray(vectors) ? vectors.length : 'none'}`);
    }
    vectors.forEach((v, i) => {
      const index = from + i;
      if (!(v instanceof Float32Array) && !Array.isArray(v)) throw malformed(what, `vector ${index} is not an array of numbers`);
      if (dimensions < 0) dimensions = v.length;
      if (v.length === 0 || v.length !== dimensions) throw malformed(what, `vector ${index} has ${v.length} dimensions, expected ${dimensions}`);
      const copy = Float32Array.from(v);
      const bad = copy.findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) throw malformed(what, `vector ${index} has a non-finite value (${copy[bad]}) at dimension ${bad}`);
      embeddings.push(copy);
    });
  }
  return {
    embeddings,
    dimensions: Math.max(dimensions, 0),
    batches,
    attempts,
    timing: { totalMs: performance.now() - start, attemptMs },
  };
}
