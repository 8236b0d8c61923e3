/**
 * Cancellation and deadlines shared by the helpers and the providers.
 *
 * Two ways a model call ends early: the caller's `AbortSignal` (code
 * `ABORTED`, at once, also during a backoff sleep) and the per-attempt
 * deadline `timeoutMs` (code `TIMEOUT`). Work that cannot be interrupted (a
 * transformers.js pipeline, a third-party provider that ignores its signal) is
 * raced against both by {@link raceWithDeadline}: the caller gets its error on
 * time, the abandoned work runs on in the background and its result or
 * rejection is dropped.
 */
import { SemcomError } from '../../core/errors.js';

/** The `ABORTED` error for an aborted `what` (a short phrase such as "generateText"). */
export function abortedError(what: string, signal?: AbortSignal): SemcomError {
  return new SemcomError('ABORTED', `${what} was aborted by its AbortSignal`, { cause: signal?.reason });
}

/** The `TIMEOUT` error for `what` that took longer than `timeoutMs`. */
export function timeoutError(what: string, timeoutMs: number): SemcomError {
  return new SemcomError('TIMEOUT', `${what} did not finish within ${timeoutMs} ms; raise timeoutMs if the model is slow to load or answer`);
}

export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortedError(what, signal);
}

/** Checks a caller-given timeout: a positive finite number of milliseconds. */
export function checkTimeoutMs(timeoutMs: number | undefined, what: string): void {
  if (timeoutMs === undefined) return;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`);
  }
}

/** Resolves after `ms` milliseconds; rejects with `ABORTED` as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal, what = 'backoff sleep'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(what, signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(what, signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface DeadlineOptions {
  readonly abortSignal?: AbortSignal;
  /** No deadline when undefined. */
  readonly timeoutMs?: number;
  /** Names the work in error messages. */
  readonly what: string;
}

/**
 * Settles with `work`, or rejects with `ABORTED` when the signal aborts or
 * `TIMEOUT` when `timeoutMs` passes first. A later rejection of `work` is
 * caught here, so an abandoned call never becomes an unhandled rejection.
 */
export function raceWithDeadline<T>(work: Promise<T>, opts: DeadlineOptions): Promise<T> {
  const { abortSignal, timeoutMs, what } = opts;
  work.catch(() => undefined);
  if (abortSignal?.aborted) return Promise.reject(abortedError(what, abortSignal));
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cleanup = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      abortSignal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      cleanup();
      reject(abortedError(what, abortSignal));
    };
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        cleanup();
        reject(timeoutError(what, timeoutMs));
      }, timeoutMs);
    }
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

export interface AttemptSignal {
  /** Aborts when the caller aborts or the deadline passes. */
  readonly signal: AbortSignal;
  /** Which of the two ended the attempt, for the error code. */
  reason(): 'aborted' | 'timeout' | null;
}

/**
 * One signal for one attempt: the caller's signal combined with
 * `AbortSignal.timeout(timeoutMs)`, for backends that take a signal (fetch,
 * node-llama-cpp). `reason()` tells `ABORTED` from `TIMEOUT` afterwards.
 */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([caller, deadline]) : deadline;
  return {
    signal,
    reason: () => (caller?.aborted ? 'aborted' : deadline.aborted ? 'timeout' : null),
  };
}
