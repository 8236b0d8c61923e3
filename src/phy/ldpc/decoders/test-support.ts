/**
 * Helpers for the decoder tests and the speed script: small QC codes built on
 * the spot, and BPSK-AWGN channel LLRs. Not part of the public API.
 */
import type { Rng } from '../../../core/rng.js';
import { codeFromQcShifts } from '../sparse.js';
import type { LdpcCode } from '../types.js';

/**
 * A random QC code in the 802.11n style: mb × nb base matrix, the last mb block
 * columns a dual-diagonal parity part (first parity column of weight 3 with
 * shifts 1, 0, 1 at rows 0, mb/2, mb−1; then the staircase of identities), and
 * every information block column of weight `infoWeight` with random shifts.
 * Any row degree ≥ 2; full rank, so k = (nb − mb)·z.
 */
export function randomQcCode(rng: Rng, z: number, mb: number, nb: number, infoWeight = 3): LdpcCode {
  const shifts = new Int16Array(mb * nb).fill(-1);
  const kb = nb - mb;
  for (let c = 0; c < kb; c++) {
    // infoWeight distinct block rows by a partial Fisher-Yates shuffle.
    const rows = Array.from({ length: mb }, (_, i) => i);
    for (let i = 0; i < infoWeight; i++) {
      const j = i + rng.nextInt(mb - i);
      [rows[i], rows[j]] = [rows[j], rows[i]];
      shifts[rows[i] * nb + c] = rng.nextInt(z);
    }
  }
  const mid = Math.floor(mb / 2);
  shifts[0 * nb + kb] = 1 % z;
  shifts[mid * nb + kb] = 0;
  shifts[(mb - 1) * nb + kb] = 1 % z;
  for (let j = 1; j < mb; j++) {
    shifts[(j - 1) * nb + kb + j] = 0;
    shifts[j * nb + kb + j] = 0;
  }
  return codeFromQcShifts(`test-qc:${z}:${mb}x${nb}`, z, mb, nb, shifts);
}

/** The same code without its QC description (so only generic decoders apply). */
export function withoutQc(code: LdpcCode): LdpcCode {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { qc, ...rest } = code;
  return { ...rest, name: `${code.name}:plain` };
}

/**
 * Real noise standard deviation of unit-energy BPSK at Eb/N0 = `ebN0Db` for a
 * code of rate R: Es = R·Eb, σ² = N0/2 = 1 / (2·R·Eb/N0).
 */
export function bpskSigma(ebN0Db: number, rate: number): number {
  return Math.sqrt(1 / (2 * rate * Math.pow(10, ebN0Db / 10)));
}

/** Channel LLRs of `codeword` sent as BPSK (0 → +1) over real AWGN: L = 2y/σ². */
export function bpskAwgnLlr(codeword: Uint8Array, sigma: number, rng: Rng, out: Float32Array): void {
  const s2 = sigma * sigma;
  for (let i = 0; i < codeword.length; i++) {
    const y = 1 - 2 * codeword[i] + sigma * rng.normal();
    out[i] = (2 * y) / s2;
  }
}

/** Number of positions where `a` and `b` differ. */
export function hamming(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}
