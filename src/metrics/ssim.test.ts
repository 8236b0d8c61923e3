import { describe, expect, it } from 'vitest';
import { ssim as ssimJs } from 'ssim.js';
import { SemcomError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { loadMnist, mnistImage, MNIST_SIDE } from '../datasets/mnist.js';
import { defaultSsimWindow, gaussianWindow1d, ssim, ssimMap, SSIM_K1, SSIM_K2 } from './ssim.js';

const W = MNIST_SIDE;
const H = MNIST_SIDE;
const set = loadMnist('test');

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

// ---- distortions of real digits ------------------------------------------

function clip8(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/** Additive white Gaussian noise of standard deviation `std` grey levels, rounded and clipped to 8 bits. */
function noisy(img: Uint8Array, std: number, rng: Rng): Uint8Array {
  const out = new Uint8Array(img.length);
  for (let i = 0; i < img.length; i++) out[i] = clip8(img[i] + std * rng.normal());
  return out;
}

/** 3 × 3 box blur with the border replicated. */
function blurred(img: Uint8Array): Uint8Array {
  const out = new Uint8Array(img.length);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      let s = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = Math.min(H - 1, Math.max(0, r + dr));
          const cc = Math.min(W - 1, Math.max(0, c + dc));
          s += img[rr * W + cc];
        }
      }
      out[r * W + c] = Math.round(s / 9);
    }
  }
  return out;
}

/** The digit moved by (dx, dy) pixels, the uncovered border filled with background 0. */
function shifted(img: Uint8Array, dx: number, dy: number): Uint8Array {
  const out = new Uint8Array(img.length);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (sr >= 0 && sr < H && sc >= 0 && sc < W) out[r * W + c] = img[sr * W + sc];
    }
  }
  return out;
}

/** The first test image of another class (set is ordered by class). */
function otherDigit(label: number): Uint8Array {
  for (let i = 0; i < set.count; i++) if (set.labels[i] === (label + 3) % 10) return mnistImage(set, i);
  throw new Error('no such class');
}

/** Test images spread over the classes: every 97th image. */
const picks = Array.from({ length: 12 }, (_, k) => k * 97);

function pairs(): { name: string; a: Uint8Array; b: Uint8Array }[] {
  const rng = Rng.stream(2004, 13);
  const out: { name: string; a: Uint8Array; b: Uint8Array }[] = [];
  for (const i of picks) {
    const a = mnistImage(set, i);
    out.push({ name: `#${i} noise σ=20`, a, b: noisy(a, 20, rng) });
    out.push({ name: `#${i} noise σ=60`, a, b: noisy(a, 60, rng) });
    out.push({ name: `#${i} blur`, a, b: blurred(a) });
    out.push({ name: `#${i} shift (2, 1)`, a, b: shifted(a, 2, 1) });
    out.push({ name: `#${i} other digit`, a, b: otherDigit(set.labels[i]) });
  }
  return out;
}

// ---- an independent, direct reference for eqs. (13)–(16) ------------------

/**
 * Eq. (13) evaluated the slow way: for each window, the 2-D Gaussian weights
 * exp(−(u² + v²)/2σ²) normalised to unit sum, and the centred sums of
 * eqs. (14)–(16) — no separability, no E[x²] − μ².
 */
function referenceMap(a: ArrayLike<number>, b: ArrayLike<number>, n: number, L: number, sigma = 1.5): { map: number[]; mu: number[] } {
  const r = (n - 1) / 2;
  const w: number[] = [];
  let ws = 0;
  for (let u = -r; u <= r; u++) {
    for (let v = -r; v <= r; v++) {
      const e = Math.exp(-(u * u + v * v) / (2 * sigma * sigma));
      w.push(e);
      ws += e;
    }
  }
  for (let k = 0; k < w.length; k++) w[k] /= ws;
  const c1 = (SSIM_K1 * L) ** 2;
  const c2 = (SSIM_K2 * L) ** 2;
  const map: number[] = [];
  const mu: number[] = [];
  for (let i = 0; i + n <= H; i++) {
    for (let j = 0; j + n <= W; j++) {
      let mx = 0, my = 0;
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) {
        mx += w[p * n + q] * a[(i + p) * W + j + q];
        my += w[p * n + q] * b[(i + p) * W + j + q];
      }
      let vx = 0, vy = 0, cxy = 0;
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) {
        const dx = a[(i + p) * W + j + q] - mx;
        const dy = b[(i + p) * W + j + q] - my;
        vx += w[p * n + q] * dx * dx;
        vy += w[p * n + q] * dy * dy;
        cxy += w[p * n + q] * dx * dy;
      }
      map.push(((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2)));
      mu.push(mx);
    }
  }
  return { map, mu };
}

/** ssim.js takes RGBA ImageData; a grey level g as (g, g, g, 255) comes back as g from its integer rgb2gray ((77 + 150 + 29)·g + 128) >> 8. */
function asImageData(img: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } {
  const data = new Uint8ClampedArray(4 * img.length);
  for (let i = 0; i < img.length; i++) {
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = img[i];
    data[4 * i + 3] = 255;
  }
  return { data, width: W, height: H };
}

