/** The Monte-Carlo error-rate engine: public API. */
export type {
  FrameBatchResult,
  FrameSimulator,
  FrameSimulatorFactory,
  MonteCarloConfig,
  MonteCarloOptions,
  MonteCarloResult,
  PointResult,
  ProgressMode,
  SimulatorRef,
  SweepPoint,
} from './types.js';
export { runMonteCarlo } from './engine.js';
export { clopperPearson } from './confidence.js';
export { betaQuantile, regularizedIncompleteBeta, lnGamma } from './betainc.js';
export { toJson, toCsv, errorRatePlot, writeSweepOutputs, CSV_HEADER, type SweepOutputPaths } from './report.js';
