/**
 * Input checks shared by the image metrics (internal to `metrics`).
 *
 * The metrics take images as flat, row-major arrays of grey levels. Two forms
 * occur in this project: 8-bit pixels (`Uint8Array`, 0..255, what a source
 * codec and the MNIST loader give) and floats in [0, 1] (`Float32Array` /
 * `Float64Array`, what models take and produce). The peak value (PSNR) and the
 * dynamic range L (SSIM) depend on that form, and getting it wrong is silent:
 * a [0, 1] image scored with peak 255 gains 20·log10(255) ≈ 48 dB of PSNR.
 * So the default is inferred from the array type only where the type says it,
 * and otherwise the caller must state it.
 */
import { SemcomError } from '../core/errors.js';

/** A grey-scale image (or any signal) as a flat array of numbers. */
export type Pixels = ArrayLike<number>;

function is8Bit(a: Pixels): boolean {
  return a instanceof Uint8Array || a instanceof Uint8ClampedArray;
}

function isFloat(a: Pixels): boolean {
  return a instanceof Float32Array || a instanceof Float64Array;
}

/**
 * The peak (dynamic range) to use for a pair of images.
 *
 * - given explicitly: it must be a positive finite number, and it is used as is;
 * - both 8-bit arrays: 255;
 * - both float typed arrays: 1, and no value may exceed 1 (a float image in
 *   0..255 would otherwise be scored against the wrong peak);
 * - anything else (plain arrays, 16-bit arrays, mixed types): an error asking
 *   for the peak.
 */
export function resolvePeak(a: Pixels, b: Pixels, given: number | undefined, what: string, name: string): number {
  if (given !== undefined) {
    if (!(typeof given === 'number' && Number.isFinite(given) && given > 0)) {
      throw new SemcomError('INVALID_ARGUMENT', `${what}: ${name} must be a positive finite number, got ${String(given)}`);
    }
    return given;
  }
  if (is8Bit(a) && is8Bit(b)) return 255;
  if (isFloat(a) && isFloat(b)) {
    for (const img of [a, b]) {
      for (let i = 0; i < img.length; i++) {
        if (img[i] > 1) {
          throw new SemcomError(
            'INVALID_ARGUMENT',
            `${what}: float images are taken to be in [0, 1], but a pixel is ${img[i]}; pass { ${name}: 255 } for 0..255 floats or state the ${name} explicitly`,
          );
        }
      }
    }
    return 1;
  }
  throw new SemcomError(
    'INVALID_ARGUMENT',
    `${what}: cannot infer the ${name} from these array types; pass { ${name}: 255 } for 8-bit grey levels or { ${name}: 1 } for [0, 1] images`,
  );
}

/** Both arrays exist, have the same length, and that length is positive. */
export function checkSameLength(a: Pixels, b: Pixels, what: string): number {
  if (a == null || b == null || typeof a.length !== 'number' || typeof b.length !== 'number') {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: both inputs must be arrays of numbers`);
  }
  if (a.length !== b.length) {
    throw new SemcomError('LENGTH_MISMATCH', `${what}: the two inputs differ in length (${a.length} vs ${b.length}); compare images of the same size`);
  }
  if (a.length === 0) throw new SemcomError('INVALID_ARGUMENT', `${what}: the inputs are empty`);
  return a.length;
}

/** Width and height are positive integers and both images hold width × height pixels. */
export function checkImagePair(a: Pixels, b: Pixels, width: number, height: number, what: string): void {
  if (!Number.isSafeInteger(width) || width <= 0 || !Number.isSafeInteger(height) || height <= 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: width and height must be positive integers, got ${width} × ${height}`);
  }
  checkSameLength(a, b, what);
  if (a.length !== width * height) {
    throw new SemcomError(
      'LENGTH_MISMATCH',
      `${what}: a ${width} × ${height} image has ${width * height} pixels, but the inputs hold ${a.length}; check the width and height`,
    );
  }
}
