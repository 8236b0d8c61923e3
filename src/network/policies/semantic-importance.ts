import { normalizeShares } from './normalize.js';
import type { BandwidthPolicy, FlowView } from './types.js';

/**
 * Semantic-importance weighted fair sharing (seed 000 Sec. VI-C-2:
 * "semantic-aware scheduling ... prioritize the transmission of semantically
 * critical information"; weighted fair queueing, Demers, Keshav and Shenker,
 * SIGCOMM 1989): shares ∝ the service's importance. It maximises
 * Σ importance_i · log(share_i), so a class twice as important gets twice the
 * band, and the flows of one class share equally. Zero-importance flows get
 * band only when no flow has importance (then all share equally).
 */
export function semanticImportance(): BandwidthPolicy {
  return Object.freeze({
    name: 'semantic-importance',
    allocate(flows: readonly FlowView[], shares: Float64Array): void {
      const n = flows.length;
      for (let i = 0; i < n; i++) shares[i] = flows[i]!.importance;
      normalizeShares(shares, n);
    },
  });
}
