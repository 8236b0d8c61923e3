// Quick speed check of the LDPC decoders (not a test): µs per frame at a fixed
// number of iterations (earlyStop off), on noisy BPSK-AWGN LLRs of random
// codewords, one core. Prints one JSON line per (code, decoder, backend).
// Run: npx tsx scripts/bench-ldpc-decoders.ts [iterations=10]
import { Rng } from '../src/core/rng.js';
import { createFloodingSumProductDecoder, createLayeredMinSumDecoder } from '../src/phy/ldpc/decoders/index.js';
import { createEncoder } from '../src/phy/ldpc/encoder.js';
import { ieee80211nCode } from '../src/phy/ldpc/ieee80211n.js';
import type { LdpcCode, LdpcDecoder } from '../src/phy/ldpc/types.js';

const iterations = Number(process.argv[2] ?? 10);

function frames(code: LdpcCode, count: number, ebN0Db: number): Float32Array[] {
  const rng = Rng.stream(7, code.n);
  const enc = createEncoder(code);
  const info = new Uint8Array(code.k);
  const cw = new Uint8Array(code.n);
  const rate = code.k / code.n;
  const sigma2 = 1 / (2 * rate * 10 ** (ebN0Db / 10));
  const sigma = Math.sqrt(sigma2);
  const out: Float32Array[] = [];
  for (let f = 0; f < count; f++) {
    rng.fillBits(info);
    enc.encode(info, cw);
    const llr = new Float32Array(code.n);
    for (let i = 0; i < code.n; i++) llr[i] = (2 * (1 - 2 * cw[i] + sigma * rng.normal())) / sigma2;
    out.push(llr);
  }
  return out;
}

/** Wall-clock and CPU (user + system) µs per frame; CPU time is the fairer number on a shared machine. */
function time(dec: LdpcDecoder, llrs: Float32Array[], minMs: number): { wall: number; cpu: number } {
  const out = new Uint8Array(dec.code.n);
  const opts = { maxIterations: iterations, earlyStop: false };
  for (const l of llrs) dec.decode(l, out, opts); // warm-up
  let count = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (const l of llrs) dec.decode(l, out, opts);
    count += llrs.length;
    t = performance.now();
  }
  const c = process.cpuUsage(c0);
  return { wall: ((t - t0) * 1000) / count, cpu: (c.user + c.system) / count };
}

for (const [n, rate] of [[1944, '1/2'], [648, '5/6'], [648, '1/2']] as const) {
  const code = ieee80211nCode(n, rate);
  const llrs = frames(code, 64, 2);
  const decoders: [string, LdpcDecoder][] = [
    ['wasm', createLayeredMinSumDecoder(code, { variant: 'minsum', backend: 'wasm' })],
    ['js', createLayeredMinSumDecoder(code, { variant: 'minsum', backend: 'js' })],
    ['wasm', createLayeredMinSumDecoder(code, { variant: 'normalized', backend: 'wasm' })],
    ['js', createLayeredMinSumDecoder(code, { variant: 'normalized', backend: 'js' })],
    ['js', createFloodingSumProductDecoder(code)],
  ];
  for (const [backend, dec] of decoders) {
    const us = time(dec, llrs, dec.name === 'flooding-spa' ? 500 : 1000);
    console.log(JSON.stringify({
      code: code.name, decoder: dec.name, backend, iterations,
      usPerFrameWall: Number(us.wall.toFixed(1)), usPerFrameCpu: Number(us.cpu.toFixed(1)),
      codedMbitPerSCpu: Number((code.n / us.cpu).toFixed(2)),
    }));
  }
}
