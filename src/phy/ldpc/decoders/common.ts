/**
 * What every LDPC decoder of semcom shares: argument checks, the input clamp
 * and the syndrome test of a hard decision.
 */
import { SemcomError } from '../../../core/errors.js';
import type { DecodeOptions, LdpcCode } from '../types.js';

/**
 * Channel LLRs are clamped to ±LLR_MAX (NaN is read as 0, an erasure) before
 * decoding, so that an infinite input can never produce Inf − Inf = NaN inside
 * the message passing. 1e6 is far beyond any LLR a real demapper produces
 * (BPSK at 100 dB Es/N0 gives about 4e10 · |y|, but nothing is gained above ~50).
 */
export const LLR_MAX = 1e6;

/** Hard limits on maxIterations: at least one, and a bound that catches typos. */
export const MAX_ITERATIONS_LIMIT = 100_000;

export interface ResolvedDecodeOptions {
  maxIterations: number;
  earlyStop: boolean;
}

/**
 * Validates the buffers and options of `decode` and fills in defaults.
 * Throws `LENGTH_MISMATCH` for wrong buffer lengths and `INVALID_ARGUMENT` for bad options.
 */
export function checkDecodeArgs(
  code: LdpcCode,
  llr: Float32Array,
  out: Uint8Array,
  posterior: Float32Array | undefined,
  options: DecodeOptions | undefined,
  defaultIterations: number,
): ResolvedDecodeOptions {
  if (!(llr instanceof Float32Array)) {
    throw new SemcomError('INVALID_ARGUMENT', 'llr must be a Float32Array of channel LLRs');
  }
  if (llr.length !== code.n) {
    throw new SemcomError('LENGTH_MISMATCH', `llr has ${llr.length} values but code ${code.name} has n = ${code.n}`);
  }
  if (!(out instanceof Uint8Array) || out.length !== code.n) {
    throw new SemcomError(
      'LENGTH_MISMATCH',
      `out must be a Uint8Array of length n = ${code.n} for code ${code.name}, got ${describe(out)}`,
    );
  }
  if (posterior !== undefined && (!(posterior instanceof Float32Array) || posterior.length !== code.n)) {
    throw new SemcomError(
      'LENGTH_MISMATCH',
      `posterior must be a Float32Array of length n = ${code.n} for code ${code.name}, got ${describe(posterior)}`,
    );
  }
  const maxIterations = options?.maxIterations ?? defaultIterations;
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > MAX_ITERATIONS_LIMIT) {
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `maxIterations must be an integer in [1, ${MAX_ITERATIONS_LIMIT}], got ${String(maxIterations)}`,
    );
  }
  const earlyStop = options?.earlyStop ?? true;
  if (typeof earlyStop !== 'boolean') {
    throw new SemcomError('INVALID_ARGUMENT', `earlyStop must be true or false, got ${String(earlyStop)}`);
  }
  return { maxIterations, earlyStop };
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  const ctor = (x as object).constructor?.name ?? typeof x;
  const len = (x as { length?: unknown }).length;
  return typeof len === 'number' ? `${ctor} of length ${len}` : ctor;
}

/**
 * The input clamp of {@link LLR_MAX}: NaN → 0, ±Inf and huge values → ±LLR_MAX,
 * and −0 → +0 (so no APP is ever −0, which lets the wasm kernel read signs as bits).
 */
export function clampLlr(v: number): number {
  if (v !== v || v === 0) return 0;
  if (v > LLR_MAX) return LLR_MAX;
  if (v < -LLR_MAX) return -LLR_MAX;
  return v;
}

/** True when the hard decisions of `app` (negative → bit 1) satisfy every check of H. */
export function syndromeOkFromLlr(code: LdpcCode, app: Float32Array | Float64Array): boolean {
  const { rowPtr, colIdx, m } = code;
  for (let r = 0; r < m; r++) {
    let parity = 0;
    for (let e = rowPtr[r], end = rowPtr[r + 1]; e < end; e++) parity ^= app[colIdx[e]] < 0 ? 1 : 0;
    if (parity !== 0) return false;
  }
  return true;
}

/** Largest row degree of H. */
export function maxRowDegree(code: LdpcCode): number {
  let d = 0;
  for (let r = 0; r < code.m; r++) d = Math.max(d, code.rowPtr[r + 1] - code.rowPtr[r]);
  return d;
}
