// The bulk ziggurat of src/core/rng.ts (xoshiro128** words, 128-layer
// Marsaglia–Tsang ziggurat) in AssemblyScript, compiled by
// scripts/build-wasm.mjs.
//
// It is Rng.fillFast / Rng.addFast and the wedge test of Rng.normalSlow
// operation for operation: the same xoshiro128** step, the same test of |hz|
// against the layer's threshold, the same two words for the uniform of the
// wedge test and the same f64 arithmetic (wasm has no fused multiply-add), so
// it writes the same numbers and leaves the same state as the JS loops.
//
// The one thing it cannot reproduce bit for bit is the host's Math.exp. Both
// it and V8's are within 1 ulp of exp, so the wedge decision is taken here
// only when the two sides differ by more than MARGIN (relative, ~450 ulp);
// otherwise, and for the tail layer (iz = 0, whose value needs the host's
// Math.log), the kernel puts the state back to just after the word hz, stores
// hz and returns its index; the host (src/core/rng.ts) finishes that draw in
// JS and calls again.
//
// Memory layout (byte addresses chosen by the host, src/core/normal-wasm.ts):
//   KT: 128 i32 layer thresholds (zigK); WT, FT: 128 f64 widths and densities (zigW, zigF)
//   ST: s0, s1, s2, s3 (i32) and the pending word hz (i32)
//   XB: the block's x values (f64); OB: the block's output values (f64)

let KT: usize = 0;
let WT: usize = 0;
let FT: usize = 0;
let ST: usize = 0;
let XB: usize = 0;
let OB: usize = 0;
let MARGIN: f64 = 1e-13;

/** First byte the host may use (after static data), 16-byte aligned. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/** Stores the buffer addresses; called once per instance. */
export function setup(kt: usize, wt: usize, ft: usize, st: usize, xb: usize, ob: usize): void {
  KT = kt;
  WT = wt;
  FT = ft;
  ST = st;
  XB = xb;
  OB = ob;
}

/** Sets the relative margin below which wedge decisions go to the host (tests force it up); returns the previous one. */
export function setMargin(m: f64): f64 {
  const p = MARGIN;
  MARGIN = m;
  return p;
}

// OB[i] = (useX ? XB[i] : mean) + std·z for i in [from, n), until a word needs the host; returns where it stopped.
// @ts-ignore: decorator
@inline function normals(from: i32, n: i32, std: f64, mean: f64, useX: bool): i32 {
  const st = ST;
  const kt = KT;
  const wt = WT;
  const ft = FT;
  const xb = XB;
  const ob = OB;
  const margin = MARGIN;
  let s0 = load<i32>(st);
  let s1 = load<i32>(st, 4);
  let s2 = load<i32>(st, 8);
  let s3 = load<i32>(st, 12);
  let i = from;
  while (i < n) {
    const hz = rotl<i32>(s1 * 5, 7) * 9;
    let t = s1 << 9;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    s1 ^= n2;
    s0 ^= n3;
    s2 = n2 ^ t;
    s3 = rotl<i32>(n3, 11);
    const iz = <usize>(hz & 127);
    // |hz| as u32, so that |−2^31| = 2^31 is not negative; every threshold is below 2^31.
    const a = <u32>(hz < 0 ? -hz : hz);
    const off = <usize>i << 3;
    const z = <f64>hz * load<f64>(wt + (iz << 3));
    if (a < load<u32>(kt + (iz << 2))) {
      store<f64>(ob + off, (useX ? load<f64>(xb + off) : mean) + std * z);
      i++;
      continue;
    }
    if (iz == 0) {
      store<i32>(st, hz, 16);
      break;
    }
    // Wedge: u = nextDouble() from the next two words; accept z if fF[iz] + u·(fF[iz−1] − fF[iz]) < exp(−z²/2).
    const c0 = s0;
    const c1 = s1;
    const c2 = s2;
    const c3 = s3;
    const w1 = <u32>(rotl<i32>(s1 * 5, 7) * 9);
    t = s1 << 9;
    n2 = s2 ^ s0;
    n3 = s3 ^ s1;
    s1 ^= n2;
    s0 ^= n3;
    s2 = n2 ^ t;
    s3 = rotl<i32>(n3, 11);
    const w2 = <u32>(rotl<i32>(s1 * 5, 7) * 9);
    t = s1 << 9;
    n2 = s2 ^ s0;
    n3 = s3 ^ s1;
    s1 ^= n2;
    s0 ^= n3;
    s2 = n2 ^ t;
    s3 = rotl<i32>(n3, 11);
    const u = (<f64>(w1 >>> 5) * 67108864 + <f64>(w2 >>> 6)) * 1.1102230246251565e-16;
    const fi = load<f64>(ft + (iz << 3));
    const lhs = fi + u * (load<f64>(ft + (iz << 3) - 8) - fi);
    const e = Math.exp(-0.5 * z * z);
    if (Math.abs(lhs - e) <= margin * e) {
      // Too close to call against the host's Math.exp: give the word back.
      s0 = c0;
      s1 = c1;
      s2 = c2;
      s3 = c3;
      store<i32>(st, hz, 16);
      break;
    }
    if (lhs < e) {
      store<f64>(ob + off, (useX ? load<f64>(xb + off) : mean) + std * z);
      i++;
    }
    // Rejected: a fresh word for the same i, as Rng.normalSlow's `return this.normal()`.
  }
  store<i32>(st, s0);
  store<i32>(st, s1, 4);
  store<i32>(st, s2, 8);
  store<i32>(st, s3, 12);
  return i;
}

/** OB[i] = mean + std·z for i from `from`; see normals. */
export function fill(from: i32, n: i32, std: f64, mean: f64): i32 {
  return normals(from, n, std, mean, false);
}

/** OB[i] = XB[i] + std·z for i from `from`; see normals. */
export function add(from: i32, n: i32, std: f64): i32 {
  return normals(from, n, std, 0, true);
}
