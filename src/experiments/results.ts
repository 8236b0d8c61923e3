/**
 * results.json and results.csv: writing them (atomically, so an interrupted
 * run never leaves a half-written file behind) and reading a previous run's
 * results.json back for resuming.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SemcomError } from '../core/errors.js';
import type { CellRunnerRef, ExperimentResults, StoredRow } from './types.js';

/** The fixed columns of results.csv, before the `extra.<name>` ones (sorted) and `error`. */
export const CSV_COLUMNS = [
  'cell', 'scheme', 'channel', 'modulation', 'snrDb', 'items', 'failedItems',
  'payloadBitsPerItem', 'channelUsesPerItem', 'psnr', 'ssim', 'semanticAccuracy',
  'encodeMsPerItem', 'decodeMsPerItem',
] as const;

const KEPT_IN_FAILED_ROW = new Set<string>(['cell', 'scheme', 'channel', 'modulation', 'snrDb', 'items', 'failedItems']);

/** JSON with object keys sorted at every level, typed arrays as arrays and bigints as strings. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * A short hash of what a cell runner computes: its export name and config.
 * The module path is left out on purpose, since it differs between a run from
 * sources (.ts) and one from the build (.js) of the same code.
 */
export function runnerFingerprint(ref: CellRunnerRef): string {
  return createHash('sha256')
    .update(canonicalJson({ exportName: ref.exportName, config: ref.config ?? null }))
    .digest('hex')
    .slice(0, 16);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One line per row: {@link CSV_COLUMNS}, then `extra.<name>` columns (every
 * name any row has, sorted), then `error`. Null and missing values are empty.
 */
export function resultsCsv(rows: readonly StoredRow[]): string {
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))].sort();
  const header = [...CSV_COLUMNS, ...extras.map((e) => `extra.${e}`), 'error'];
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) {
    // In a failed cell's row only the identity and the item counts mean something; the rest stays empty.
    const fields = CSV_COLUMNS.map((c) => (r.error !== undefined && !KEPT_IN_FAILED_ROW.has(c) ? null : r[c]));
    lines.push([...fields, ...extras.map((e) => (r.error !== undefined ? null : r.extra?.[e])), r.error].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

async function writeAtomically(path: string, text: string): Promise<void> {
  // Rename is atomic within a folder: a reader sees the old file or the new one, never a torn one.
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** Paths written by {@link writeResults}. */
export interface ResultPaths {
  json: string;
  csv: string;
}

/** Writes `dir/results.json` and `dir/results.csv` (the folder must exist). */
export async function writeResults(results: ExperimentResults, dir: string): Promise<ResultPaths> {
  const paths = { json: join(dir, 'results.json'), csv: join(dir, 'results.csv') };
  await writeAtomically(paths.json, JSON.stringify(results, null, 2) + '\n');
  await writeAtomically(paths.csv, resultsCsv(results.rows));
  return paths;
}

/**
 * Reads `dir/results.json`. Returns null when there is none; throws
 * `MALFORMED_INPUT` when it is not a results file (so a report is never drawn
 * from garbage).
 */
export async function readResults(dir: string): Promise<ExperimentResults | null> {
  const path = join(dir, 'results.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SemcomError('IO_ERROR', `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', `${path} is not valid JSON (${(e as Error).message}); delete it or choose another --out`, { cause: e });
  }
  const d = data as Partial<ExperimentResults> | null;
  if (!d || typeof d !== 'object' || typeof d.experiment !== 'string' || typeof d.seed !== 'number' || !Array.isArray(d.rows)) {
    throw new SemcomError('MALFORMED_INPUT', `${path} is not an experiment results file (needs experiment, seed and rows); delete it or choose another --out`);
  }
  return d as ExperimentResults;
}
