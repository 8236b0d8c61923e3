/**
 * The deterministic heart of the engine: which chunks to hand out, and which
 * results to keep.
 *
 * Chunk c of point p is always the same work (same frames, same random
 * stream), so a chunk's result does not depend on who ran it or when. The
 * scheduler commits results strictly in chunk order per point, evaluates the
 * stop rule after each committed chunk, and drops results of chunks beyond the
 * stopping one. What it *hands out* (how many chunks per message, how far
 * ahead, which point) depends on timing and the number of workers; what it
 * *commits* does not.
 *
 * Look-ahead policy: each point may have chunks in flight up to an estimate of
 * the chunks it still needs (from the error rate seen so far); idle workers
 * then take the next chunks of the earliest unfinished point anyway. With
 * `stopWhenNoErrors`, no work goes beyond a point that has not yet seen a
 * frame error, since that point may end the sweep.
 */
import { PointAccumulator, framesInChunk, maxChunks, type StopRule } from './accumulator.js';
import type { FrameBatchResult, PointResult, SweepPoint } from './types.js';

/** A message's worth of work: consecutive chunks of one point. */
export interface WorkBatch {
  /** Position of the point in the sweep's `points` array. */
  pos: number;
  firstChunk: number;
  /** Frames of each chunk, in order. */
  frames: number[];
}

type Status = 'active' | 'done' | 'omitted';

interface PointState {
  status: Status;
  acc: PointAccumulator;
  committedChunks: number;
  /** Chunks handed out so far (chunks 0 .. dispatched − 1). */
  dispatched: number;
  /** Results received out of order, by chunk index. */
  pending: Map<number, FrameBatchResult>;
  // Everything received (committed or pending), for look-ahead estimates only.
  seenChunks: number;
  seenFrames: number;
  seenFrameErrors: number;
  seenBitErrors: number;
  /** Smoothed compute time per chunk, ms; 0 until measured. */
  msPerChunk: number;
}

/** Scheduling knobs that never change results. */
export interface SchedulerOptions {
  /** Workers that will ask for work (≥ 1). */
  workers: number;
  /** Largest batch (chunks per message); 1 for the main-thread path. */
  maxBatch: number;
  /** Wanted compute time per message, ms (amortizes message overhead). */
  targetBatchMs: number;
}

export class SweepScheduler {
  private readonly states: PointState[];
  private readonly chunkLimit: number;
  private emitCursor = 0;
  private active: number;

  constructor(
    readonly points: readonly SweepPoint[],
    readonly rule: StopRule,
    readonly stopWhenNoErrors: boolean,
    private readonly opts: SchedulerOptions,
    private readonly onPoint: (result: PointResult, point: SweepPoint) => void = () => {},
  ) {
    this.chunkLimit = maxChunks(rule);
    this.active = points.length;
    this.states = points.map(() => ({
      status: 'active' as Status,
      acc: new PointAccumulator(),
      committedChunks: 0,
      dispatched: 0,
      pending: new Map(),
      seenChunks: 0,
      seenFrames: 0,
      seenFrameErrors: 0,
      seenBitErrors: 0,
      msPerChunk: 0,
    }));
  }

  /** True once every point is done or omitted. */
  get finished(): boolean {
    return this.active === 0;
  }

  /** Final results of the finished points, in `points` order. */
  results(): PointResult[] {
    const out: PointResult[] = [];
    this.states.forEach((s, i) => {
      if (s.status === 'done') out.push(s.acc.toResult(this.points[i]));
    });
    return out;
  }

  /** Points skipped because an earlier one had no frame errors. */
  omitted(): SweepPoint[] {
    return this.points.filter((_, i) => this.states[i].status === 'omitted');
  }

  /** The earliest unfinished point and its committed totals (for the progress bar). */
  current(): { pos: number; acc: PointAccumulator } | null {
    const pos = this.states.findIndex((s) => s.status === 'active');
    return pos < 0 ? null : { pos, acc: this.states[pos].acc };
  }

