/**
 * The cases of bench/phy.js. Each returns { value, unit, extra } measured over
 * about `seconds` seconds after a warm-up of a quarter of that.
 */
import { performance } from 'node:perf_hooks';
import * as semcom from '../dist/index.js';

const { Rng, ieee80211nCode, createEncoder, createDecoder, createModulation, simulateErrorRate, noiseVarianceFromSnrDb, ebN0ToSnrDb } = semcom;

/** Timed rounds per case; the reported value is their median, the rounds are listed too. */
export const ROUNDS = 3;

/**
 * Runs `step()` (which returns the work it did) repeatedly: a warm-up of a
 * quarter of `seconds`, then ROUNDS rounds of `seconds` / ROUNDS each.
 * Returns the work per second of each round.
 */
function timeLoop(step, seconds) {
  const warm = performance.now() + seconds * 250;
  while (performance.now() < warm) step();
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    let work = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < (seconds * 1000) / ROUNDS) {
      work += step();
      t = performance.now();
    }
    rounds.push(work / ((t - t0) / 1000));
  }
  return rounds;
}

export { median } from './common.js';

/** BPSK-AWGN LLRs of `frames` random codewords of `code` at `ebN0Db`. */
function noisyFrames(code, ebN0Db, frames, seed) {
  const rng = Rng.stream(seed, 7);
  const enc = createEncoder(code);
  const info = new Uint8Array(code.k);
  const cw = new Uint8Array(code.n);
  const snrDb = ebN0ToSnrDb(ebN0Db, 1, code.k / code.n);
  // BPSK uses one real dimension: noise variance N0/2 there, LLR = 4y/N0.
  const n0 = noiseVarianceFromSnrDb(snrDb);
  const sigma = Math.sqrt(n0 / 2);
  const out = [];
  for (let f = 0; f < frames; f++) {
    rng.fillBits(info);
    enc.encode(info, cw);
    const llr = new Float32Array(code.n);
    for (let i = 0; i < code.n; i++) llr[i] = (4 / n0) * ((cw[i] ? -1 : 1) + sigma * rng.normal());
    out.push(llr);
  }
  return out;
}

function ldpcCase(n, rate, ebN0Db, earlyStop, backend) {
  return (seconds, index) => {
    const code = ieee80211nCode(n, rate);
    // Plain min-sum, as the case names say (NMS costs one more multiply per message in the kernel).
    const dec = createDecoder(code, 'layered-minsum', backend ?? 'auto');
    const frames = noisyFrames(code, ebN0Db, 64, 100 + index);
    const out = new Uint8Array(code.n);
    const opts = { maxIterations: 10, earlyStop };
    let f = 0;
    let iters = 0;
    let decoded = 0;
    const rounds = timeLoop(() => {
      const r = dec.decode(frames[f], out, opts);
      iters += r.iterations;
      decoded++;
      f = (f + 1) % frames.length;
      return earlyStop ? code.k : code.n;
    }, seconds);
    return {
      rounds: rounds.map((x) => x / 1e6),
      unit: earlyStop ? 'info Mbit/s' : 'coded Mbit/s',
      extra: { decoder: dec.name, ebN0Db, avgIterations: Number((iters / decoded).toFixed(2)) },
    };
  };
}

const cases = {
  'ldpc-1944-r1/2-layered-minsum-10it': ldpcCase(1944, '1/2', 2.5, false),
  'ldpc-648-r5/6-layered-minsum-10it': ldpcCase(648, '5/6', 4.5, false),
  'ldpc-1944-r1/2-layered-minsum-early-stop': ldpcCase(1944, '1/2', 2.5, true),
  'ldpc-648-r5/6-layered-minsum-early-stop': ldpcCase(648, '5/6', 4.5, true),
  'ldpc-1944-r1/2-layered-minsum-10it-js': ldpcCase(1944, '1/2', 2.5, false, 'js'),
  'demap-16qam-maxlog': (seconds) => {
    const mod = createModulation('16qam');
    const symbols = 4096;
    const rng = Rng.stream(9);
    const bits = new Uint8Array(symbols * 4);
    rng.fillBits(bits);
    const x = new Float64Array(2 * symbols);
    mod.map(bits, x);
    const n0 = noiseVarianceFromSnrDb(10);
    for (let i = 0; i < x.length; i++) x[i] += Math.sqrt(n0 / 2) * rng.normal();
    const llr = new Float32Array(symbols * 4);
    const rounds = timeLoop(() => {
      mod.demap(x, n0, llr, { method: 'maxlog' });
      return symbols;
    }, seconds);
    return { rounds: rounds.map((r) => r / 1e6), unit: 'Msymbol/s', extra: { snrDb: 10 } };
  },
};

export async function runCase(name, seconds, index) {
  const c = cases[name];
  if (!c) throw new Error(`unknown benchmark case ${name}`);
  return c(seconds, index);
}

/**
 * Uncoded BPSK over AWGN through the Monte-Carlo engine (random bits, mapping,
 * Gaussian noise, hard decisions, error counting, chunk scheduling), at
 * Eb/N0 = 4 dB with a fixed frame budget sized for about `seconds` seconds.
 * `threads` is the engine's number of worker threads.
 */
export async function runUncodedMonteCarlo(seconds, threads) {
  const run = (frames) =>
    simulateErrorRate({
      code: 'uncoded', modulation: 'bpsk', channel: 'awgn', ebN0Db: [4],
      minFrameErrors: Number.MAX_SAFE_INTEGER, maxFrames: frames, workers: threads, seed: 3,
    });
  // Every round starts its own worker threads, so their start-up and JIT warm-up are inside the figure, as in a real run.
  const frames = Math.ceil((seconds * threads * 30e6) / 1944 / ROUNDS);
  const rounds = [];
  let last;
  for (let r = 0; r < ROUNDS; r++) {
    last = await run(frames);
    rounds.push(last.points[0].bits / (last.elapsedMs / 1000) / 1e6);
  }
  const p = last.points[0];
  return { rounds, unit: 'Mbit/s', extra: { ebN0Db: 4, framesPerRound: p.frames, ber: p.ber } };
}
