/**
 * Layered (row-serial, "horizontal shuffled") min-sum decoding in plain
 * TypeScript: the readable reference, and the backend for codes without QC
 * structure.
 *
 * Schedule (Hocevar, "A reduced complexity decoder architecture via layered
 * decoding of LDPC codes", SiPS 2004): the a-posteriori LLRs APP_c start at the
 * channel LLRs; each row r of H in turn, for its edges (r, c):
 *   t_c   = APP_c − R_rc                      (extrinsic, old message removed)
 *   R_rc  ← sign · magnitude from the min-sum rule on {t_c'}, c' ≠ c
 *   APP_c ← t_c + R_rc
 * One iteration visits every row once, in index order. For a QC code the Z
 * rows of one block row share no column, so this row order gives exactly the
 * result of processing each block row as one parallel layer (the wasm kernel).
 *
 * Bit-exactness with assembly/layered.ts: every sum and product is rounded to
 * float32 once, as the kernel's f32 operations are (a store into a
 * Float32Array rounds; scale factors go through Math.fround), and the min-sum
 * rule is applied exactly as the kernel applies it:
 *   min-sum      R = ±m
 *   normalized   R = ±fround(α · m)
 *   offset       R = ±max(fround(m − β), +0)
 * with m = min2 on the edge whose |t| equals min1 and min1 elsewhere (with a tie
 * min1 = min2, so which tied edge "is" the argmin cannot change a value).
 *
 * Speed: the check-node update runs on the IEEE-754 bit patterns of the
 * extrinsic values, read through an Int32Array view of the same memory, so the
 * hot loops have no data-dependent branches (on noisy frames the comparisons
 * t < 0, |t| < min1, |t| < min2 are coin flips, and each mispredicted branch
 * costs more than the arithmetic of a whole edge):
 *   - for non-negative floats, bit patterns order like the values, so
 *     min1/min2 of |t| are integer minima of (bits & 0x7fffffff), taken
 *     branch-free with the sign of a difference (magnitude patterns lie in
 *     [0, 2^31) and the minima never exceed +Inf = 0x7f800000, so the
 *     differences fit in int32);
 *   - the sign parity is the xor of the raw bits (bit 31). This equals the
 *     product of the signs because no APP and no t is ever −0: inputs are
 *     canonicalized (clampLlr), x − x = +0, and t + R = −0 would need t = −0;
 *   - the message is assembled as bits: magnitude pattern | sign bit.
 * Messages equal to ±0 may carry either sign; the sign of a zero message never
 * changes an APP (t + ±0 = t for t ≠ −0), exactly as in the kernel.
 *
 * The bit constants are written as literals in the loops (0x7f800000 = +Inf,
 * 0x7fffffff = magnitude mask, −0x80000000 = sign bit): a module-level const
 * is a module-context slot that V8 reloads and re-checks on every iteration.
 * All state lives in one heap (see HeapLayout) read by module-level functions
 * that take it as arguments: V8 re-validates each typed-array argument on every
 * loop iteration, so two views beat six arrays, and nothing depends on which
 * decoder instance runs (closure-captured arrays are only fast for the first).
 */
import { SemcomError } from '../../../core/errors.js';
import type { DecodeOptions, DecodeResult, LdpcCode, LdpcDecoder } from '../types.js';
import { checkDecodeArgs, clampLlr, maxRowDegree } from './common.js';
import type { MinSumRule } from './min-sum-variant.js';

/** Default iteration cap of the layered decoders (layered needs about half the iterations of flooding). */
export const LAYERED_DEFAULT_ITERATIONS = 20;

/**
 * Word offsets of a decoder's heap (one ArrayBuffer seen as Int32Array `hi`
 * and Float32Array `hf`); everything the hot loops touch lives in it.
 *   [0, m + 1)                   row r's edges are the words [hi[r], hi[r + 1])
 *   [edges, +2·E)                edge k: hi = word address of its column's APP,
 *                                         hf at +1 = its check-to-variable message
 *   [app, +n)                    a-posteriori LLRs
 *   [tmp, +maxDegree)            extrinsic values of the row in flight
 *   [cvt, +2)                    bits ↔ float conversion of min1, min2
 */
interface HeapLayout {
  readonly edges: number;
  readonly app: number;
  readonly tmp: number;
  readonly cvt: number;
  readonly words: number;
}

function layout(code: LdpcCode): HeapLayout {
  const edges = code.m + 1;
  const app = edges + 2 * code.rowPtr[code.m];
  const tmp = app + code.n;
  const cvt = tmp + maxRowDegree(code);
  return { edges, app, tmp, cvt, words: cvt + 2 };
}

/**
 * One full iteration: every row once, in index order. `kind` and `p` are the
 * rule's kernel variant and parameter (see MinSumRule).
 */
