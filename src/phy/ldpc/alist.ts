/**
 * MacKay's alist format for sparse parity-check matrices
 * (D. J. C. MacKay, "Encyclopedia of sparse graph codes", alist format page:
 * https://www.inference.org.uk/mackay/codes/alist.html):
 *
 *   N M                      columns (bits) and rows (checks)
 *   maxColWeight maxRowWeight
 *   N column weights
 *   M row weights
 *   N lines: the rows (1-based) of each column, padded with 0 to maxColWeight
 *   M lines: the columns (1-based) of each row, padded with 0 to maxRowWeight
 *
 * The parser is strict: every count, index and the agreement of the column
 * lists with the row lists is checked, and any fault raises
 * SemcomError('MALFORMED_ALIST') naming the line. Trailing zero padding is
 * accepted (and written by {@link formatAlist}); unpadded lists are accepted
 * too. Blank lines are ignored, so a column or row of weight 0 must be written
 * as its zero padding.
 */
import { readFileSync } from 'node:fs';
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode } from './types.js';
import { codeFromEdges } from './sparse.js';

interface Line {
  no: number;
  text: string;
}

function fail(line: Line | null, what: string): never {
  const where = line ? `line ${line.no}` : 'end of file';
  throw new SemcomError('MALFORMED_ALIST', `alist ${where}: ${what}`);
}

function ints(line: Line): number[] {
  const toks = line.text.trim().split(/\s+/);
  return toks.map((t) => {
    if (!/^\d+$/.test(t)) fail(line, `'${t}' is not a non-negative integer`);
    const v = Number(t);
    if (!Number.isSafeInteger(v)) fail(line, `'${t}' is too large`);
    return v;
  });
}

/**
 * Reads one adjacency list: `weight` entries in 1..limit, distinct, then only
 * zeros (padding), at most max(maxWeight, weight) tokens in all.
 */
function adjacency(line: Line, weight: number, maxWeight: number, limit: number, kind: string, index: number): number[] {
  const v = ints(line);
  if (v.length < weight || v.length > Math.max(maxWeight, weight)) {
    fail(line, `${kind} ${index + 1} has weight ${weight}, so it needs ${weight} entries (plus zero padding up to ${maxWeight}); found ${v.length}`);
  }
  const out = v.slice(0, weight);
  const seen = new Set<number>();
  for (const e of out) {
    if (e === 0) fail(line, `${kind} ${index + 1}: expected ${weight} non-zero entries before any 0 padding`);
    if (e > limit) fail(line, `${kind} ${index + 1}: index ${e} outside 1..${limit}`);
    if (seen.has(e)) fail(line, `${kind} ${index + 1}: duplicate entry ${e}`);
    seen.add(e);
  }
  for (let i = weight; i < v.length; i++) {
    if (v[i] !== 0) fail(line, `${kind} ${index + 1}: ${v.length - weight} entries beyond its weight ${weight} must be 0 padding, found ${v[i]}`);
  }
  return out;
}

