/**
 * The cases of bench/phy.js. Each returns { value, unit, extra } measured over
 * about `seconds` seconds after a warm-up of a quarter of that.
 */
import { performance } from 'node:perf_hooks';
import * as semcom from '../dist/index.js';

const { Rng, ieee80211nCode, createEncoder, createDecoder, createModulation, simulateErrorRate, noiseVarianceFromSnrDb, ebN0ToSnrDb } = semcom;

/** Runs `step()` (which returns the work it did) repeatedly for ~seconds; returns work per second. */
function timeLoop(step, seconds) {
  const warm = performance.now() + seconds * 250;
  while (performance.now() < warm) step();
  let work = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    work += step();
    t = performance.now();
  }
  return work / ((t - t0) / 1000);
}

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
    const dec = createDecoder(code, 'layered-nms', backend ?? 'auto');
    const frames = noisyFrames(code, ebN0Db, 64, 100 + index);
    const out = new Uint8Array(code.n);
    const opts = { maxIterations: 10, earlyStop };
    let f = 0;
    let iters = 0;
    let decoded = 0;
    const perSecond = timeLoop(() => {
      const r = dec.decode(frames[f], out, opts);
      iters += r.iterations;
      decoded++;
      f = (f + 1) % frames.length;
      return earlyStop ? code.k : code.n;
    }, seconds);
    return {
      value: perSecond / 1e6,
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
    const perSecond = timeLoop(() => {
      mod.demap(x, n0, llr, { method: 'maxlog' });
      return symbols;
    }, seconds);
    return { value: perSecond / 1e6, unit: 'Msymbol/s', extra: { snrDb: 10 } };
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
 * threads = 1 runs in the main thread (workers: 0); more uses the engine's pool.
 */
export async function runUncodedMonteCarlo(seconds, threads) {
  const frames = Math.ceil((seconds * threads * 30e6) / 1944);
  const r = await simulateErrorRate({
    code: 'uncoded', modulation: 'bpsk', channel: 'awgn', ebN0Db: [4],
    minFrameErrors: Number.MAX_SAFE_INTEGER, maxFrames: frames, workers: threads === 1 ? 0 : threads, seed: 3,
  });
  const p = r.points[0];
  return { value: p.bits / (r.elapsedMs / 1000) / 1e6, unit: 'Mbit/s', extra: { ebN0Db: 4, frames: p.frames, ber: p.ber, elapsedMs: Math.round(r.elapsedMs) } };
}
