import { normalizeShares } from './normalize.js';
import type { BandwidthPolicy, FlowView } from './types.js';

/**
 * Knowledge-matching aware sharing (seed 000 Sec. II-C and VI-C-2, "the
 * matching degree of physical channel and KB"; the knowledge-matching degree
 * of its refs [10], [169]): shares ∝ importance_i × successIfDelivered_i,
 * where successIfDelivered is the probability that the receiver recovers the
 * meaning if the hop delivers (the scheme's calibrated task success times the
 * effect of the receiver's knowledge-matching degree).
 *
 * Objective: the log-utility optimum of expected semantic throughput,
 * max Σ w_i log(x_i η_i) over Σ x_i = 1 with w_i = importance_i ×
 * successIfDelivered_i, whose solution x_i = w_i / Σ w_j does not depend on
 * the spectral efficiencies η_i: bandwidth goes where meaning will be
 * recovered, away from receivers whose knowledge has drifted. If every weight
 * is 0, all flows share equally.
 */
export function knowledgeMatching(): BandwidthPolicy {
  return Object.freeze({
    name: 'knowledge-matching',
    allocate(flows: readonly FlowView[], shares: Float64Array): void {
      const n = flows.length;
      for (let i = 0; i < n; i++) {
        const f = flows[i]!;
        shares[i] = f.importance * f.successIfDelivered;
      }
      normalizeShares(shares, n);
    },
  });
}
