/**
 * Systematic LDPC encoders.
 *
 * 1. Dual-diagonal QC encoder (IEEE 802.11n Annex R structure, linear time).
 *    H = [H_s | H_p] with mb block rows, kb = nb − mb information block
 *    columns, and H_p made of a weight-3 first column (shift a at block rows 0
 *    and mb−1, shift b at one middle row x) followed by a zero-shift staircase
 *    (column j ≥ 1 has identity blocks at rows j−1 and j). With P^s the
 *    identity shifted right by s, (P^s v)[r] = v[(r + s) mod Z]:
 *      λ_i = Σ_j P^{s_ij} u_j                       (information part, block row i)
 *      Σ_i λ_i = P^b p_0                            (staircase columns and the two
 *                                                    P^a blocks appear twice and cancel)
 *      p_1     = λ_0 + P^a p_0
 *      p_{i+1} = λ_i + p_i + [i = x] P^b p_0,  1 ≤ i ≤ mb − 2
 *    (Myung, Yang, Kim, "Quasi-cyclic LDPC codes for fast encoding", IEEE
 *    Trans. IT 51(8), 2005; the encoding procedure of 802.11n-2009 R.3.)
 *
 * 2. Generic encoder for any H: reduced row-echelon form over GF(2), done once
 *    per code (see gf2.ts); each parity bit is the parity of the AND of a packed
 *    reduced row and the packed message.
 *
 * Bits are 0/1 bytes; only the low bit of each message byte is used.
 */
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode, LdpcEncoder, QcStructure } from './types.js';
import { cachedReduction, reduceParityCheck, type Gf2Reduction } from './gf2.js';

function checkLengths(code: LdpcCode, info: Uint8Array, codeword: Uint8Array): void {
  if (info.length !== code.k) {
    throw new SemcomError('LENGTH_MISMATCH', `${code.name}: message has ${info.length} bits, the code takes k = ${code.k}`);
  }
  if (codeword.length !== code.n) {
    throw new SemcomError('LENGTH_MISMATCH', `${code.name}: codeword buffer has ${codeword.length} bits, the code needs n = ${code.n}`);
  }
}

/** Where the weight-3 column of a dual-diagonal parity part puts its blocks. */
export interface DualDiagonal {
  /** Number of information block columns (nb − mb). */
  readonly kb: number;
  /** Shift of the weight-3 column in block rows 0 and mb − 1. */
  readonly a: number;
  /** Block row of the middle entry of the weight-3 column. */
  readonly x: number;
  /** Shift of the middle entry. */
  readonly b: number;
}

/**
 * Detects the 802.11n-style dual-diagonal parity structure in a QC base
 * matrix; null if absent.
 */
export function detectDualDiagonal(qc: QcStructure): DualDiagonal | null {
  const { mb, nb, shifts } = qc;
  const kb = nb - mb;
  if (mb < 3 || kb < 1) return null;
  const at = (i: number, j: number): number => shifts[i * nb + j];
  const a = at(0, kb);
  if (a < 0 || at(mb - 1, kb) !== a) return null;
  let x = -1;
  for (let i = 1; i < mb - 1; i++) {
    if (at(i, kb) >= 0) {
      if (x >= 0) return null;
      x = i;
    }
  }
  if (x < 0) return null;
  for (let j = 1; j < mb; j++) {
    for (let i = 0; i < mb; i++) {
      const s = at(i, kb + j);
      const expected = i === j - 1 || i === j ? 0 : -1;
      if (s !== expected) return null;
    }
  }
  return { kb, a, x, b: at(x, kb) };
}

