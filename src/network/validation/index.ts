/** Validations of the network simulator's engine against closed forms (issue 6). */
export { simulateMm1Aoi, mm1AverageAoi, mm1AveragePeakAoi, type Mm1AoiOptions, type Mm1AoiResult } from './mm1.js';
