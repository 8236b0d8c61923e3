/**
 * The twelve IEEE 802.11n-2009 QC-LDPC codes (Annex R; Annex F of 802.11-2012+).
 *
 * n ∈ {648, 1296, 1944} with lifting factor Z = n / 24 ∈ {27, 54, 81}, rates
 * 1/2, 2/3, 3/4, 5/6, k = n·R information bits, systematic: the codeword is
 * [information bits 0..k−1 | parity bits k..n−1]. H is the base matrix
 * (24 block columns, 24·(1 − R) block rows) with each entry lifted to a Z × Z
 * circulant; all twelve H have full rank, so k = n − m.
 */
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode } from './types.js';
import { IEEE80211N_BASE_ROWS, type Ieee80211nLength, type Ieee80211nRate } from './ieee80211n-base.js';
import { codeFromQcShifts } from './sparse.js';

export type { Ieee80211nLength, Ieee80211nRate } from './ieee80211n-base.js';

/** Accepted code lengths, ascending. */
export const IEEE80211N_LENGTHS: readonly Ieee80211nLength[] = [648, 1296, 1944];
/** Accepted rates, ascending. */
export const IEEE80211N_RATES: readonly Ieee80211nRate[] = ['1/2', '2/3', '3/4', '5/6'];

/** Number of block columns of every 802.11n base matrix. */
export const IEEE80211N_NB = 24;

/** Rate as numerator and denominator. */
export function rateFraction(rate: Ieee80211nRate): [number, number] {
  const [a, b] = rate.split('/').map(Number);
  return [a, b];
}

function checkArgs(n: number, rate: string): void {
  if (!(IEEE80211N_LENGTHS as readonly number[]).includes(n) || !(IEEE80211N_RATES as readonly string[]).includes(rate)) {
    throw new SemcomError(
      'UNKNOWN_CODE',
      `no IEEE 802.11n LDPC code with n=${String(n)} and rate ${String(rate)}; accepted: n in {648, 1296, 1944}, rate in {1/2, 2/3, 3/4, 5/6}`,
    );
  }
}

/** The base (prototype) matrix as a row-major mb × 24 Int16Array (−1 = zero block). */
export function ieee80211nBaseMatrix(n: Ieee80211nLength, rate: Ieee80211nRate): { mb: number; nb: number; z: number; shifts: Int16Array } {
  checkArgs(n, rate);
  const rows = IEEE80211N_BASE_ROWS[`${n}:${rate}`];
  const mb = rows.length;
  const shifts = new Int16Array(mb * IEEE80211N_NB);
  rows.forEach((line, i) => {
    const v = line.trim().split(/\s+/).map(Number);
    if (v.length !== IEEE80211N_NB) throw new SemcomError('INTERNAL', `base matrix ${n}:${rate} row ${i} has ${v.length} entries`);
    shifts.set(v, i * IEEE80211N_NB);
  });
  return { mb, nb: IEEE80211N_NB, z: n / IEEE80211N_NB, shifts };
}

const cache = new Map<string, LdpcCode>();

/**
 * The IEEE 802.11n LDPC code of length `n` and rate `rate` (cached: the same
 * object is returned on every call). Name `80211n:<n>:<rate>`, `qc` filled,
 * infoPositions 0..k−1.
 */
export function ieee80211nCode(n: Ieee80211nLength, rate: Ieee80211nRate): LdpcCode {
  checkArgs(n, rate);
  const key = `${n}:${rate}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { mb, nb, z, shifts } = ieee80211nBaseMatrix(n, rate);
  const [num, den] = rateFraction(rate);
  const k = (n * num) / den;
  const info = Int32Array.from({ length: k }, (_, i) => i);
  const code = codeFromQcShifts(`80211n:${key}`, z, mb, nb, shifts, info);
  cache.set(key, code);
  return code;
}
