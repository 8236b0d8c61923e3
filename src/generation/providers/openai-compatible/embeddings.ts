/**
 * Embeddings on an OpenAI-compatible server: POST {base}/embeddings with
 * `{model, input: texts, encoding_format: 'float'}`
 * (https://platform.openai.com/docs/api-reference/embeddings). Replies are put
 * back in input order by their `index` (servers may reorder), which must then
 * be 0..n−1 exactly once each. Counts, lengths and finiteness are checked by
 * the `embed` helper.
 */
import { SemcomError } from '../../../core/errors.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import type { EmbeddingModel } from '../../contracts/embedding-model.js';
import { checkTimeoutMs } from '../../helpers/cancel.js';
import { normalizeBaseURL, OPENAI_COMPATIBLE, type OpenAICompatibleOptions } from './chat.js';
import { postJson, type Endpoint } from './http.js';
import { embeddingsReply, parseWire } from './wire.js';

/**
 * Texts per request. OpenAI takes up to 2048 inputs; local servers embed a
 * batch sequentially anyway, and 64 short sentences keep one request well
 * inside the default 60 s deadline on a CPU.
 */
export const OPENAI_EMBED_BATCH = 64;

/** An {@link EmbeddingModel} on an OpenAI-compatible server. */
export function createOpenAICompatibleEmbeddingModel(options: OpenAICompatibleOptions & { readonly maxBatchSize?: number }): EmbeddingModel & { readonly baseURL: string } {
  const endpoint: Endpoint = { baseURL: normalizeBaseURL(options.baseURL), apiKey: options.apiKey };
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const what = `${OPENAI_COMPATIBLE}:${options.model} embed`;
  return {
    provider: OPENAI_COMPATIBLE,
    modelId: options.model,
    baseURL: endpoint.baseURL,
    maxBatchSize: options.maxBatchSize ?? OPENAI_EMBED_BATCH,
    async doEmbed(call) {
      checkTimeoutMs(call.timeoutMs, what);
      const json = await postJson(
        endpoint,
        '/embeddings',
        { model: options.model, input: call.texts, encoding_format: 'float' },
        { abortSignal: call.abortSignal, timeoutMs: call.timeoutMs ?? defaultTimeoutMs, what },
      );
      const { data } = parseWire(embeddingsReply, json, 'embeddings', what);
      const ordered: (Float32Array | undefined)[] = new Array(data.length);
      data.forEach((item, i) => {
        const at = item.index ?? i;
        if (at >= data.length || ordered[at] !== undefined) {
          throw new SemcomError('MALFORMED_REPLY', `${what}: the reply's indices are not 0..${data.length - 1} once each (index ${at} at position ${i})`);
        }
        ordered[at] = Float32Array.from(item.embedding);
      });
      return { embeddings: ordered as Float32Array[] };
    },
  };
}
