/**
 * semcom: generative semantic communication in TypeScript.
 *
 * The public API, layer by layer (see DESIGN.md): `core` (errors, random
 * numbers, units, plots), `phy` (CRC, LDPC, modulation, channels, links,
 * Monte Carlo), `semantic` (the semantic packet), `metrics`, `datasets`,
 * `generation` (the embedded models), `schemes` (traditional, learned JSCC,
 * generative) and `experiments` (case studies, runner, report).
 */
export * from './core/index.js';
export * from './phy/index.js';
export * from './semantic/index.js';
export * from './metrics/index.js';
export * from './datasets/mnist.js';
export * from './generation/index.js';
export * from './schemes/index.js';
export * from './experiments/index.js';
