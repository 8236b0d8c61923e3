/**
 * The agents' own thin adapter over the provider contract `TextModel.doGenerate`:
 * one role-prompted call whose reply must parse, with a bounded number of
 * corrective retries, a wall-clock limit and cancellation.
 *
 * Why local: the user-facing helpers of src/generation/helpers were being
 * written at the same time; this keeps the agents on the stable contract only.
 *
 * Policy:
 * - A reply that does not parse (bad JSON, schema mismatch, wrong line format)
 *   is retried up to `maxRetries` times; each retry shows the model its reply
 *   and what was wrong. After the last one: `MALFORMED_REPLY`, never a guess.
 * - A model that does not answer within `timeoutMs` is cancelled through the
 *   abort signal and the call fails with `TIMEOUT`, whether or not the
 *   provider honours `timeoutMs` itself; a caller's abort gives `ABORTED`.
 *   Neither is retried: the helpers' provider-level retries are the place for that.
 * - Any other failure of the provider becomes `PROVIDER_FAILED` (a
 *   `SemcomError` from the provider keeps its own code).
 */
import type { z } from 'zod';
import { SemcomError } from '../core/errors.js';
import type { ChatMessage, JsonSchema, TextGenerateResult, TextModel } from '../generation/contracts/index.js';

/** Options of one model call. */
export interface ModelCallOptions {
  /** Corrective retries after a malformed reply (default 2, so at most 3 attempts). */
  readonly maxRetries?: number;
  /** Wall-clock limit per attempt in milliseconds (default 60 000). */
  readonly timeoutMs?: number;
  readonly abortSignal?: AbortSignal;
  readonly temperature?: number;
  readonly seed?: number;
  readonly maxTokens?: number;
}

/** Turns a reply's text into a value, or says why it cannot. */
export type ReplyParser<T> = (text: string) => { ok: true; value: T } | { ok: false; issue: string };

export interface ModelCallRequest<T> {
  /** Role prompt first (`system`), then any context and the input. */
  readonly messages: readonly ChatMessage[];
  readonly parse: ReplyParser<T>;
  /** When set, asks for structured output with this JSON schema. */
  readonly schema?: JsonSchema;
  readonly schemaName?: string;
  /** Reminder appended to a corrective retry (the expected format, in words). */
  readonly formatHint: string;
}

export interface ModelCallResult<T> {
  readonly value: T;
  /** Attempts made, 1 when the first reply parsed. */
  readonly attempts: number;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 60_000;

function excerpt(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? JSON.stringify(t) : `${JSON.stringify(t.slice(0, max))}…`;
}

/** Runs one attempt under the time limit and the caller's signal. */
async function attempt(model: TextModel, messages: readonly ChatMessage[], req: ModelCallRequest<unknown>, o: ModelCallOptions, timeoutMs: number): Promise<TextGenerateResult> {
  const outer = o.abortSignal;
  if (outer?.aborted) throw new SemcomError('ABORTED', `call to ${model.provider}:${model.modelId} was aborted before it started`);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeoutError = (): SemcomError =>
    new SemcomError('TIMEOUT', `${model.provider}:${model.modelId} did not answer within ${timeoutMs} ms; raise timeoutMs or check the model server`);
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(timeoutError());
      controller.abort();
    }, timeoutMs);
  });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => {
      if (outer?.aborted) reject(new SemcomError('ABORTED', `call to ${model.provider}:${model.modelId} was aborted`));
    }, { once: true });
  });
  // Both guard promises may reject after the race is settled; keep that from surfacing as unhandled.
  limit.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    const call = model.doGenerate({
      // A copy: the retry loop appends to its list, and a provider may keep the call.
      messages: [...messages],
      timeoutMs,
      abortSignal: controller.signal,
      ...(o.maxTokens !== undefined ? { maxTokens: o.maxTokens } : {}),
      ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(req.schema ? { responseFormat: { type: 'json' as const, schema: req.schema, ...(req.schemaName ? { name: req.schemaName } : {}) } } : {}),
    });
    return await Promise.race([call, limit, aborted]);
  } catch (e) {
    // A provider that rejects on our abort signal answers ABORTED; the cause was the time limit.
    if (timedOut && !outer?.aborted) throw timeoutError();
    if (e instanceof SemcomError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new SemcomError('PROVIDER_FAILED', `${model.provider}:${model.modelId} failed: ${why}`, { cause: e });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** Calls `model` with a role prompt and parses its reply (policy in the module doc). */
export async function callModel<T>(model: TextModel, req: ModelCallRequest<T>, options: ModelCallOptions = {}): Promise<ModelCallResult<T>> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    throw new SemcomError('INVALID_ARGUMENT', `maxRetries must be an integer in [0, 10], got ${maxRetries}`);
  }
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new SemcomError('INVALID_ARGUMENT', `timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  const messages: ChatMessage[] = [...req.messages];
  let lastIssue = '';
  let lastText = '';
  for (let a = 1; a <= maxRetries + 1; a++) {
    const reply = await attempt(model, messages, req as ModelCallRequest<unknown>, options, timeoutMs);
    const text = typeof reply?.text === 'string' ? reply.text : '';
    const parsed = req.parse(text);
    if (parsed.ok) return { value: parsed.value, attempts: a };
    lastIssue = reply?.finishReason === 'length' ? `${parsed.issue} (the reply was cut off at maxTokens)` : parsed.issue;
    lastText = text;
    messages.push({ role: 'assistant', content: text });
    messages.push({ role: 'user', content: `Your reply could not be used: ${lastIssue}. Reply again with ${req.formatHint} and nothing else.` });
  }
  throw new SemcomError(
    'MALFORMED_REPLY',
    `${model.provider}:${model.modelId} gave no usable reply in ${maxRetries + 1} attempt(s): ${lastIssue}; last reply ${excerpt(lastText)}. ` +
      'Try a larger or instruction-tuned model, a backend with structured output, or a lower temperature.',
  );
}

/**
 * The JSON value in a reply: the whole text, or failing that the text inside
 * a ``` fence or between the first `{` and the last `}` (small models often
 * wrap JSON in prose even when told not to).
 */
function extractJson(text: string): unknown {
  const attempts = [text.trim()];
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fence) attempts.push(fence[1].trim());
  const open = text.indexOf('{');
  const close = text.lastIndexOf('}');
  if (open >= 0 && close > open) attempts.push(text.slice(open, close + 1));
  for (const a of attempts) {
    try {
      return JSON.parse(a);
    } catch {
      // try the next candidate
    }
  }
  throw new Error('the reply is not JSON');
}

/** A parser for a JSON reply validated by a zod schema. */
export function jsonReply<T>(schema: z.ZodType<T>): ReplyParser<T> {
  return (text) => {
    let value: unknown;
    try {
      value = extractJson(text);
    } catch {
      return { ok: false, issue: 'the reply is not a JSON object' };
    }
    const r = schema.safeParse(value);
    if (r.success) return { ok: true, value: r.data };
    const first = r.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'the object';
    return { ok: false, issue: `the JSON does not match the schema at ${where}: ${first?.message ?? 'invalid'}` };
  };
}
