/**
 * The one error type of semcom.
 *
 * Every failure caused by input from outside (a flag, a file, a packet off the
 * channel, a model server's reply) is a `SemcomError` with a stable `code`, so
 * callers can branch on the code and the CLI can print the message on one line
 * and exit with status 2 instead of a stack trace.
 */
export type SemcomErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_CODE'
  | 'UNKNOWN_MODULATION'
  | 'UNKNOWN_CHANNEL'
  | 'UNKNOWN_DECODER'
  | 'UNKNOWN_POLICY'
  | 'UNKNOWN_SCHEME'
  | 'INVALID_SCENARIO'
  | 'INVALID_SNR'
  | 'PAYLOAD_TOO_LARGE'
  | 'LENGTH_MISMATCH'
  | 'MALFORMED_ALIST'
  | 'MALFORMED_INPUT'
  | 'MALFORMED_PACKET'
  | 'IO_ERROR'
  | 'WORKER_FAILED'
  /** A model provider cannot be used here: its package, model file or server is missing. */
  | 'PROVIDER_UNAVAILABLE'
  /** A model provider failed after its retries (HTTP error, runtime error). */
  | 'PROVIDER_FAILED'
  /** A model's reply did not match the expected wire format or schema. */
  | 'MALFORMED_REPLY'
  | 'TIMEOUT'
  | 'ABORTED'
  /** The request is valid but this provider or model does not support it. */
  | 'UNSUPPORTED'
  /** Stored data disagrees with a request: a sync delta for another base version, a tampered hash, a divergent peer. */
  | 'CONFLICT'
  /** A store is locked by another writer for longer than the wait allowed. */
  | 'BUSY'
  | 'INTERNAL';

export class SemcomError extends Error {
  readonly code: SemcomErrorCode;
  constructor(code: SemcomErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SemcomError';
    this.code = code;
  }
}

export function isSemcomError(e: unknown): e is SemcomError {
  return e instanceof SemcomError;
}
