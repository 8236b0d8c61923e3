/**
 * The cloud-edge-mobile GAI semantic-communication network as a simulation
 * (seed 002 Sec. III; seed 000 Sec. V-2 and VI-C): scenarios, the calibration
 * table from the link level, allocation policies, the discrete-event engine,
 * the simulation and its validation. Map: README.md in this folder.
 */
export * from './engine/index.js';
export * from './calibration/index.js';
export * from './scenario/index.js';
export * from './policies/index.js';
export * from './model/index.js';
export * from './validation/index.js';
