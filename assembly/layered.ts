// Layered min-sum LDPC decoding of quasi-cyclic codes with 128-bit SIMD
// (AssemblyScript, compiled by scripts/build-wasm.mjs).
//
// One layer is one block row of H: its Z rows touch disjoint columns, so they
// are decoded in parallel, four rows per f32x4 vector. For the block in block
// column c with shift s, row r of the layer meets column c·Z + (r + s) mod Z.
// Each block column keeps its Z a-posteriori LLRs (APPs) twice in a row,
// app[c][p] for p in [0, 2Z), so the Z values a layer needs, rotated by s, are
// contiguous: app[c][s .. s + Z). Every store writes both copies (p and p ± Z;
// the copy that falls outside [0, 2Z) lands in junk space around the column).
//
// The arithmetic is the same as the TypeScript reference
// (src/phy/ldpc/decoders/layered-js.ts) in float32, operation for operation,
// so both give identical messages and hard decisions.
//
// Memory layout (byte addresses chosen by the host, see layered-wasm.ts):
//   TAB: per layer, deg:i32 then deg × i32 byte offsets (column base + 4·s)
//   APP: column c occupies [APP + c·STRIDE − 4·ZP, APP + c·STRIDE + 4·(2Z + ZP + 4))
//   MSG: check-to-variable messages, ZP floats per block, in table order
//   TMP: deg × 16 bytes, extrinsic values of the vector in flight
//   LLR: n channel LLRs (f32); OUT: n hard bits (u8); POST: n APPs (f32)

let Z: i32 = 0; // lifting factor
let ZP: i32 = 0; // Z rounded up to a multiple of 4
let NV: i32 = 0; // vectors per block = ZP / 4
let REM: i32 = 0; // valid lanes of the last vector, 1..4
let MB: i32 = 0; // block rows (layers)
let NB: i32 = 0; // block columns
let STRIDE: i32 = 0; // bytes between block columns in APP
let TAB: usize = 0;
let APP: usize = 0;
let MSG: usize = 0;
let TMP: usize = 0;
let LLR: usize = 0;
let OUT: usize = 0;
let POST: usize = 0;
let EDGE_VECS: i32 = 0; // total message floats = blocks · ZP
let LLR_MAX: f32 = 1.0e6;

// Lane mask of the last vector: all ones on rows < Z, zero on padding lanes.
let lastMask: v128 = i32x4.splat(-1);

const SIGN: v128 = i32x4.splat(0x80000000);
const ZERO: v128 = f32x4.splat(0.0);
const INF: v128 = f32x4.splat(Infinity);

/** First byte the host may use (after static data), 16-byte aligned. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/** Stores the geometry and buffer addresses; called once per decoder instance. */
export function setup(
  z: i32, mb: i32, nb: i32, stride: i32, blocks: i32,
  tab: usize, app: usize, msg: usize, tmp: usize, llr: usize, out: usize, post: usize, llrMax: f32,
): void {
  Z = z;
  ZP = (z + 3) & ~3;
  NV = ZP >> 2;
  REM = z - ((NV - 1) << 2);
  MB = mb;
  NB = nb;
  STRIDE = stride;
  TAB = tab;
  APP = app;
  MSG = msg;
  TMP = tmp;
  LLR = llr;
  OUT = out;
  POST = post;
  EDGE_VECS = blocks * ZP;
  LLR_MAX = llrMax;
  lastMask = i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(REM));
}

/** Loads the channel LLRs (clamped, NaN and −0 read as +0) into both APP copies and clears the messages. */
function loadInput(): void {
  for (let c = 0; c < NB; c++) {
    const col = APP + <usize>(c * STRIDE);
    const src = LLR + <usize>((c * Z) << 2);
    for (let r = 0; r < Z; r++) {
      let v = load<f32>(src + (<usize>r << 2));
      if (v != v || v == 0) v = 0; // NaN → 0, and −0 → +0 (see iterate)
      else if (v > LLR_MAX) v = LLR_MAX;
      else if (v < -LLR_MAX) v = -LLR_MAX;
      store<f32>(col + (<usize>r << 2), v);
      store<f32>(col + (<usize>(r + Z) << 2), v);
    }
  }
  memory.fill(MSG, 0, <usize>EDGE_VECS << 2);
}

// @ts-ignore: decorator
@inline
function scale(m: v128, variant: i32, p: v128): v128 {
  if (variant == 1) return f32x4.mul(m, p); // normalized: α·min
  if (variant == 2) return f32x4.pmax(ZERO, f32x4.sub(m, p)); // offset: max(min − β, 0)
  return m;
}

/**
 * One full iteration: every layer once, in block-row order.
 *
 * Two shortcuts keep the results identical to the reference while saving
 * instructions: (1) no APP value and no extrinsic t is ever −0 (inputs are
 * canonicalized, x − x = +0, and t + R = −0 would need t = −0), so the sign bit
 * of t is exactly (t < 0) and parities are xors of raw float bits; (2) the edge
 * that gets min2 is the one with |t| = min1: for a unique minimum that is the
 * argmin, and with a tie min2 = min1, so either choice gives the same message.
 */
