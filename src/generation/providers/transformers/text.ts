/**
 * Text generation with transformers.js: the text-generation pipeline on chat
 * messages, which formats them with the model's chat template
 * (tokenizer_config.json) and returns the conversation with the new
 * assistant turn appended.
 *
 * What the pipeline cannot do, and what happens instead: no seed (its
 * sampler draws from Math.random; `temperature` 0 or unset is greedy and so
 * reproducible), no stop sequences (the reply is cut at the first one
 * afterwards, finishReason `stop`), no grammar (`supportsStructuredOutput`
 * is false: `generateObject` writes the schema into the prompt and validates),
 * no log-probabilities, and no reliable finish reason otherwise (`other`).
 * Like embeddings, a call cannot be interrupted and is raced against its
 * deadline and the caller's signal.
 */
import { resolve } from 'node:path';
import { SemcomError } from '../../../core/errors.js';
import type { TextGenerateCall, TextGenerateResult, TextModel } from '../../contracts/text-model.js';
import { checkTimeoutMs, raceWithDeadline } from '../../helpers/cancel.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import type { TransformersOptions } from './embedding.js';
import { lazyPipeline, loadTransformers, runPipeline, TRANSFORMERS } from './runtime.js';

/** Tokens generated when the call sets no `maxTokens`. */
export const TRANSFORMERS_DEFAULT_MAX_TOKENS = 256;

/** Generation options of the pipeline for `call` (exported for tests). */
export function generationOptions(call: TextGenerateCall): Record<string, unknown> {
  const sample = call.temperature !== undefined && call.temperature > 0;
  return {
    max_new_tokens: call.maxTokens ?? TRANSFORMERS_DEFAULT_MAX_TOKENS,
    do_sample: sample,
    ...(sample ? { temperature: call.temperature } : {}),
    return_full_text: false,
  };
}

/** The assistant's reply in the pipeline output, cut at the first stop sequence. */
export function replyOf(output: unknown, stop: readonly string[] | undefined, what: string): TextGenerateResult {
  const first = Array.isArray(output) ? (output[0] as { generated_text?: unknown } | undefined) : undefined;
  const generated = first?.generated_text;
  let text: string | undefined;
  if (typeof generated === 'string') text = generated;
  else if (Array.isArray(generated)) {
    const last = generated[generated.length - 1] as { role?: unknown; content?: unknown } | undefined;
    if (last?.role === 'assistant' && typeof last.content === 'string') text = last.content;
  }
  if (text === undefined) {
    throw new SemcomError('MALFORMED_REPLY', `${what}: text-generation returned ${JSON.stringify(output)?.slice(0, 120)}, expected [{ generated_text }]`);
  }
  let cut = -1;
  for (const s of stop ?? []) {
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut >= 0 ? { text: text.slice(0, cut), finishReason: 'stop' } : { text, finishReason: 'other' };
}

/** A {@link TextModel} on a local ONNX folder; like the embedding model, everything is checked and loaded on the first call. */
export function createTransformersTextModel(options: TransformersOptions): TextModel {
  const folder = resolve(options.folder);
  const pipe = lazyPipeline(options.loader ?? loadTransformers, 'text-generation', folder);
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const what = `${TRANSFORMERS}:${folder} generateText`;
  return {
    provider: TRANSFORMERS,
    modelId: folder,
    supportsStructuredOutput: false,
    async doGenerate(call) {
      checkTimeoutMs(call.timeoutMs, what);
      const messages = call.messages.map(({ role, content }) => ({ role, content }));
      const work = (async () => replyOf(await runPipeline(pipe, messages, generationOptions(call), what), call.stop, what))();
      return raceWithDeadline(work, { abortSignal: call.abortSignal, timeoutMs: call.timeoutMs ?? defaultTimeoutMs, what });
    },
  };
}
