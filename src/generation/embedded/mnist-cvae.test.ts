import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, MNIST_PIXELS } from '../../datasets/mnist.js';
import {
  dequantizeLatents, loadMnistCvae, meanPsnr, MNIST_CVAE_DIR, quantizeLatents, type MnistCvae,
} from './mnist-cvae.js';

/** 100 test images, every 20th of the split, so every class is in (the split is ordered by class). */
function testSubset(): { images: Uint8Array; labels: Uint8Array; count: number } {
  const test = loadMnist('test');
  const count = 100;
  const images = new Uint8Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const i = k * 20;
    images.set(test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    labels[k] = test.labels[i];
  }
  return { images, labels, count };
}

const card = JSON.parse(readFileSync(join(MNIST_CVAE_DIR, 'latent.json'), 'utf8')) as {
  testMetrics: { psnrPosteriorMeanDb: number; psnrLabelOnlyDb: number; klPerDimNats: number[] };
};

describe('mnist-cvae (embedded model)', () => {
  let cvae: MnistCvae;
  const sub = testSubset();
  beforeAll(async () => {
    cvae = await loadMnistCvae();
  });

  it('has an 8-dimensional latent with a proper quantization range', () => {
    expect(cvae.latentDim).toBe(8);
    expect(cvae.latentRange.lo).toHaveLength(8);
    cvae.latentRange.lo.forEach((lo, j) => expect(lo).toBeLessThan(cvae.latentRange.hi[j]));
  });

  it('the model card reports a latent that is not collapsed to the prior', () => {
    // Each dimension carries information beyond the label: KL well above 0.
    for (const kl of card.testMetrics.klPerDimNats) expect(kl).toBeGreaterThan(0.1);
  });

  it('encode → decode on 100 test images reaches the PSNR of the model card (−0.5 dB)', () => {
    const z = cvae.encode(sub.images, sub.labels, sub.count);
    expect(z).toBeInstanceOf(Float32Array);
    expect(z.length).toBe(sub.count * 8);
    const rec = cvae.decode(z, sub.labels, sub.count);
    expect(rec.length).toBe(sub.count * MNIST_PIXELS);
    const psnr = meanPsnr(sub.images, rec, sub.count);
    expect(psnr).toBeGreaterThanOrEqual(card.testMetrics.psnrPosteriorMeanDb - 0.5);
    expect(psnr).toBeGreaterThan(15);
    // The latent carries what the label does not: label-only regeneration is clearly worse.
    const labelOnly = meanPsnr(sub.images, cvae.decode(new Float32Array(sub.count * 8), sub.labels, sub.count), sub.count);
    expect(psnr).toBeGreaterThan(labelOnly + 2);
  });

  it('4-bit quantized latents lose little against unquantized ones', () => {
    const z = cvae.encode(sub.images, sub.labels, sub.count);
    const zq = dequantizeLatents(quantizeLatents(z, sub.count, cvae.latentRange, 4), sub.count, cvae.latentRange, 4);
    const a = meanPsnr(sub.images, cvae.decode(z, sub.labels, sub.count), sub.count);
    const b = meanPsnr(sub.images, cvae.decode(zq, sub.labels, sub.count), sub.count);
    expect(b).toBeLessThanOrEqual(a + 0.2);
    expect(b).toBeGreaterThan(a - 1.5);
  });

  it('decode is deterministic and depends on the label', () => {
    const z = cvae.encode(sub.images.subarray(0, 10 * MNIST_PIXELS), sub.labels.subarray(0, 10), 10);
    const labels = sub.labels.subarray(0, 10);
    const a = cvae.decode(z, labels, 10);
    const b = cvae.decode(z, labels, 10);
    expect(Array.from(b)).toEqual(Array.from(a));
    const other = labels.map((l) => (l + 5) % 10);
    expect(Array.from(cvae.decode(z, other, 10))).not.toEqual(Array.from(a));
  });

  it('handles count 0 and batches larger than one chunk consistently', () => {
    expect(cvae.encode(new Uint8Array(0), new Uint8Array(0), 0)).toHaveLength(0);
    const test = loadMnist('test');
    const n = 1100;
    const z = cvae.encode(test.images.subarray(0, n * MNIST_PIXELS), test.labels.subarray(0, n), n);
    const zLast = cvae.encode(test.images.subarray((n - 1) * MNIST_PIXELS, n * MNIST_PIXELS), test.labels.subarray(n - 1, n), 1);
    for (let j = 0; j < 8; j++) expect(z[(n - 1) * 8 + j]).toBeCloseTo(zLast[j], 4);
  });

  it('rejects bad sizes and labels with INVALID_ARGUMENT', () => {
    const bad = { code: 'INVALID_ARGUMENT' };
    expect(() => cvae.encode(new Uint8Array(783), new Uint8Array(1), 1)).toThrow(expect.objectContaining(bad));
    expect(() => cvae.encode(new Uint8Array(784), new Uint8Array(2), 1)).toThrow(expect.objectContaining(bad));
    expect(() => cvae.encode(new Uint8Array(784), Uint8Array.of(10), 1)).toThrow(expect.objectContaining(bad));
    expect(() => cvae.encode(new Uint8Array(784), new Uint8Array(1), 1.5)).toThrow(expect.objectContaining(bad));
    expect(() => cvae.decode(new Float32Array(7), new Uint8Array(1), 1)).toThrow(expect.objectContaining(bad));
    expect(() => cvae.decode(new Float32Array(8).fill(NaN), new Uint8Array(1), 1)).toThrow(expect.objectContaining(bad));
    expect(() => cvae.decode(new Float32Array(16), new Uint8Array(1), 2)).toThrow(expect.objectContaining(bad));
  });

  it('names the training command when the model folder is missing', async () => {
    await expect(loadMnistCvae({ dir: '/nonexistent/semcom-cvae' })).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/npm run train:cvae/) });
  });
});

