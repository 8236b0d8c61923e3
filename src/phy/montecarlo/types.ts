/**
 * Contracts of the Monte-Carlo error-rate engine.
 *
 * The engine knows nothing about codes, modulations or channels: a module
 * provides a *frame simulator* (encode, modulate, add noise, decode, count
 * errors) and the engine decides how many frames to run at each point, on
 * which thread, and when to stop. Results depend only on the seed and the
 * options, never on the number of worker threads (see engine.ts).
 */
import type { Rng } from '../../core/rng.js';

/** One point of a sweep. `index` identifies the random stream of the point. */
export interface SweepPoint {
  /** Non-negative integer, unique within a sweep; chunk c of this point uses `Rng.stream(seed, index, c)`. */
  index: number;
  /** Es/N0 per complex channel use, dB. */
  snrDb: number;
  /** Eb/N0 per information bit, dB (reported and plotted; the simulator may use either). */
  ebN0Db: number;
}

/** Result of simulating a batch of frames at one point. */
export interface FrameBatchResult {
  /** Frames simulated (must equal the number requested). */
  frames: number;
  /** Frames with at least one information-bit error (or a detected failure, as the simulator defines it). */
  frameErrors: number;
  /** Information bits simulated. */
  bits: number;
  /** Information bits decoded wrongly. */
  bitErrors: number;
  /** Decoder iterations summed over the frames; 0 if not applicable. */
  iterations: number;
}

/**
 * Simulates frames at a point. It must draw every random number from `rng`
 * and keep no random state between calls, so that a chunk's result depends
 * only on (seed, point, chunk). Scratch buffers may be reused.
 */
export interface FrameSimulator {
  /** Simulate `frames` frames at this point using only `rng`. */
  run(point: SweepPoint, frames: number, rng: Rng): FrameBatchResult;
}

/** The exported factory a simulator module provides. */
export type FrameSimulatorFactory = (config: unknown) => FrameSimulator | Promise<FrameSimulator>;

/**
 * A module path (absolute file URL or path) and the exported factory name;
 * `factory(config)` returns a FrameSimulator. `config` must be
 * structured-clone-able (it is posted to every worker thread).
 */
export interface SimulatorRef {
  module: string;
  exportName: string;
  config: unknown;
}

/** Outcome at one point, with 95 % Clopper–Pearson intervals (see confidence.ts). */
export interface PointResult {
  ebN0Db: number;
  snrDb: number;
  bits: number;
  bitErrors: number;
  /** bitErrors / bits. */
  ber: number;
  frames: number;
  frameErrors: number;
  /** frameErrors / frames. */
  fer: number;
  /** Exact binomial interval over bits; optimistic, since bit errors cluster within frames. */
  berCi: [number, number];
  /** Exact binomial interval over frames (frames are independent). */
  ferCi: [number, number];
  /** iterations / frames (0 when the simulator reports none). */
  avgIterations: number;
}

/** Where the progress bar goes: 'auto' = stderr when it is a TTY and env CI is unset; 'tty' = always; 'none' = never. */
export type ProgressMode = 'auto' | 'tty' | 'none';

/** Options of {@link runMonteCarlo}. */
export interface MonteCarloOptions {
  simulator: SimulatorRef;
  points: SweepPoint[];
  /** Finite number; the same seed gives bit-identical results whatever `workers` is. */
  seed: number;
  /** Stop a point once it has this many frame errors (and `minFrames` frames). Default 100. */
  minFrameErrors?: number;
  /** Never simulate more than this many frames at a point. Default 1e5. */
  maxFrames?: number;
  /** Do not stop on errors before this many frames. Default 0. */
  minFrames?: number;
  /** Also stop a point once it has this many bit errors (and `minFrames` frames). Default: no such rule. */
  maxBitErrors?: number;
  /** Frames per chunk, the unit of seeding and of the stop rule. Default 32. Changing it changes the results. */
  chunkFrames?: number;
  /** Worker threads; 0 runs in the main thread. Default os.availableParallelism(). Does not change results. */
  workers?: number;
  /** Progress bar on stderr. Default 'auto'. */
  progress?: ProgressMode;
  /** Skip (omit) every point after one that ends with zero frame errors. Default true. */
  stopWhenNoErrors?: boolean;
  /** Aborting rejects the run with the signal's reason and terminates the workers. */
  signal?: AbortSignal;
  /** Called once per finished point, in the order of `points` (omitted points are not reported). */
  onPoint?: (result: PointResult, point: SweepPoint) => void;
}

/** The resolved options, recorded with the results. */
export interface MonteCarloConfig {
  simulator: SimulatorRef;
  points: SweepPoint[];
  seed: number;
  minFrameErrors: number;
  maxFrames: number;
  minFrames: number;
  maxBitErrors: number | null;
  chunkFrames: number;
  workers: number;
  stopWhenNoErrors: boolean;
}

/** What {@link runMonteCarlo} returns. */
export interface MonteCarloResult {
  /** One result per simulated point, in the order of `config.points`. */
  points: PointResult[];
  /** Points skipped because an earlier point had zero frame errors (`stopWhenNoErrors`). */
  omitted: SweepPoint[];
  config: MonteCarloConfig;
  /** Wall-clock time of the run, ms (the only field that varies between identical runs). */
  elapsedMs: number;
}
