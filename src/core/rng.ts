/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman and Vigna, 2018) with
 * 32-bit state words, which V8 runs on plain int32 arithmetic without BigInt.
 *
 * Streams: `Rng.stream(seed, a, b, ...)` hashes the seed and a list of stream
 * identifiers (SNR point, chunk index, ...) into an independent starting state.
 * The Monte-Carlo engine seeds each chunk of frames from (seed, point, chunk),
 * so the numbers a frame sees do not depend on which worker thread ran it:
 * same seed, same results, whatever the number of workers.
 *
 * Gaussian draws use the 128-layer ziggurat of Marsaglia and Tsang (2000),
 * about 97.2 % of draws cost one uint32, one multiply and one compare
 * (layer 1 has threshold 0, as in the original tables). As in the original,
 * one 32-bit word gives both the layer (low 7 bits) and the value; Doornik
 * (2005) notes the slight dependence this creates, which the
 * Kolmogorov–Smirnov test in rng.test.ts does not detect at 2·10^6 draws.
 */
import { SemcomError } from './errors.js';
import { NORMAL_WASM_BLOCK, normalKernel, type NormalKernel } from './normal-wasm.js';

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Hashes a seed and stream identifiers, each taken by the two 32-bit words of its float64 bits. */
function hashWords(words: readonly number[], salt: number): number {
  let h = 0x9e3779b9 ^ salt;
  for (const w of words) {
    // +0 folds -0 into 0, so stream(1, -0) and stream(1, 0) agree.
    f64[0] = w + 0;
    h = fmix32((h ^ u32[0]) + 0x7f4a7c15);
    h = fmix32((h ^ u32[1]) + 0x165667b1);
  }
  return fmix32(h + words.length);
}

