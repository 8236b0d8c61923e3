/**
 * The embedded conditional VAE for MNIST digits (models/mnist-cvae/, trained
 * by training/train-cvae.ts): the semantic encoder q(z | x, y) and decoder
 * p(x | z, y) of the VAE-enabled generative SemCom transceiver (seed 003
 * Sec. II-A; Sohn et al., 2015, conditional VAE; Kingma and Welling, 2014).
 *
 * The transmitter sends the digit's label y and the posterior mean μ(x, y),
 * quantized over {@link MnistCvae.latentRange}; the receiver decodes
 * [z ; onehot(y)] into an image. With z = 0 (the prior mean) the decoder
 * regenerates a typical digit of class y from the label alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SemcomError } from '../../core/errors.js';
import { MNIST_CLASSES, MNIST_PIXELS } from '../../datasets/mnist.js';
import { psnr, PSNR_REPORT_CAP_DB } from '../../metrics/index.js';
import { loadModel, loadTf, type Tf } from '../tfjs.js';

type LayersModel = import('@tensorflow/tfjs').LayersModel;
type Tensor = import('@tensorflow/tfjs').Tensor;

/** Per-dimension interval a transmitter quantizes the latent over. */
export interface LatentRange {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

/** The loaded conditional VAE. */
export interface MnistCvae {
  /** Dimension d of z (8). */
  readonly latentDim: number;
  /** ±3σ of the train-set posterior means, per dimension (from latent.json). */
  readonly latentRange: LatentRange;
  /**
   * Posterior means μ(x, y): `count` images of 784 bytes and their labels
   * (0..9) to `count × latentDim` floats, row-major.
   */
  encode(images: Uint8Array, labels: Uint8Array, count: number): Float32Array;
  /**
   * Decoder means, rounded to bytes: `count × latentDim` latents and their
   * labels to `count × 784` pixels (0 = background, 255 = ink).
   */
  decode(latents: Float32Array, labels: Uint8Array, count: number): Uint8Array;
}

/** Where the trained model lives: models/mnist-cvae/ at the package root (from src/ or dist/). */
export const MNIST_CVAE_DIR = fileURLToPath(new URL('../../../models/mnist-cvae/', import.meta.url));
const TRAIN_HINT = 'npm run train:cvae';
/** Rows per tfjs call, to bound the memory of large batches. */
const CHUNK = 1024;

function checkCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: count must be a non-negative integer, got ${count}`);
  }
}

function checkLabels(labels: Uint8Array, count: number, what: string): void {
  if (!(labels instanceof Uint8Array) || labels.length !== count) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: expected ${count} labels (a Uint8Array), got ${labels?.length}`);
  }
  for (let i = 0; i < count; i++) {
    if (labels[i] >= MNIST_CLASSES) throw new SemcomError('INVALID_ARGUMENT', `${what}: label ${i} is ${labels[i]}, not a digit 0..9`);
  }
}

function readRange(dir: string): { latentDim: number; latentRange: LatentRange } {
  const path = join(dir, 'latent.json');
  let json: { latentDim?: unknown; latentRange?: { lo?: unknown; hi?: unknown } };
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read ${path}: ${(e as Error).message}; re-create it with \`${TRAIN_HINT}\``, { cause: e });
  }
  const d = json.latentDim;
  const lo = json.latentRange?.lo;
  const hi = json.latentRange?.hi;
  const ok = (a: unknown): a is number[] => Array.isArray(a) && a.length === d && a.every((v) => Number.isFinite(v));
  if (!Number.isInteger(d) || (d as number) < 1 || !ok(lo) || !ok(hi) || lo.some((v, j) => !(v < hi[j]))) {
    throw new SemcomError('MALFORMED_INPUT', `${path} has no valid latentDim and latentRange; re-create it with \`${TRAIN_HINT}\``);
  }
  return { latentDim: d as number, latentRange: { lo, hi } };
}

