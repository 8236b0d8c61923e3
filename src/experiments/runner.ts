/**
 * runCaseStudy: runs every cell of a case study, on worker threads or on the
 * main thread, and collects one row per cell.
 *
 * Determinism: cell i is run with cellSeed(seed, i) by a runner made by the
 * same factory and config in every thread, so the rows depend on the seed and
 * the study only, never on the number of workers (timing fields excepted,
 * which measure the machine).
 *
 * Robustness: a cell that throws or returns a malformed row, or whose worker
 * thread dies, becomes a row with an `error` and the run goes on (a dead
 * worker is replaced). Only a runner that cannot be loaded at all, bad
 * options or an abort stop a run.
 *
 * Resuming: with `out`, results.json is rewritten after every cell (with
 * complete: false until the end); with `resume`, rows of a previous
 * results.json for the same study, seed, runner fingerprint and cell
 * definition are kept and those cells are not rerun. Rows with an error are
 * rerun, since the cause (a crash, memory) may have been transient.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { SemcomError } from '../core/errors.js';
import { ensureDir } from '../core/fs.js';
import { describeError, siblingModule, spawnModuleWorker } from '../core/threads.js';
import { ProgressBar, progressEnabled } from '../phy/montecarlo/progress.js';
import { executeCell, failedRow, loadCellRunner } from './cell.js';
import { readResults, runnerFingerprint, writeResults } from './results.js';
import type { CaseStudy, Cell, ExperimentResults, RunOptions, StoredRow } from './types.js';

interface Resolved {
  seed: number;
  workers: number;
  itemsPerCell: number;
  cells: Cell[];
}

function resolve(study: CaseStudy, o: RunOptions): Resolved {
  const bad = (what: string): never => {
    throw new SemcomError('INVALID_ARGUMENT', `case study ${JSON.stringify(study?.name)}: ${what}`);
  };
  if (!study || typeof study.name !== 'string' || study.name === '') bad('a case study needs a non-empty name');
  const ref = study.runner as CaseStudy['runner'] | undefined;
  if (!ref || typeof ref.module !== 'string' || ref.module === '' || typeof ref.exportName !== 'string' || ref.exportName === '') {
    bad('runner must be { module: non-empty path or URL, exportName: non-empty string, config }');
  }
  if (!Array.isArray(study.cells) || study.cells.length === 0) bad('cells must be a non-empty array of { scheme, channel, modulation, snrDb }');
  const cells = study.cells.map((c, index) => {
    if (!c || typeof c.scheme !== 'string' || typeof c.channel !== 'string' || typeof c.modulation !== 'string' || !Number.isFinite(c.snrDb)) {
      bad(`cell ${index} must have string scheme, channel and modulation and a finite snrDb, got ${JSON.stringify(c)}`);
    }
    return { index, scheme: c.scheme, channel: c.channel, modulation: c.modulation, snrDb: c.snrDb };
  });
  if (typeof o.seed !== 'number' || !Number.isSafeInteger(o.seed) || o.seed < 0) bad(`seed must be a non-negative integer, got ${String(o.seed)}`);
  const workers = o.workers ?? os.availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 0) bad(`workers must be an integer ≥ 0, got ${String(o.workers)}`);
  const itemsPerCell = study.itemsPerCell ?? 0;
  if (!Number.isSafeInteger(itemsPerCell) || itemsPerCell < 0) bad(`itemsPerCell must be an integer ≥ 0, got ${String(study.itemsPerCell)}`);
  const progress = o.progress ?? 'auto';
  if (progress !== 'auto' && progress !== 'tty' && progress !== 'none') bad(`progress must be 'auto', 'tty' or 'none', got ${String(progress)}`);
  if (o.resume && !o.out) bad('resume needs out (the folder holding the previous results.json)');
  return { seed: o.seed, workers, itemsPerCell, cells };
}

function sameCell(row: StoredRow, cell: Cell): boolean {
  return row.cell === cell.index && row.scheme === cell.scheme && row.channel === cell.channel && row.modulation === cell.modulation && row.snrDb === cell.snrDb;
}

/** Rows of a previous run that can stand for the current one's cells, by cell index. */
async function previousRows(dir: string, study: CaseStudy, seed: number, fingerprint: string, cells: Cell[]): Promise<Map<number, StoredRow>> {
  const done = new Map<number, StoredRow>();
  let prev: ExperimentResults | null;
  try {
    prev = await readResults(dir);
  } catch {
    // An unreadable previous file is not worth keeping: run everything and overwrite it.
    return done;
  }
  if (!prev || prev.experiment !== study.name || prev.seed !== seed || prev.runnerFingerprint !== fingerprint) return done;
  for (const row of prev.rows) {
    if (!row || typeof row !== 'object' || row.error !== undefined) continue;
    const cell = cells[row.cell];
    if (cell && sameCell(row, cell)) done.set(cell.index, row);
  }
  return done;
}

