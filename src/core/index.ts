/** What every layer shares: errors, seeded random numbers, SNR conversions, plots. */
export { SemcomError, isSemcomError, type SemcomErrorCode } from './errors.js';
export { Rng } from './rng.js';
export * from './snr.js';
export * from './plot/index.js';