function iterate(variant: i32, param: f32): void {
  const p = f32x4.splat(param);
  const app = APP;
  const tmp = TMP;
  const zb = <usize>(Z << 2);
  const zp4 = <usize>(ZP << 2);
  const nv = NV;
  const fullLast = REM == 4;
  let tab = TAB;
  let msg = MSG;
  const last = nv - 1;
  for (let l = 0; l < MB; l++) {
    const deg = load<i32>(tab);
    tab += 4;
    for (let v = 0; v < nv; v++) {
      const o16 = <usize>(v << 4);
      let min1 = INF;
      let min2 = INF;
      let par = i32x4.splat(0);
      // Pass 1: extrinsic t = APP − old message; two smallest |t| and the xor of the signs.
      for (let j = 0; j < deg; j++) {
        const dp = app + <usize>load<i32>(tab + (<usize>j << 2)) + o16;
        const rp = msg + <usize>j * zp4 + o16;
        const t = f32x4.sub(v128.load(dp), v128.load(rp));
        v128.store(tmp + (<usize>j << 4), t);
        const a = f32x4.abs(t);
        par = v128.xor(par, t);
        min2 = f32x4.pmin(min2, f32x4.pmax(min1, a));
        min1 = f32x4.pmin(min1, a);
      }
      const s1 = scale(min1, variant, p);
      const d12 = v128.xor(s1, scale(min2, variant, p));
      par = v128.and(par, SIGN);
      // Pass 2: message = sign · (min2 where |t| = min1, min1 elsewhere); APP = t + message.
      for (let j = 0; j < deg; j++) {
        const dp = app + <usize>load<i32>(tab + (<usize>j << 2)) + o16;
        const rp = msg + <usize>j * zp4 + o16;
        const t = v128.load(tmp + (<usize>j << 4));
        const sg = v128.and(v128.xor(par, t), SIGN);
        const pick2 = f32x4.eq(f32x4.abs(t), min1);
        const r = v128.xor(v128.xor(s1, v128.and(pick2, d12)), sg);
        v128.store(rp, r);
        const a = f32x4.add(t, r);
        if (v < last || fullLast) {
          v128.store(dp, a);
          v128.store(dp + zb, a);
          v128.store(dp - zb, a);
        } else {
          // Padding lanes would overwrite real rows: store the valid lanes only.
          v128.store32_lane(dp, a, 0);
          v128.store32_lane(dp + zb, a, 0);
          v128.store32_lane(dp - zb, a, 0);
          if (REM > 1) {
            v128.store32_lane(dp, a, 1, 4);
            v128.store32_lane(dp + zb, a, 1, 4);
            v128.store32_lane(dp - zb, a, 1, 4);
          }
          if (REM > 2) {
            v128.store32_lane(dp, a, 2, 8);
            v128.store32_lane(dp + zb, a, 2, 8);
            v128.store32_lane(dp - zb, a, 2, 8);
          }
        }
      }
    }
    tab += <usize>deg << 2;
    msg += <usize>deg * zp4;
  }
}

/** True when the hard decisions (APP < 0 → 1) satisfy every parity check. */
function syndromeOk(): bool {
  let tab = TAB;
  const last = NV - 1;
  for (let l = 0; l < MB; l++) {
    const deg = load<i32>(tab);
    tab += 4;
    for (let v = 0; v < NV; v++) {
      const o16 = <usize>(v << 4);
      let par = i32x4.splat(0);
      for (let j = 0; j < deg; j++) {
        const dp = APP + <usize>load<i32>(tab + (<usize>j << 2)) + o16;
        par = v128.xor(par, f32x4.lt(v128.load(dp), ZERO));
      }
      if (v == last) par = v128.and(par, lastMask);
      if (v128.any_true(par)) return false;
    }
    tab += <usize>deg << 2;
  }
  return true;
}

/** Writes hard bits (and, if asked, the APP LLRs) in natural column order. */
function writeOutput(wantPosterior: bool): void {
  for (let c = 0; c < NB; c++) {
    const col = APP + <usize>(c * STRIDE);
    const base = c * Z;
    for (let r = 0; r < Z; r++) {
      const v = load<f32>(col + (<usize>r << 2));
      store<u8>(OUT + <usize>(base + r), v < 0 ? 1 : 0);
      if (wantPosterior) store<f32>(POST + (<usize>(base + r) << 2), v);
    }
  }
}

/**
 * Decodes the LLRs at LLR into OUT (and POST). variant: 0 min-sum, 1 normalized
 * (param = α), 2 offset (param = β). Returns 2·iterations + (converged ? 1 : 0).
 */
export function decode(maxIter: i32, earlyStop: i32, variant: i32, param: f32, wantPosterior: i32): i32 {
  loadInput();
  let it = 0;
  let ok = false;
  let checked = false;
  while (it < maxIter) {
    iterate(variant, param);
    it++;
    if (earlyStop != 0) {
      ok = syndromeOk();
      checked = true;
      if (ok) break;
    }
  }
  if (!checked) ok = syndromeOk();
  writeOutput(wantPosterior != 0);
  return (it << 1) | (ok ? 1 : 0);
}