class TfMnistCvae implements MnistCvae {
  constructor(
    private readonly tf: Tf,
    private readonly encoder: LayersModel,
    private readonly decoder: LayersModel,
    readonly latentDim: number,
    readonly latentRange: LatentRange,
  ) {}

  encode(images: Uint8Array, labels: Uint8Array, count: number): Float32Array {
    checkCount(count, 'encode');
    if (!(images instanceof Uint8Array) || images.length !== count * MNIST_PIXELS) {
      throw new SemcomError('INVALID_ARGUMENT', `encode: expected ${count} × 784 = ${count * MNIST_PIXELS} pixel bytes, got ${images?.length}`);
    }
    checkLabels(labels, count, 'encode');
    const d = this.latentDim;
    const w = MNIST_PIXELS + MNIST_CLASSES;
    const out = new Float32Array(count * d);
    for (let from = 0; from < count; from += CHUNK) {
      const n = Math.min(CHUNK, count - from);
      const x = new Float32Array(n * w);
      for (let i = 0; i < n; i++) {
        const src = (from + i) * MNIST_PIXELS;
        for (let p = 0; p < MNIST_PIXELS; p++) x[i * w + p] = images[src + p] / 255;
        x[i * w + MNIST_PIXELS + labels[from + i]] = 1;
      }
      const y = this.tf.tidy(() => (this.encoder.predict(this.tf.tensor2d(x, [n, w])) as Tensor).dataSync() as Float32Array);
      // The encoder outputs [μ ; log σ²]; the transmitter sends μ.
      for (let i = 0; i < n; i++) out.set(y.subarray(i * 2 * d, i * 2 * d + d), (from + i) * d);
    }
    return out;
  }

  decode(latents: Float32Array, labels: Uint8Array, count: number): Uint8Array {
    checkCount(count, 'decode');
    const d = this.latentDim;
    if (!(latents instanceof Float32Array) || latents.length !== count * d) {
      throw new SemcomError('INVALID_ARGUMENT', `decode: expected ${count} × ${d} = ${count * d} latent floats, got ${latents?.length}`);
    }
    for (let i = 0; i < latents.length; i++) {
      if (!Number.isFinite(latents[i])) throw new SemcomError('INVALID_ARGUMENT', `decode: latent value ${i} is ${latents[i]}`);
    }
    checkLabels(labels, count, 'decode');
    const w = d + MNIST_CLASSES;
    const out = new Uint8Array(count * MNIST_PIXELS);
    for (let from = 0; from < count; from += CHUNK) {
      const n = Math.min(CHUNK, count - from);
      const x = new Float32Array(n * w);
      for (let i = 0; i < n; i++) {
        x.set(latents.subarray((from + i) * d, (from + i + 1) * d), i * w);
        x[i * w + d + labels[from + i]] = 1;
      }
      const p = this.tf.tidy(() => (this.decoder.predict(this.tf.tensor2d(x, [n, w])) as Tensor).dataSync() as Float32Array);
      const base = from * MNIST_PIXELS;
      for (let k = 0; k < p.length; k++) out[base + k] = Math.round(255 * p[k]);
    }
    return out;
  }
}

const cache = new Map<string, Promise<MnistCvae>>();

/**
 * Loads the embedded conditional VAE (once per directory and thread). A
 * missing or corrupt model is a `SemcomError` naming `npm run train:cvae`.
 * @param options.dir another folder with the same layout (encoder/, decoder/, latent.json)
 */
export function loadMnistCvae(options: { dir?: string } = {}): Promise<MnistCvae> {
  const dir = options.dir ?? MNIST_CVAE_DIR;
  let p = cache.get(dir);
  if (!p) {
    p = (async () => {
      const tf = await loadTf();
      const { latentDim, latentRange } = readRange(dir);
      const encoder = await loadModel(join(dir, 'encoder'), TRAIN_HINT);
      const decoder = await loadModel(join(dir, 'decoder'), TRAIN_HINT);
      const shapeOk = encoder.inputs[0].shape[1] === MNIST_PIXELS + MNIST_CLASSES && encoder.outputs[0].shape[1] === 2 * latentDim
        && decoder.inputs[0].shape[1] === latentDim + MNIST_CLASSES && decoder.outputs[0].shape[1] === MNIST_PIXELS;
      if (!shapeOk) throw new SemcomError('MALFORMED_INPUT', `the models in ${dir} do not match latentDim ${latentDim}; re-create them with \`${TRAIN_HINT}\``);
      return new TfMnistCvae(tf, encoder, decoder, latentDim, latentRange);
    })();
    cache.set(dir, p);
    p.catch(() => cache.delete(dir));
  }
  return p;
}

