/**
 * semcom: generative semantic communication in TypeScript.
 *
 * The public API, layer by layer (see DESIGN.md): `core` (errors, random
 * numbers, units, plots) and `phy` (CRC, LDPC, modulation, channels, links,
 * Monte Carlo). Later layers (semantic, generation, agents, knowledge,
 * schemes, metrics, network, experiments) are added here as they land.
 */
export * from './core/index.js';
export * from './phy/index.js';