function iterate(hi: Int32Array, hf: Float32Array, rows: number, tmp: number, cvt: number, kind: number, p: number): void {
  let e1 = hi[0];
  for (let r = 1; r <= rows; r++) {
    const e0 = e1;
    e1 = hi[r];
    // Pass 1: t = APP − old message (float32), the two smallest |t| and the
    // xor of all sign bits, as int32 bit patterns.
    let min1 = 0x7f800000;
    let min2 = 0x7f800000;
    let par = 0;
    for (let e = e0, j = tmp; e < e1; e += 2, j++) {
      hf[j] = hf[hi[e]] - hf[e + 1]; // the Float32Array store rounds to float32
      const b = hi[j];
      par ^= b;
      const a = b & 0x7fffffff;
      const d = (a - min1) | 0;
      const lo = d & (d >> 31); // a − min1 where a < min1, else 0
      const hiv = (a - lo) | 0; // max(a, min1)
      min1 = (min1 + lo) | 0; // min(a, min1)
      const d2 = (hiv - min2) | 0;
      min2 = (min2 + (d2 & (d2 >> 31))) | 0; // min(min2, max(a, min1))
    }
    // The rule's magnitudes for "min1 edges" (s1) and the argmin edge (s2), as bits.
    let s1 = min1;
    let s2 = min2;
    if (kind !== 0) {
      hi[cvt] = min1;
      hi[cvt + 1] = min2;
      if (kind === 1) {
        hf[cvt] = p * hf[cvt]; // normalized: α·min, rounded by the store
        hf[cvt + 1] = p * hf[cvt + 1];
      } else {
        const d1 = Math.fround(hf[cvt] - p); // offset: max(min − β, +0)
        const d2 = Math.fround(hf[cvt + 1] - p);
        hf[cvt] = d1 > 0 ? d1 : 0;
        hf[cvt + 1] = d2 > 0 ? d2 : 0;
      }
      s1 = hi[cvt];
      s2 = hi[cvt + 1];
    }
    const d12 = s1 ^ s2;
    par &= -0x80000000;
    // Pass 2: R = sign · (s2 where |t| = min1, else s1); APP = t + R.
    for (let e = e0, j = tmp; e < e1; e += 2, j++) {
      const b = hi[j];
      const x = (b & 0x7fffffff) ^ min1;
      const pick2 = ((x - 1) & ~x) >> 31; // −1 where x = 0 (|t| = min1), else 0
      hi[e + 1] = (s1 ^ (d12 & pick2)) | ((b ^ par) & -0x80000000);
      hf[hi[e]] = hf[j] + hf[e + 1]; // rounded to float32 by the store
    }
  }
}

/** True when the hard decisions (APP < 0 → 1) satisfy every check: xor of the APP sign bits per row. */
function syndromeOk(hi: Int32Array, rows: number): boolean {
  let e = hi[0];
  for (let r = 1; r <= rows; r++) {
    const e1 = hi[r];
    let par = 0;
    for (; e < e1; e += 2) par ^= hi[hi[e]];
    if (par < 0) return false;
  }
  return true;
}

/** Builds the plain-TypeScript layered decoder for any code whose rows all have degree ≥ 2. */
export function createLayeredJsDecoder(code: LdpcCode, rule: MinSumRule): LdpcDecoder {
  const { n, m, rowPtr, colIdx } = code;
  for (let r = 0; r < m; r++) {
    if (rowPtr[r + 1] - rowPtr[r] < 2) {
      throw new SemcomError('INVALID_ARGUMENT', `layered min-sum needs every check to have degree ≥ 2; row ${r} of ${code.name} has ${rowPtr[r + 1] - rowPtr[r]}`);
    }
  }
  const lay = layout(code);
  const heap = new ArrayBuffer(4 * lay.words);
  const hi = new Int32Array(heap);
  const hf = new Float32Array(heap);
  for (let r = 0; r <= m; r++) hi[r] = lay.edges + 2 * rowPtr[r];
  for (let k = 0; k < rowPtr[m]; k++) hi[lay.edges + 2 * k] = lay.app + colIdx[k];
  const app = hf.subarray(lay.app, lay.app + n);
  const appBits = hi.subarray(lay.app, lay.app + n);
  const { tmp, cvt } = lay;
  const kind = rule.kernelVariant;
  const param = rule.param;

  return {
    code,
    name: rule.name,
    decode(llr: Float32Array, out: Uint8Array, options?: DecodeOptions, posterior?: Float32Array): DecodeResult {
      const { maxIterations, earlyStop } = checkDecodeArgs(code, llr, out, posterior, options, LAYERED_DEFAULT_ITERATIONS);
      for (let i = 0; i < n; i++) app[i] = clampLlr(llr[i]);
      for (let e = lay.edges + 1; e < lay.app; e += 2) hi[e] = 0; // messages start at +0
      let iterations = 0;
      let converged = false;
      let checked = false;
      while (iterations < maxIterations) {
        iterate(hi, hf, m, tmp, cvt, kind, param);
        iterations++;
        if (earlyStop) {
          converged = syndromeOk(hi, m);
          checked = true;
          if (converged) break;
        }
      }
      if (!checked) converged = syndromeOk(hi, m);
      for (let i = 0; i < n; i++) out[i] = appBits[i] >>> 31;
      if (posterior) posterior.set(app);
      return { iterations, converged };
    },
  };
}
