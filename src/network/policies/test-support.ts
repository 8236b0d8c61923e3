import type { FlowView } from './types.js';

/** A FlowView for tests: neutral values, overridden by `over`. */
export function flowView(over: Partial<FlowView> = {}): FlowView {
  return {
    remainingBits: 1e5,
    snrPerWatt: 100,
    efficiency: 2,
    averageRateBps: 1e6,
    importance: 1,
    matching: 1,
    successIfDelivered: 1,
    slackS: 1,
    ...over,
  };
}
