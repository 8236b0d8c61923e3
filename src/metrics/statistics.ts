/**
 * Statistics of a metric over a sweep: robustness and a plain summary.
 *
 * Seed 003 Sec. IV-A4 ("Performance Metrics") defines robustness as the spread of a metric over the
 * channel conditions: "Robustness, measured by the standard deviation of the
 * retrieval accuracy across varying signal-to-noise ratios (SNRs), reflecting
 * the system's sensitivity to channel noise" (SNR from 3 to 30 dB in 3 dB
 * steps there; Fig. 7 draws it as error bars, Sec. IV-B2 discusses it). A smaller value means a more
 * robust scheme; a scheme with a "cliff effect" (good above a threshold SNR,
 * useless below) gets a large one.
 *
 * The paper does not say whether it divides by n or n − 1. The SNR grid is the
 * whole set of conditions being described, not a sample from a population of
 * SNRs, so the default here is the population standard deviation (divide by n,
 * `ddof = 0`, also NumPy's default); `ddof: 1` gives the sample form. State it
 * next to a figure that compares with the paper.
 */
import { SemcomError } from '../core/errors.js';

/** Delta degrees of freedom: the divisor of the variance is n − ddof. */
export type Ddof = 0 | 1;

/** Options of {@link robustness} and {@link summarize}. */
export interface SpreadOptions {
  /** 0 (default): population standard deviation, divide by n; 1: sample standard deviation, divide by n − 1. */
  ddof?: Ddof;
}

function checkDdof(ddof: unknown, what: string): Ddof {
  if (ddof !== 0 && ddof !== 1) throw new SemcomError('INVALID_ARGUMENT', `${what}: ddof must be 0 or 1, got ${String(ddof)}`);
  return ddof;
}

/** Two-pass mean and standard deviation (the second pass avoids the cancellation of Σx² − n·mean²). */
function meanStd(values: ArrayLike<number>, n: number, ddof: Ddof, finiteOnly: boolean): [number, number] {
  let sum = 0;
  let first = NaN;
  let seen = false;
  let constant = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (finiteOnly && !Number.isFinite(v)) continue;
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) constant = false;
    sum += v;
  }
  // Equal values have no spread; the rounded mean (e.g. 10 × 0.8 / 10 ≠ 0.8)
  // would otherwise report one of ~1e-16.
  if (constant) return [first, n - ddof > 0 ? 0 : NaN];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!finiteOnly || Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  return [mean, n - ddof > 0 ? Math.sqrt(ss / (n - ddof)) : NaN];
}

/**
 * Robustness of a scheme (seed 003 Sec. IV-A4): the standard deviation of one
 * metric's values across the SNR points of a sweep. Lower is more robust.
 *
 * @param values the metric at each SNR point (e.g. accuracy at 3, 6, …, 30 dB).
 * @example robustness([0.2, 0.9, 0.95, 0.97]) // population std, ≈ 0.32
 * @throws SemcomError `INVALID_ARGUMENT` if there are fewer than 1 + ddof values
 *   or a value is not finite (an undefined metric at one SNR has no spread).
 */
export function robustness(values: ArrayLike<number>, options: SpreadOptions = {}): number {
  const ddof = checkDdof(options.ddof ?? 0, 'robustness');
  if (values == null || typeof values.length !== 'number') {
    throw new SemcomError('INVALID_ARGUMENT', 'robustness: values must be an array of numbers');
  }
  const n = values.length;
  if (n < 1 + ddof) {
    throw new SemcomError('INVALID_ARGUMENT', `robustness: needs at least ${1 + ddof} value(s) with ddof = ${ddof}, got ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i])) {
      throw new SemcomError('INVALID_ARGUMENT', `robustness: value ${i} is ${String(values[i])}; every SNR point needs a finite metric`);
    }
  }
  return meanStd(values, n, ddof, false)[1];
}

/** Mean, spread and range of the finite values of a metric. */
export interface Summary {
  /** Number of finite values (the ones summarised). */
  readonly count: number;
  /** Number of values left out because they are NaN or ±Infinity (e.g. the PSNR of identical images). */
  readonly nonFinite: number;
  /** Mean of the finite values; NaN if there are none. */
  readonly mean: number;
  /** Standard deviation of the finite values (divisor count − ddof); NaN if count ≤ ddof. */
  readonly std: number;
  /** Smallest finite value; NaN if there are none. */
  readonly min: number;
  /** Largest finite value; NaN if there are none. */
  readonly max: number;
}

/**
 * Summary of a metric's values: count, mean, standard deviation, min and max
 * of the finite values. Non-finite values are counted in `nonFinite` and left
 * out, so a summary of PSNRs with some +Infinity (identical images) describes
 * the others only: cap PSNR first (`psnr(…, { capDb })`) to keep them in.
 * Never throws on empty input: a summary of nothing has count 0 and NaN fields.
 */
export function summarize(values: ArrayLike<number>, options: SpreadOptions = {}): Summary {
  const ddof = checkDdof(options.ddof ?? 0, 'summarize');
  if (values == null || typeof values.length !== 'number') {
    throw new SemcomError('INVALID_ARGUMENT', 'summarize: values must be an array of numbers');
  }
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const nonFinite = values.length - count;
  if (count === 0) return { count, nonFinite, mean: NaN, std: NaN, min: NaN, max: NaN };
  const [mean, std] = meanStd(values, count, ddof, true);
  return { count, nonFinite, mean, std, min, max };
}
