/**
 * Structural similarity (SSIM) of grey-scale images.
 *
 * Z. Wang, A. C. Bovik, H. R. Sheikh, E. P. Simoncelli, "Image quality
 * assessment: from error visibility to structural similarity", IEEE Trans.
 * Image Processing 13(4):600–612, 2004. SSIM is the image metric of seed 000
 * Sec. IV-D (Fig. 4, SSIM versus SNR from 0 to 35 dB).
 *
 * At each position of a sliding window the paper compares local statistics of
 * the two images x and y (eq. 13, the form with C3 = C2/2):
 *
 *   SSIM(x, y) = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)),
 *   C1 = (K1 L)², C2 = (K2 L)²   (eqs. 7 and 9; K1 = 0.01, K2 = 0.03, L = 255 for 8-bit),
 *
 * with the statistics weighted by a circular-symmetric Gaussian window w of
 * standard deviation 1.5 samples normalised to unit sum (Sec. III-C, eqs. 14–16):
 *
 *   μx = Σ wᵢ xᵢ,   σx² = Σ wᵢ (xᵢ − μx)²,   σxy = Σ wᵢ (xᵢ − μx)(yᵢ − μy).
 *
 * The image score is the mean over all window positions, MSSIM (eq. 17). As in
 * the authors' reference code, only windows that lie wholly inside the image
 * count (the "valid" region, no padding): an H × W image and an n × n window
 * give (H − n + 1) × (W − n + 1) positions.
 *
 * Window size. The paper uses 11 × 11. On the small images this project sends
 * (MNIST digits, 28 × 28) an 11 × 11 window leaves 18 × 18 = 324 positions, 41 %
 * of the image, and the score ignores a 5-pixel frame. So the default here is
 * 11 × 11 for images whose smaller side is at least 64 pixels (valid region ≥ 71 %
 * of the image) and 7 × 7 below that (28 × 28 → 22 × 22 positions, 62 %), the
 * window side scikit-image uses by default; σ stays 1.5 in both, so the 7 × 7
 * window is the paper's Gaussian truncated at ±2σ (about 4 % of its mass cut off,
 * then renormalised to unit sum). A figure must state the window it used;
 * {@link defaultSsimWindow} tells which one the default picks.
 *
 * Computation. The Gaussian is separable, w(u, v) = g(u) g(v), so the five
 * local sums (x, y, x², y², xy) are filtered along rows and then along columns:
 * 2n multiply-adds per output per quantity instead of n². The variances are
 * taken as E[x²] − μx² in float64; with 8-bit values (≤ 255², 16 significant
 * digits) the cancellation error is below 1e-10, far under any reported digit.
 * The authors' images larger than 256 pixels are down-sampled first in their
 * later script (ssim.m, 2009); that step is not part of eq. 13 and is not done here.
 */
import { SemcomError } from '../core/errors.js';
import { checkImagePair, resolvePeak, type Pixels } from './validate.js';

/** The window side of Wang et al. (2004), Sec. III-C. */
export const SSIM_PAPER_WINDOW = 11;
/** The window side used by default for small images (smaller side below {@link SSIM_SMALL_IMAGE_SIDE}). */
export const SSIM_SMALL_IMAGE_WINDOW = 7;
/** Images whose smaller side is below this many pixels get the small window by default. */
export const SSIM_SMALL_IMAGE_SIDE = 64;
/** Standard deviation of the Gaussian window in samples (Wang et al. 2004, Sec. III-C). */
export const SSIM_SIGMA = 1.5;
/** K1 of eq. (7). */
export const SSIM_K1 = 0.01;
/** K2 of eq. (9). */
export const SSIM_K2 = 0.03;

/** Options of {@link ssim} and {@link ssimMap}. */
export interface SsimOptions {
  /** Odd window side n ≥ 3 (n × n window). Default: {@link defaultSsimWindow}(width, height). */
  windowSize?: number;
  /** Standard deviation of the Gaussian window in pixels. Default 1.5. */
  sigma?: number;
  /** K1 in C1 = (K1 L)². Default 0.01. Must be positive (K1 = 0 is undefined on flat regions). */
  k1?: number;
  /** K2 in C2 = (K2 L)². Default 0.03. Must be positive. */
  k2?: number;
  /**
   * Dynamic range L of the pixel values. Default: 255 when both images are
   * `Uint8Array`/`Uint8ClampedArray`, 1 when both are `Float32Array`/`Float64Array`
   * (then no pixel may exceed 1); other array types must state it.
   */
  dynamicRange?: number;
}

