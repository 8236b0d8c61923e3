export { simulateNetwork, topologyOf, type SimulateOptions } from './simulate.js';
export type { ClassOutcome, Distribution, NetworkResult, ServiceOutcome, Utilisation } from './result.js';
export type { Topology } from './topology.js';
export { changedFractionOf, driftedFraction, matchingOf, meanMatchingOver } from './knowledge-drift.js';
