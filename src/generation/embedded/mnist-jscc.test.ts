import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { loadMnist, MNIST_PIXELS } from '../../datasets/mnist.js';
import { parseChannelSpec } from '../../phy/channel/index.js';
import { createAnalogLink } from '../../phy/link/analog-link.js';
import { loadMnistJscc, mnistJsccModelDir, normalizeAveragePower, MNIST_JSCC_CHANNEL_USES, type MnistJscc, type MnistJsccK } from './mnist-jscc.js';

interface Metrics {
  testPsnrDb: { awgn: { snrDb: number; psnrDb: number }[] };
}

/** 50 held-out images spread over the test split (it is ordered class by class, so a stride covers every digit). */
function testSample(): { images: Uint8Array; count: number } {
  const test = loadMnist('test');
  const count = 50;
  const stride = Math.floor(test.count / count);
  const images = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < count; i++) {
    images.set(test.images.subarray(i * stride * MNIST_PIXELS, (i * stride + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
  }
  return { images, count };
}

function meanPsnrDb(a: Uint8Array, b: Uint8Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let se = 0;
    for (let j = i * MNIST_PIXELS; j < (i + 1) * MNIST_PIXELS; j++) se += (a[j] - b[j]) ** 2;
    sum += se === 0 ? 100 : 10 * Math.log10((255 * 255 * MNIST_PIXELS) / se);
  }
  return sum / count;
}

function throughLink(jscc: MnistJscc, z: Float32Array, count: number, spec: string, snrDb: number, seed: number): Float32Array {
  const link = createAnalogLink({ channel: parseChannelSpec(spec) });
  const rng = Rng.stream(seed);
  const width = 2 * jscc.channelUses;
  const y = new Float32Array(z.length);
  for (let i = 0; i < count; i++) y.set(link.transmitReal(z.subarray(i * width, (i + 1) * width), snrDb, rng).y, i * width);
  return y;
}

describe('normalizeAveragePower', () => {
  it('scales each image to Σx² = k (P = 1 per complex use) and leaves an all-zero row alone', () => {
    const k = 3;
    const z = new Float32Array([1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0, -7, 0.5, 0, 0, 2, 1]);
    normalizeAveragePower(z, 3, k);
    for (const r of [0, 2]) {
      let e = 0;
      for (let i = 0; i < 2 * k; i++) e += z[r * 2 * k + i] ** 2;
      expect(e).toBeCloseTo(k, 5);
    }
    expect(Array.from(z.subarray(6, 12))).toEqual([0, 0, 0, 0, 0, 0]);
    // Direction is kept: the ratio of two entries does not change.
    expect(z[1] / z[0]).toBeCloseTo(2, 6);
  });
});

describe.each(MNIST_JSCC_CHANNEL_USES.map((k) => [k]))('embedded MNIST DeepJSCC, k = %i', (k: MnistJsccK) => {
  const sample = testSample();
  const metrics = JSON.parse(readFileSync(join(mnistJsccModelDir(k), 'metrics.json'), 'utf8')) as Metrics;

  it('loads, spends k channel uses per image, and emits what the analog link sends unscaled', async () => {
    const jscc = await loadMnistJscc(k);
    expect(jscc.channelUses).toBe(k);
    expect(jscc.bandwidthRatio).toBe(k / 784);
    const z = jscc.encode(sample.images, sample.count);
    expect(z.length).toBe(sample.count * 2 * k);
    const link = createAnalogLink({ channel: parseChannelSpec('awgn') });
    const rx = link.transmitReal(z.subarray(0, 2 * k), 10, Rng.stream(1));
    // Already at P = 1, so the link's power normalization is the identity and training saw the same scale.
    expect(rx.scale).toBeCloseTo(1, 5);
    expect(rx.channelUses).toBe(k);
  });

  it('matches its model card at 20 dB AWGN and degrades gracefully (monotone in SNR, no cliff)', async () => {
    const jscc = await loadMnistJscc(k);
    const z = jscc.encode(sample.images, sample.count);
    const snrs = [0, 5, 10, 15, 20];
    const psnr = snrs.map((snrDb) => meanPsnrDb(sample.images, jscc.decode(throughLink(jscc, z, sample.count, 'awgn', snrDb, 7), sample.count), sample.count));
    const card20 = metrics.testPsnrDb.awgn.find((r) => r.snrDb === 20)!.psnrDb;
    expect(psnr[4]).toBeGreaterThanOrEqual(card20 - 1);
    for (let i = 1; i < psnr.length; i++) expect(psnr[i]).toBeGreaterThan(psnr[i - 1]);
    // Graceful: even at 0 dB the digits are far better than a blank image (≈ 11 dB on MNIST), unlike a separated
    // digital scheme below its threshold.
    const blank = meanPsnrDb(sample.images, new Uint8Array(sample.images.length), sample.count);
    expect(psnr[0]).toBeGreaterThan(blank + 3);
  });

  it('is deterministic: same input, same seed, same bytes', async () => {
    const jscc = await loadMnistJscc(k);
    const a = jscc.encode(sample.images, sample.count);
    const b = jscc.encode(sample.images.slice(), sample.count);
    expect(b).toEqual(a);
    const ya = throughLink(jscc, a, sample.count, 'rayleigh', 10, 3);
    const yb = throughLink(jscc, b, sample.count, 'rayleigh', 10, 3);
    expect(jscc.decode(yb, sample.count)).toEqual(jscc.decode(ya, sample.count));
    // The link's float64 output decodes as its float32 rounding does.
    expect(jscc.decode(Float64Array.from(ya), sample.count)).toEqual(jscc.decode(ya, sample.count));
    // Encoding one image alone gives the same symbols as within a batch.
    expect(jscc.encode(sample.images.subarray(MNIST_PIXELS, 2 * MNIST_PIXELS), 1)).toEqual(a.subarray(2 * k, 4 * k));
  });

  it('rejects bad sizes and values with INVALID_ARGUMENT', async () => {
    const jscc = await loadMnistJscc(k);
    const bad = { code: 'INVALID_ARGUMENT' };
    expect(() => jscc.encode(new Uint8Array(783), 1)).toThrow(expect.objectContaining(bad));
    expect(() => jscc.encode(new Uint8Array(784 * 2), 1)).toThrow(expect.objectContaining(bad));
    expect(() => jscc.encode(new Uint8Array(0), 0)).toThrow(expect.objectContaining(bad));
    expect(() => jscc.encode(new Uint8Array(784), 1.5)).toThrow(expect.objectContaining(bad));
    expect(() => jscc.decode(new Float32Array(2 * k - 1), 1)).toThrow(expect.objectContaining(bad));
    expect(() => jscc.decode(new Float32Array(2 * k), 2)).toThrow(expect.objectContaining(bad));
    expect(() => jscc.decode(new Float32Array(2 * k).fill(Number.NaN), 1)).toThrow(expect.objectContaining(bad));
    await expect(loadMnistJscc(50 as MnistJsccK)).rejects.toMatchObject(bad);
  });
});

describe('loadMnistJscc with a missing model', () => {
  it('names the training command', async () => {
    await expect(loadMnistJscc(49, { dir: '/nonexistent/semcom-jscc' })).rejects.toThrow(/npm run train:jscc-k49/);
  });
});
