/**
 * The embedded latent diffusion prior (models/mnist-latent-diffusion/, trained
 * by training/train-latent-diffusion.ts): a label-conditioned DDPM (Ho, Jain
 * and Abbeel, 2020) over the 8-dimensional latent space of the MNIST
 * conditional VAE (mnist-cvae.ts), in the spirit of latent diffusion
 * (Rombach et al., 2022; seed 003 Sec. II-C).
 *
 * Forward process, per standardized latent u = (z − m) / s:
 *   q(u_t | u_0) = N(√ᾱ_t · u_0, (1 − ᾱ_t) I),  t = 1..T,
 * with the cosine schedule ᾱ_t = f(t) / f(0), f(t) = cos²((t/T + 0.008) / 1.008 · π/2)
 * (Nichol and Dhariwal, 2021). An MLP ε_θ(u_t, onehot(y), emb(t)) predicts the
 * noise; it was trained with the simple loss ‖ε − ε_θ‖² of Ho et al. (2020),
 * dropping the label 10 % of the time (all-zero one-hot) so that
 * classifier-free guidance (Ho and Salimans, 2021) is available.
 *
 * Sampling uses the generalized DDIM update (Song, Meng and Ermon, 2021, eq. 12)
 * on a subsequence τ of the T steps:
 *   û_0 = (u_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t,
 *   σ_t = η · √((1 − ᾱ_prev) / (1 − ᾱ_t)) · √(1 − ᾱ_t / ᾱ_prev),
 *   u_prev = √ᾱ_prev · û_0 + √(1 − ᾱ_prev − σ_t²) · ε̂ + σ_t · ξ,  ξ ~ N(0, I).
 * With all T steps and η = 1 this is DDPM's ancestral sampler with σ_t² = β̃_t;
 * η = 0 is the deterministic DDIM sampler. Every draw comes from the Rng passed in.
 *
 * `refine` is SDEdit (Meng et al., 2022): noise given latents to step
 * t₀ = strength·T and denoise back, which pulls corrupted or coarsely
 * quantized latents toward the learned class-conditional distribution (the
 * receiver-side semantic calibration of seeds 002 and 004).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { symmetricEigen } from '../../core/linalg.js';
import { MNIST_CLASSES } from '../../datasets/mnist.js';
import { loadModel, loadTf, type Tf } from '../tfjs.js';

type LayersModel = import('@tensorflow/tfjs').LayersModel;
type Tensor = import('@tensorflow/tfjs').Tensor;

/** Sampler settings shared by {@link LatentDiffusion.sample} and {@link LatentDiffusion.refine}. */
export interface DiffusionSamplerOptions {
  /** Denoising steps (a subsequence of the schedule); default: every step, T for `sample`. */
  steps?: number;
  /** DDIM η in [0, 1]: 1 (default) is DDPM's ancestral sampler, 0 is deterministic DDIM. */
  eta?: number;
  /** Classifier-free guidance weight w ≥ 0: ε̃ = (1 + w)·ε(u, y) − w·ε(u, ∅); default 0 (plain conditional). */
  guidance?: number;
}

/** Options of {@link LatentDiffusion.refine}. */
export interface RefineOptions extends DiffusionSamplerOptions {
  /** Share of the diffusion to go through, in [0, 1]: the latents are noised to step round(strength·T). */
  strength: number;
}

/** The loaded latent diffusion prior. */
export interface LatentDiffusion {
  /** Dimension of the latents (the cVAE's d = 8). */
  readonly latentDim: number;
  /** Number of diffusion steps T of the schedule. */
  readonly steps: number;
  /** `count` latents (count × latentDim, row-major) drawn from p(z | y) for the given labels. */
  sample(labels: Uint8Array, count: number, rng: Rng, options?: DiffusionSamplerOptions): Float32Array;
  /** SDEdit: noise `latents` to step round(strength·T) and denoise them under their labels. */
  refine(latents: Float32Array, labels: Uint8Array, count: number, rng: Rng, options: RefineOptions): Float32Array;
}

