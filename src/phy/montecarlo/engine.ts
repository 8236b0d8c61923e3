/**
 * runMonteCarlo: error-rate sweeps of any frame simulator, on worker threads,
 * with results that depend only on the seed and the options.
 *
 * Determinism: the frames of point p are cut into chunks c = 0, 1, ... of
 * `chunkFrames` frames; chunk c is simulated with Rng.stream(seed, p.index, c);
 * results are committed strictly in chunk order and the stop rule is evaluated
 * after each committed chunk (scheduler.ts). Workers may run chunks ahead and
 * out of order; such results are kept until their turn or discarded, so the
 * number of workers changes the speed, never the numbers.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { SemcomError } from '../../core/errors.js';
import { siblingModule, spawnModuleWorker } from '../../core/threads.js';
import { ProgressBar, progressEnabled } from './progress.js';
import { SweepScheduler, type WorkBatch } from './scheduler.js';
import { describeError as describe, loadSimulator, runChunk } from './simulator.js';
import type { FrameBatchResult, MonteCarloConfig, MonteCarloOptions, MonteCarloResult } from './types.js';

/** Compute time aimed at per worker message, ms: message overhead is ~0.1 ms, so this costs < 1 %. */
const TARGET_BATCH_MS = 25;
/** How often the main-thread path yields to the event loop (abort, progress), ms. */
const YIELD_MS = 50;

function resolveConfig(o: MonteCarloOptions): MonteCarloConfig {
  const bad = (what: string): never => {
    throw new SemcomError('INVALID_ARGUMENT', what);
  };
  const sim = o.simulator as MonteCarloOptions['simulator'] | undefined;
  if (!sim || typeof sim.module !== 'string' || sim.module === '' || typeof sim.exportName !== 'string' || sim.exportName === '') {
    bad('simulator must be { module: non-empty path or URL, exportName: non-empty string, config }');
  }
  if (!Array.isArray(o.points) || o.points.length === 0) bad('points must be a non-empty array of { index, snrDb, ebN0Db }');
  const seen = new Set<number>();
  for (const p of o.points) {
    if (!p || !Number.isSafeInteger(p.index) || p.index < 0) bad(`point index must be a non-negative integer, got ${p?.index}`);
    if (seen.has(p.index)) bad(`point indices must be unique; ${p.index} appears twice`);
    seen.add(p.index);
    if (!Number.isFinite(p.snrDb) || !Number.isFinite(p.ebN0Db)) {
      bad(`point ${p.index}: snrDb and ebN0Db must be finite numbers of dB, got ${p.snrDb}, ${p.ebN0Db}`);
    }
  }
  if (typeof o.seed !== 'number' || !Number.isFinite(o.seed)) bad(`seed must be a finite number, got ${String(o.seed)}`);
  const int = (v: number | undefined, dflt: number, min: number, name: string): number => {
    const x = v ?? dflt;
    if (!Number.isSafeInteger(x) || x < min) bad(`${name} must be an integer ≥ ${min}, got ${String(v)}`);
    return x;
  };
  const minFrameErrors = int(o.minFrameErrors, 100, 0, 'minFrameErrors');
  const maxFrames = int(o.maxFrames, 100_000, 1, 'maxFrames');
  const minFrames = int(o.minFrames, 0, 0, 'minFrames');
  if (minFrames > maxFrames) bad(`minFrames (${minFrames}) must not exceed maxFrames (${maxFrames})`);
  const maxBitErrors = o.maxBitErrors === undefined ? null : int(o.maxBitErrors, 0, 1, 'maxBitErrors');
  const chunkFrames = int(o.chunkFrames, 32, 1, 'chunkFrames');
  const workers = int(o.workers, os.availableParallelism(), 0, 'workers');
  const progress = o.progress ?? 'auto';
  if (progress !== 'auto' && progress !== 'tty' && progress !== 'none') bad(`progress must be 'auto', 'tty' or 'none', got ${String(progress)}`);
  return {
    simulator: { module: sim!.module, exportName: sim!.exportName, config: sim!.config },
    points: o.points.map((p) => ({ index: p.index, snrDb: p.snrDb, ebN0Db: p.ebN0Db })),
    seed: o.seed,
    minFrameErrors,
    maxFrames,
    minFrames,
    maxBitErrors,
    chunkFrames,
    workers,
    stopWhenNoErrors: o.stopWhenNoErrors ?? true,
  };
}

