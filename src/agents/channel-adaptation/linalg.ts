/**
 * The few dense linear-algebra routines the channel adaptation needs, on
 * row-major Float64Array matrices with explicit sizes. Sizes here are small
 * (d = 100, 2k ≤ 64), so plain loops are fast enough and keep the module
 * free of dependencies.
 */
import { SemcomError } from '../../core/errors.js';

/** C (r × c) = A (r × n) · B (n × c). */
export function matMul(a: Float64Array, b: Float64Array, r: number, n: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    const ai = i * n;
    const oi = i * c;
    for (let p = 0; p < n; p++) {
      const v = a[ai + p];
      if (v === 0) continue;
      const bp = p * c;
      for (let j = 0; j < c; j++) out[oi + j] += v * b[bp + j];
    }
  }
  return out;
}

/** Aᵀ (c × r) of A (r × c). */
export function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

/** Trace of a square n × n matrix. */
export function trace(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i * n + i];
  return s;
}

/**
 * Mean (length d) and second moment about `center` (d × d) of n rows of
 * length d: (1/n) Σ (x − c)(x − c)ᵀ. With `center` = the rows' own mean this
 * is the (biased) covariance.
 */
export function secondMoment(rows: Float64Array, n: number, d: number, center?: Float64Array): { mean: Float64Array; moment: Float64Array } {
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j] += rows[r * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const c = center ?? mean;
  const moment = new Float64Array(d * d);
  const x = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) x[j] = rows[r * d + j] - c[j];
    for (let i = 0; i < d; i++) {
      const xi = x[i];
      const oi = i * d;
      for (let j = i; j < d; j++) moment[oi + j] += xi * x[j];
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const v = moment[i * d + j] / n;
      moment[i * d + j] = v;
      moment[j * d + i] = v;
    }
  }
  return { mean, moment };
}

/** The shared Jacobi eigensolver (src/core/linalg.ts), re-exported for the channel adaptation's callers. */
export { symmetricEigen } from '../../core/linalg.js';

/** X (n × c) solving S X = B for a symmetric positive definite S (n × n), by Cholesky. */
export function solveSpd(s: Float64Array, b: Float64Array, n: number, c: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = s[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) throw new SemcomError('INVALID_ARGUMENT', 'matrix is not positive definite');
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  const x = Float64Array.from(b);
  for (let col = 0; col < c; col++) {
    for (let i = 0; i < n; i++) {
      let sum = x[i * c + col];
      for (let k = 0; k < i; k++) sum -= l[i * n + k] * x[k * c + col];
      x[i * c + col] = sum / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = x[i * c + col];
      for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k * c + col];
      x[i * c + col] = sum / l[i * n + i];
    }
  }
  return x;
}
