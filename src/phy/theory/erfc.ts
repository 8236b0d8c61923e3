/**
 * The complementary error function and the Gaussian tail Q, to a relative
 * error below 1e-13 over the whole double range (checked against 30-digit values).
 *
 * - 0 ≤ x < 1.5: erfc = 1 − erf with the series of positive terms
 *   erf(x) = (2/√π)·e^{−x²}·Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·5···(2n+1))
 *   (Abramowitz and Stegun 7.1.6); no cancellation inside the sum, and
 *   1 − erf loses at most log10(1/erfc(1.5)) ≈ 1.5 digits.
 * - x ≥ 1.5: Laplace's continued fraction (A&S 7.1.14)
 *   erfc(x) = (e^{−x²}/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
 *   evaluated by the modified Lentz method (Press et al., Numerical Recipes §5.2),
 *   at most about 90 terms (at x = 1.5).
 * - x < 0: erfc(x) = 2 − erfc(−x).
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const TINY = 1e-300;

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

function erfcContinuedFraction(x: number): number {
  // f = x + a1/(x + a2/(x + ...)), a_n = n/2; erfc = e^{−x²}/(√π·f).
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    D = x + a * D;
    if (Math.abs(D) < TINY) D = TINY;
    C = x + a / C;
    if (Math.abs(C) < TINY) C = TINY;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** Complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^{−t²} dt. NaN for NaN. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.5) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // erfc(27.3) ≈ 5e-326, below the smallest double
  return erfcContinuedFraction(x);
}

/** Error function erf(x) = 1 − erfc(x), accurate near 0 as well. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  return x < 2.5 ? erfSeries(x) : 1 - erfc(x);
}

/** Gaussian tail probability Q(x) = P(N(0,1) > x) = erfc(x/√2)/2. */
export function qfunc(x: number): number {
  return 0.5 * erfc(x * Math.SQRT1_2);
}

/** Standard normal distribution function Φ(x) = Q(−x). */
export function normalCdf(x: number): number {
  return qfunc(-x);
}