function workerFailed(message: string, cause?: unknown): SemcomError {
  return new SemcomError('WORKER_FAILED', `Monte-Carlo simulator failed: ${message}`, { cause });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The Monte-Carlo run was aborted', 'AbortError');
}

/**
 * Runs an error-rate sweep. Rejects with `INVALID_ARGUMENT` for bad options,
 * `WORKER_FAILED` when the simulator cannot be loaded, throws or returns bad
 * counts (in any thread), and with the signal's reason when aborted. Worker
 * threads are always terminated before the promise settles.
 */
export async function runMonteCarlo(options: MonteCarloOptions): Promise<MonteCarloResult> {
  const t0 = Date.now();
  const config = resolveConfig(options);
  options.signal?.throwIfAborted();
  const rule = {
    minFrameErrors: config.minFrameErrors,
    maxFrames: config.maxFrames,
    minFrames: config.minFrames,
    maxBitErrors: config.maxBitErrors ?? Infinity,
    chunkFrames: config.chunkFrames,
  };
  // workers = 1 is one worker thread (the main thread stays free for I/O and the progress bar); 0 runs inline.
  const parallel = config.workers >= 1;
  const scheduler = new SweepScheduler(
    config.points,
    rule,
    config.stopWhenNoErrors,
    { workers: parallel ? config.workers : 1, maxBatch: parallel ? 4096 : 1, targetBatchMs: TARGET_BATCH_MS },
    options.onPoint,
  );
  const bar = new ProgressBar(progressEnabled(options.progress ?? 'auto', process.stderr));
  let totalFrames = 0;
  const tick = (batch: WorkBatch): void => {
    for (const f of batch.frames) totalFrames += f;
    const cur = scheduler.current();
    if (cur === null) return;
    bar.update({
      point: cur.pos + 1,
      points: config.points.length,
      ebN0Db: config.points[cur.pos].ebN0Db,
      frames: cur.acc.frames,
      frameErrors: cur.acc.frameErrors,
      minFrameErrors: config.minFrameErrors,
      totalFrames,
    });
  };
  try {
    if (parallel) await runOnWorkers(config, scheduler, tick, options.signal);
    else await runInMainThread(config, scheduler, tick, options.signal);
  } finally {
    bar.clear();
  }
  return { points: scheduler.results(), omitted: scheduler.omitted(), config, elapsedMs: Date.now() - t0 };
}

async function runInMainThread(
  config: MonteCarloConfig,
  scheduler: SweepScheduler,
  tick: (b: WorkBatch) => void,
  signal?: AbortSignal,
): Promise<void> {
  let sim;
  try {
    sim = await loadSimulator(config.simulator);
  } catch (e) {
    throw workerFailed(`loading the simulator: ${describe(e)}`, e);
  }
  let lastYield = Date.now();
  while (!scheduler.finished) {
    const batch = scheduler.nextBatch();
    if (batch === null) throw new SemcomError('INTERNAL', 'Monte-Carlo scheduler has no work but is not finished');
    const point = config.points[batch.pos];
    const t = performance.now();
    const results: FrameBatchResult[] = [];
    let chunk = batch.firstChunk;
    try {
      for (const frames of batch.frames) results.push(runChunk(sim, point, config.seed, chunk++, frames));
    } catch (e) {
      throw workerFailed(`point ${point.index} (SNR ${point.snrDb} dB), chunk ${chunk - 1}: ${describe(e)}`, e);
    }
    scheduler.submit(batch, results, performance.now() - t);
    tick(batch);
    if (Date.now() - lastYield >= YIELD_MS) {
      await new Promise((r) => setImmediate(r));
      lastYield = Date.now();
      signal?.throwIfAborted();
    }
  }
}