/** Where the trained model lives: models/mnist-latent-diffusion/ at the package root (from src/ or dist/). */
export const LATENT_DIFFUSION_DIR = fileURLToPath(new URL('../../../models/mnist-latent-diffusion/', import.meta.url));
const TRAIN_HINT = 'npm run train:latent-diffusion';

/** ᾱ_0..ᾱ_T of the cosine schedule (Nichol and Dhariwal, 2021), with ᾱ_0 = 1 and β_t clipped at 0.999. */
export function cosineAlphaBars(T: number): Float64Array {
  if (!Number.isInteger(T) || T < 1) throw new SemcomError('INVALID_ARGUMENT', `the schedule needs an integer T ≥ 1, got ${T}`);
  const s = 0.008;
  const f = (t: number) => Math.cos(((t / T + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  const ab = new Float64Array(T + 1);
  ab[0] = 1;
  for (let t = 1; t <= T; t++) {
    const beta = Math.min(1 - f(t) / f(t - 1), 0.999);
    ab[t] = ab[t - 1] * (1 - beta);
  }
  return ab;
}

/**
 * Sinusoidal embedding of step t (Vaswani et al., 2017, as in DDPM):
 * [sin(t·ω_k) ; cos(t·ω_k)], ω_k = 10000^(−k / (dim/2)), k = 0..dim/2 − 1, written at out[offset..].
 */
export function timeEmbedding(t: number, dim: number, out: Float32Array, offset = 0): void {
  const half = dim >> 1;
  for (let k = 0; k < half; k++) {
    const w = Math.exp((-Math.log(10000) * k) / half);
    out[offset + k] = Math.sin(t * w);
    out[offset + half + k] = Math.cos(t * w);
  }
}

/** The stored settings of a trained prior (diffusion.json). */
export interface DiffusionConfig {
  latentDim: number;
  T: number;
  timeEmbedDim: number;
  /** Per-dimension mean m and std s of the training latents: the network works on u = (z − m) / s. */
  latentMean: number[];
  latentStd: number[];
  /** Bound on |û_0| in standardized units while sampling (the largest |u| of the training latents, rounded up). */
  clip: number;
}

function readConfig(dir: string): DiffusionConfig {
  const path = join(dir, 'diffusion.json');
  let c: Partial<DiffusionConfig>;
  try {
    c = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read ${path}: ${(e as Error).message}; re-create it with \`${TRAIN_HINT}\``, { cause: e });
  }
  const d = c.latentDim;
  const vec = (a: unknown, positive: boolean) =>
    Array.isArray(a) && a.length === d && a.every((v) => Number.isFinite(v) && (!positive || v > 0));
  if (!Number.isInteger(d) || !Number.isInteger(c.T) || (c.T as number) < 1 || !Number.isInteger(c.timeEmbedDim)
    || typeof c.clip !== 'number' || !(c.clip > 0)
    || !vec(c.latentMean, false) || !vec(c.latentStd, true)) {
    throw new SemcomError('MALFORMED_INPUT', `${path} is not a valid diffusion config; re-create it with \`${TRAIN_HINT}\``);
  }
  return c as DiffusionConfig;
}

/**
 * The network's input row for every item: [u_t (d) ; onehot(y) or 0 (10) ; emb(t)].
 * Exported for the training script, which must build the same rows.
 */
export function diffusionInputWidth(cfg: Pick<DiffusionConfig, 'latentDim' | 'timeEmbedDim'>): number {
  return cfg.latentDim + MNIST_CLASSES + cfg.timeEmbedDim;
}

class TfLatentDiffusion implements LatentDiffusion {
  readonly latentDim: number;
  readonly steps: number;
  private readonly alphaBar: Float64Array;

  constructor(private readonly tf: Tf, private readonly net: LayersModel, private readonly cfg: DiffusionConfig) {
    this.latentDim = cfg.latentDim;
    this.steps = cfg.T;
    this.alphaBar = cosineAlphaBars(cfg.T);
  }

  sample(labels: Uint8Array, count: number, rng: Rng, options: DiffusionSamplerOptions = {}): Float32Array {
    this.checkLabels(labels, count, 'sample');
    const steps = this.checkOptions(options, this.cfg.T, 'sample');
    const u = new Float32Array(count * this.latentDim);
    rng.fillNormal(u);
    this.denoise(u, labels, count, this.cfg.T, steps, options, rng);
    return this.fromStandard(u);
  }

  refine(latents: Float32Array, labels: Uint8Array, count: number, rng: Rng, options: RefineOptions): Float32Array {
    this.checkLabels(labels, count, 'refine');
    const d = this.latentDim;
    if (!(latents instanceof Float32Array) || latents.length !== count * d) {
      throw new SemcomError('INVALID_ARGUMENT', `refine: expected ${count} × ${d} = ${count * d} latent floats, got ${latents?.length}`);
    }
    for (let i = 0; i < latents.length; i++) {
      if (!Number.isFinite(latents[i])) throw new SemcomError('INVALID_ARGUMENT', `refine: latent value ${i} is ${latents[i]}`);
    }
    const strength = options?.strength;
    if (typeof strength !== 'number' || !(strength >= 0 && strength <= 1)) {
      throw new SemcomError('INVALID_ARGUMENT', `refine: strength must be a number in [0, 1], got ${strength}`);
    }
    const t0 = Math.round(strength * this.cfg.T);
    const steps = this.checkOptions(options, Math.max(t0, 1), 'refine');
    if (t0 === 0) return latents.slice();
    // u_{t0} = √ᾱ u_0 + √(1 − ᾱ) ε: the forward process in closed form (Ho et al., 2020, eq. 4).
    const u = this.toStandard(latents);
    const a = Math.sqrt(this.alphaBar[t0]);
    const b = Math.sqrt(1 - this.alphaBar[t0]);
    const eps = new Float32Array(u.length);
    rng.fillNormal(eps);
    for (let i = 0; i < u.length; i++) u[i] = a * u[i] + b * eps[i];
    this.denoise(u, labels, count, t0, Math.min(steps, t0), options, rng);
    return this.fromStandard(u);
  }

  /** Runs the DDIM/DDPM update from step tStart down to 0 in `steps` steps, in place on u. */
  private denoise(u: Float32Array, labels: Uint8Array, count: number, tStart: number, steps: number, options: DiffusionSamplerOptions, rng: Rng): void {
    if (count === 0) return;
    const eta = options.eta ?? 1;
    const w = options.guidance ?? 0;
    const d = this.latentDim;
    const width = diffusionInputWidth(this.cfg);
    const emb = this.cfg.timeEmbedDim;
    const clip = this.cfg.clip;
    // τ_i = round(i·tStart/steps), i = steps..1, then 0; distinct because steps ≤ tStart.
    const taus: number[] = [];
    for (let i = steps; i >= 1; i--) taus.push(Math.round((i * tStart) / steps));
    taus.push(0);
    const rows = w > 0 ? 2 * count : count;
    const input = new Float32Array(rows * width);
    // Labels (and, with guidance, the null-label copies) do not change across steps.
    for (let i = 0; i < count; i++) input[i * width + d + labels[i]] = 1;
    const xi = new Float32Array(count * d);
    for (let k = 0; k + 1 < taus.length; k++) {
      const t = taus[k];
      const tPrev = taus[k + 1];
      const abT = this.alphaBar[t];
      const abP = this.alphaBar[tPrev];
      for (let r = 0; r < rows; r++) {
        input.set(u.subarray((r % count) * d, (r % count + 1) * d), r * width);
        timeEmbedding(t, emb, input, r * width + d + MNIST_CLASSES);
      }
      const out = this.tf.tidy(() => (this.net.predict(this.tf.tensor2d(input, [rows, width])) as Tensor).dataSync() as Float32Array);
      const sigma = eta * Math.sqrt((1 - abP) / (1 - abT)) * Math.sqrt(1 - abT / abP);
      const cEps = Math.sqrt(Math.max(1 - abP - sigma * sigma, 0));
      if (sigma > 0) rng.fillNormal(xi);
      for (let i = 0; i < count * d; i++) {
        let e = w > 0 ? (1 + w) * out[i] - w * out[count * d + i] : out[i];
        let u0 = (u[i] - Math.sqrt(1 - abT) * e) / Math.sqrt(abT);
        // Near t = T, ᾱ_t is tiny and 1/√ᾱ_t multiplies any error of ε̂ (β_T = 0.999 under the cosine
        // schedule): clip û_0 to the range of the training latents and take the ε consistent with it.
        if (u0 > clip || u0 < -clip) {
          u0 = u0 > clip ? clip : -clip;
          e = (u[i] - Math.sqrt(abT) * u0) / Math.sqrt(1 - abT);
        }
        u[i] = Math.sqrt(abP) * u0 + cEps * e + (sigma > 0 ? sigma * xi[i] : 0);
      }
    }
  }

  private toStandard(z: Float32Array): Float32Array {
    const d = this.latentDim;
    const u = new Float32Array(z.length);
    for (let i = 0; i < z.length; i++) u[i] = (z[i] - this.cfg.latentMean[i % d]) / this.cfg.latentStd[i % d];
    return u;
  }

  private fromStandard(u: Float32Array): Float32Array {
    const d = this.latentDim;
    for (let i = 0; i < u.length; i++) u[i] = u[i] * this.cfg.latentStd[i % d] + this.cfg.latentMean[i % d];
    return u;
  }

  private checkLabels(labels: Uint8Array, count: number, what: string): void {
    if (!Number.isInteger(count) || count < 0) throw new SemcomError('INVALID_ARGUMENT', `${what}: count must be a non-negative integer, got ${count}`);
    if (!(labels instanceof Uint8Array) || labels.length !== count) {
      throw new SemcomError('INVALID_ARGUMENT', `${what}: expected ${count} labels (a Uint8Array), got ${labels?.length}`);
    }
    for (let i = 0; i < count; i++) {
      if (labels[i] >= MNIST_CLASSES) throw new SemcomError('INVALID_ARGUMENT', `${what}: label ${i} is ${labels[i]}, not a digit 0..9`);
    }
  }

  private checkOptions(o: DiffusionSamplerOptions, maxSteps: number, what: string): number {
    const steps = o?.steps ?? maxSteps;
    if (!Number.isInteger(steps) || steps < 1) throw new SemcomError('INVALID_ARGUMENT', `${what}: steps must be a positive integer, got ${steps}`);
    const eta = o?.eta ?? 1;
    if (typeof eta !== 'number' || !(eta >= 0 && eta <= 1)) throw new SemcomError('INVALID_ARGUMENT', `${what}: eta must be in [0, 1], got ${eta}`);
    const w = o?.guidance ?? 0;
    if (typeof w !== 'number' || !(w >= 0 && w <= 20)) throw new SemcomError('INVALID_ARGUMENT', `${what}: guidance must be in [0, 20], got ${w}`);
    return Math.min(steps, maxSteps);
  }
}

const cache = new Map<string, Promise<LatentDiffusion>>();

/**
 * Loads the embedded latent diffusion prior (once per directory and thread).
 * A missing or corrupt model is a `SemcomError` naming `npm run train:latent-diffusion`.
 * @param options.dir another folder with the same layout (model.json, weights.bin, diffusion.json)
 */
export function loadLatentDiffusion(options: { dir?: string } = {}): Promise<LatentDiffusion> {
  const dir = options.dir ?? LATENT_DIFFUSION_DIR;
  let p = cache.get(dir);
  if (!p) {
    p = (async () => {
      const tf = await loadTf();
      const cfg = readConfig(dir);
      const net = await loadModel(dir, TRAIN_HINT);
      if (net.inputs[0].shape[1] !== diffusionInputWidth(cfg) || net.outputs[0].shape[1] !== cfg.latentDim) {
        throw new SemcomError('MALFORMED_INPUT', `the network in ${dir} does not match diffusion.json; re-create it with \`${TRAIN_HINT}\``);
      }
      return new TfLatentDiffusion(tf, net, cfg);
    })();
    cache.set(dir, p);
    p.catch(() => cache.delete(dir));
  }
  return p;
}

/** Gaussian statistics of two samples of d-dimensional vectors and the Fréchet distance between the fitted Gaussians. */
export interface FrechetStats {
  /** ‖μ_a − μ_b‖². */
  meanDistSq: number;
  /** tr Σ_a and tr Σ_b. */
  traceA: number;
  traceB: number;
  /** ‖μ_a − μ_b‖² + tr(Σ_a + Σ_b − 2 (Σ_a Σ_b)^{1/2}) (Dowson and Landau, 1982; the statistic of FID). */
  frechet: number;
}

function moments(x: Float32Array, d: number): { mean: Float64Array; cov: Float64Array } {
  const n = x.length / d;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const a = x[i * d + j] - mean[j];
      for (let k = 0; k < d; k++) cov[j * d + k] += (a * (x[i * d + k] - mean[k])) / (n - 1);
    }
  }
  return { mean, cov };
}