// ---- tests -----------------------------------------------------------------

describe('gaussianWindow1d', () => {
  it('is a unit-sum symmetric Gaussian of the given σ', () => {
    const g = gaussianWindow1d(11, 1.5);
    expect(g.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    for (let k = 0; k < 5; k++) expect(g[k]).toBe(g[10 - k]);
    expect(g[6] / g[5]).toBeCloseTo(Math.exp(-1 / (2 * 1.5 * 1.5)), 15);
    expect(g[7] / g[5]).toBeCloseTo(Math.exp(-4 / (2 * 1.5 * 1.5)), 15);
  });
});

describe('ssim', () => {
  it('matches a direct evaluation of eqs. (13)–(16) at every window position', () => {
    let worst = 0;
    for (const { a, b } of pairs().slice(0, 15)) {
      for (const n of [7, 11]) {
        const ref = referenceMap(a, b, n, 255);
        const got = ssimMap(a, b, W, H, { windowSize: n });
        expect(got.width).toBe(W - n + 1);
        expect(got.height).toBe(H - n + 1);
        expect(got.map.length).toBe(ref.map.length);
        for (let k = 0; k < ref.map.length; k++) worst = Math.max(worst, Math.abs(got.map[k] - ref.map[k]));
        expect(got.mssim).toBeCloseTo(ref.map.reduce((s, v) => s + v, 0) / ref.map.length, 12);
        expect(ssim(a, b, W, H, { windowSize: n })).toBe(got.mssim);
      }
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('is 1 for identical images, flat ones included', () => {
    for (const i of picks) {
      const a = mnistImage(set, i);
      expect(ssim(a, a, W, H)).toBeCloseTo(1, 14);
      expect(ssim(a, Uint8Array.from(a), W, H, { windowSize: 11 })).toBeCloseTo(1, 14);
    }
    const flat = new Uint8Array(W * H).fill(77);
    expect(ssim(flat, flat, W, H)).toBe(1);
  });

  it('is symmetric and at most 1', () => {
    for (const { a, b } of pairs()) {
      const ab = ssim(a, b, W, H);
      expect(ssim(b, a, W, H)).toBeCloseTo(ab, 14);
      expect(ab).toBeLessThan(1);
      expect(ab).toBeGreaterThanOrEqual(-1);
    }
  });

  it('reduces to the luminance term of eq. (6) for a constant shift', () => {
    // y = x + c leaves σy = σx and σxy = σx², so the contrast-structure factor
    // (2σxy + C2)/(σx² + σy² + C2) is 1 and the local SSIM is
    // (2 μx (μx + c) + C1)/(μx² + (μx + c)² + C1). Floats with L = 255 so nothing clips.
    const c = 40;
    const C1 = (SSIM_K1 * 255) ** 2;
    for (const i of picks.slice(0, 4)) {
      const a = Float64Array.from(mnistImage(set, i));
      const b = a.map((v) => v + c);
      const got = ssimMap(a, b, W, H, { dynamicRange: 255 });
      const { mu } = referenceMap(a, a, got.windowSize, 255);
      let mean = 0;
      for (let k = 0; k < mu.length; k++) {
        const m = mu[k];
        const lum = (2 * m * (m + c) + C1) / (m * m + (m + c) * (m + c) + C1);
        expect(got.map[k]).toBeCloseTo(lum, 10);
        mean += lum / mu.length;
      }
      expect(got.mssim).toBeCloseTo(mean, 12);
      // Where the window sees only black background (μ = 0) the shift costs most: C1/(c² + C1).
      const background = mu.flatMap((m, k) => (m === 0 ? [k] : []));
      expect(background.length).toBeGreaterThan(0);
      for (const k of background) expect(got.map[k]).toBeCloseTo(C1 / (c * c + C1), 12);
    }
  });

  it('gives the same value for the [0, 1] form (SSIM is invariant to scaling the image and L together)', () => {
    for (const { a, b } of pairs().slice(0, 10)) {
      const fa = Float64Array.from(a, (v) => v / 255);
      const fb = Float64Array.from(b, (v) => v / 255);
      expect(ssim(fa, fb, W, H)).toBeCloseTo(ssim(a, b, W, H), 12);
    }
  });

  it('decreases as the noise grows', () => {
    const stds = [2, 5, 10, 20, 40, 80];
    const means = stds.map((std) => {
      let s = 0;
      for (const i of picks) s += ssim(mnistImage(set, i), noisy(mnistImage(set, i), std, Rng.stream(7, i, std)), W, H);
      return s / picks.length;
    });
    for (let k = 1; k < means.length; k++) expect(means[k]).toBeLessThan(means[k - 1]);
    expect(means[0]).toBeGreaterThan(0.9);
    // Measured when written: 0.967, 0.863, 0.744, 0.653, 0.576, 0.443.
    expect(means[means.length - 1]).toBeLessThan(0.5);
  });

  it('uses a 7 × 7 window below 64 pixels a side and the paper’s 11 × 11 from there', () => {
    expect(defaultSsimWindow(28, 28)).toBe(7);
    expect(defaultSsimWindow(63, 500)).toBe(7);
    expect(defaultSsimWindow(64, 64)).toBe(11);
    const { a, b } = pairs()[0];
    expect(ssim(a, b, W, H)).toBe(ssim(a, b, W, H, { windowSize: 7 }));
    expect(ssimMap(a, b, W, H).width).toBe(22);
    expect(ssim(a, b, W, H, { windowSize: 11 })).not.toBe(ssim(a, b, W, H));
  });

  it('agrees with ssim.js (Gaussian "original" method, same window, K1, K2, 8 bits) to 1e-6', () => {
    // ssim.js 'original' is a line-by-line port of the authors' ssim.m (filter2
    // with a normalised fspecial('gaussian', n, 1.5), 'valid' shape, eq. 13 per
    // window, mean of the map). Its automatic down-sampling is switched off
    // (it would not trigger at 28 × 28 anyway: round(28/256) = 0). Its sigma is
    // fixed at 1.5, which is our default. Both sides run in float64 and differ
    // only in summation order (2-D direct versus separable), so the agreement
    // is to rounding, far inside the 1e-6 asked for.
    let worstMean = 0;
    let worstLocal = 0;
    for (const { name, a, b } of pairs()) {
      for (const n of [7, 11]) {
        const theirs = ssimJs(asImageData(a), asImageData(b), {
          ssim: 'original',
          windowSize: n,
          k1: SSIM_K1,
          k2: SSIM_K2,
          bitDepth: 8,
          downsample: false,
        });
        const ours = ssimMap(a, b, W, H, { windowSize: n });
        expect(theirs.ssim_map.width, name).toBe(ours.width);
        expect(theirs.ssim_map.height, name).toBe(ours.height);
        expect(Math.abs(ours.mssim - theirs.mssim), `${name}, ${n} × ${n}`).toBeLessThan(1e-6);
        worstMean = Math.max(worstMean, Math.abs(ours.mssim - theirs.mssim));
        for (let k = 0; k < ours.map.length; k++) {
          worstLocal = Math.max(worstLocal, Math.abs(ours.map[k] - theirs.ssim_map.data[k]));
        }
      }
    }
    // Measured when written (60 pairs × 2 windows): mean 7.5e-16, local 1.5e-14;
    // 1e-12 leaves room for other platforms and would catch any wrong constant.
    expect(worstMean).toBeLessThan(1e-12);
    expect(worstLocal).toBeLessThan(1e-12);
  });

  it('rejects bad input with SemcomError and a clear message', () => {
    const a = mnistImage(set, 0);
    const b = mnistImage(set, 1);
    expectError(() => ssim(a, b.subarray(0, 700), W, H), 'LENGTH_MISMATCH', /differ in length \(784 vs 700\)/);
    expectError(() => ssim(a, b, 27, 28), 'LENGTH_MISMATCH', /27 × 28 image has 756 pixels.*784/);
    expectError(() => ssim(a, b, 0, 28), 'INVALID_ARGUMENT', /positive integers, got 0 × 28/);
    expectError(() => ssim(a, b, -28, -28), 'INVALID_ARGUMENT', /positive integers/);
    expectError(() => ssim(a, b, 28.5, 28), 'INVALID_ARGUMENT', /positive integers/);
    expectError(() => ssim(a, b, 28, 28, { windowSize: 29 }), 'INVALID_ARGUMENT', /29 × 29 window is larger than the 28 × 28 image.*at most 27/);
    expectError(() => ssim(a.subarray(0, 6 * 6), b.subarray(0, 6 * 6), 6, 6), 'INVALID_ARGUMENT', /7 × 7 window is larger than the 6 × 6 image.*at most 5/);
    expectError(() => ssim(a, b, 28, 28, { windowSize: 8 }), 'INVALID_ARGUMENT', /odd integer/);
    expectError(() => ssim(a, b, 28, 28, { windowSize: 1 }), 'INVALID_ARGUMENT', /odd integer ≥ 3/);
    expectError(() => ssim(a, b, 28, 28, { k1: 0 }), 'INVALID_ARGUMENT', /k1 must be a positive/);
    expectError(() => ssim(a, b, 28, 28, { sigma: -1 }), 'INVALID_ARGUMENT', /sigma/);
    expectError(() => ssim(a, b, 28, 28, { dynamicRange: 0 }), 'INVALID_ARGUMENT', /dynamicRange must be a positive/);
    expectError(() => ssim(Array.from(a), Array.from(b), 28, 28), 'INVALID_ARGUMENT', /cannot infer the dynamicRange/);
    expectError(() => ssim(Float64Array.from(a), Float64Array.from(b), 28, 28), 'INVALID_ARGUMENT', /\[0, 1\]/);
    const bad = Float64Array.from(a, (v) => v / 255);
    bad[400] = NaN;
    expectError(() => ssim(bad, bad, 28, 28), 'INVALID_ARGUMENT', /non-finite/);
    // A plain array with the dynamic range stated is fine.
    expect(ssim(Array.from(a), Array.from(a), 28, 28, { dynamicRange: 255 })).toBeCloseTo(1, 14);
  });
});
