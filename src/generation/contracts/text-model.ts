/**
 * The provider-facing contract of a text (language) model, in the style of the
 * Vercel AI SDK's `LanguageModelV*`: one small method, `doGenerate`, that a
 * provider implements once, with no retries, no validation and no timing.
 * Those live in the user-facing helpers (`generateText`, `generateObject` in
 * ../helpers), so every provider gets the same behaviour and each provider
 * file stays a thin translation to its backend.
 *
 * Seed 003 Sec. III-D: the agents' "data-driven LLM adaptation" is a pretrained
 * model steered by a role prompt; the role prompt is the `system` message.
 */
import type { JsonSchema } from './json-schema.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Structured output: the reply must be one JSON value matching `schema`. */
export interface JsonResponseFormat {
  readonly type: 'json';
  readonly schema: JsonSchema;
  /** A short name for the schema (OpenAI's `json_schema.name`); letters, digits, `_` and `-`. */
  readonly name?: string;
}

export interface TextGenerateCall {
  /** The conversation, role prompt first (as a `system` message). */
  readonly messages: readonly ChatMessage[];
  /** Upper bound on generated tokens. */
  readonly maxTokens?: number;
  /** Sampling temperature; 0 asks for greedy decoding where the backend allows it. */
  readonly temperature?: number;
  /** Sampling seed, for backends that honour one (reproducible replies). */
  readonly seed?: number;
  readonly stop?: readonly string[];
  readonly responseFormat?: JsonResponseFormat;
  /** Ask for the log-probability of each generated token (ignored by providers that cannot give them). */
  readonly logprobs?: boolean;
  /** Cancels the call; the provider rejects with a `SemcomError` code `ABORTED`. */
  readonly abortSignal?: AbortSignal;
  /** Wall-clock limit of this one attempt in milliseconds; the provider rejects with code `TIMEOUT`. */
  readonly timeoutMs?: number;
}

export interface TokenLogprob {
  readonly token: string;
  /** Natural-log probability of the token under the model. */
  readonly logprob: number;
}

export interface TextGenerateResult {
  readonly text: string;
  /** `length`: stopped by `maxTokens`; `stop`: natural end or a stop sequence. */
  readonly finishReason: 'stop' | 'length' | 'other';
  readonly usage?: { readonly inputTokens?: number; readonly outputTokens?: number };
  /** Present only when asked for and the provider gives them. */
  readonly logprobs?: readonly TokenLogprob[];
}

export interface TextModel {
  /** Provider name as in the configuration string (`openai-compatible`, `llama-cpp`, `embedded`, ...). */
  readonly provider: string;
  readonly modelId: string;
  /** Whether `responseFormat` is enforced by the backend (grammar, JSON-schema mode) rather than only asked for in the prompt. */
  readonly supportsStructuredOutput: boolean;
  doGenerate(call: TextGenerateCall): Promise<TextGenerateResult>;
}
