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
 * All arithmetic is rounded to float32 after each operation (Math.fround), as
 * in assembly/layered.ts, so the two backends agree bit for bit. (The kernel
 * reads signs as raw bits and picks min2 by |t| = min1 instead of by index; its
 * comments show why neither can change a value.)
 */
import { SemcomError } from '../../../core/errors.js';
import type { DecodeOptions, DecodeResult, LdpcCode, LdpcDecoder } from '../types.js';
import { checkDecodeArgs, clampLlr, maxRowDegree, syndromeOkFromLlr } from './common.js';
import type { MinSumRule } from './min-sum-variant.js';

/** Default iteration cap of the layered decoders (layered needs about half the iterations of flooding). */
export const LAYERED_DEFAULT_ITERATIONS = 20;

const fround = Math.fround;

/** Builds the plain-TypeScript layered decoder for any code whose rows all have degree ≥ 2. */
export function createLayeredJsDecoder(code: LdpcCode, rule: MinSumRule): LdpcDecoder {
  const { n, m, rowPtr, colIdx } = code;
  for (let r = 0; r < m; r++) {
    if (rowPtr[r + 1] - rowPtr[r] < 2) {
      throw new SemcomError('INVALID_ARGUMENT', `layered min-sum needs every check to have degree ≥ 2; row ${r} of ${code.name} has ${rowPtr[r + 1] - rowPtr[r]}`);
    }
  }
  const app = new Float32Array(n);
  const msg = new Float32Array(rowPtr[m]);
  const tmp = new Float32Array(maxRowDegree(code));
  const variant = rule.kernelVariant;
  const param = rule.param;

  function iterate(): void {
    for (let r = 0; r < m; r++) {
      const e0 = rowPtr[r];
      const e1 = rowPtr[r + 1];
      let min1 = Infinity;
      let min2 = Infinity;
      let idx = -1;
      let parity = 0;
      for (let e = e0; e < e1; e++) {
        const t = fround(app[colIdx[e]] - msg[e]);
        tmp[e - e0] = t;
        const a = Math.abs(t);
        if (t < 0) parity ^= 1;
        if (a < min1) {
          min2 = min1;
          min1 = a;
          idx = e;
        } else if (a < min2) {
          min2 = a;
        }
      }
      let s1 = min1;
      let s2 = min2;
      if (variant === 1) {
        s1 = fround(param * min1);
        s2 = fround(param * min2);
      } else if (variant === 2) {
        const d1 = fround(min1 - param);
        const d2 = fround(min2 - param);
        s1 = d1 > 0 ? d1 : 0;
        s2 = d2 > 0 ? d2 : 0;
      }
      for (let e = e0; e < e1; e++) {
        const t = tmp[e - e0];
        const mag = e === idx ? s2 : s1;
        const neg = parity ^ (t < 0 ? 1 : 0);
        const rNew = neg !== 0 ? -mag : mag;
        msg[e] = rNew;
        app[colIdx[e]] = t + rNew; // the Float32Array store rounds the sum to float32
      }
    }
  }

  return {
    code,
    name: rule.name,
    decode(llr: Float32Array, out: Uint8Array, options?: DecodeOptions, posterior?: Float32Array): DecodeResult {
      const { maxIterations, earlyStop } = checkDecodeArgs(code, llr, out, posterior, options, LAYERED_DEFAULT_ITERATIONS);
      for (let i = 0; i < n; i++) app[i] = clampLlr(llr[i]);
      msg.fill(0);
      let iterations = 0;
      let converged = false;
      let checked = false;
      while (iterations < maxIterations) {
        iterate();
        iterations++;
        if (earlyStop) {
          converged = syndromeOkFromLlr(code, app);
          checked = true;
          if (converged) break;
        }
      }
      if (!checked) converged = syndromeOkFromLlr(code, app);
      for (let i = 0; i < n; i++) out[i] = app[i] < 0 ? 1 : 0;
      if (posterior) posterior.set(app);
      return { iterations, converged };
    },
  };
}