const ZIG_N = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const M1 = 2147483648.0;
// Every threshold is below 2^31 (the first is ≈ 0.93·2^31), so they fit int32 and compare as small integers.
const zigK = new Int32Array(ZIG_N);
const zigW = new Float64Array(ZIG_N);
const zigF = new Float64Array(ZIG_N);
(function buildZiggurat() {
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  zigK[0] = Math.floor((dn / q) * M1);
  zigK[1] = 0;
  zigW[0] = q / M1;
  zigW[ZIG_N - 1] = dn / M1;
  zigF[0] = 1.0;
  zigF[ZIG_N - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = ZIG_N - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    zigK[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    zigF[i] = Math.exp(-0.5 * dn * dn);
    zigW[i] = dn / M1;
  }
})();

/**
 * fillNormal/addNormal run their fast path on the WebAssembly kernel of
 * normal-wasm.ts from this many elements on (same numbers, same state).
 */
let wasmMinLength = 256;

/**
 * Sets the length from which the bulk normals use the wasm kernel (Infinity:
 * never) and returns the previous one. For tests and benchmarks comparing it
 * with the JS loops, which stay the reference.
 * @internal
 */
export function setNormalWasmMinLength(n: number): number {
  const prev = wasmMinLength;
  wasmMinLength = n;
  return prev;
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  private constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator seeded from `seed` and optional stream identifiers (any finite numbers). */
  static stream(seed: number, ...ids: number[]): Rng {
    if (!Number.isFinite(seed) || !ids.every(Number.isFinite)) {
      throw new SemcomError('INVALID_ARGUMENT', `Rng.stream needs finite numbers, got (${[seed, ...ids].join(', ')})`);
    }
    const words = [seed, ...ids];
    return new Rng(hashWords(words, 1), hashWords(words, 2), hashWords(words, 3), hashWords(words, 4));
  }

  /** An independent child generator identified by `ids`, drawn from this one's next outputs. */
  fork(...ids: number[]): Rng {
    return Rng.stream(this.nextUint32() + this.nextUint32() * 4294967296, ...ids);
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const r5 = Math.imul(s1, 5);
    const result = Math.imul((r5 << 7) | (r5 >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return result >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() * 2.3283064365386963e-10;
  }

  /** Uniform in [0, 1) with 53 bits of resolution. */
  nextDouble(): number {
    return ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) * 1.1102230246251565e-16;
  }

  /** Uniform integer in [0, n) for an integer 1 ≤ n ≤ 2^32; bias at most n/2^53 (53-bit double, scaled). */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) {
      throw new SemcomError('INVALID_ARGUMENT', `nextInt needs an integer n in [1, 2^32], got ${n}`);
    }
    return Math.floor(this.nextDouble() * n);
  }

  /**
   * Exponential with rate `rate` (mean 1/rate) by inversion: the gaps of a
   * Poisson process. 1 − U is in (0, 1], so the logarithm is finite.
   */
  exponential(rate: number): number {
    if (!(rate > 0) || !Number.isFinite(rate)) throw new SemcomError('INVALID_ARGUMENT', `exponential needs a finite rate > 0, got ${rate}`);
    return -Math.log(1 - this.nextDouble()) / rate;
  }

  /** Shuffles `items` in place (Fisher–Yates, from the end) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** Standard normal N(0, 1) by the ziggurat. */
  normal(): number {
    const hz = this.nextUint32() | 0;
    const iz = hz & 127;
    if ((hz < 0 ? -hz : hz) < zigK[iz]) return hz * zigW[iz];
    return this.normalSlow(hz);
  }

  /**
   * The ziggurat's rare path for a word `hz` that fell outside its layer's
   * rectangle: the tail beyond r, or the wedge test; a rejection starts over
   * with a fresh word, so every caller consumes the same sequence of draws.
   */
  private normalSlow(hz: number): number {
    const iz = hz & 127;
    const x = hz * zigW[iz];
    if (iz === 0) {
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(1 - this.nextDouble()) / ZIG_R;
        ty = -Math.log(1 - this.nextDouble());
      } while (ty + ty < tx * tx);
      return hz > 0 ? ZIG_R + tx : -ZIG_R - tx;
    }
    if (zigF[iz] + this.nextDouble() * (zigF[iz - 1] - zigF[iz]) < Math.exp(-0.5 * x * x)) return x;
    return this.normal();
  }

  /** Fills `out` with N(mean, std²) draws; the same numbers as calling `normal()` out.length times. */
  fillNormal(out: Float64Array | Float32Array, std = 1, mean = 0): void {
    this.normals(out, null, std, mean);
  }

  /**
   * out[i] = x[i] + std · N(0, 1): additive Gaussian noise in one pass (`out`
   * may be `x`). The same draws as `normal()` called once per element.
   */
  addNormal(x: Float64Array | Float32Array, out: Float64Array | Float32Array, std: number): void {
    if (x.length !== out.length) throw new SemcomError('LENGTH_MISMATCH', `addNormal: x has ${x.length} values, out ${out.length}`);
    this.normals(out, x, std, 0);
  }

  /**
   * The bulk ziggurat. The generator state lives in locals and the fast path
   * (≈ 97.2 % of draws) runs in a loop with no call in it: with the slow path
   * inlined into the loop V8 ran it at half the speed, so the loop stops at a
   * word that needs the slow path and this method finishes that draw. The two
   * fast loops (fill, add) are kept apart on purpose: one loop serving both
   * (a null check per element) measured 1.7× slower. From `wasmMinLength`
   * elements on, the WebAssembly kernel of normal-wasm.ts does the same work
   * about twice as fast, with the same numbers and the same final state.
   */
  private normals(out: Float64Array | Float32Array, x: Float64Array | Float32Array | null, std: number, mean: number): void {
    const n = out.length;
    if (n >= wasmMinLength) {
      const k = normalKernel(zigK, zigW, zigF);
      if (k !== null) {
        this.normalsWasm(k, out, x, std, mean);
        return;
      }
    }
    let i = 0;
    while (i < n) {
      i = x === null ? this.fillFast(out, std, mean, i) : this.addFast(x, out, std, i);
      if (i < n) {
        out[i] = (x === null ? mean : x[i]) + std * this.normalSlow(this.pendingHz);
        i++;
      }
    }
  }

  /**
   * {@link normals} on the wasm kernel, block by block through its scratch
   * memory. The kernel runs the fast path and the wedge test; the state comes
   * back to this generator around each draw it hands back (the tail, or a
   * wedge test too close to call against Math.exp), finished here by
   * {@link normalSlow}, and at the end of each block.
   */
  private normalsWasm(k: NormalKernel, out: Float64Array | Float32Array, x: Float64Array | Float32Array | null, std: number, mean: number): void {
    const n = out.length;
    const st = k.state;
    const kx = k.x;
    const ko = k.out;
    for (let base = 0; base < n; base += NORMAL_WASM_BLOCK) {
      const m = Math.min(NORMAL_WASM_BLOCK, n - base);
      if (x !== null) kx.set(m === x.length ? x : x.subarray(base, base + m));
      st[0] = this.s0;
      st[1] = this.s1;
      st[2] = this.s2;
      st[3] = this.s3;
      let i = 0;
      while (i < m) {
        i = x === null ? k.fill(i, m, std, mean) : k.add(i, m, std);
        if (i < m) {
          this.s0 = st[0];
          this.s1 = st[1];
          this.s2 = st[2];
          this.s3 = st[3];
          ko[i] = (x === null ? mean : kx[i]) + std * this.normalSlow(st[4]);
          st[0] = this.s0;
          st[1] = this.s1;
          st[2] = this.s2;
          st[3] = this.s3;
          i++;
        }
      }
      this.s0 = st[0];
      this.s1 = st[1];
      this.s2 = st[2];
      this.s3 = st[3];
      out.set(m === ko.length ? ko : ko.subarray(0, m), base);
    }
  }

  /** The word that stopped a fast loop, for {@link normalSlow}. */
  private pendingHz = 0;

  /** out[i] = mean + std·z from `from` on, until done or a word needs the slow path; returns where it stopped. */
  private fillFast(out: Float64Array | Float32Array, std: number, mean: number, from: number): number {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const n = out.length;
    let i = from;
    for (; i < n; i++) {
      const r5 = Math.imul(s1, 5);
      const hz = Math.imul((r5 << 7) | (r5 >>> 25), 9);
      const t = s1 << 9;
      const n2 = s2 ^ s0;
      const n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
      const iz = hz & 127;
      if ((hz < 0 ? -hz : hz) >= zigK[iz]) {
        this.pendingHz = hz;
        break;
      }
      out[i] = mean + std * (hz * zigW[iz]);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return i;
  }

  /** out[i] = x[i] + std·z; otherwise as {@link fillFast}. */
  private addFast(x: Float64Array | Float32Array, out: Float64Array | Float32Array, std: number, from: number): number {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const n = out.length;
    let i = from;
    for (; i < n; i++) {
      const r5 = Math.imul(s1, 5);
      const hz = Math.imul((r5 << 7) | (r5 >>> 25), 9);
      const t = s1 << 9;
      const n2 = s2 ^ s0;
      const n3 = s3 ^ s1;
      s1 ^= n2;
      s0 ^= n3;
      s2 = n2 ^ t;
      s3 = (n3 << 11) | (n3 >>> 21);
      const iz = hz & 127;
      if ((hz < 0 ? -hz : hz) >= zigK[iz]) {
        this.pendingHz = hz;
        break;
      }
      out[i] = x[i] + std * (hz * zigW[iz]);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return i;
  }

  /** Fills `out` with independent equiprobable bits (0 or 1), 32 per generator call. */
  fillBits(out: Uint8Array): void {
    const n = out.length;
    let i = 0;
    while (i + 32 <= n) {
      const w = this.nextUint32();
      for (let b = 0; b < 32; b++) out[i + b] = (w >>> b) & 1;
      i += 32;
    }
    if (i < n) {
      const w = this.nextUint32();
      for (let b = 0; i < n; b++, i++) out[i] = (w >>> b) & 1;
    }
  }
}
