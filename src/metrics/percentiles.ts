/**
 * Mean and percentiles of a sample (latencies, ready times), the
 * `Distribution` that the network simulator reports (issue 6, Metrics).
 *
 * Percentiles use linear interpolation between order statistics, Hyndman &
 * Fan (1996) definition 7, NumPy's and R's default: with the sorted sample
 * x(0) ≤ … ≤ x(n−1), the p-quantile is at fractional index h = (n − 1)·p,
 * x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)). State it next to a tail figure:
 * nearest rank gives a different p99 on small samples.
 */
import { SemcomError } from '../core/errors.js';

/** Mean and percentiles of a sample, in the sample's unit. All 0 (count 0) for an empty sample. */
export interface SampleDistribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The p-quantile (0 ≤ p ≤ 1) of an ascending sorted, non-empty sample, Hyndman–Fan type 7. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new SemcomError('INVALID_ARGUMENT', 'sortedQuantile: the sample is empty');
  if (!(p >= 0 && p <= 1)) throw new SemcomError('INVALID_ARGUMENT', `sortedQuantile: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const f = h - lo;
  const a = sorted[lo];
  return f === 0 ? a : a + f * (sorted[lo + 1] - a);
}

/**
 * Mean, median, 95th and 99th percentiles (linear interpolation, type 7) and
 * maximum of the first `count` values (default all). Sorts a copy.
 * @throws SemcomError `INVALID_ARGUMENT` if a value is not finite or `count`
 *   is not an integer in [0, values.length].
 */
export function distribution(values: ArrayLike<number>, count?: number): SampleDistribution {
  if (values == null || typeof values.length !== 'number') {
    throw new SemcomError('INVALID_ARGUMENT', 'distribution: values must be an array of numbers');
  }
  const n = count ?? values.length;
  if (!Number.isInteger(n) || n < 0 || n > values.length) {
    throw new SemcomError('INVALID_ARGUMENT', `distribution: count must be an integer in [0, ${values.length}], got ${count}`);
  }
  if (n === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new SemcomError('INVALID_ARGUMENT', `distribution: value ${i} is ${String(v)}; every value must be a finite number`);
    }
    sorted[i] = v;
    sum += v;
  }
  sorted.sort();
  // The rounded mean of equal values can fall outside [min, max] by an ulp; clamp it.
  const mean = Math.min(sorted[n - 1], Math.max(sorted[0], sum / n));
  return {
    count: n,
    mean,
    p50: sortedQuantile(sorted, 0.5),
    p95: sortedQuantile(sorted, 0.95),
    p99: sortedQuantile(sorted, 0.99),
    max: sorted[n - 1],
  };
}

/** A growable sample of numbers in a Float64Array, doubled when full. */
export class SampleBuffer {
  private buf: Float64Array;
  private n = 0;

  constructor(initialCapacity = 64) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new SemcomError('INVALID_ARGUMENT', `SampleBuffer: initialCapacity must be a positive integer, got ${initialCapacity}`);
    }
    this.buf = new Float64Array(initialCapacity);
  }

  /** Number of values pushed since construction or the last {@link clear}. */
  get length(): number {
    return this.n;
  }

  /** Appends a value. */
  push(x: number): void {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = x;
  }

  /** The values pushed so far: a view (no copy), valid until the next push or clear. */
  values(): Float64Array {
    return this.buf.subarray(0, this.n);
  }

  /** Forgets the values, keeping the capacity. */
  clear(): void {
    this.n = 0;
  }
}
