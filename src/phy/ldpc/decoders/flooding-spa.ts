/**
 * Flooding sum-product (belief propagation) decoding with the exact check rule:
 * the reference decoder against which the min-sum approximations are judged.
 *
 * Check rule in Gallager's φ form (equivalent to 2·atanh Π tanh(·/2)):
 *   φ(x) = −ln tanh(x/2) = ln(1 + 2/(eˣ − 1)),  φ(φ(x)) = x,
 *   |R_i| = φ( Σ_{j≠i} φ(|Q_j|) ),  sign R_i = Π_{j≠i} sign Q_j.
 * φ diverges at 0 and underflows for large x, so its argument is clipped to
 * [PHI_MIN, PHI_MAX]: messages then stay finite (|R| ≤ φ(PHI_MIN) ≈ 36.7) and a
 * certain input contributes φ(PHI_MAX) ≈ 4e-22 instead of 0.
 * Messages and APPs are float64; channel LLRs are clamped to ±1e6 on input.
 * Flooding schedule: all checks, then all variables, per iteration; syndrome
 * early stop after each iteration. Default 50 iterations.
 */
import type { DecodeOptions, DecodeResult, LdpcCode, LdpcDecoder } from '../types.js';
import { checkDecodeArgs, clampLlr, syndromeOkFromLlr } from './common.js';

export const FLOODING_DEFAULT_ITERATIONS = 50;
const PHI_MIN = 2e-16;
const PHI_MAX = 50;

/** φ(x) = −ln tanh(x/2) for x > 0, with the argument clipped to [PHI_MIN, PHI_MAX]. */
export function phi(x: number): number {
  const y = x < PHI_MIN ? PHI_MIN : x > PHI_MAX ? PHI_MAX : x;
  return Math.log1p(2 / Math.expm1(y));
}

/** Flooding sum-product decoder for any binary LDPC code. */
export function createFloodingSumProductDecoder(code: LdpcCode): LdpcDecoder {
  const { n, m, rowPtr, colIdx, colPtr } = code;
  const edges = rowPtr[m];
  // Edge e is numbered in row order; colEdge lists the row-order edge numbers of
  // each column's edges in column order, found by a counting pass over H.
  const colEdge = new Int32Array(edges);
  const fill = new Int32Array(n);
  for (let c = 0; c < n; c++) fill[c] = colPtr[c];
  for (let r = 0; r < m; r++) {
    for (let e = rowPtr[r]; e < rowPtr[r + 1]; e++) colEdge[fill[colIdx[e]]++] = e;
  }
  const q = new Float64Array(edges); // variable → check
  const rMsg = new Float64Array(edges); // check → variable
  const phiQ = new Float64Array(edges);
  const ch = new Float64Array(n);
  const app = new Float64Array(n);

  function checkUpdate(): void {
    for (let r = 0; r < m; r++) {
      const e0 = rowPtr[r];
      const e1 = rowPtr[r + 1];
      let sum = 0;
      let neg = 0;
      for (let e = e0; e < e1; e++) {
        const v = q[e];
        if (v < 0) neg ^= 1;
        const p = phi(Math.abs(v));
        phiQ[e] = p;
        sum += p;
      }
      for (let e = e0; e < e1; e++) {
        const mag = phi(sum - phiQ[e]);
        rMsg[e] = (neg ^ (q[e] < 0 ? 1 : 0)) !== 0 ? -mag : mag;
      }
    }
  }

  function variableUpdate(): void {
    for (let c = 0; c < n; c++) {
      const k0 = colPtr[c];
      const k1 = colPtr[c + 1];
      let total = ch[c];
      for (let k = k0; k < k1; k++) total += rMsg[colEdge[k]];
      app[c] = total;
      for (let k = k0; k < k1; k++) {
        const e = colEdge[k];
        q[e] = total - rMsg[e];
      }
    }
  }

  return {
    code,
    name: 'flooding-spa',
    decode(llr: Float32Array, out: Uint8Array, options?: DecodeOptions, posterior?: Float32Array): DecodeResult {
      const { maxIterations, earlyStop } = checkDecodeArgs(code, llr, out, posterior, options, FLOODING_DEFAULT_ITERATIONS);
      for (let c = 0; c < n; c++) {
        const v = clampLlr(llr[c]);
        ch[c] = v;
        app[c] = v;
        for (let k = colPtr[c]; k < colPtr[c + 1]; k++) q[colEdge[k]] = v;
      }
      let iterations = 0;
      let converged = false;
      let checked = false;
      while (iterations < maxIterations) {
        checkUpdate();
        variableUpdate();
        iterations++;
        if (earlyStop) {
          converged = syndromeOkFromLlr(code, app);
          checked = true;
          if (converged) break;
        }
      }
      if (!checked) converged = syndromeOkFromLlr(code, app);
      for (let c = 0; c < n; c++) out[c] = app[c] < 0 ? 1 : 0;
      if (posterior) for (let c = 0; c < n; c++) posterior[c] = app[c];
      return { iterations, converged };
    },
  };
}
