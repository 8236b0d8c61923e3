/**
 * Syndrome s = H·c over GF(2) of a hard-decision word c (0/1 bytes, length n).
 * A word is a codeword exactly when every parity check is satisfied (s = 0).
 */
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode } from './types.js';

function checkLength(code: LdpcCode, bits: Uint8Array): void {
  if (bits.length !== code.n) {
    throw new SemcomError('LENGTH_MISMATCH', `${code.name}: word has ${bits.length} bits, the code has n = ${code.n}`);
  }
}

/** Whether every parity check of `code` is satisfied by `bits`; stops at the first failing check. */
export function syndromeIsZero(code: LdpcCode, bits: Uint8Array): boolean {
  checkLength(code, bits);
  const { m, rowPtr, colIdx } = code;
  for (let r = 0; r < m; r++) {
    let acc = 0;
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) acc ^= bits[colIdx[p]];
    if (acc & 1) return false;
  }
  return true;
}

/** Number of unsatisfied parity checks (Hamming weight of the syndrome). */
export function syndromeWeight(code: LdpcCode, bits: Uint8Array): number {
  checkLength(code, bits);
  const { m, rowPtr, colIdx } = code;
  let w = 0;
  for (let r = 0; r < m; r++) {
    let acc = 0;
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) acc ^= bits[colIdx[p]];
    w += acc & 1;
  }
  return w;
}

/** Writes the syndrome bits (length m) of `bits` into `out`. */
export function syndrome(code: LdpcCode, bits: Uint8Array, out: Uint8Array): void {
  checkLength(code, bits);
  if (out.length !== code.m) {
    throw new SemcomError('LENGTH_MISMATCH', `${code.name}: syndrome buffer has ${out.length} entries, the code has m = ${code.m} checks`);
  }
  const { m, rowPtr, colIdx } = code;
  for (let r = 0; r < m; r++) {
    let acc = 0;
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) acc ^= bits[colIdx[p]];
    out[r] = acc & 1;
  }
}
