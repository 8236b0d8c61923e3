import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import type { StopRule } from './accumulator.js';
import { SweepScheduler, type WorkBatch } from './scheduler.js';
import type { FrameBatchResult, PointResult, SweepPoint } from './types.js';

// A fake chunk: a pure function of (point, chunk, frames), like a real simulator under Rng.stream.
function fakeChunk(point: SweepPoint, chunk: number, frames: number): FrameBatchResult {
  const rng = Rng.stream(99, point.index, chunk);
  const pErr = Math.pow(10, -point.snrDb / 4); // 1 at 0 dB, 1e-3 at 12 dB, ...
  let frameErrors = 0;
  let bitErrors = 0;
  for (let f = 0; f < frames; f++) {
    if (rng.nextDouble() < pErr) {
      frameErrors++;
      bitErrors += 1 + rng.nextInt(5);
    }
  }
  return { frames, frameErrors, bits: 10 * frames, bitErrors, iterations: 3 * frames };
}

const points: SweepPoint[] = [0, 2, 4, 6, 8, 30, 32].map((snrDb, i) => ({ index: i + 10, snrDb, ebN0Db: snrDb }));
const rule: StopRule = { minFrameErrors: 20, maxFrames: 500, minFrames: 0, maxBitErrors: Infinity, chunkFrames: 16 };

function runSerial(r: StopRule, stopWhenNoErrors: boolean): { results: PointResult[]; omitted: SweepPoint[]; emitted: number[] } {
  const emitted: number[] = [];
  const s = new SweepScheduler(points, r, stopWhenNoErrors, { workers: 1, maxBatch: 1, targetBatchMs: 10 }, (_res, p) =>
    emitted.push(p.index),
  );
  while (!s.finished) {
    const b = s.nextBatch()!;
    expect(b.frames).toHaveLength(1);
    s.submit(b, [fakeChunk(points[b.pos], b.firstChunk, b.frames[0])], 0.01);
  }
  return { results: s.results(), omitted: s.omitted(), emitted };
}

// W virtual workers finishing batches in a random order, with random batch times.
function runShuffled(r: StopRule, stopWhenNoErrors: boolean, workers: number, seed: number) {
  const rng = Rng.stream(seed);
  const emitted: number[] = [];
  const s = new SweepScheduler(points, r, stopWhenNoErrors, { workers, maxBatch: 64, targetBatchMs: 5 }, (_res, p) =>
    emitted.push(p.index),
  );
  const inFlight: WorkBatch[] = [];
  let simulatedChunks = 0;
  for (let guard = 0; !s.finished; guard++) {
    expect(guard).toBeLessThan(100_000);
    while (inFlight.length < workers) {
      const b = s.nextBatch();
      if (!b) break;
      inFlight.push(b);
    }
    expect(inFlight.length).toBeGreaterThan(0); // no deadlock: unfinished work always has something in flight
    const b = inFlight.splice(rng.nextInt(inFlight.length), 1)[0];
    const res = b.frames.map((f, i) => fakeChunk(points[b.pos], b.firstChunk + i, f));
    simulatedChunks += b.frames.length;
    s.submit(b, res, 0.05 + rng.nextDouble());
  }
  return { results: s.results(), omitted: s.omitted(), emitted, simulatedChunks };
}

describe('SweepScheduler', () => {
  it('commits the same results whatever the order and batching of the work', () => {
    for (const stopWhenNoErrors of [true, false]) {
      const ref = runSerial(rule, stopWhenNoErrors);
      const committedChunks = ref.results.reduce((n, r) => n + Math.ceil(r.frames / rule.chunkFrames), 0);
      for (const [workers, seed] of [[2, 1], [3, 2], [8, 3]]) {
        const got = runShuffled(rule, stopWhenNoErrors, workers, seed);
        expect(got.results).toEqual(ref.results);
        expect(got.omitted).toEqual(ref.omitted);
        expect(got.emitted).toEqual(ref.emitted);
        // With 8 workers some chunks ran speculatively and were discarded: the test covers that path.
        if (workers === 8) expect(got.simulatedChunks).toBeGreaterThan(committedChunks);
      }
    }
  });

  it('stops each point at the first chunk boundary where the rule holds, or at maxFrames exactly', () => {
    const { results } = runSerial(rule, false);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      const p = points[i];
      if (r.frames < rule.maxFrames) {
        expect(r.frameErrors).toBeGreaterThanOrEqual(rule.minFrameErrors);
        expect(r.frames % rule.chunkFrames).toBe(0);
        // Without the last chunk the rule did not hold yet.
        const last = fakeChunk(p, r.frames / rule.chunkFrames - 1, rule.chunkFrames);
        expect(r.frameErrors - last.frameErrors).toBeLessThan(rule.minFrameErrors);
      } else {
        expect(r.frames).toBe(rule.maxFrames); // 500 = 31 chunks of 16 + a last one of 4
      }
      expect(r.avgIterations).toBe(3);
    }
    // The high-SNR points hit maxFrames with zero errors.
    expect(results[5].frames).toBe(500);
    expect(results[5].frameErrors).toBe(0);
  });

  it('omits the points after one with zero frame errors when stopWhenNoErrors is on', () => {
    const on = runSerial(rule, true);
    expect(on.results).toHaveLength(6);
    expect(on.omitted.map((p) => p.index)).toEqual([16]);
    expect(on.emitted).toEqual([10, 11, 12, 13, 14, 15]);
    const off = runSerial(rule, false);
    expect(off.results).toHaveLength(7);
    expect(off.omitted).toEqual([]);
  });

  it('honours minFrames and maxBitErrors', () => {
    const r1 = runSerial({ ...rule, minFrames: 100 }, false).results;
    expect(r1[0].frames).toBe(112); // first chunk boundary at or above 100
    const r2 = runSerial({ ...rule, minFrameErrors: 1e9, maxBitErrors: 40 }, false).results;
    expect(r2[0].bitErrors).toBeGreaterThanOrEqual(40);
    expect(r2[0].frames).toBeLessThan(rule.maxFrames);
    const lastBits = fakeChunk(points[0], r2[0].frames / 16 - 1, 16).bitErrors;
    expect(r2[0].bitErrors - lastBits).toBeLessThan(40);
  });
});
