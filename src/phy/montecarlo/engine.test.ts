import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSemcomError } from '../../core/errors.js';
import { runMonteCarlo } from './engine.js';
import type { MonteCarloOptions, PointResult, SweepPoint } from './types.js';

const toyModule = new URL('./fixtures/toy-simulator.ts', import.meta.url).href;
const toy = (bitsPerFrame: number, iterationsPerFrame = 0) => ({
  module: toyModule,
  exportName: 'createToySimulator',
  config: { bitsPerFrame, iterationsPerFrame },
});
const sweep = (dbs: number[]): SweepPoint[] => dbs.map((db, index) => ({ index, snrDb: db, ebN0Db: db }));

async function expectCode(p: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isSemcomError(e), `expected SemcomError ${code}, got ${String(e)}`).toBe(true);
  expect((e as { code: string }).code).toBe(code);
  if (message) expect((e as Error).message).toMatch(message);
}

/** Q(x) = erfc(x/√2)/2 with erfc from Numerical Recipes' erfcc (fractional error < 1.2e-7). */
function qFunction(x: number): number {
  const z = x / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return erfc / 2;
}

describe('runMonteCarlo', () => {
  // Points past 10 dB have no errors in 2400 frames of 32 bits: the last one is omitted.
  const base: MonteCarloOptions = {
    simulator: toy(32, 2),
    points: sweep([0, 3, 6, 9, 12, 14]),
    seed: 2024,
    minFrameErrors: 40,
    maxFrames: 2400,
    chunkFrames: 8,
    progress: 'none',
  };

  it('gives bit-identical results with 0, 1, 2 and 3 workers', async () => {
    const runs = [];
    for (const workers of [0, 1, 2, 3]) runs.push(await runMonteCarlo({ ...base, workers }));
    const [ref, ...others] = runs;
    expect(ref.points).toHaveLength(5);
    expect(ref.omitted.map((p) => p.index)).toEqual([5]);
    expect(ref.points[4].frameErrors).toBe(0);
    for (const r of others) {
      expect(r.points).toEqual(ref.points);
      expect(r.omitted).toEqual(ref.omitted);
    }
    expect(ref.points.every((p) => p.avgIterations === 2)).toBe(true);
    expect(ref.config.minFrameErrors).toBe(40);
    expect(ref.config.maxBitErrors).toBeNull();
  });

  it('gives different results for a different seed', async () => {
    const a = await runMonteCarlo({ ...base, workers: 0 });
    const b = await runMonteCarlo({ ...base, workers: 0, seed: 2025 });
    expect(b.points.map((p) => p.bitErrors)).not.toEqual(a.points.map((p) => p.bitErrors));
  });

  it('stops at a chunk boundary once minFrameErrors is reached, and at maxFrames', async () => {
    const opts = { ...base, points: sweep([3, 9]), workers: 0, stopWhenNoErrors: false, maxFrames: 1000 };
    const r = await runMonteCarlo(opts);
    const [low, high] = r.points;
    expect(low.frameErrors).toBeGreaterThanOrEqual(40);
    expect(low.frames % 8).toBe(0);
    // The same sweep cut one chunk earlier has fewer than minFrameErrors: no chunk was run past the rule.
    const earlier = await runMonteCarlo({ ...opts, points: sweep([3]), maxFrames: low.frames - 8 });
    expect(earlier.points[0].frames).toBe(low.frames - 8);
    expect(earlier.points[0].frameErrors).toBeLessThan(40);
    expect(high.frames).toBe(1000); // 9 dB: too few errors, so exactly maxFrames
    expect(high.frameErrors).toBeLessThan(40);
  });

  it('reports onPoint in sweep order with the returned results', async () => {
    const seen: [number, PointResult][] = [];
    const r = await runMonteCarlo({ ...base, workers: 2, onPoint: (res, p) => seen.push([p.index, res]) });
    expect(seen.map(([i]) => i)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.map(([, res]) => res)).toEqual(r.points);
  });

  it('estimates the BER of uncoded BPSK within its confidence interval: Q(√(2 Eb/N0))', async () => {
    const r = await runMonteCarlo({
      simulator: toy(256),
      points: sweep([4, 6]),
      seed: 7,
      minFrameErrors: 200,
      maxFrames: 10_000,
      workers: 0,
      progress: 'none',
    });
    const theory = [1.2501e-2, 2.3883e-3];
    expect(qFunction(Math.sqrt(2 * Math.pow(10, 0.4)))).toBeCloseTo(theory[0], 5);
    r.points.forEach((p, i) => {
      expect(p.ber).toBe(p.bitErrors / p.bits);
      expect(p.berCi[0]).toBeLessThan(theory[i]);
      expect(p.berCi[1]).toBeGreaterThan(theory[i]);
      expect(Math.abs(p.ber / theory[i] - 1)).toBeLessThan(0.1);
      expect(p.fer).toBe(p.frameErrors / p.frames);
      expect(p.ferCi[0]).toBeLessThan(p.fer);
      expect(p.ferCi[1]).toBeGreaterThan(p.fer);
    });
  });

  it('turns a simulator that throws into WORKER_FAILED, in a worker and in the main thread', async () => {
    const failing = (config: object) => ({ module: toyModule, exportName: 'createFailingSimulator', config });
    const points = sweep([1, 1, 1]);
    await expectCode(
      runMonteCarlo({ ...base, points, simulator: failing({ failAtIndex: 1 }), workers: 2 }),
      'WORKER_FAILED',
      /point 1 .*toy simulator failure/,
    );
    await expectCode(
      runMonteCarlo({ ...base, points, simulator: failing({ failAtIndex: 1 }), workers: 0 }),
      'WORKER_FAILED',
      /point 1 .*toy simulator failure/,
    );
    await expectCode(
      runMonteCarlo({ ...base, points, simulator: failing({ inFactory: true }), workers: 2 }),
      'WORKER_FAILED',
      /toy factory failure/,
    );
    await expectCode(
      runMonteCarlo({ ...base, points, simulator: failing({ failAtIndex: 0, badCounts: true }), workers: 0 }),
      'WORKER_FAILED',
      /invalid batch result/,
    );
    await expectCode(
      runMonteCarlo({ ...base, points, simulator: { ...toy(8), exportName: 'noSuchFactory' }, workers: 0 }),
      'WORKER_FAILED',
      /noSuchFactory/,
    );
  });

  it('leaves no worker behind: a failing run in a child process exits by itself', async () => {
    const script = fileURLToPath(new URL('./fixtures/run-failing.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | 'hung'>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('hung');
      }, 30_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c ?? -1);
      });
    });
    expect(code, out).toBe(0);
    expect(out).toContain('REJECTED WORKER_FAILED');
  });

  it('rejects with the abort reason when aborted', async () => {
    const ac = new AbortController();
    const reason = new Error('stop now');
    const run = runMonteCarlo({
      ...base,
      workers: 2,
      stopWhenNoErrors: false,
      maxFrames: 1e7,
      signal: ac.signal,
      onPoint: () => ac.abort(reason),
    });
    await expect(run).rejects.toBe(reason);
    const pre = new AbortController();
    pre.abort(reason);
    await expect(runMonteCarlo({ ...base, workers: 0, signal: pre.signal })).rejects.toBe(reason);
  });

  it('rejects bad options with INVALID_ARGUMENT', async () => {
    await expectCode(runMonteCarlo({ ...base, points: [] }), 'INVALID_ARGUMENT', /points/);
    await expectCode(runMonteCarlo({ ...base, points: [...sweep([1]), ...sweep([2])] }), 'INVALID_ARGUMENT', /unique/);
    await expectCode(runMonteCarlo({ ...base, minFrames: 5000 }), 'INVALID_ARGUMENT', /minFrames/);
    await expectCode(runMonteCarlo({ ...base, chunkFrames: 0 }), 'INVALID_ARGUMENT', /chunkFrames/);
    await expectCode(runMonteCarlo({ ...base, seed: NaN }), 'INVALID_ARGUMENT', /seed/);
    await expectCode(runMonteCarlo({ ...base, progress: 'yes' as 'tty' }), 'INVALID_ARGUMENT', /progress/);
    await expectCode(runMonteCarlo({ ...base, simulator: { ...toy(8), module: '' } }), 'INVALID_ARGUMENT', /simulator/);
  });
});
