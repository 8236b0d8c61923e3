/**
 * Loading a cell runner from its reference and running one cell into a
 * checked row: the code shared by the main thread and the worker threads, so
 * both compute exactly the same thing. Nothing here throws for a failing
 * cell: a cell that throws or returns a malformed row becomes a row with an
 * `error`, so one bad cell never aborts a run.
 */
import { Rng } from '../core/rng.js';
import { describeError, importableModule } from '../core/threads.js';
import type { Cell, CellRunner, CellRunnerRef, ResultRow, StoredRow } from './types.js';

/**
 * The seed handed to cell `index` of a run seeded with `seed`: a 53-bit
 * integer hashed from the two, so a cell's numbers depend on nothing else
 * (not on the worker that runs it, nor on the cells run before it).
 */
export function cellSeed(seed: number, index: number): number {
  const rng = Rng.stream(seed, index);
  const hi = rng.nextUint32() >>> 11; // 21 bits
  return hi * 2 ** 32 + rng.nextUint32();
}

/** Imports the module and calls its factory once. Throws plain Errors; callers wrap them. */
export async function loadCellRunner(ref: CellRunnerRef): Promise<CellRunner> {
  const mod = (await import(importableModule(ref.module))) as Record<string, unknown>;
  const factory = mod[ref.exportName];
  if (typeof factory !== 'function') {
    throw new Error(`module ${ref.module} exports no function named ${JSON.stringify(ref.exportName)}`);
  }
  const runner = (await (factory as (c: unknown) => unknown)(ref.config)) as CellRunner | undefined;
  if (!runner || typeof runner.runCell !== 'function') {
    throw new Error(`${ref.exportName}(config) in ${ref.module} did not return an object with a runCell() method`);
  }
  return runner;
}

/** The row of a cell that produced nothing usable: every item counted as failed, no metrics. */
export function failedRow(cell: Cell, items: number, error: string): StoredRow {
  return {
    cell: cell.index,
    scheme: cell.scheme,
    channel: cell.channel,
    modulation: cell.modulation,
    snrDb: cell.snrDb,
    items,
    failedItems: items,
    // Zeros, not NaN, so the row stays valid JSON; `error` marks them as meaningless and reports show a dash.
    payloadBitsPerItem: 0,
    channelUsesPerItem: 0,
    psnr: null,
    ssim: null,
    semanticAccuracy: null,
    encodeMsPerItem: 0,
    decodeMsPerItem: 0,
    error,
  };
}

/**
 * Checks a row returned by a cell runner and copies it into the stored shape
 * (fixed key order, the cell's own identity fields). Returns an error message
 * instead when the row is malformed.
 */
export function checkRow(cell: Cell, r: unknown): StoredRow | string {
  if (r === null || typeof r !== 'object') return `runCell returned ${r === null ? 'null' : typeof r}, not a result row`;
  const row = r as Partial<ResultRow>;
  for (const [k, v] of [['scheme', cell.scheme], ['channel', cell.channel], ['modulation', cell.modulation], ['snrDb', cell.snrDb]] as const) {
    // Absent identity fields are filled from the cell; different ones are a bug in the cell code.
    if (row[k] !== undefined && row[k] !== v) return `runCell returned ${k} ${JSON.stringify(row[k])} for a cell with ${k} ${JSON.stringify(v)}`;
  }
  const count = (k: 'items' | 'failedItems'): string | null =>
    Number.isSafeInteger(row[k]) && (row[k] as number) >= 0 ? null : `${k} must be a non-negative integer, got ${String(row[k])}`;
  const nonNeg = (k: 'payloadBitsPerItem' | 'channelUsesPerItem' | 'encodeMsPerItem' | 'decodeMsPerItem'): string | null =>
    typeof row[k] === 'number' && Number.isFinite(row[k]) && (row[k] as number) >= 0
      ? null
      : `${k} must be a finite number ≥ 0, got ${String(row[k])}`;
  const metric = (k: 'psnr' | 'ssim' | 'semanticAccuracy'): string | null =>
    row[k] === null || (typeof row[k] === 'number' && Number.isFinite(row[k]))
      ? null
      : // PSNR of an exact reconstruction is +∞, which JSON cannot hold: the cell code must cap it.
        `${k} must be a finite number or null, got ${String(row[k])} (cap an infinite PSNR, e.g. at 100 dB)`;
  const problems = [
    count('items'),
    count('failedItems'),
    nonNeg('payloadBitsPerItem'),
    nonNeg('channelUsesPerItem'),
    nonNeg('encodeMsPerItem'),
    nonNeg('decodeMsPerItem'),
    metric('psnr'),
    metric('ssim'),
    metric('semanticAccuracy'),
  ].filter((p): p is string => p !== null);
  if (problems.length === 0 && row.failedItems! > row.items!) problems.push(`failedItems (${row.failedItems}) exceeds items (${row.items})`);
  let extra: Record<string, number | string> | undefined;
  if (row.extra !== undefined) {
    if (row.extra === null || typeof row.extra !== 'object' || Array.isArray(row.extra)) problems.push('extra must be an object');
    else {
      extra = {};
      for (const [k, v] of Object.entries(row.extra)) {
        if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) extra[k] = v;
        else problems.push(`extra.${k} must be a string or a finite number, got ${String(v)}`);
      }
    }
  }
  if (problems.length > 0) return `runCell returned a malformed row: ${problems.join('; ')}`;
  const out: StoredRow = {
    cell: cell.index,
    scheme: cell.scheme,
    channel: cell.channel,
    modulation: cell.modulation,
    snrDb: cell.snrDb,
    items: row.items!,
    failedItems: row.failedItems!,
    payloadBitsPerItem: row.payloadBitsPerItem!,
    channelUsesPerItem: row.channelUsesPerItem!,
    psnr: row.psnr!,
    ssim: row.ssim!,
    semanticAccuracy: row.semanticAccuracy!,
    encodeMsPerItem: row.encodeMsPerItem!,
    decodeMsPerItem: row.decodeMsPerItem!,
  };
  if (extra !== undefined) out.extra = extra;
  return out;
}

/** Runs one cell with its derived seed; never throws (see the module comment). */
export async function executeCell(runner: CellRunner, cell: Cell, seed: number, itemsPerCell: number): Promise<StoredRow> {
  let result: unknown;
  try {
    result = await runner.runCell({ ...cell }, cellSeed(seed, cell.index));
  } catch (e) {
    return failedRow(cell, itemsPerCell, describeError(e));
  }
  const checked = checkRow(cell, result);
  return typeof checked === 'string' ? failedRow(cell, itemsPerCell, checked) : checked;
}
