import type { BandwidthPolicy, FlowView } from './types.js';

/**
 * Equal shares: every active flow gets 1/n of the band, whatever its channel
 * or content (processor sharing; the round-robin baseline of scheduling
 * studies, and the `policy.bandwidth` default the others are compared with).
 * Fair in bandwidth, not in rate: a cell-edge flow gets the same hertz at a
 * lower spectral efficiency.
 */
export function equalShares(): BandwidthPolicy {
  return Object.freeze({
    name: 'equal',
    allocate(flows: readonly FlowView[], shares: Float64Array): void {
      const n = flows.length;
      if (n > 0) shares.fill(1 / n, 0, n);
    },
  });
}