/**
 * Fits a Gaussian to each of two samples (rows of d values) and returns the
 * Fréchet distance between them. tr (Σ_a Σ_b)^{1/2} is computed as the sum of
 * the square roots of the eigenvalues of Σ_a^{1/2} Σ_b Σ_a^{1/2}, which has
 * the same spectrum and is symmetric.
 */
export function gaussianFrechet(a: Float32Array, b: Float32Array, d: number): FrechetStats {
  if (!Number.isInteger(d) || d < 1 || a.length % d !== 0 || b.length % d !== 0 || a.length < 2 * d || b.length < 2 * d) {
    throw new SemcomError('INVALID_ARGUMENT', `gaussianFrechet: need at least two rows of ${d} values in each sample, got ${a.length} and ${b.length} values`);
  }
  const ma = moments(a, d);
  const mb = moments(b, d);
  let meanDistSq = 0;
  let traceA = 0;
  let traceB = 0;
  for (let j = 0; j < d; j++) {
    meanDistSq += (ma.mean[j] - mb.mean[j]) ** 2;
    traceA += ma.cov[j * d + j];
    traceB += mb.cov[j * d + j];
  }
  // Σ_a^{1/2} = V diag(√λ) Vᵀ.
  const ea = symmetricEigen(ma.cov, d);
  const sq = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) {
      let s = 0;
      // symmetricEigen returns the eigenvectors as rows: vectors[l·d + i] is component i of eigenvector l.
      for (let l = 0; l < d; l++) s += ea.vectors[l * d + i] * Math.sqrt(Math.max(ea.values[l], 0)) * ea.vectors[l * d + k];
      sq[i * d + k] = s;
    }
  }
  const tmp = new Float64Array(d * d);
  const inner = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) {
    let s = 0;
    for (let l = 0; l < d; l++) s += sq[i * d + l] * mb.cov[l * d + k];
    tmp[i * d + k] = s;
  }
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) {
    let s = 0;
    for (let l = 0; l < d; l++) s += tmp[i * d + l] * sq[l * d + k];
    inner[i * d + k] = s;
  }
  for (let i = 0; i < d; i++) for (let k = i + 1; k < d; k++) {
    const m = (inner[i * d + k] + inner[k * d + i]) / 2;
    inner[i * d + k] = m;
    inner[k * d + i] = m;
  }
  const ev = symmetricEigen(inner, d).values;
  let trSqrt = 0;
  for (const l of ev) trSqrt += Math.sqrt(Math.max(l, 0));
  return { meanDistSq, traceA, traceB, frechet: Math.max(meanDistSq + traceA + traceB - 2 * trSqrt, 0) };
}
