/**
 * Pixel-fidelity metrics: mean squared error and peak signal-to-noise ratio.
 *
 * PSNR is the metric of the image case study of seed 002 (Sec. IV, Table I:
 * "the PSNR score obtained by our GAI-SCN maintains a very high level of
 * 28.64") and the classical counterpart of SSIM in seed 000 Sec. IV-D:
 *
 *   MSE  = (1/N) Σ (aᵢ − bᵢ)²
 *   PSNR = 10·log10(peak² / MSE)  dB
 *
 * where peak is the largest possible pixel value (255 for 8-bit grey levels,
 * 1 for images in [0, 1]).
 *
 * Identical images have MSE = 0 and PSNR = +Infinity. That is the true value,
 * and `psnr` returns it unless the caller asks for a cap (`capDb`). A cap is
 * a reporting convention, not a measurement: it must be stated next to any
 * figure that uses it. This project reports 100 dB (`PSNR_REPORT_CAP_DB`) where
 * a finite number is needed (JSON cannot hold Infinity: `JSON.stringify`
 * writes it as null), a level no 8-bit image pair reaches short of equality
 * (one grey level of error in one pixel of a 4096 × 4096 image is ≈ 120 dB,
 * but any error in an image of up to 10⁵ pixels stays below 100 dB).
 *
 * To average PSNR over a set of images, note that the mean of per-image PSNR
 * (what Table I of seed 002 appears to report) and the PSNR of the mean MSE
 * (`psnrFromMse(mean of MSEs)`) differ; state which one a table holds.
 */
import { SemcomError } from '../core/errors.js';
import { checkSameLength, resolvePeak, type Pixels } from './validate.js';

/** The finite value this project reports for the PSNR of identical images, when one is needed. */
export const PSNR_REPORT_CAP_DB = 100;

/** Options of {@link psnr}. */
export interface PsnrOptions {
  /**
   * Largest possible pixel value. Default: 255 when both images are
   * `Uint8Array`/`Uint8ClampedArray`, 1 when both are `Float32Array`/`Float64Array`
   * (then no pixel may exceed 1); other array types must state it.
   */
  peak?: number;
  /** If given, the result is min(PSNR, capDb), so identical images give capDb instead of Infinity. */
  capDb?: number;
}

/**
 * Mean squared error (1/N) Σ (aᵢ − bᵢ)² of two equally long signals or images.
 *
 * @throws SemcomError `LENGTH_MISMATCH` if the lengths differ, `INVALID_ARGUMENT`
 *   if they are empty or hold a non-finite value.
 */
export function meanSquaredError(a: Pixels, b: Pixels): number {
  const n = checkSameLength(a, b, 'meanSquaredError');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  if (!Number.isFinite(sum)) {
    throw new SemcomError('INVALID_ARGUMENT', 'meanSquaredError: the inputs hold a non-finite value (NaN or ±Infinity)');
  }
  return sum / n;
}

/**
 * PSNR in dB for a given MSE: 10·log10(peak² / mse); +Infinity when mse = 0.
 *
 * @throws SemcomError `INVALID_ARGUMENT` if mse is negative or not finite, or peak is not positive.
 */
export function psnrFromMse(mse: number, peak: number): number {
  if (!(Number.isFinite(mse) && mse >= 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `psnrFromMse: mse must be a finite non-negative number, got ${mse}`);
  }
  if (!(Number.isFinite(peak) && peak > 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `psnrFromMse: peak must be a positive finite number, got ${peak}`);
  }
  if (mse === 0) return Infinity;
  return 10 * Math.log10((peak * peak) / mse);
}

/**
 * Peak signal-to-noise ratio in dB between a reference image `a` and a
 * reconstruction `b` (symmetric in a and b).
 *
 * Returns +Infinity for identical images unless `capDb` is set (see the module
 * comment for the cap this project reports, {@link PSNR_REPORT_CAP_DB}).
 *
 * @example psnr(original, received)               // 8-bit images, peak 255
 * @example psnr(x, xHat, { peak: 1 })             // floats in [0, 1]
 * @example psnr(a, a, { capDb: PSNR_REPORT_CAP_DB }) // 100
 * @throws SemcomError `LENGTH_MISMATCH` for images of different sizes;
 *   `INVALID_ARGUMENT` for empty input, non-finite pixels, a bad peak or cap,
 *   or array types whose peak cannot be inferred.
 */
export function psnr(a: Pixels, b: Pixels, options: PsnrOptions = {}): number {
  checkSameLength(a, b, 'psnr');
  const peak = resolvePeak(a, b, options.peak, 'psnr', 'peak');
  const { capDb } = options;
  if (capDb !== undefined && !(typeof capDb === 'number' && Number.isFinite(capDb))) {
    throw new SemcomError('INVALID_ARGUMENT', `psnr: capDb must be a finite number of dB, got ${String(capDb)}`);
  }
  const db = psnrFromMse(meanSquaredError(a, b), peak);
  return capDb === undefined ? db : Math.min(db, capDb);
}
