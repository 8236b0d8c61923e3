/**
 * Weights to bandwidth shares, in place: the step every weighted policy ends
 * with. Allocates nothing (the simulator calls policies at every epoch).
 */

/**
 * Turns the weights in `shares[0..n)` into shares that sum to 1, in
 * proportion to the weights. Negative and NaN weights count as 0. If some
 * weights are +Infinity, those flows split the band equally; if no weight is
 * positive, every flow gets 1/n (a policy that sees no reason to prefer a flow
 * must not starve them all). Slots from `n` on are left as they are.
 */
export function normalizeShares(shares: Float64Array, n: number): void {
  if (n <= 0) return;
  let max = 0;
  let infinite = 0;
  for (let i = 0; i < n; i++) {
    const w = shares[i]!;
    if (w === Infinity) infinite++;
    else if (!(w > 0)) shares[i] = 0;
    else if (w > max) max = w;
  }
  if (infinite > 0) {
    const each = 1 / infinite;
    for (let i = 0; i < n; i++) shares[i] = shares[i] === Infinity ? each : 0;
    return;
  }
  if (max === 0) {
    shares.fill(1 / n, 0, n);
    return;
  }
  // Scaled by the largest weight first, so the sum cannot overflow however large the weights.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += shares[i]! / max;
  for (let i = 0; i < n; i++) shares[i] = shares[i]! / max / sum;
}
