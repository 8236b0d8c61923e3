/**
 * `generateText`: one text reply from a {@link TextModel}, with the retries,
 * deadline, cancellation and timing of {@link CallControl} (the Vercel AI
 * SDK's function of the same name, over this project's contract).
 */
import type { TextGenerateCall, TextGenerateResult, TextModel } from '../contracts/text-model.js';
import { guarded, invalid, modelLabel, policyOf, runInfo, timeoutOf, type CallControl, type HelperRun } from './call-control.js';
import { withRetries } from './retry.js';

export type GenerateTextOptions = Omit<TextGenerateCall, 'timeoutMs' | 'abortSignal'> & CallControl;

export type GenerateTextResult = TextGenerateResult & HelperRun;

const ROLES = new Set(['system', 'user', 'assistant']);

/** Checks the parts of a call a provider would otherwise pass on blindly (`INVALID_ARGUMENT`). */
export function checkTextCall(call: Omit<TextGenerateCall, 'timeoutMs' | 'abortSignal'>, what: string): void {
  if (!Array.isArray(call.messages) || call.messages.length === 0) throw invalid(what, 'messages must be a non-empty array');
  call.messages.forEach((m, i) => {
    if (m === null || typeof m !== 'object' || !ROLES.has(m.role) || typeof m.content !== 'string') {
      throw invalid(what, `messages[${i}] must be { role: 'system' | 'user' | 'assistant', content: string }`);
    }
  });
  if (call.maxTokens !== undefined && (!Number.isInteger(call.maxTokens) || call.maxTokens < 1)) {
    throw invalid(what, `maxTokens must be a positive integer, got ${String(call.maxTokens)}`);
  }
  if (call.temperature !== undefined && (!Number.isFinite(call.temperature) || call.temperature < 0)) {
    throw invalid(what, `temperature must be a finite number ≥ 0, got ${String(call.temperature)}`);
  }
  if (call.seed !== undefined && !Number.isSafeInteger(call.seed)) throw invalid(what, `seed must be an integer, got ${String(call.seed)}`);
  if (call.stop !== undefined && (!Array.isArray(call.stop) || !call.stop.every((s) => typeof s === 'string' && s !== ''))) {
    throw invalid(what, 'stop must be an array of non-empty strings');
  }
}

/** Generates text; rejects with a `SemcomError` (see ../README.md for the codes). */
export async function generateText(model: TextModel, options: GenerateTextOptions): Promise<GenerateTextResult> {
  const what = `${modelLabel(model)} generateText`;
  const { maxRetries: _m, retry: _r, timeoutMs: _t, abortSignal, ...call } = options;
  checkTextCall(call, what);
  const timeoutMs = timeoutOf(options, what);
  const run = await withRetries(
    () => guarded(() => model.doGenerate({ ...call, abortSignal, timeoutMs }), timeoutMs, abortSignal, what),
    { what, abortSignal, policy: policyOf(options) },
  );
  return { ...run.value, ...runInfo(run) };
}