  /** Work for an idle worker, or null when nothing useful is left to hand out right now. */
  nextBatch(): WorkBatch | null {
    // First pass: points in order, each up to its estimated need.
    for (let pos = 0; pos < this.states.length; pos++) {
      const s = this.states[pos];
      if (s.status !== 'active') continue;
      const allowance = this.estimatedChunks(s) - s.dispatched;
      if (allowance > 0) {
        const size = Math.min(allowance, this.batchSize(s), Math.ceil(allowance / this.opts.workers));
        return this.take(pos, size);
      }
      if (this.blocksLookAhead(s)) break;
    }
    // Second pass: keep idle workers busy with the next chunks of the earliest point that has any.
    for (let pos = 0; pos < this.states.length; pos++) {
      const s = this.states[pos];
      if (s.status !== 'active') continue;
      const left = this.chunkLimit - s.dispatched;
      if (left > 0) return this.take(pos, Math.min(left, this.batchSize(s)));
      if (this.blocksLookAhead(s)) break;
    }
    return null;
  }

  /**
   * Hands back the results of a batch (one per chunk, in order) and the compute
   * time it took. Commits what is now contiguous and applies the stop rules.
   */
  submit(batch: WorkBatch, results: readonly FrameBatchResult[], computeMs: number): void {
    const s = this.states[batch.pos];
    if (s.status !== 'active') return; // the point stopped or was omitted meanwhile: discard
    const per = computeMs / Math.max(1, results.length);
    s.msPerChunk = s.msPerChunk === 0 ? per : 0.7 * s.msPerChunk + 0.3 * per;
    results.forEach((r, i) => {
      const chunk = batch.firstChunk + i;
      if (chunk < s.committedChunks || s.pending.has(chunk)) return;
      s.pending.set(chunk, r);
      s.seenChunks++;
      s.seenFrames += r.frames;
      s.seenFrameErrors += r.frameErrors;
      s.seenBitErrors += r.bitErrors;
    });
    for (;;) {
      const r = s.pending.get(s.committedChunks);
      if (r === undefined) break;
      s.pending.delete(s.committedChunks);
      s.acc.add(r);
      s.committedChunks++;
      if (s.acc.isDone(this.rule)) {
        this.finish(batch.pos);
        break;
      }
    }
    this.emit();
  }

  private finish(pos: number): void {
    const s = this.states[pos];
    s.status = 'done';
    s.pending.clear();
    this.active--;
    if (this.stopWhenNoErrors && s.acc.frameErrors === 0) {
      for (let j = pos + 1; j < this.states.length; j++) {
        const t = this.states[j];
        if (t.status === 'active') this.active--;
        t.status = 'omitted';
        t.pending.clear();
      }
    }
  }

  /** Reports finished points in sweep order, each once. */
  private emit(): void {
    while (this.emitCursor < this.states.length && this.states[this.emitCursor].status !== 'active') {
      const pos = this.emitCursor++;
      if (this.states[pos].status === 'done') this.onPoint(this.states[pos].acc.toResult(this.points[pos]), this.points[pos]);
    }
  }

  private blocksLookAhead(s: PointState): boolean {
    return this.stopWhenNoErrors && s.seenFrameErrors === 0;
  }

  private take(pos: number, size: number): WorkBatch {
    const s = this.states[pos];
    const frames: number[] = [];
    for (let c = s.dispatched; c < s.dispatched + size; c++) frames.push(framesInChunk(this.rule, c));
    const batch = { pos, firstChunk: s.dispatched, frames };
    s.dispatched += size;
    return batch;
  }

  private batchSize(s: PointState): number {
    if (s.msPerChunk === 0) return 1;
    const size = Math.floor(this.opts.targetBatchMs / s.msPerChunk);
    return Math.max(1, Math.min(this.opts.maxBatch, size));
  }

  /** Total chunks this point probably needs, from what has been seen so far (≥ committed + 1). */
  private estimatedChunks(s: PointState): number {
    const { rule } = this;
    let est: number;
    if (s.seenFrameErrors > 0) {
      let need = rule.minFrameErrors / (s.seenFrameErrors / s.seenFrames);
      if (Number.isFinite(rule.maxBitErrors) && s.seenBitErrors > 0) {
        need = Math.min(need, rule.maxBitErrors / (s.seenBitErrors / s.seenFrames));
      }
      need = Math.max(need, rule.minFrames);
      // 10 % margin: the estimate is noisy and an idle worker costs more than a discarded chunk.
      est = Math.ceil((1.1 * need) / rule.chunkFrames) + 1;
    } else {
      est = 2 * s.seenChunks + this.opts.workers;
    }
    return Math.min(this.chunkLimit, Math.max(est, s.committedChunks + 1));
  }
}
