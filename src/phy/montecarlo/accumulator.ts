/**
 * Per-point error counts, the stop rule, and the final {@link PointResult}.
 */
import { clopperPearson } from './confidence.js';
import type { FrameBatchResult, PointResult, SweepPoint } from './types.js';

/** The resolved stop rule of a sweep (see MonteCarloOptions for the meaning of each field). */
export interface StopRule {
  minFrameErrors: number;
  maxFrames: number;
  minFrames: number;
  /** Infinity when there is no bit-error rule. */
  maxBitErrors: number;
  chunkFrames: number;
}

/** Number of chunks a point can have: the last one is cut so that no point exceeds maxFrames. */
export function maxChunks(rule: StopRule): number {
  return Math.ceil(rule.maxFrames / rule.chunkFrames);
}

/** Frames in chunk `chunk` (chunkFrames, except a shorter last chunk ending exactly at maxFrames). */
export function framesInChunk(rule: StopRule, chunk: number): number {
  return Math.min(rule.chunkFrames, rule.maxFrames - chunk * rule.chunkFrames);
}

/** Running totals of one point, fed chunk by chunk in chunk order. */
export class PointAccumulator {
  frames = 0;
  frameErrors = 0;
  bits = 0;
  bitErrors = 0;
  iterations = 0;

  add(r: FrameBatchResult): void {
    this.frames += r.frames;
    this.frameErrors += r.frameErrors;
    this.bits += r.bits;
    this.bitErrors += r.bitErrors;
    this.iterations += r.iterations;
  }

  /** The stop rule, evaluated after each committed chunk. */
  isDone(rule: StopRule): boolean {
    if (this.frames >= rule.maxFrames) return true;
    if (this.frames < rule.minFrames) return false;
    return this.frameErrors >= rule.minFrameErrors || this.bitErrors >= rule.maxBitErrors;
  }

  /** Rates and 95 % Clopper–Pearson intervals (bit interval optimistic: see confidence.ts). */
  toResult(point: SweepPoint): PointResult {
    return {
      ebN0Db: point.ebN0Db,
      snrDb: point.snrDb,
      bits: this.bits,
      bitErrors: this.bitErrors,
      ber: this.bits > 0 ? this.bitErrors / this.bits : NaN,
      frames: this.frames,
      frameErrors: this.frameErrors,
      fer: this.frames > 0 ? this.frameErrors / this.frames : NaN,
      berCi: clopperPearson(this.bitErrors, this.bits),
      ferCi: clopperPearson(this.frameErrors, this.frames),
      avgIterations: this.frames > 0 ? this.iterations / this.frames : 0,
    };
  }
}
