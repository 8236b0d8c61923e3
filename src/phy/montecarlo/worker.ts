/**
 * Worker-thread entry of the Monte-Carlo engine.
 *
 * Protocol (messages are plain objects):
 *   main → worker  { type: 'init', simulator: SimulatorRef, seed }           once
 *   main → worker  { type: 'run', id, point, firstChunk, frames: number[] }  many
 *   worker → main  { type: 'result', id, stats: number[] (5 per chunk), ms }
 *   worker → main  { type: 'error', message }                                then the main thread terminates all workers
 * The factory is called once per worker; each chunk is seeded by
 * Rng.stream(seed, point.index, chunk), exactly as in the main-thread path.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { describeError as describe, loadSimulator, runChunk } from './simulator.js';
import type { FrameSimulator, SimulatorRef, SweepPoint } from './types.js';

type InMessage =
  | { type: 'init'; simulator: SimulatorRef; seed: number }
  | { type: 'run'; id: number; point: SweepPoint; firstChunk: number; frames: number[] };

const port = parentPort;
if (port === null) throw new Error('montecarlo/worker must run in a worker thread');

let sim: Promise<FrameSimulator> | null = null;
let seed = 0;

port.on('message', (msg: InMessage) => {
  if (msg.type === 'init') {
    seed = msg.seed;
    sim = loadSimulator(msg.simulator);
    // Report a failing factory at once, not at the first run.
    sim.catch((e: unknown) => port.postMessage({ type: 'error', message: `loading the simulator: ${describe(e)}` }));
    return;
  }
  if (sim === null) {
    port.postMessage({ type: 'error', message: 'run message before init' });
    return;
  }
  sim.then(
    (s) => {
      let chunk = msg.firstChunk;
      try {
        const t0 = performance.now();
        const stats: number[] = [];
        for (let i = 0; i < msg.frames.length; i++, chunk++) {
          const r = runChunk(s, msg.point, seed, chunk, msg.frames[i]);
          stats.push(r.frames, r.frameErrors, r.bits, r.bitErrors, r.iterations);
        }
        port.postMessage({ type: 'result', id: msg.id, stats, ms: performance.now() - t0 });
      } catch (e) {
        port.postMessage({
          type: 'error',
          message: `point ${msg.point.index} (SNR ${msg.point.snrDb} dB), chunk ${chunk}: ${describe(e)}`,
        });
      }
    },
    () => {
      /* already reported by the init handler */
    },
  );
});
