import { describe, expect, it } from 'vitest';
import { SemcomError } from '../core/errors.js';
import { loadMnist, mnistImage, toFloat } from '../datasets/mnist.js';
import { meanSquaredError, psnr, psnrFromMse, PSNR_REPORT_CAP_DB } from './psnr.js';

function expectError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    expect((e as SemcomError).code).toBe(code);
    expect((e as SemcomError).message).toMatch(message);
    return;
  }
  throw new Error('expected a SemcomError');
}

const set = loadMnist('test');
const digit = mnistImage(set, 17);

/** Every pixel moved by exactly ±d grey levels, away from the nearer end so nothing clips. */
function offsetEverywhere(img: Uint8Array, d: number): Uint8Array {
  const out = new Uint8Array(img.length);
  for (let i = 0; i < img.length; i++) out[i] = img[i] >= 128 ? img[i] - d : img[i] + d;
  return out;
}

describe('meanSquaredError', () => {
  it('matches the definition on a small case', () => {
    expect(meanSquaredError([0, 0], [3, 4])).toBe(12.5);
    expect(meanSquaredError(new Float64Array([1, 2, 3]), new Float64Array([1, 2, 3]))).toBe(0);
  });

  it('rejects mismatched, empty and non-finite input', () => {
    expectError(() => meanSquaredError([1, 2], [1]), 'LENGTH_MISMATCH', /differ in length \(2 vs 1\)/);
    expectError(() => meanSquaredError([], []), 'INVALID_ARGUMENT', /empty/);
    expectError(() => meanSquaredError([1, NaN], [1, 2]), 'INVALID_ARGUMENT', /non-finite/);
  });
});

describe('psnr', () => {
  it('a constant error of 10 grey levels gives 20·log10(255/10) dB', () => {
    const b = offsetEverywhere(digit, 10);
    expect(meanSquaredError(digit, b)).toBe(100);
    expect(psnr(digit, b)).toBeCloseTo(20 * Math.log10(255 / 10), 12);
    expect(psnr(b, digit)).toBe(psnr(digit, b));
  });

  it('gives the same value for the [0, 1] form with peak 1 (inferred for float arrays)', () => {
    const b = offsetEverywhere(digit, 10);
    const fa = toFloat(digit, new Float32Array(digit.length));
    const fb = toFloat(b, new Float32Array(b.length));
    // Float32 rounding of v/255 perturbs the MSE by ~1e-8 relative.
    expect(psnr(fa, fb)).toBeCloseTo(20 * Math.log10(25.5), 5);
    expect(psnr(fa, fb, { peak: 1 })).toBe(psnr(fa, fb));
  });

  it('halving the error adds 20·log10(2) dB', () => {
    const d4 = psnr(digit, offsetEverywhere(digit, 4));
    const d8 = psnr(digit, offsetEverywhere(digit, 8));
    expect(d4 - d8).toBeCloseTo(20 * Math.log10(2), 12);
  });

  it('is +Infinity for identical images, or the cap when one is asked for', () => {
    expect(psnr(digit, digit)).toBe(Infinity);
    expect(psnr(digit, digit, { capDb: PSNR_REPORT_CAP_DB })).toBe(100);
    // The cap does not touch finite values below it.
    const b = offsetEverywhere(digit, 10);
    expect(psnr(digit, b, { capDb: 100 })).toBe(psnr(digit, b));
    expect(psnrFromMse(0, 255)).toBe(Infinity);
  });

  it('stays below the report cap for any 8-bit error in an MNIST-sized image', () => {
    const b = Uint8Array.from(digit);
    b[0] = b[0] === 0 ? 1 : b[0] - 1; // the smallest possible error: one grey level in one pixel
    expect(psnr(digit, b)).toBeCloseTo(10 * Math.log10(255 * 255 * 784), 10);
    expect(psnr(digit, b)).toBeLessThan(PSNR_REPORT_CAP_DB);
  });

  it('psnrFromMse is the closed form', () => {
    expect(psnrFromMse(100, 255)).toBeCloseTo(28.130803608679102, 12);
    expect(psnrFromMse(1e-4, 1)).toBeCloseTo(40, 12);
    expectError(() => psnrFromMse(-1, 255), 'INVALID_ARGUMENT', /mse/);
    expectError(() => psnrFromMse(1, 0), 'INVALID_ARGUMENT', /peak/);
  });

  it('refuses to guess the peak where the array type does not say it', () => {
    expectError(() => psnr([0, 255], [1, 250]), 'INVALID_ARGUMENT', /cannot infer the peak.*peak: 255/);
    expect(psnr([0, 255], [0, 245], { peak: 255 })).toBeCloseTo(10 * Math.log10((255 * 255) / 50), 12);
    expectError(() => psnr(new Uint8Array(2), new Float32Array(2)), 'INVALID_ARGUMENT', /cannot infer/);
    // A float image in 0..255 would otherwise be scored 48 dB too high.
    expectError(() => psnr(new Float64Array([0, 200]), new Float64Array([0, 190])), 'INVALID_ARGUMENT', /\[0, 1\].*200/);
    expect(psnr(new Float64Array([0, 200]), new Float64Array([0, 190]), { peak: 255 })).toBeCloseTo(10 * Math.log10((255 * 255) / 50), 12);
  });

  it('rejects bad sizes, peaks and caps with SemcomError', () => {
    expectError(() => psnr(digit, digit.subarray(0, 783)), 'LENGTH_MISMATCH', /784 vs 783/);
    expectError(() => psnr(new Uint8Array(0), new Uint8Array(0)), 'INVALID_ARGUMENT', /empty/);
    expectError(() => psnr(digit, digit, { peak: 0 }), 'INVALID_ARGUMENT', /peak must be a positive/);
    expectError(() => psnr(digit, digit, { peak: NaN }), 'INVALID_ARGUMENT', /peak must be a positive/);
    expectError(() => psnr(digit, digit, { capDb: Infinity }), 'INVALID_ARGUMENT', /capDb/);
  });
});
