/**
 * Text generation with node-llama-cpp: a fresh context and LlamaChatSession
 * per call (so calls share no KV-cache state and may run side by side), the
 * system messages as its system prompt, earlier turns as its chat history,
 * and the last user message as the prompt. `responseFormat` becomes a grammar
 * (`llama.createGrammarForJsonSchema`), so the reply is valid JSON of that
 * schema by construction. `stop` → customStopTriggers, `seed` is passed on
 * (versions without it ignore it). No log-probabilities or token usage.
 *
 * Generation honours an AbortSignal (the caller's, combined with the
 * deadline); the call is also raced against both, since loading the model
 * on first use cannot be interrupted.
 */
import { resolve } from 'node:path';
import { SemcomError } from '../../../core/errors.js';
import type { ChatMessage, TextGenerateCall, TextGenerateResult, TextModel } from '../../contracts/text-model.js';
import { abortedError, attemptSignal, checkTimeoutMs, raceWithDeadline, timeoutError } from '../../helpers/cancel.js';
import { ProviderFailedError } from '../../helpers/failure.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../defaults.js';
import type { ModuleLoader } from '../peer-module.js';
import { LLAMA_CPP, loadGguf, loadLlamaCpp, type LlamaChatHistoryItem, type LlamaCppModule } from './runtime.js';

export interface LlamaCppOptions {
  /** Path of the .gguf file. */
  readonly file: string;
  /** Deadline of a call that sets no `timeoutMs`, ms; default 60 000 (the first call also loads the model). */
  readonly timeoutMs?: number;
  /** Loads the module; default a dynamic import of node-llama-cpp. Tests pass a fake. */
  readonly loader?: ModuleLoader<LlamaCppModule>;
}

export interface LlamaConversation {
  readonly systemPrompt?: string;
  /** Turns before the prompt, system prompt first when there is one. */
  readonly history: LlamaChatHistoryItem[];
  readonly prompt: string;
}

/** Splits the contract's messages into node-llama-cpp's system prompt, history and prompt. */
export function toConversation(messages: readonly ChatMessage[], what: string): LlamaConversation {
  const last = messages[messages.length - 1];
  if (last?.role !== 'user') throw new SemcomError('INVALID_ARGUMENT', `${what}: the last message must be a user message (the prompt)`);
  const systems = messages.filter((m) => m.role === 'system').map((m) => m.content);
  const systemPrompt = systems.length > 0 ? systems.join('\n\n') : undefined;
  const history: LlamaChatHistoryItem[] = systemPrompt !== undefined ? [{ type: 'system', text: systemPrompt }] : [];
  for (const m of messages.slice(0, -1)) {
    if (m.role === 'user') history.push({ type: 'user', text: m.content });
    else if (m.role === 'assistant') history.push({ type: 'model', response: [m.content] });
  }
  return { systemPrompt, history, prompt: last.content };
}

/** node-llama-cpp's stop reason as the contract's finish reason. */
export function finishReasonOf(stopReason: string | undefined): TextGenerateResult['finishReason'] {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'eogToken' || stopReason === 'eosToken' || stopReason === 'stopGenerationTrigger' || stopReason === 'customStopTrigger') return 'stop';
  return 'other';
}

/**
 * A {@link TextModel} on a GGUF file. Nothing is loaded or checked until the
 * first call, which imports the package, checks the file and loads the
 * weights (`PROVIDER_UNAVAILABLE` saying what is missing).
 */
export function createLlamaCppTextModel(options: LlamaCppOptions): TextModel {
  const loader = options.loader ?? loadLlamaCpp;
  const file = resolve(options.file);
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const what = `${LLAMA_CPP}:${file} generateText`;

  async function generate(call: TextGenerateCall, signal: AbortSignal): Promise<TextGenerateResult> {
    const conv = toConversation(call.messages, what);
    const { mod, llama, model } = await loadGguf(loader, file);
    const grammar = call.responseFormat ? await llama.createGrammarForJsonSchema(call.responseFormat.schema) : undefined;
    const context = await model.createContext();
    try {
      const session = new mod.LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: conv.systemPrompt, autoDisposeSequence: true });
      try {
        if (conv.history.length > 0) session.setChatHistory(conv.history);
        const reply = await session.promptWithMeta(conv.prompt, {
          signal,
          maxTokens: call.maxTokens,
          temperature: call.temperature,
          seed: call.seed,
          ...(call.stop && call.stop.length > 0 ? { customStopTriggers: [...call.stop] } : {}),
          ...(grammar !== undefined ? { grammar } : {}),
        });
        if (typeof reply?.responseText !== 'string') throw new SemcomError('MALFORMED_REPLY', `${what}: node-llama-cpp returned no responseText`);
        return { text: reply.responseText, finishReason: finishReasonOf(reply.stopReason) };
      } finally {
        session.dispose?.();
      }
    } finally {
      await context.dispose();
    }
  }

  return {
    provider: LLAMA_CPP,
    modelId: file,
    supportsStructuredOutput: true,
    async doGenerate(call) {
      checkTimeoutMs(call.timeoutMs, what);
      const timeoutMs = call.timeoutMs ?? defaultTimeoutMs;
      const attempt = attemptSignal(call.abortSignal, timeoutMs);
      try {
        return await raceWithDeadline(generate(call, attempt.signal), { abortSignal: call.abortSignal, timeoutMs, what });
      } catch (e) {
        const reason = attempt.reason();
        if (reason === 'aborted') throw abortedError(what, call.abortSignal);
        if (reason === 'timeout') throw timeoutError(what, timeoutMs);
        if (e instanceof SemcomError) throw e;
        throw new ProviderFailedError(`${what} failed in node-llama-cpp: ${(e as Error).message}`, { retryable: false, cause: e });
      }
    },
  };
}