function checkQuant(count: number, range: LatentRange, bits: number, what: string): number {
  checkCount(count, what);
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new SemcomError('INVALID_ARGUMENT', `${what}: bits must be an integer in [1, 16], got ${bits}`);
  const d = range.lo.length;
  if (d < 1 || range.hi.length !== d || range.lo.some((v, j) => !(v < range.hi[j]))) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: latent range needs lo[j] < hi[j] for each of its dimensions`);
  }
  return d;
}

/**
 * Uniform scalar quantizer of the latents, per dimension j: 2^bits cells of
 * width Δ_j = (hi_j − lo_j) / 2^bits over [lo_j, hi_j]; values outside are
 * clipped to the end cells. Returns the cell indices (count × d).
 */
export function quantizeLatents(latents: Float32Array, count: number, range: LatentRange, bits: number): Uint16Array {
  const d = checkQuant(count, range, bits, 'quantizeLatents');
  if (latents.length !== count * d) throw new SemcomError('INVALID_ARGUMENT', `quantizeLatents: expected ${count * d} values, got ${latents.length}`);
  const levels = 2 ** bits;
  const out = new Uint16Array(count * d);
  for (let i = 0; i < count * d; i++) {
    const j = i % d;
    const u = ((latents[i] - range.lo[j]) / (range.hi[j] - range.lo[j])) * levels;
    // NaN clips to cell 0 (Math.max of NaN would propagate).
    out[i] = u >= levels - 1 ? levels - 1 : u > 0 ? Math.floor(u) : 0;
  }
  return out;
}

/** Inverse of {@link quantizeLatents}: each index to its cell's midpoint lo_j + (k + ½)·Δ_j. */
export function dequantizeLatents(indices: Uint16Array, count: number, range: LatentRange, bits: number): Float32Array {
  const d = checkQuant(count, range, bits, 'dequantizeLatents');
  if (indices.length !== count * d) throw new SemcomError('INVALID_ARGUMENT', `dequantizeLatents: expected ${count * d} indices, got ${indices.length}`);
  const levels = 2 ** bits;
  const out = new Float32Array(count * d);
  for (let i = 0; i < count * d; i++) {
    const j = i % d;
    if (indices[i] >= levels) throw new SemcomError('INVALID_ARGUMENT', `dequantizeLatents: index ${indices[i]} needs more than ${bits} bits`);
    out[i] = range.lo[j] + ((indices[i] + 0.5) * (range.hi[j] - range.lo[j])) / levels;
  }
  return out;
}

/**
 * Mean over images of the per-image PSNR 10·log10(255² / MSE) between two sets
 * of `count` 784-byte images (the metrics layer's PSNR, an exact copy capped
 * at 100 dB so the mean stays finite).
 */
export function meanPsnr(a: Uint8Array, b: Uint8Array, count: number): number {
  checkCount(count, 'meanPsnr');
  if (count === 0 || a.length !== count * MNIST_PIXELS || b.length !== a.length) {
    throw new SemcomError('INVALID_ARGUMENT', `meanPsnr: expected two sets of ${count} × 784 bytes (count ≥ 1), got ${a.length} and ${b.length}`);
  }
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const at = i * MNIST_PIXELS;
    sum += psnr(a.subarray(at, at + MNIST_PIXELS), b.subarray(at, at + MNIST_PIXELS), { capDb: PSNR_REPORT_CAP_DB });
  }
  return sum / count;
}