/** Parses an alist text into an `LdpcCode` (k = n − rank(H), found by GF(2) elimination). */
export function parseAlist(text: string, name = 'alist'): LdpcCode {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((t, i) => {
    if (t.trim() !== '') lines.push({ no: i + 1, text: t });
  });
  let cur = 0;
  const next = (what: string): Line => {
    if (cur >= lines.length) fail(null, `file ends where ${what} was expected`);
    return lines[cur++];
  };

  const l1 = next('the header "N M"');
  const h = ints(l1);
  if (h.length !== 2 || h[0] < 1 || h[1] < 1) fail(l1, `expected "N M" (two positive integers: columns and rows), found "${l1.text.trim()}"`);
  const [n, m] = h;
  const l2 = next('"maxColWeight maxRowWeight"');
  const mw = ints(l2);
  if (mw.length !== 2) fail(l2, `expected "maxColWeight maxRowWeight" (two integers), found ${mw.length} values`);
  const [maxCol, maxRow] = mw;
  if (maxCol > m) fail(l2, `maximum column weight ${maxCol} exceeds the number of rows ${m}`);
  if (maxRow > n) fail(l2, `maximum row weight ${maxRow} exceeds the number of columns ${n}`);

  const l3 = next(`the ${n} column weights`);
  const colW = ints(l3);
  if (colW.length !== n) fail(l3, `expected ${n} column weights, found ${colW.length}`);
  const l4 = next(`the ${m} row weights`);
  const rowW = ints(l4);
  if (rowW.length !== m) fail(l4, `expected ${m} row weights, found ${rowW.length}`);
  const actualMaxCol = colW.reduce((a, b) => Math.max(a, b), 0);
  const actualMaxRow = rowW.reduce((a, b) => Math.max(a, b), 0);
  if (actualMaxCol !== maxCol) fail(l3, `largest column weight is ${actualMaxCol} but line ${l2.no} declares ${maxCol}`);
  if (actualMaxRow !== maxRow) fail(l4, `largest row weight is ${actualMaxRow} but line ${l2.no} declares ${maxRow}`);
  const edges = colW.reduce((s, w) => s + w, 0);
  const edgesR = rowW.reduce((s, w) => s + w, 0);
  if (edges !== edgesR) fail(l4, `row weights sum to ${edgesR} but column weights to ${edges}; both count the ones of H`);

  const rows = new Int32Array(edges);
  const cols = new Int32Array(edges);
  const colLists: number[][] = [];
  let e = 0;
  for (let c = 0; c < n; c++) {
    const line = next(`the row list of column ${c + 1}`);
    const list = adjacency(line, colW[c], maxCol, m, 'column', c);
    list.sort((x, y) => x - y);
    colLists.push(list);
    for (const r of list) {
      rows[e] = r - 1;
      cols[e] = c;
      e++;
    }
  }
  for (let r = 0; r < m; r++) {
    const line = next(`the column list of row ${r + 1}`);
    const list = adjacency(line, rowW[r], maxRow, n, 'row', r);
    for (const c of list) {
      // The row lists hold as many entries as the column lists, without
      // duplicates, so they agree iff every row entry is in its column's list.
      if (!binaryHas(colLists[c - 1], r + 1)) {
        fail(line, `row ${r + 1} lists column ${c}, but the list of column ${c} does not contain row ${r + 1}`);
      }
    }
  }
  if (cur < lines.length) fail(lines[cur], `unexpected content after the ${m} row lists: "${lines[cur].text.trim().slice(0, 40)}"`);
  return codeFromEdges({ name, m, n, rows, cols });
}

function binaryHas(sorted: number[], v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === v) return true;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Writes H of `code` in alist format (1-based, lists ascending, zero-padded to the maximum weight). */
export function formatAlist(code: LdpcCode): string {
  const { n, m, colPtr, rowIdx, rowPtr, colIdx } = code;
  const colW = Array.from({ length: n }, (_, c) => colPtr[c + 1] - colPtr[c]);
  const rowW = Array.from({ length: m }, (_, r) => rowPtr[r + 1] - rowPtr[r]);
  const maxCol = colW.reduce((a, b) => Math.max(a, b), 0);
  const maxRow = rowW.reduce((a, b) => Math.max(a, b), 0);
  const out: string[] = [`${n} ${m}`, `${maxCol} ${maxRow}`, colW.join(' '), rowW.join(' ')];
  const list = (idx: Int32Array, from: number, to: number, pad: number): string => {
    const v: number[] = [];
    for (let p = from; p < to; p++) v.push(idx[p] + 1);
    while (v.length < pad) v.push(0);
    return v.join(' ');
  };
  for (let c = 0; c < n; c++) out.push(list(rowIdx, colPtr[c], colPtr[c + 1], maxCol));
  for (let r = 0; r < m; r++) out.push(list(colIdx, rowPtr[r], rowPtr[r + 1], maxRow));
  return out.join('\n') + '\n';
}

/** Reads and parses an alist file; the code is named `alist:<path>`. IO failures raise SemcomError('IO_ERROR'). */
export function loadAlistFile(path: string): LdpcCode {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new SemcomError('IO_ERROR', `cannot read alist file '${path}': ${msg}`, { cause: err });
  }
  return parseAlist(text, `alist:${path}`);
}