/**
 * Runs a case study. Resolves with every cell's row (in cell order); writes
 * results.json and results.csv to `out` when given. Rejects with
 * `INVALID_ARGUMENT` for bad options, `WORKER_FAILED` when the cell runner
 * cannot be loaded, `IO_ERROR` when `out` cannot be written, and with the
 * signal's reason when aborted (results.json then holds the finished cells).
 * Worker threads are always terminated before the promise settles.
 */
export async function runCaseStudy(study: CaseStudy, options: RunOptions): Promise<ExperimentResults> {
  const t0 = Date.now();
  const cfg = resolve(study, options);
  options.signal?.throwIfAborted();
  const fingerprint = runnerFingerprint(study.runner);
  const out = options.out ? await ensureDir(options.out) : undefined;
  const done = out && options.resume ? await previousRows(out, study, cfg.seed, fingerprint, cfg.cells) : new Map<number, StoredRow>();
  const rows: (StoredRow | undefined)[] = cfg.cells.map((c) => done.get(c.index));
  const todo = cfg.cells.filter((c) => rows[c.index] === undefined);

  const snapshot = (complete: boolean): ExperimentResults => ({
    experiment: study.name,
    title: study.title,
    seed: cfg.seed,
    conditions: [...study.conditions],
    rows: rows.filter((r): r is StoredRow => r !== undefined),
    runnerFingerprint: fingerprint,
    complete,
    startedAt: new Date(t0).toISOString(),
    elapsedMs: Date.now() - t0,
    resumedCells: done.size,
  });
  // Writes are chained so that two cells finishing together never write concurrently.
  let writing: Promise<unknown> = Promise.resolve();
  let writeError: unknown = null;
  const save = (complete: boolean): Promise<unknown> => {
    if (!out) return writing;
    const snap = snapshot(complete);
    writing = writing.then(() => writeResults(snap, out)).catch((e: unknown) => {
      writeError ??= e;
    });
    return writing;
  };

  const bar = new ProgressBar(progressEnabled(options.progress ?? 'auto', process.stderr));
  let finished = 0;
  let failed = 0;
  const accept = (row: StoredRow): void => {
    rows[row.cell] = row;
    finished++;
    if (row.error !== undefined) failed++;
    bar.updateLine(
      (secs) =>
        `${study.name}: cells ${finished + done.size}/${cfg.cells.length}` +
        `${failed ? ` (${failed} failed)` : ''} | last ${row.scheme} ${row.channel} ${row.modulation} ${row.snrDb} dB | ${secs.toFixed(0)} s`,
    );
    void save(false);
    options.onRow?.(row);
  };

  try {
    if (todo.length > 0) {
      if (cfg.workers === 0) await runInMainThread(study, cfg, todo, accept, options.signal);
      else await runOnWorkers(study, cfg, todo, accept, options.signal);
    }
  } finally {
    bar.clear();
    // Even after an abort, whatever finished is on disk for a later resume.
    await save(false);
  }
  const results = snapshot(true);
  if (out) {
    await writing;
    if (writeError) throw writeError;
    await writeResults(results, out);
  }
  return results;
}

function loadFailed(e: unknown): SemcomError {
  return new SemcomError('WORKER_FAILED', `loading the cell runner: ${describeError(e)}`, { cause: e });
}

