/**
 * Image description on an OpenAI-compatible server: a chat completion whose
 * one user message holds the prompt and the image as a PNG `data:` URL
 * (https://platform.openai.com/docs/guides/vision). Needs a vision model on
 * the server (for Ollama e.g. `llava`, `qwen2.5vl`, `moondream`); a text-only
 * model answers 400 or ignores the image.
 */
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import type { VisionModel } from '../../contracts/vision-model.js';
import { checkImage } from '../../helpers/describe-image.js';
import { chatCompletion, normalizeBaseURL, OPENAI_COMPATIBLE, type OpenAICompatibleOptions } from './chat.js';
import type { Endpoint } from './http.js';
import { pngDataUrl } from './png.js';

/** A {@link VisionModel} on an OpenAI-compatible server. */
export function createOpenAICompatibleVisionModel(options: OpenAICompatibleOptions): VisionModel & { readonly baseURL: string } {
  const endpoint: Endpoint = { baseURL: normalizeBaseURL(options.baseURL), apiKey: options.apiKey };
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const what = `${OPENAI_COMPATIBLE}:${options.model} describeImage`;
  return {
    provider: OPENAI_COMPATIBLE,
    modelId: options.model,
    baseURL: endpoint.baseURL,
    async doDescribe(call) {
      const { image, prompt, ...params } = call;
      checkImage(image, what);
      const message = {
        role: 'user',
        content: [
          { type: 'text' as const, text: prompt },
          { type: 'image_url' as const, image_url: { url: pngDataUrl(image) } },
        ],
      };
      const reply = await chatCompletion(endpoint, options.model, [message], params, what, defaultTimeoutMs);
      return { text: reply.text };
    },
  };
}