describe('latent quantizer', () => {
  const range = { lo: [-2, 0], hi: [2, 1] };
  it('reconstructs within half a cell inside the range and clips outside', () => {
    const z = Float32Array.of(-1.9, 0.01, 0, 0.5, 1.99, 0.99, -7, 5, 3, -1, NaN, 0.3);
    const idx = quantizeLatents(z, 6, range, 3);
    const back = dequantizeLatents(idx, 6, range, 3);
    for (let i = 0; i < 6; i++) {
      const j = i % 2;
      const delta = (range.hi[j] - range.lo[j]) / 8;
      expect(idx[i]).toBeLessThan(8);
      expect(Math.abs(back[i] - z[i])).toBeLessThanOrEqual(delta / 2 + 1e-6);
    }
    expect(Array.from(idx.subarray(6, 10))).toEqual([0, 7, 7, 0]);
    expect(idx[10]).toBe(0);
    // Cell midpoints: index 3 of 8 over [0, 1] is 3.5/8.
    expect(back[11]).toBeCloseTo(0.3125, 6);
  });
  it('rejects bad arguments', () => {
    expect(() => quantizeLatents(new Float32Array(3), 2, range, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => quantizeLatents(new Float32Array(2), 1, range, 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => dequantizeLatents(Uint16Array.of(8, 0), 1, range, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => quantizeLatents(new Float32Array(2), 1, { lo: [0, 1], hi: [1, 1] }, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('meanPsnr', () => {
  it('matches 10·log10(255²/MSE) for a known error', () => {
    const a = new Uint8Array(2 * 784).fill(100);
    const b = a.slice();
    for (let p = 0; p < 784; p++) b[p] = 101; // image 0: MSE 1 → 48.13 dB
    for (let p = 784; p < 2 * 784; p += 2) b[p] = 110; // image 1: MSE 50 → 31.14 dB
    const expected = (10 * Math.log10(255 * 255) + 10 * Math.log10((255 * 255) / 50)) / 2;
    expect(meanPsnr(a, b, 2)).toBeCloseTo(expected, 10);
  });
});
