import { normalizeShares } from './normalize.js';
import type { BandwidthPolicy, FlowView } from './types.js';

/**
 * A flow whose device has never been served (average rate 0) is weighted as
 * if its average were this fraction of the best-served flow's: 1,000 times
 * the priority at equal efficiency, and still finite.
 */
export const NEVER_SERVED_FRACTION = 1e-3;

/**
 * Proportional fair (Jalali, Padovani and Pankaj, VTC 2000; Kelly, Maulloo
 * and Tan, J. Oper. Res. Soc. 49, 1998): flow i's
 * weight is the PF metric r_i / R̄_i, its instantaneous achievable rate per
 * hertz (`efficiency`, at its current fade) over the exponentially averaged
 * rate its device has been served (`averageRateBps`); shares are the weights
 * over their sum. Objective: Σ log R̄_i (proportional fairness), trading total
 * throughput against starvation of weak users.
 *
 * A flow below the lowest MCS (efficiency 0) gets no band while another can
 * use it; an average of 0 is floored at {@link NEVER_SERVED_FRACTION} of the
 * largest average among the flows (1 when all are 0, so the weights are the
 * efficiencies).
 *
 * In a fluid (generalised processor sharing) model with static channels,
 * R̄_i tends to x_i·B·r_i, so the weight r_i / R̄_i tends to 1/(x_i·B), whose
 * fixed point is x_i = 1/n: PF reduces to equal time (band) shares. Its gain
 * over them comes from the block fading drawn per transmission, which PF
 * rides: more band to flows caught on a good fade relative to their own
 * history (multi-user diversity).
 */
export function proportionalFair(): BandwidthPolicy {
  return Object.freeze({
    name: 'proportional-fair',
    allocate(flows: readonly FlowView[], shares: Float64Array): void {
      const n = flows.length;
      let maxAverage = 0;
      for (let i = 0; i < n; i++) {
        const a = flows[i]!.averageRateBps;
        if (a > maxAverage && a < Infinity) maxAverage = a;
      }
      const floor = maxAverage > 0 ? maxAverage * NEVER_SERVED_FRACTION : 1;
      for (let i = 0; i < n; i++) {
        const f = flows[i]!;
        const r = f.efficiency;
        const a = f.averageRateBps;
        shares[i] = r > 0 ? r / (a > floor ? a : floor) : 0;
      }
      normalizeShares(shares, n);
    },
  });
}
