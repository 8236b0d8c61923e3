/**
 * Which provider failures are worth another attempt.
 *
 * A provider says so by throwing a {@link ProviderFailedError} (code
 * `PROVIDER_FAILED`) with `retryable: true`: HTTP 408, 429 and 5xx, a
 * connection reset or a reply cut off mid-body, i.e. load or a passing fault on
 * the server side. `TIMEOUT` is retryable too (the next attempt gets a fresh
 * deadline). Everything else fails at once: `INVALID_ARGUMENT` (the same
 * request would fail again), `ABORTED` (the caller asked to stop),
 * `PROVIDER_UNAVAILABLE` (no server, package or model file: a configuration
 * state that waiting does not fix), `UNSUPPORTED`, and `PROVIDER_FAILED`
 * without the mark (401, 404, a 400 rejecting the request).
 */
import { SemcomError } from '../../core/errors.js';

export interface ProviderFailureInfo {
  /** Whether the same request may succeed later (load, a passing fault). */
  readonly retryable: boolean;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  /** HTTP status, for HTTP providers. */
  readonly status?: number;
  readonly cause?: unknown;
}

/** `PROVIDER_FAILED` with the facts the retry policy needs. */
export class ProviderFailedError extends SemcomError {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly status?: number;
  constructor(message: string, info: ProviderFailureInfo) {
    super('PROVIDER_FAILED', message, { cause: info.cause });
    this.name = 'ProviderFailedError';
    this.retryable = info.retryable;
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs;
    if (info.status !== undefined) this.status = info.status;
  }
}

/** Whether the retry loop may try again after `error`. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof SemcomError)) return false;
  if (error.code === 'TIMEOUT') return true;
  return error instanceof ProviderFailedError && error.retryable;
}

/** The server's requested wait in milliseconds, if `error` carries one. */
export function retryAfterMs(error: unknown): number | undefined {
  return error instanceof ProviderFailedError ? error.retryAfterMs : undefined;
}

/**
 * Any thrown value as a `SemcomError`: a `SemcomError` unchanged, anything
 * else (a third-party provider's own error) as non-retryable `PROVIDER_FAILED`
 * naming the model.
 */
export function asSemcomError(error: unknown, model: string): SemcomError {
  if (error instanceof SemcomError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderFailedError(`${model} failed: ${detail}`, { retryable: false, cause: error });
}

/** A copy of `error` (same code and retry facts) whose message ends with `note`. */
export function withNote(error: SemcomError, note: string): SemcomError {
  const message = `${error.message} (${note})`;
  if (error instanceof ProviderFailedError) {
    return new ProviderFailedError(message, {
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
      status: error.status,
      cause: error,
    });
  }
  return new SemcomError(error.code, message, { cause: error });
}
