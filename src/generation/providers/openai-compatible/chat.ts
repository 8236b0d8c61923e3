/**
 * Text generation on an OpenAI-compatible server: POST {base}/chat/completions
 * (https://platform.openai.com/docs/api-reference/chat). The contract maps
 * one to one onto the wire: maxTokens → max_tokens, temperature, seed, stop,
 * responseFormat → response_format {type: 'json_schema', json_schema: {name,
 * schema, strict: true}}, logprobs → logprobs: true, read back from
 * choices[0].logprobs.content[].{token, logprob}. Ollama, vLLM, llama.cpp
 * server and LM Studio accept all of these (servers that ignore `seed` or
 * `logprobs` just answer without them).
 */
import { SemcomError } from '../../../core/errors.js';
import type { TextGenerateCall, TextGenerateResult, TextModel } from '../../contracts/text-model.js';
import { checkTimeoutMs } from '../../helpers/cancel.js';
import { ProviderFailedError } from '../../helpers/failure.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import { postJson, type Endpoint } from './http.js';
import { chatCompletionReply, parseWire } from './wire.js';

export const OPENAI_COMPATIBLE = 'openai-compatible';

export interface OpenAICompatibleOptions {
  /** E.g. `http://localhost:11434/v1`; a trailing slash is dropped. */
  readonly baseURL: string;
  /** The server's model name, e.g. `qwen2.5:0.5b`. */
  readonly model: string;
  /** Bearer token; see {@link apiKeyFromEnv}. */
  readonly apiKey?: string;
  /** Deadline of a call that sets no `timeoutMs`, ms; default 60 000. */
  readonly timeoutMs?: number;
}

/** A message as the wire carries it: text, or text and image parts for vision. */
export type WireMessage =
  | { readonly role: string; readonly content: string }
  | { readonly role: string; readonly content: readonly ({ type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } })[] };

export type ChatParams = Omit<TextGenerateCall, 'messages'>;

/** The request body for `messages` and `params` (exported for tests). */
export function chatRequestBody(model: string, messages: readonly WireMessage[], params: ChatParams): Record<string, unknown> {
  const body: Record<string, unknown> = { model, messages, stream: false };
  if (params.maxTokens !== undefined) body.max_tokens = params.maxTokens;
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.seed !== undefined) body.seed = params.seed;
  if (params.stop !== undefined && params.stop.length > 0) body.stop = params.stop;
  if (params.responseFormat) {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: params.responseFormat.name ?? 'reply', schema: params.responseFormat.schema, strict: true },
    };
  }
  if (params.logprobs) body.logprobs = true;
  return body;
}

function finishReason(raw: string | null | undefined): TextGenerateResult['finishReason'] {
  if (raw === 'stop' || raw === 'eos' || raw === 'end_turn' || raw === 'stop_sequence') return 'stop';
  if (raw === 'length' || raw === 'max_tokens') return 'length';
  return 'other';
}

export function normalizeBaseURL(baseURL: string): string {
  return baseURL.replace(/\/+$/, '');
}

/** One chat completion: the request, the wire check, the mapping back to the contract. */
export async function chatCompletion(endpoint: Endpoint, model: string, messages: readonly WireMessage[], params: ChatParams, what: string, defaultTimeoutMs: number): Promise<TextGenerateResult> {
  checkTimeoutMs(params.timeoutMs, what);
  const json = await postJson(endpoint, '/chat/completions', chatRequestBody(model, messages, params), {
    abortSignal: params.abortSignal,
    timeoutMs: params.timeoutMs ?? defaultTimeoutMs,
    what,
  });
  const reply = parseWire(chatCompletionReply, json, 'chat-completions', what);
  const choice = reply.choices[0];
  const text = choice.message.content;
  if (typeof text !== 'string') {
    if (choice.message.refusal) throw new ProviderFailedError(`${what}: the model refused: ${choice.message.refusal}`, { retryable: false });
    throw new SemcomError('MALFORMED_REPLY', `${what}: the reply has no message content (finish_reason ${String(choice.finish_reason)})`);
  }
  const result: { -readonly [K in keyof TextGenerateResult]: TextGenerateResult[K] } = { text, finishReason: finishReason(choice.finish_reason) };
  if (reply.usage) result.usage = { inputTokens: reply.usage.prompt_tokens, outputTokens: reply.usage.completion_tokens };
  const lp = choice.logprobs?.content;
  if (params.logprobs && lp) result.logprobs = lp.map(({ token, logprob }) => ({ token, logprob }));
  return result;
}

/** A {@link TextModel} on an OpenAI-compatible server. */
export function createOpenAICompatibleTextModel(options: OpenAICompatibleOptions): TextModel & { readonly baseURL: string } {
  const endpoint: Endpoint = { baseURL: normalizeBaseURL(options.baseURL), apiKey: options.apiKey };
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  checkTimeoutMs(defaultTimeoutMs, OPENAI_COMPATIBLE);
  const what = `${OPENAI_COMPATIBLE}:${options.model}`;
  return {
    provider: OPENAI_COMPATIBLE,
    modelId: options.model,
    baseURL: endpoint.baseURL,
    supportsStructuredOutput: true,
    doGenerate: (call) => chatCompletion(endpoint, options.model, call.messages, call, what, defaultTimeoutMs),
  };
}
