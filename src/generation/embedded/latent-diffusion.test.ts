import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { loadMnist } from '../../datasets/mnist.js';
import { cosineAlphaBars, gaussianFrechet, loadLatentDiffusion, timeEmbedding, type LatentDiffusion } from './latent-diffusion.js';
import { loadMnistCvae } from './mnist-cvae.js';

describe('latent diffusion prior (embedded model)', () => {
  let prior: LatentDiffusion;
  beforeAll(async () => {
    prior = await loadLatentDiffusion();
  });
  const labels = Uint8Array.from({ length: 20 }, (_, i) => i % 10);

  it('samples count × 8 finite latents, the same for the same seed and different for another', () => {
    expect(prior.latentDim).toBe(8);
    const a = prior.sample(labels, 20, Rng.stream(7), { steps: 20 });
    const b = prior.sample(labels, 20, Rng.stream(7), { steps: 20 });
    const c = prior.sample(labels, 20, Rng.stream(8), { steps: 20 });
    expect(a).toBeInstanceOf(Float32Array);
    expect(a.length).toBe(20 * 8);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
    expect(prior.sample(new Uint8Array(0), 0, Rng.stream(1))).toHaveLength(0);
  });

  it('full-length DDPM sampling is deterministic given the seed too', () => {
    const a = prior.sample(labels.subarray(0, 4), 4, Rng.stream(3));
    const b = prior.sample(labels.subarray(0, 4), 4, Rng.stream(3));
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('samples match the test latents of their class better than the cVAE prior N(0, I) does', async () => {
    // In a conditional VAE the class is carried by y, so class clusters in z overlap; the test
    // compares per-class distributions (Fréchet distance of fitted Gaussians), not just means.
    const cvae = await loadMnistCvae();
    const test = loadMnist('test');
    const testZ = cvae.encode(test.images, test.labels, test.count);
    const rows = (z: Float32Array, ls: Uint8Array, c: number) => {
      const out: number[] = [];
      for (let i = 0; i < ls.length; i++) if (ls[i] === c) out.push(...z.subarray(i * 8, (i + 1) * 8));
      return Float32Array.from(out);
    };
    const sampleLabels = Uint8Array.from({ length: 1000 }, (_, i) => i % 10);
    const z = prior.sample(sampleLabels, 1000, Rng.stream(11));
    const gauss = new Float32Array(1000 * 8);
    Rng.stream(12).fillNormal(gauss);
    let fdPrior = 0;
    let fdGauss = 0;
    for (let c = 0; c < 10; c++) {
      const ref = rows(testZ, test.labels, c);
      fdPrior += gaussianFrechet(rows(z, sampleLabels, c), ref, 8).frechet / 10;
      fdGauss += gaussianFrechet(rows(gauss, sampleLabels, c), ref, 8).frechet / 10;
    }
    expect(fdPrior).toBeLessThan(0.6 * fdGauss);
  });

  it('refine: strength 0 is the identity, larger strengths move further, all deterministic', () => {
    const z0 = prior.sample(labels, 20, Rng.stream(5), { steps: 20, eta: 0 });
    const zNoisy = z0.map((v, i) => v + (i % 3 === 0 ? 0.8 : -0.5));
    expect(Array.from(prior.refine(zNoisy, labels, 20, Rng.stream(1), { strength: 0 }))).toEqual(Array.from(zNoisy));
    const move = (s: number) => {
      const r = prior.refine(zNoisy, labels, 20, Rng.stream(2), { strength: s, steps: 10 });
      expect(Array.from(prior.refine(zNoisy, labels, 20, Rng.stream(2), { strength: s, steps: 10 }))).toEqual(Array.from(r));
      return r.reduce((a, v, i) => a + (v - zNoisy[i]) ** 2, 0);
    };
    const small = move(0.1);
    const large = move(0.9);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small);
  });

  it('rejects bad sizes and options with INVALID_ARGUMENT', () => {
    const bad = expect.objectContaining({ code: 'INVALID_ARGUMENT' });
    const rng = Rng.stream(1);
    expect(() => prior.sample(new Uint8Array(3), 2, rng)).toThrow(bad);
    expect(() => prior.sample(Uint8Array.of(10), 1, rng)).toThrow(bad);
    expect(() => prior.sample(new Uint8Array(1), 1, rng, { steps: 0 })).toThrow(bad);
    expect(() => prior.sample(new Uint8Array(1), 1, rng, { eta: 2 })).toThrow(bad);
    expect(() => prior.refine(new Float32Array(7), new Uint8Array(1), 1, rng, { strength: 0.3 })).toThrow(bad);
    expect(() => prior.refine(new Float32Array(8), new Uint8Array(1), 1, rng, { strength: 1.5 })).toThrow(bad);
    expect(() => prior.refine(new Float32Array(8).fill(Infinity), new Uint8Array(1), 1, rng, { strength: 0.5 })).toThrow(bad);
  });

  it('names the training command when the model folder is missing', async () => {
    await expect(loadLatentDiffusion({ dir: '/nonexistent/semcom-ld' })).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/train:latent-diffusion/) });
  });
});