/** The local SSIM values over the valid region, with their mean. */
export interface SsimMapResult {
  /** Row-major local SSIM, `width` × `height` values; entry (i, j) is the window whose top-left pixel is (i, j). */
  readonly map: Float64Array;
  /** Image width − windowSize + 1. */
  readonly width: number;
  /** Image height − windowSize + 1. */
  readonly height: number;
  /** Mean of the map: MSSIM, eq. (17). */
  readonly mssim: number;
  /** The window side that was used. */
  readonly windowSize: number;
}

/**
 * The default window side for a width × height image: 11 (the paper's) when
 * min(width, height) ≥ 64, else 7. See the module comment for why.
 */
export function defaultSsimWindow(width: number, height: number): number {
  return Math.min(width, height) >= SSIM_SMALL_IMAGE_SIDE ? SSIM_PAPER_WINDOW : SSIM_SMALL_IMAGE_WINDOW;
}

/**
 * The 1-D Gaussian g of the separable window, normalised to unit sum, so that
 * w(u, v) = g(u)·g(v) is the paper's 2-D window normalised to unit sum
 * (the normalising constant of exp(−(u² + v²)/2σ²) factors the same way).
 */
export function gaussianWindow1d(size: number, sigma: number): Float64Array {
  if (!Number.isSafeInteger(size) || size < 1 || size % 2 === 0) {
    throw new SemcomError('INVALID_ARGUMENT', `gaussian window size must be a positive odd integer, got ${size}`);
  }
  if (!(Number.isFinite(sigma) && sigma > 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `gaussian window sigma must be a positive finite number, got ${sigma}`);
  }
  const g = new Float64Array(size);
  const r = (size - 1) / 2;
  let sum = 0;
  for (let k = 0; k < size; k++) {
    const u = k - r;
    g[k] = Math.exp(-(u * u) / (2 * sigma * sigma));
    sum += g[k];
  }
  for (let k = 0; k < size; k++) g[k] /= sum;
  return g;
}

interface ResolvedSsimOptions {
  windowSize: number;
  sigma: number;
  c1: number;
  c2: number;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `ssim: ${name} must be a positive finite number, got ${String(value)}`);
  }
  return value;
}

function resolveOptions(a: Pixels, b: Pixels, width: number, height: number, options: SsimOptions): ResolvedSsimOptions {
  checkImagePair(a, b, width, height, 'ssim');
  const windowSize = options.windowSize ?? defaultSsimWindow(width, height);
  if (!Number.isSafeInteger(windowSize) || windowSize < 3 || windowSize % 2 === 0) {
    throw new SemcomError('INVALID_ARGUMENT', `ssim: windowSize must be an odd integer ≥ 3, got ${String(windowSize)}`);
  }
  if (windowSize > width || windowSize > height) {
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `ssim: the ${windowSize} × ${windowSize} window is larger than the ${width} × ${height} image; pass a smaller odd windowSize (at most ${Math.min(width, height) - (Math.min(width, height) % 2 === 0 ? 1 : 0)})`,
    );
  }
  const sigma = positive(options.sigma, SSIM_SIGMA, 'sigma');
  const k1 = positive(options.k1, SSIM_K1, 'k1');
  const k2 = positive(options.k2, SSIM_K2, 'k2');
  const L = resolvePeak(a, b, options.dynamicRange, 'ssim', 'dynamicRange');
  return { windowSize, sigma, c1: (k1 * L) ** 2, c2: (k2 * L) ** 2 };
}