/** Linear-time encoder for QC codes with dual-diagonal parity (802.11n). */
export function createDualDiagonalEncoder(code: LdpcCode): LdpcEncoder {
  const qc = code.qc;
  const dd = qc ? detectDualDiagonal(qc) : null;
  if (!qc || !dd) {
    throw new SemcomError('INVALID_ARGUMENT', `${code.name}: no quasi-cyclic dual-diagonal parity structure; use createEncoder for a generic encoder`);
  }
  const { z, mb, nb, shifts } = qc;
  const { kb, a, x, b } = dd;
  const k = kb * z;
  if (code.k !== k || code.n !== nb * z) {
    throw new SemcomError('INVALID_ARGUMENT', `${code.name}: k = ${code.k}, n = ${code.n} do not match the QC structure (k = ${k}, n = ${nb * z})`);
  }
  for (let i = 0; i < k; i++) {
    if (code.infoPositions[i] !== i) {
      throw new SemcomError('INVALID_ARGUMENT', `${code.name}: the dual-diagonal encoder needs infoPositions 0..k−1`);
    }
  }
  // Non-zero information blocks as flat (row, col, shift) triples.
  const blocks: number[] = [];
  for (let i = 0; i < mb; i++) {
    for (let j = 0; j < kb; j++) {
      const s = shifts[i * nb + j];
      if (s >= 0) blocks.push(i, j, s);
    }
  }
  const blk = Int32Array.from(blocks);
  const lam = new Uint8Array(mb * z);
  const sum = new Uint8Array(z);

  return {
    code,
    encode(info: Uint8Array, cw: Uint8Array): void {
      checkLengths(code, info, cw);
      for (let i = 0; i < k; i++) cw[i] = info[i] & 1;
      lam.fill(0);
      for (let e = 0; e < blk.length; e += 3) {
        const lo = blk[e] * z;
        const src = blk[e + 1] * z;
        const s = blk[e + 2];
        // (P^s u_j)[r] = u_j[(r + s) mod z], split to avoid the modulo.
        const cut = z - s;
        for (let r = 0; r < cut; r++) lam[lo + r] ^= cw[src + r + s];
        for (let r = cut; r < z; r++) lam[lo + r] ^= cw[src + r - cut];
      }
      sum.fill(0);
      for (let i = 0; i < mb; i++) {
        const lo = i * z;
        for (let r = 0; r < z; r++) sum[r] ^= lam[lo + r];
      }
      // p0: (P^b p0)[r] = p0[(r + b) mod z] = sum[r].
      const p0 = k;
      for (let r = 0; r < z; r++) cw[p0 + ((r + b) % z)] = sum[r];
      // p1 = λ0 + P^a p0.
      const p1 = k + z;
      for (let r = 0; r < z; r++) cw[p1 + r] = lam[r] ^ cw[p0 + ((r + a) % z)];
      // Staircase: p_{i+1} = λ_i + p_i (+ P^b p0 in row x).
      for (let i = 1; i < mb - 1; i++) {
        const pi = k + i * z;
        const pn = pi + z;
        const li = i * z;
        for (let r = 0; r < z; r++) cw[pn + r] = lam[li + r] ^ cw[pi + r];
        if (i === x) for (let r = 0; r < z; r++) cw[pn + r] ^= cw[p0 + ((r + b) % z)];
      }
    },
  };
}

function reductionFor(code: LdpcCode): Gf2Reduction {
  const cached = cachedReduction(code);
  if (cached && sameInts(cached.infoPositions, code.infoPositions)) return cached;
  // Pivots are tried on the parity positions (non-info) first, right to left.
  const isInfo = new Uint8Array(code.n);
  for (const p of code.infoPositions) isInfo[p] = 1;
  const order = new Int32Array(code.n);
  let o = 0;
  for (let c = code.n - 1; c >= 0; c--) if (!isInfo[c]) order[o++] = c;
  for (let c = code.n - 1; c >= 0; c--) if (isInfo[c]) order[o++] = c;
  const red = reduceParityCheck(code, order);
  if (red.rank !== code.n - code.k || !sameInts(red.infoPositions, code.infoPositions)) {
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `${code.name}: infoPositions are not an information set of H (rank ${red.rank}, n − k = ${code.n - code.k})`,
    );
  }
  return red;
}

function sameInts(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Generic systematic encoder from the GF(2) reduced row-echelon form of H. */
export function createGenericEncoder(code: LdpcCode): LdpcEncoder {
  const red = reductionFor(code);
  const { rank, parityPositions, infoWords, infoRows } = red;
  const info = code.infoPositions;
  const k = code.k;
  const packed = new Uint32Array(infoWords);
  return {
    code,
    encode(msg: Uint8Array, cw: Uint8Array): void {
      checkLengths(code, msg, cw);
      packed.fill(0);
      for (let t = 0; t < k; t++) {
        const bit = msg[t] & 1;
        cw[info[t]] = bit;
        packed[t >>> 5] |= bit << (t & 31);
      }
      for (let i = 0; i < rank; i++) {
        const base = i * infoWords;
        let acc = 0;
        for (let w = 0; w < infoWords; w++) acc ^= infoRows[base + w] & packed[w];
        // Parity of a 32-bit word by folding.
        acc ^= acc >>> 16;
        acc ^= acc >>> 8;
        acc ^= acc >>> 4;
        acc ^= acc >>> 2;
        acc ^= acc >>> 1;
        cw[parityPositions[i]] = acc & 1;
      }
    },
  };
}

/**
 * An encoder for `code`: the linear-time dual-diagonal encoder for 802.11n-style
 * QC codes, otherwise the generic GF(2) elimination encoder.
 */
export function createEncoder(code: LdpcCode): LdpcEncoder {
  if (code.qc) {
    const dd = detectDualDiagonal(code.qc);
    if (dd && code.k === dd.kb * code.qc.z && code.infoPositions.every((p, i) => p === i)) {
      return createDualDiagonalEncoder(code);
    }
  }
  return createGenericEncoder(code);
}
