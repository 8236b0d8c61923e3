export type { BandwidthPolicy, FlowView, PlacementOption, PlacementPolicy, PowerPolicy } from './types.js';
export { equalShares } from './equal.js';
export { NEVER_SERVED_FRACTION, proportionalFair } from './proportional-fair.js';
export { semanticImportance } from './semantic-importance.js';
export { knowledgeMatching } from './knowledge-matching.js';
export { normalizeShares } from './normalize.js';
export { equalPower } from './equal-power.js';
export { waterFilling } from './water-filling.js';
export { fixedPlacement, minEnergyPlacement, minLatencyPlacement } from './placement.js';
export {
  bandwidthPolicy,
  bandwidthPolicyNames,
  placementPolicy,
  placementPolicyNames,
  powerPolicy,
  powerPolicyNames,
  registerBandwidthPolicy,
  registerPlacementPolicy,
  registerPowerPolicy,
  unregisterPolicy,
  type PolicyName,
} from './registry.js';
