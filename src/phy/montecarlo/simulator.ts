/**
 * Loading a frame simulator from its {@link SimulatorRef} and running one
 * seeded chunk: the code shared by the main thread and the worker threads, so
 * both compute exactly the same thing.
 */
import { describeError as describeAnyError, importableModule } from '../../core/threads.js';
import { Rng } from '../../core/rng.js';
import type { FrameBatchResult, FrameSimulator, SimulatorRef, SweepPoint } from './types.js';

/**
 * An importable specifier for `module`: URLs pass through, absolute paths and
 * paths starting with ./ or ../ (relative to the working directory) become
 * file URLs, anything else is a package specifier.
 */
export const simulatorModuleUrl = importableModule;

/** Imports the module and calls its factory once. Throws plain Errors; callers wrap them. */
export async function loadSimulator(ref: SimulatorRef): Promise<FrameSimulator> {
  const mod = (await import(simulatorModuleUrl(ref.module))) as Record<string, unknown>;
  const factory = mod[ref.exportName];
  if (typeof factory !== 'function') {
    throw new Error(`module ${ref.module} exports no function named ${JSON.stringify(ref.exportName)}`);
  }
  const sim = (await (factory as (c: unknown) => unknown)(ref.config)) as FrameSimulator | undefined;
  if (!sim || typeof sim.run !== 'function') {
    throw new Error(`${ref.exportName}(config) in ${ref.module} did not return an object with a run() method`);
  }
  return sim;
}

/** An error as one line for a WORKER_FAILED message: "[CODE] message" when it has a string code. */
export const describeError = describeAnyError;

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Runs chunk `chunk` of `point` (frames seeded by `Rng.stream(seed, point.index, chunk)`) and checks the counts. */
export function runChunk(
  sim: FrameSimulator,
  point: SweepPoint,
  seed: number,
  chunk: number,
  frames: number,
): FrameBatchResult {
  const rng = Rng.stream(seed, point.index, chunk);
  const r = sim.run({ index: point.index, snrDb: point.snrDb, ebN0Db: point.ebN0Db }, frames, rng);
  const ok =
    r !== null &&
    typeof r === 'object' &&
    r.frames === frames &&
    isCount(r.frameErrors) &&
    r.frameErrors <= frames &&
    isCount(r.bits) &&
    isCount(r.bitErrors) &&
    r.bitErrors <= r.bits &&
    typeof r.iterations === 'number' &&
    Number.isFinite(r.iterations) &&
    r.iterations >= 0;
  if (!ok) {
    throw new Error(
      `simulator returned an invalid batch result for ${frames} frames: ${JSON.stringify(r)} ` +
        '(expected frames equal to the request and non-negative integer counts with errors ≤ totals)',
    );
  }
  return {
    frames: r.frames,
    frameErrors: r.frameErrors,
    bits: r.bits,
    bitErrors: r.bitErrors,
    iterations: r.iterations,
  };
}
