/**
 * The retry loop of the helpers: capped exponential backoff with optional
 * "equal jitter" (Brooker, "Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015): retry k (0-based) waits d_k = min(maxDelayMs, initialDelayMs ·
 * factor^k), or, with an `rng`, a uniform draw in [d_k / 2, d_k) so that many
 * clients that failed together do not come back together. Without an `rng` the
 * schedule is deterministic (500, 1000, 2000, ... ms by default).
 *
 * A `Retry-After` from the server replaces the backoff for that retry, capped
 * at `maxRetryAfterMs` so one header cannot stall a caller for an hour. The
 * caller's AbortSignal ends the loop at once, during a sleep too.
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { abortedError, sleep, throwIfAborted } from './cancel.js';
import { asSemcomError, isRetryable, retryAfterMs, withNote } from './failure.js';

export interface RetryPolicy {
  /** Further attempts after the first; default 2 (3 attempts in all). */
  readonly maxRetries?: number;
  /** Wait before the first retry, ms; default 500. */
  readonly initialDelayMs?: number;
  /** Growth of the wait per retry; default 2. */
  readonly factor?: number;
  /** Largest backoff wait, ms; default 8000. */
  readonly maxDelayMs?: number;
  /** Largest wait a server's `Retry-After` can ask for, ms; default 20000. */
  readonly maxRetryAfterMs?: number;
  /** Source of the jitter; without it the schedule has none. */
  readonly rng?: Rng;
  /** Told before each retry's wait (for logs and tests): attempt that failed (from 1), its error, the wait in ms. */
  readonly onRetry?: (info: { readonly attempt: number; readonly error: SemcomError; readonly delayMs: number }) => void;
}

export const DEFAULT_MAX_RETRIES = 2;

interface ResolvedPolicy {
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly rng?: Rng;
  readonly onRetry?: RetryPolicy['onRetry'];
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Fills in the defaults and checks every field (`INVALID_ARGUMENT` on a bad one). */
export function resolvePolicy(policy: RetryPolicy = {}): ResolvedPolicy {
  const maxRetries = nonNegative(policy.maxRetries, DEFAULT_MAX_RETRIES, 'maxRetries');
  if (!Number.isInteger(maxRetries) || maxRetries > 100) {
    throw new SemcomError('INVALID_ARGUMENT', `maxRetries must be an integer in [0, 100], got ${maxRetries}`);
  }
  const factor = nonNegative(policy.factor, 2, 'factor');
  if (factor < 1) throw new SemcomError('INVALID_ARGUMENT', `factor must be ≥ 1, got ${factor}`);
  return {
    maxRetries,
    initialDelayMs: nonNegative(policy.initialDelayMs, 500, 'initialDelayMs'),
    factor,
    maxDelayMs: nonNegative(policy.maxDelayMs, 8000, 'maxDelayMs'),
    maxRetryAfterMs: nonNegative(policy.maxRetryAfterMs, 20_000, 'maxRetryAfterMs'),
    rng: policy.rng,
    onRetry: policy.onRetry,
  };
}

/** The wait before retry `k` (0-based), in ms, without a `Retry-After`. */
export function backoffDelayMs(k: number, policy: RetryPolicy = {}): number {
  const p = resolvePolicy(policy);
  const d = Math.min(p.maxDelayMs, p.initialDelayMs * p.factor ** k);
  return p.rng ? d * (0.5 + 0.5 * p.rng.nextDouble()) : d;
}

/**
 * What to do after a failed attempt: wait and retry (`backoff`), retry at
 * once (`immediate`, e.g. a reply that failed validation), or give up.
 */
export type RetryDecision = 'backoff' | 'immediate' | 'fail';

export interface RetryRun<T> {
  readonly value: T;
  /** Attempts made, the successful one included. */
  readonly attempts: number;
  /** Wall-clock duration of each attempt, ms, in order. */
  readonly attemptMs: readonly number[];
  /** From the first attempt's start to the end, sleeps included, ms. */
  readonly totalMs: number;
}

export interface RetryLoopOptions {
  /** Names the call in error messages ("openai-compatible:qwen2.5 generateText"). */
  readonly what: string;
  readonly abortSignal?: AbortSignal;
  readonly policy?: RetryPolicy;
  /** Default: `backoff` for {@link isRetryable} errors, `fail` otherwise. */
  readonly decide?: (error: SemcomError) => RetryDecision;
}

/**
 * Runs `attempt(n, previousError)` (n from 1) until it succeeds, the policy's
 * retries are spent, or an error is not worth retrying. Every rejection is a
 * `SemcomError`; after more than one attempt its message says how many.
 */
export async function withRetries<T>(
  attempt: (n: number, previous: SemcomError | undefined) => Promise<T>,
  opts: RetryLoopOptions,
): Promise<RetryRun<T>> {
  const policy = resolvePolicy(opts.policy);
  const decide = opts.decide ?? ((e: SemcomError) => (isRetryable(e) ? 'backoff' : 'fail'));
  const start = performance.now();
  const attemptMs: number[] = [];
  let previous: SemcomError | undefined;
  let backoffs = 0;
  for (let n = 1; ; n++) {
    throwIfAborted(opts.abortSignal, opts.what);
    const t0 = performance.now();
    try {
      const value = await attempt(n, previous);
      attemptMs.push(performance.now() - t0);
      return { value, attempts: n, attemptMs, totalMs: performance.now() - start };
    } catch (e) {
      attemptMs.push(performance.now() - t0);
      const error = asSemcomError(e, opts.what);
      if (error.code === 'ABORTED') throw error;
      if (opts.abortSignal?.aborted) throw abortedError(opts.what, opts.abortSignal);
      const decision = decide(error);
      if (decision === 'fail' || n > policy.maxRetries) {
        throw n > 1 ? withNote(error, `gave up after ${n} attempts`) : error;
      }
      previous = error;
      let wait = 0;
      if (decision === 'backoff') {
        const asked = retryAfterMs(error);
        wait = asked !== undefined ? Math.min(asked, policy.maxRetryAfterMs) : backoffDelayMs(backoffs, policy);
        backoffs++;
      }
      policy.onRetry?.({ attempt: n, error, delayMs: wait });
      if (wait > 0) await sleep(wait, opts.abortSignal, opts.what);
    }
  }
}