function spawnWorker(config: MonteCarloConfig): Worker {
  // Under vitest/tsx this file is engine.ts and its sibling worker.ts needs tsx;
  // in the compiled build it is engine.js next to worker.js.
  return spawnModuleWorker(siblingModule(import.meta.url, 'worker'), [config.simulator.module]);
}

type WorkerMessage =
  | { type: 'result'; id: number; stats: number[]; ms: number }
  | { type: 'error'; message: string };

function runOnWorkers(
  config: MonteCarloConfig,
  scheduler: SweepScheduler,
  tick: (b: WorkBatch) => void,
  signal?: AbortSignal,
): Promise<void> {
  const workers: Worker[] = [];
  const job: (WorkBatch | null)[] = [];
  let nextId = 1;
  const ids: number[] = [];
  let settled = false;
  let onAbort = (): void => {};

  const work = new Promise<void>((resolve, reject) => {
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    const pump = (): void => {
      if (settled) return;
      if (scheduler.finished) {
        settled = true;
        resolve();
        return;
      }
      for (let w = 0; w < workers.length; w++) {
        if (job[w] !== null) continue;
        const batch = scheduler.nextBatch();
        if (batch === null) break;
        job[w] = batch;
        ids[w] = nextId++;
        workers[w].postMessage({
          type: 'run',
          id: ids[w],
          point: config.points[batch.pos],
          firstChunk: batch.firstChunk,
          frames: batch.frames,
        });
      }
      // Unfinished, yet nothing running and nothing to hand out: a scheduler bug, not a reason to hang.
      if (job.every((j) => j === null)) fail(new SemcomError('INTERNAL', 'Monte-Carlo scheduler has no work but is not finished'));
    };
    onAbort = (): void => fail(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      for (let w = 0; w < config.workers; w++) {
        const worker = spawnWorker(config);
        workers.push(worker);
        job.push(null);
        ids.push(0);
        worker.on('message', (m: WorkerMessage) => {
          if (settled) return;
          if (m.type === 'error') {
            fail(workerFailed(m.message));
            return;
          }
          const batch = job[w];
          if (batch === null || m.id !== ids[w] || m.stats.length !== 5 * batch.frames.length) {
            fail(new SemcomError('INTERNAL', `Monte-Carlo worker ${w} answered a job it was not given, or with the wrong number of results`));
            return;
          }
          job[w] = null;
          const results: FrameBatchResult[] = [];
          for (let i = 0; i < m.stats.length; i += 5) {
            const s = m.stats;
            results.push({ frames: s[i], frameErrors: s[i + 1], bits: s[i + 2], bitErrors: s[i + 3], iterations: s[i + 4] });
          }
          try {
            scheduler.submit(batch, results, m.ms);
            tick(batch);
          } catch (e) {
            fail(e); // e.g. the caller's onPoint threw
            return;
          }
          pump();
        });
        worker.on('error', (e) => fail(workerFailed(`worker thread ${w}: ${describe(e)}`, e)));
        worker.on('messageerror', (e) => fail(workerFailed(`worker thread ${w}: unreadable message`, e)));
        worker.on('exit', (code) => fail(workerFailed(`worker thread ${w} exited unexpectedly (code ${code})`)));
        worker.postMessage({ type: 'init', simulator: config.simulator, seed: config.seed });
      }
    } catch (e) {
      fail(workerFailed(`could not start worker threads: ${describe(e)}`, e));
      return;
    }
    pump();
  });

  // Always terminate every worker before settling, success or failure.
  const cleanup = async (): Promise<void> => {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return work.then(cleanup, async (err: unknown) => {
    await cleanup();
    throw err;
  });
}
