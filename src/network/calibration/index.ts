/**
 * The network simulator's calibration table: link-level behaviour of each MCS
 * and scheme, measured once by Monte Carlo (scripts/calibrate-network.ts),
 * loaded and validated here, read on the hot path by the lookups.
 */
export type {
  CalibrationTable,
  KnowledgeCalibration,
  McsCalibration,
  SchemeCalibration,
  SchemeFamily,
  SchemeTransport,
} from './types.js';
export { DEFAULT_CALIBRATION, loadCalibration, validateCalibration } from './load.js';
export {
  codewordErrorRate,
  findScheme,
  knowledgeRetention,
  mcsThresholdsDb,
  selectMcsIndex,
  snrForCodewordErrorRate,
  syncBytes,
  taskSuccessAt,
} from './lookup.js';
