/**
 * Building the sparse parity-check matrix H of an `LdpcCode` from an edge list
 * or from quasi-cyclic (QC) shifts.
 *
 * H is kept twice, row-major (rowPtr/colIdx, compressed sparse rows) and
 * column-major (colPtr/rowIdx, compressed sparse columns), both with indices
 * sorted ascending, so decoders walk either the check or the variable side
 * without searching.
 */
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode, QcStructure } from './types.js';
import { reduceParityCheck, rememberReduction } from './gf2.js';

/** Input of {@link codeFromEdges}: the ones of H as (row, column) pairs. */
export interface EdgeListSpec {
  name: string;
  /** Number of rows (parity checks). */
  m: number;
  /** Number of columns (codeword bits). */
  n: number;
  /** Row index of each edge (0-based). */
  rows: ArrayLike<number>;
  /** Column index of each edge (0-based), same length as `rows`. */
  cols: ArrayLike<number>;
  /**
   * Information positions, if known (then `k` = its length and H is trusted to
   * have rank n − k). Otherwise they are found by Gaussian elimination over
   * GF(2): pivot columns (searched from the right) carry parity, the others information.
   */
  infoPositions?: ArrayLike<number>;
  qc?: QcStructure;
}

function checkDim(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 1 || v > 1 << 24) {
    throw new SemcomError('INVALID_ARGUMENT', `${what} must be an integer in 1..16777216, got ${String(v)}`);
  }
}

/**
 * Builds an `LdpcCode` from the edge list of H (each edge a one at (row, col)).
 * Throws INVALID_ARGUMENT for indices out of range, duplicate edges or bad sizes.
 */
export function codeFromEdges(spec: EdgeListSpec): LdpcCode {
  const { m, n, rows, cols } = spec;
  checkDim(m, 'm (number of checks)');
  checkDim(n, 'n (codeword length)');
  if (rows.length !== cols.length) {
    throw new SemcomError('INVALID_ARGUMENT', `rows and cols must have the same length, got ${rows.length} and ${cols.length}`);
  }
  const e = rows.length;
  const rowPtr = new Int32Array(m + 1);
  const colPtr = new Int32Array(n + 1);
  for (let i = 0; i < e; i++) {
    const r = rows[i];
    const c = cols[i];
    if (!Number.isInteger(r) || r < 0 || r >= m) throw new SemcomError('INVALID_ARGUMENT', `edge ${i}: row ${r} outside 0..${m - 1}`);
    if (!Number.isInteger(c) || c < 0 || c >= n) throw new SemcomError('INVALID_ARGUMENT', `edge ${i}: column ${c} outside 0..${n - 1}`);
    rowPtr[r + 1]++;
    colPtr[c + 1]++;
  }
  for (let r = 0; r < m; r++) rowPtr[r + 1] += rowPtr[r];
  for (let c = 0; c < n; c++) colPtr[c + 1] += colPtr[c];

  // Counting sort by column, then by row (stable): rows end up sorted by
  // column, and a pass over columns in order fills each row's list sorted.
  const byColRow = new Int32Array(e);
  const fillC = colPtr.slice(0, n);
  for (let i = 0; i < e; i++) byColRow[fillC[cols[i]]++] = rows[i];
  const rowIdx = new Int32Array(e);
  const colIdx = new Int32Array(e);
  const fillR = rowPtr.slice(0, m);
  for (let c = 0; c < n; c++) {
    for (let p = colPtr[c]; p < colPtr[c + 1]; p++) colIdx[fillR[byColRow[p]]++] = c;
  }
  // Columns visited in ascending order, rows pushed in ascending order per column.
  const fillC2 = colPtr.slice(0, n);
  for (let r = 0; r < m; r++) {
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
      const c = colIdx[p];
      if (p > rowPtr[r] && colIdx[p - 1] === c) {
        throw new SemcomError('INVALID_ARGUMENT', `duplicate edge at row ${r}, column ${c}`);
      }
      rowIdx[fillC2[c]++] = r;
    }
  }

  const base = { name: spec.name, n, m, rowPtr, colIdx, colPtr, rowIdx };
  let infoPositions: Int32Array;
  if (spec.infoPositions) {
    infoPositions = Int32Array.from(spec.infoPositions);
    const seen = new Uint8Array(n);
    for (const p of infoPositions) {
      if (!Number.isInteger(p) || p < 0 || p >= n || seen[p]) {
        throw new SemcomError('INVALID_ARGUMENT', `infoPositions must be distinct integers in 0..${n - 1}; bad entry ${p}`);
      }
      seen[p] = 1;
    }
    const code: LdpcCode = { ...base, k: infoPositions.length, infoPositions, ...(spec.qc ? { qc: spec.qc } : {}) };
    return code;
  }
  const red = reduceParityCheck(base, null);
  const code: LdpcCode = { ...base, k: n - red.rank, infoPositions: red.infoPositions, ...(spec.qc ? { qc: spec.qc } : {}) };
  rememberReduction(code, red);
  return code;
}

/**
 * Expands an mb × nb array of circulant shifts (row-major, −1 = zero block,
 * s ≥ 0 = identity shifted right by s: block row r has its one at column
 * (r + s) mod z) into an `LdpcCode` with n = nb·z, m = mb·z.
 * `infoPositions` defaults to the elimination result (see {@link codeFromEdges}).
 */
export function codeFromQcShifts(
  name: string,
  z: number,
  mb: number,
  nb: number,
  shifts: ArrayLike<number>,
  infoPositions?: ArrayLike<number>,
): LdpcCode {
  checkDim(z, 'z (lifting factor)');
  checkDim(mb, 'mb (block rows)');
  checkDim(nb, 'nb (block columns)');
  if (shifts.length !== mb * nb) {
    throw new SemcomError('INVALID_ARGUMENT', `expected ${mb}×${nb} = ${mb * nb} shifts, got ${shifts.length}`);
  }
  let blocks = 0;
  const sh = new Int16Array(mb * nb);
  for (let i = 0; i < mb * nb; i++) {
    const s = shifts[i];
    if (!Number.isInteger(s) || s < -1 || s >= z) {
      throw new SemcomError('INVALID_ARGUMENT', `shift ${s} at block (${Math.floor(i / nb)}, ${i % nb}) must be -1 or in 0..${z - 1}`);
    }
    sh[i] = s;
    if (s >= 0) blocks++;
  }
  const rows = new Int32Array(blocks * z);
  const cols = new Int32Array(blocks * z);
  let e = 0;
  for (let bi = 0; bi < mb; bi++) {
    for (let bj = 0; bj < nb; bj++) {
      const s = sh[bi * nb + bj];
      if (s < 0) continue;
      for (let r = 0; r < z; r++) {
        rows[e] = bi * z + r;
        cols[e] = bj * z + ((r + s) % z);
        e++;
      }
    }
  }
  const qc: QcStructure = { z, mb, nb, shifts: sh };
  return codeFromEdges({ name, m: mb * z, n: nb * z, rows, cols, qc, ...(infoPositions ? { infoPositions } : {}) });
}