function compute(a: Pixels, b: Pixels, width: number, height: number, o: ResolvedSsimOptions, wantMap: boolean): SsimMapResult {
  const n = o.windowSize;
  const g = gaussianWindow1d(n, o.sigma);
  const outW = width - n + 1;
  const outH = height - n + 1;
  // Copy once into float64 so the inner loops see one array type (monomorphic)
  // whatever the caller passed; a plain loop, because Float64Array.from goes
  // through the iterator protocol and cost more than the filtering on 28 × 28.
  const x = new Float64Array(width * height);
  const y = new Float64Array(width * height);
  for (let i = 0; i < x.length; i++) {
    x[i] = a[i];
    y[i] = b[i];
  }

  // Horizontal pass: for every row and every valid column, the g-weighted sums
  // of x, y, x², y², xy; five planes of height × outW in one buffer.
  const plane = height * outW;
  const h = new Float64Array(5 * plane);
  for (let row = 0; row < height; row++) {
    const base = row * width;
    for (let col = 0; col < outW; col++) {
      let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      for (let k = 0; k < n; k++) {
        const w = g[k];
        const xv = x[base + col + k];
        const yv = y[base + col + k];
        const wx = w * xv;
        const wy = w * yv;
        sx += wx;
        sy += wy;
        sxx += wx * xv;
        syy += wy * yv;
        sxy += wx * yv;
      }
      const o0 = row * outW + col;
      h[o0] = sx;
      h[plane + o0] = sy;
      h[2 * plane + o0] = sxx;
      h[3 * plane + o0] = syy;
      h[4 * plane + o0] = sxy;
    }
  }

  // Vertical pass and eq. (13) at each valid position.
  const map = wantMap ? new Float64Array(outW * outH) : null;
  const { c1, c2 } = o;
  let total = 0;
  for (let row = 0; row < outH; row++) {
    for (let col = 0; col < outW; col++) {
      let mx = 0, my = 0, exx = 0, eyy = 0, exy = 0;
      let idx = row * outW + col;
      for (let k = 0; k < n; k++, idx += outW) {
        const w = g[k];
        mx += w * h[idx];
        my += w * h[plane + idx];
        exx += w * h[2 * plane + idx];
        eyy += w * h[3 * plane + idx];
        exy += w * h[4 * plane + idx];
      }
      const vx = exx - mx * mx;
      const vy = eyy - my * my;
      const cxy = exy - mx * my;
      const s = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
      if (map) map[row * outW + col] = s;
      total += s;
    }
  }
  const mssim = total / (outW * outH);
  if (!Number.isFinite(mssim)) {
    throw new SemcomError('INVALID_ARGUMENT', 'ssim: the images hold a non-finite value (NaN or ±Infinity)');
  }
  return { map: map ?? new Float64Array(0), width: outW, height: outH, mssim, windowSize: n };
}

/**
 * Mean SSIM (MSSIM, Wang et al. 2004 eqs. 13 and 17) of two grey-scale
 * width × height images given row-major, over the valid region (no padding).
 * Symmetric in a and b; 1 for identical images; in [−1, 1].
 *
 * @example ssim(digit, received, 28, 28)                       // 7 × 7 window, L = 255
 * @example ssim(x, xHat, 28, 28, { dynamicRange: 1 })          // floats in [0, 1]
 * @example ssim(a, b, 28, 28, { windowSize: 11 })              // the paper's window
 * @throws SemcomError `LENGTH_MISMATCH` if the images differ in length or do not
 *   hold width × height pixels; `INVALID_ARGUMENT` for non-positive or
 *   non-integer dimensions, an even or too small window, a window larger than
 *   the image, non-positive sigma/k1/k2/dynamicRange, non-finite pixels, or
 *   array types whose dynamic range cannot be inferred.
 */
export function ssim(a: Pixels, b: Pixels, width: number, height: number, options: SsimOptions = {}): number {
  return compute(a, b, width, height, resolveOptions(a, b, width, height, options), false).mssim;
}

/**
 * The local SSIM map behind {@link ssim}: one value of eq. (13) per valid
 * window position, with their mean. Same inputs, options and errors as `ssim`.
 */
export function ssimMap(a: Pixels, b: Pixels, width: number, height: number, options: SsimOptions = {}): SsimMapResult {
  return compute(a, b, width, height, resolveOptions(a, b, width, height, options), true);
}
