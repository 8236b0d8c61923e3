/**
 * semcom: generative semantic communication in TypeScript.
 *
 * The public API, layer by layer (see DESIGN.md): `core` (errors, random
 * numbers, units, plots), `phy` (CRC, LDPC, modulation, channels, links,
 * Monte Carlo), `semantic` (the semantic packet, arithmetic coding),
 * `metrics`, `datasets`, `generation` (model contracts, helpers, providers and
 * the embedded models), `agents` (the understanding and generating agents of
 * seed 003), `knowledge` (knowledge bases: the SQLite store, construction,
 * representation learning, versions, sync, matching), `schemes` (image and
 * text: traditional, learned JSCC, shared model, generative) and
 * `network` (the cloud-edge-mobile network simulation: scenarios, calibration,
 * policies, engine) and `experiments` (case studies, runner, report).
 */
export * from './core/index.js';
export * from './phy/index.js';
export * from './semantic/index.js';
export * from './metrics/index.js';
export * from './datasets/mnist.js';
export * from './datasets/wordnet.js';
export * from './generation/index.js';
export * from './agents/index.js';
export * from './knowledge/index.js';
export * from './schemes/index.js';
export * from './network/index.js';
export * from './experiments/index.js';
