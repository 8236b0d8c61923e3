/**
 * Exact (Clopper–Pearson) binomial confidence intervals.
 *
 * For x successes in n trials at level 1 − α the interval is
 *   lower = B⁻¹(α/2; x, n − x + 1),  upper = B⁻¹(1 − α/2; x + 1, n − x),
 * with B⁻¹ the beta quantile (Clopper and Pearson, Biometrika 26, 1934). When
 * x = 0 the lower end is 0 and the upper end has the closed form
 * 1 − (α/2)^(1/n); symmetrically for x = n.
 *
 * Applied to frame errors over frames (independent trials) this is exact. The
 * engine applies the same formula to bit errors over bits, but bit errors
 * within one decoded frame are strongly correlated (a failed LDPC frame has
 * many wrong bits), so that interval is optimistic (too narrow); read the FER
 * interval for the statistical confidence of a run.
 */
import { SemcomError } from '../../core/errors.js';
import { betaQuantile } from './betainc.js';

/** Clopper–Pearson interval for `successes` out of `trials` at confidence 1 − `alpha` (default 0.05 → 95 %). */
export function clopperPearson(successes: number, trials: number, alpha = 0.05): [number, number] {
  if (!Number.isSafeInteger(trials) || trials < 0) {
    throw new SemcomError('INVALID_ARGUMENT', `trials must be a non-negative integer, got ${trials}`);
  }
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > trials) {
    throw new SemcomError('INVALID_ARGUMENT', `successes must be an integer in [0, ${trials}], got ${successes}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new SemcomError('INVALID_ARGUMENT', `alpha must be in (0, 1), got ${alpha}`);
  const x = successes;
  const n = trials;
  if (n === 0) return [0, 1];
  const half = alpha / 2;
  const lower = x === 0 ? 0 : x === n ? Math.pow(half, 1 / n) : betaQuantile(half, x, n - x + 1);
  const upper = x === n ? 1 : x === 0 ? -Math.expm1(Math.log(half) / n) : betaQuantile(1 - half, x + 1, n - x);
  return [lower, upper];
}