async function runInMainThread(
  study: CaseStudy,
  cfg: Resolved,
  todo: Cell[],
  accept: (row: StoredRow) => void,
  signal?: AbortSignal,
): Promise<void> {
  let runner;
  try {
    runner = await loadCellRunner(study.runner);
  } catch (e) {
    throw loadFailed(e);
  }
  for (const cell of todo) {
    signal?.throwIfAborted();
    accept(await executeCell(runner, cell, cfg.seed, cfg.itemsPerCell));
  }
}

type WorkerMessage = { type: 'row'; row: StoredRow } | { type: 'fatal'; message: string };

function runOnWorkers(
  study: CaseStudy,
  cfg: Resolved,
  todo: Cell[],
  accept: (row: StoredRow) => void,
  signal?: AbortSignal,
): Promise<void> {
  const queue = [...todo];
  const live = new Set<Worker>();
  const workerUrl = siblingModule(import.meta.url, 'worker');
  let remaining = todo.length;
  // A worker that dies is replaced; this many replacements at most, so a module that kills every thread cannot loop forever.
  let respawnsLeft = todo.length + cfg.workers;
  let settled = false;
  let onAbort = (): void => {};

  const work = new Promise<void>((resolvePromise, reject) => {
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    const finishOne = (row: StoredRow): void => {
      remaining--;
      try {
        accept(row);
      } catch (e) {
        fail(e); // e.g. the caller's onRow threw
        return;
      }
      if (remaining === 0 && !settled) {
        settled = true;
        resolvePromise();
      }
    };

    const start = (): void => {
      let worker: Worker;
      try {
        worker = spawnModuleWorker(workerUrl, [study.runner.module]);
      } catch (e) {
        fail(new SemcomError('WORKER_FAILED', `could not start a worker thread: ${describeError(e)}`, { cause: e }));
        return;
      }
      live.add(worker);
      let current: Cell | null = null;
      let gone = false;
      const next = (): void => {
        current = queue.shift() ?? null;
        if (current === null) {
          // Nothing left for this worker: let it go now rather than idle until the last cell ends.
          gone = true;
          live.delete(worker);
          void worker.terminate();
          return;
        }
        worker.postMessage({ type: 'run', cell: current });
      };
      const died = (why: string): void => {
        if (gone || settled) return;
        gone = true;
        live.delete(worker);
        void worker.terminate();
        if (current !== null) finishOne(failedRow(current, cfg.itemsPerCell, `worker thread died running this cell: ${why}`));
        if (settled || queue.length === 0) return;
        if (respawnsLeft-- <= 0) fail(new SemcomError('WORKER_FAILED', `worker threads keep dying (last: ${why}); giving up`));
        else start();
      };
      worker.on('message', (m: WorkerMessage) => {
        if (settled || gone) return;
        if (m.type === 'fatal') {
          fail(new SemcomError('WORKER_FAILED', m.message));
          return;
        }
        if (current === null || m.row?.cell !== current.index) {
          fail(new SemcomError('INTERNAL', 'an experiment worker answered for a cell it was not given'));
          return;
        }
        const row = m.row;
        current = null;
        finishOne(row);
        if (!settled) next();
      });
      worker.on('error', (e) => died(describeError(e)));
      worker.on('messageerror', () => died('unreadable message'));
      worker.on('exit', (code) => died(`exited with code ${code}`));
      worker.postMessage({ type: 'init', runner: study.runner, seed: cfg.seed, itemsPerCell: cfg.itemsPerCell });
      next();
    };

    onAbort = (): void => fail(signal!.reason ?? new DOMException('The experiment run was aborted', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let w = 0; w < Math.min(cfg.workers, todo.length) && !settled; w++) start();
  });

  // Always terminate every worker before settling, success or failure.
  const cleanup = async (): Promise<void> => {
    signal?.removeEventListener('abort', onAbort);
    const all = [...live];
    live.clear();
    await Promise.all(all.map((w) => w.terminate()));
  };
  return work.then(cleanup, async (err: unknown) => {
    await cleanup();
    throw err;
  });
}