describe('diffusion schedule and embedding', () => {
  it('cosine ᾱ falls from 1 to near 0, strictly', () => {
    const ab = cosineAlphaBars(100);
    expect(ab[0]).toBe(1);
    for (let t = 1; t <= 100; t++) expect(ab[t]).toBeLessThan(ab[t - 1]);
    expect(ab[100]).toBeLessThan(1e-3);
    // f(t)/f(0) before clipping: at t = T/2, cos²((0.5 + s)/(1 + s)·π/2)/cos²(s/(1+s)·π/2).
    const s = 0.008;
    expect(ab[50]).toBeCloseTo(Math.cos(((0.5 + s) / (1 + s)) * (Math.PI / 2)) ** 2 / Math.cos((s / (1 + s)) * (Math.PI / 2)) ** 2, 10);
  });
  it('time embedding is [sin ; cos] of t·ω_k', () => {
    const e = new Float32Array(8);
    timeEmbedding(0, 8, e);
    expect(Array.from(e)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    timeEmbedding(3, 8, e);
    expect(e[0]).toBeCloseTo(Math.sin(3), 6);
    expect(e[5]).toBeCloseTo(Math.cos(3 / 10), 6);
  });
});

describe('gaussianFrechet', () => {
  const rng = Rng.stream(42);
  const d = 3;
  const a = new Float32Array(500 * d);
  for (let i = 0; i < 500; i++) {
    const g = [rng.normal(), rng.normal(), rng.normal()];
    // Correlated columns, so the matrix square root is not trivial.
    a.set([g[0], 0.5 * g[0] + g[1], 2 * g[2] - g[1]], i * d);
  }
  it('is 0 for a sample against itself and ‖c‖² for a shifted copy', () => {
    expect(gaussianFrechet(a, a, d).frechet).toBeCloseTo(0, 6);
    const b = a.map((v, i) => v + [1, -2, 0.5][i % d]);
    const s = gaussianFrechet(a, b, d);
    expect(s.meanDistSq).toBeCloseTo(5.25, 4);
    expect(s.frechet).toBeCloseTo(5.25, 3);
  });
  it('equals ‖(1−k)μ‖² + (1−k)² tr Σ for a scaled copy', () => {
    const k = 1.7;
    const b = a.map((v) => v * k);
    const s = gaussianFrechet(a, b, d);
    expect(s.traceB / s.traceA).toBeCloseTo(k * k, 4);
    const muA = [0, 1, 2].map((j) => a.filter((_, i) => i % d === j).reduce((x, y) => x + y, 0) / 500);
    const expected = muA.reduce((x, m) => x + ((1 - k) * m) ** 2, 0) + (1 - k) ** 2 * s.traceA;
    expect(s.frechet).toBeCloseTo(expected, 3);
  });
  it('rejects samples that do not divide into rows', () => {
    expect(() => gaussianFrechet(new Float32Array(7), a, d)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
