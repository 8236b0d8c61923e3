/**
 * What every helper adds around a provider call: retries, a per-attempt
 * deadline, cancellation, and timing.
 *
 * The deadline is passed down as the call's `timeoutMs` (the provider ends its
 * own work and reports `TIMEOUT` with its own message) and is also enforced
 * here, `DEADLINE_GRACE_MS` later, by a race: a provider that ignores its
 * deadline (an uninterruptible local model, a third-party adapter) still
 * cannot hang the caller.
 */
import { SemcomError } from '../../core/errors.js';
import { checkTimeoutMs, raceWithDeadline } from './cancel.js';
import type { RetryPolicy, RetryRun } from './retry.js';

/** Per-attempt deadline when the caller gives none, ms. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** How long after its deadline a provider may take to report it before the helper gives up on it, ms. */
export const DEADLINE_GRACE_MS = 1000;

export interface CallControl {
  /** Further attempts after the first on retryable failures; default 2. */
  readonly maxRetries?: number;
  /** Backoff settings (delays, jitter `rng`); see {@link RetryPolicy}. */
  readonly retry?: Omit<RetryPolicy, 'maxRetries'>;
  /** Wall-clock limit of each attempt, ms; default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Cancels at once, during a backoff sleep too (code `ABORTED`). */
  readonly abortSignal?: AbortSignal;
}

export interface HelperTiming {
  /** From the first attempt's start to the end, backoff sleeps included, ms. */
  readonly totalMs: number;
  /** Duration of each attempt, ms; the last one is the successful call. */
  readonly attemptMs: readonly number[];
}

export interface HelperRun {
  /** Attempts made, the successful one included. */
  readonly attempts: number;
  readonly timing: HelperTiming;
}

export function policyOf(control: CallControl): RetryPolicy {
  return { ...control.retry, maxRetries: control.maxRetries };
}

export function timeoutOf(control: CallControl, what: string): number {
  checkTimeoutMs(control.timeoutMs, what);
  return control.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/** Races one provider call against the caller's signal and its deadline plus grace. */
export function guarded<T>(work: () => Promise<T>, timeoutMs: number, abortSignal: AbortSignal | undefined, what: string): Promise<T> {
  let started: Promise<T>;
  try {
    started = work();
  } catch (e) {
    started = Promise.reject(e);
  }
  return raceWithDeadline(started, { abortSignal, timeoutMs: timeoutMs + DEADLINE_GRACE_MS, what });
}

export function runInfo(run: RetryRun<unknown>): HelperRun {
  return { attempts: run.attempts, timing: { totalMs: run.totalMs, attemptMs: run.attemptMs } };
}

/** `provider:modelId`, for messages. */
export function modelLabel(model: { readonly provider: string; readonly modelId: string }): string {
  return `${model.provider}:${model.modelId}`;
}

export function invalid(what: string, detail: string): SemcomError {
  return new SemcomError('INVALID_ARGUMENT', `${what}: ${detail}`);
}
