/**
 * Knowledge drift between a device's knowledge base and the network's (seed
 * 002 Sec. III-B, stage 3; seed 000 Sec. VI-B). The network's knowledge
 * changes by Poisson record updates at `changeRatePerHour` (a fraction of its
 * records per hour); a device that has not synced for τ seconds holds a
 * fraction f(τ) = 1 − (1 − f₀)·exp(−c·τ/3600) of stale or missing records.
 * With the matching degree of src/knowledge/store/matching.ts (weighted
 * Jaccard, a stale record counting on both sides), N(1 − f) shared records
 * against N(1 + f) in the union give M = (1 − f)/(1 + f). A sync restores
 * M = 1 and costs the bytes the knowledge-mismatch case study measured for
 * f·N changed records.
 */

/** Changed fraction for a matching degree: the inverse of M = (1 − f)/(1 + f). */
export function changedFractionOf(matching: number): number {
  return (1 - matching) / (1 + matching);
}

/** Matching degree for a changed fraction. */
export function matchingOf(changedFraction: number): number {
  return (1 - changedFraction) / (1 + changedFraction);
}

/**
 * Changed fraction after `elapsedS` seconds without sync, starting from
 * `initialFraction`, with the network changing `changeRatePerHour` of its
 * records per hour.
 */
export function driftedFraction(initialFraction: number, changeRatePerHour: number, elapsedS: number): number {
  return 1 - (1 - initialFraction) * Math.exp((-changeRatePerHour * Math.max(0, elapsedS)) / 3600);
}

/**
 * Time average of M over [0, T] without sync, from the changed fraction f₀ at
 * the start: with u = 1 − f = (1 − f₀)e^{−kt}, M = u/(2 − u) and
 * dt = −du/(k·u), so ∫₀ᵀ M dt = (1/k)·ln((2 − u_T)/(2 − u₀)).
 */
export function meanMatchingOver(initialFraction: number, changeRatePerHour: number, durationS: number): number {
  if (durationS <= 0) return matchingOf(initialFraction);
  const k = changeRatePerHour / 3600;
  if (k === 0) return matchingOf(initialFraction);
  const u0 = 1 - initialFraction;
  const uT = u0 * Math.exp(-k * durationS);
  const integral = Math.log((2 - uT) / (2 - u0)) / k;
  return integral / durationS;
}
