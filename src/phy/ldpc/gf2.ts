/**
 * Gaussian elimination of a sparse parity-check matrix over GF(2), bit-packed.
 *
 * H (m × n) is copied into rows of ⌈n/32⌉ Uint32 words and brought to reduced
 * row-echelon form. Columns are visited in a preference order (by default
 * right to left, so parity lands at the end of the codeword as in systematic
 * codes); each column that yields a pivot carries a parity bit, every other
 * column an information bit. Rank-deficient H (redundant checks) is handled:
 * k = n − rank.
 *
 * Cost: O(rank · m · n / 32) word operations in the worst case; a pivot row is
 * zero left of its pivot, so each XOR starts at the pivot's word. A 2000 × 4000
 * H reduces in a fraction of a second.
 *
 * The reduced form gives the encoder directly: pivot row i reads
 * p_i = Σ_t R[i, t] · u_t over the information bits u (no back-substitution
 * left to do because the form is fully reduced).
 */
import type { LdpcCode } from './types.js';

/** Row-major sparse H, the part of `LdpcCode` the elimination needs. */
export interface SparseRows {
  readonly m: number;
  readonly n: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
}

/** Result of {@link reduceParityCheck}. */
export interface Gf2Reduction {
  /** Rank of H over GF(2). */
  readonly rank: number;
  /** Information positions (columns without a pivot), ascending; length n − rank. */
  readonly infoPositions: Int32Array;
  /** Codeword position of the parity bit solved by reduced row i (length rank). */
  readonly parityPositions: Int32Array;
  /** Words per packed info row, ⌈k/32⌉. */
  readonly infoWords: number;
  /** rank × infoWords: bit t of row i is R[i, infoPositions[t]] of the reduced form. */
  readonly infoRows: Uint32Array;
}

/**
 * Reduces H to reduced row-echelon form over GF(2).
 * `order`, if given, lists all n columns in the order they are tried as pivots;
 * by default columns n−1, n−2, …, 0.
 */
export function reduceParityCheck(h: SparseRows, order: Int32Array | null): Gf2Reduction {
  const { m, n, rowPtr, colIdx } = h;
  const ord = order ?? Int32Array.from({ length: n }, (_, j) => n - 1 - j);
  const posOf = new Int32Array(n);
  for (let j = 0; j < n; j++) posOf[ord[j]] = j;

  const W = (n + 31) >>> 5;
  const a = new Uint32Array(m * W);
  for (let r = 0; r < m; r++) {
    const base = r * W;
    // XOR (not OR) so an entry listed twice cancels, as it would in GF(2).
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
      const j = posOf[colIdx[p]];
      a[base + (j >>> 5)] ^= 1 << (j & 31);
    }
  }

  const pivotPos = new Int32Array(Math.min(m, n));
  let rank = 0;
  for (let j = 0; j < n && rank < m; j++) {
    const w = j >>> 5;
    const bit = 1 << (j & 31);
    let r = rank;
    while (r < m && (a[r * W + w] & bit) === 0) r++;
    if (r === m) continue;
    const pb = rank * W;
    if (r !== rank) {
      const rb = r * W;
      for (let x = w; x < W; x++) {
        const t = a[pb + x];
        a[pb + x] = a[rb + x];
        a[rb + x] = t;
      }
    }
    for (let r2 = 0; r2 < m; r2++) {
      if (r2 === rank) continue;
      const b2 = r2 * W;
      if ((a[b2 + w] & bit) === 0) continue;
      for (let x = w; x < W; x++) a[b2 + x] ^= a[pb + x];
    }
    pivotPos[rank++] = j;
  }

  const isPivot = new Uint8Array(n);
  for (let i = 0; i < rank; i++) isPivot[pivotPos[i]] = 1;
  const k = n - rank;
  const infoPositions = new Int32Array(k);
  let t = 0;
  for (let c = 0; c < n; c++) if (!isPivot[posOf[c]]) infoPositions[t++] = c;
  const parityPositions = new Int32Array(rank);
  for (let i = 0; i < rank; i++) parityPositions[i] = ord[pivotPos[i]];

  const infoWords = Math.max(1, (k + 31) >>> 5);
  const infoRows = new Uint32Array(rank * infoWords);
  for (let ti = 0; ti < k; ti++) {
    const j = posOf[infoPositions[ti]];
    const w = j >>> 5;
    const sh = j & 31;
    const ow = ti >>> 5;
    const ob = 1 << (ti & 31);
    for (let i = 0; i < rank; i++) {
      if ((a[i * W + w] >>> sh) & 1) infoRows[i * infoWords + ow] |= ob;
    }
  }
  return { rank, infoPositions, parityPositions, infoWords, infoRows };
}

/** Rank of H over GF(2). */
export function gf2Rank(h: SparseRows): number {
  return reduceParityCheck(h, null).rank;
}

const cache = new WeakMap<LdpcCode, Gf2Reduction>();

/** Remembers the reduction of a code built by elimination, so the encoder need not redo it. */
export function rememberReduction(code: LdpcCode, red: Gf2Reduction): void {
  cache.set(code, red);
}

/** The cached reduction of `code`, if any. */
export function cachedReduction(code: LdpcCode): Gf2Reduction | undefined {
  return cache.get(code);
}
