/**
 * Embedded learned JSCC for MNIST digits (classical SemCom, scheme 2): the
 * DeepJSCC idea of Bourtsoulatze, Kurka and Gündüz ("Deep joint source-channel
 * coding for wireless image transmission", IEEE TCCN 2019) on 28 × 28 digits.
 *
 * The encoder maps the n = 784 pixels of an image straight to 2k real values,
 * k complex channel symbols, with no quantization and no channel code; the
 * decoder maps the noisy symbols back to pixels. Because nothing is
 * quantized, the reconstruction degrades gracefully as the SNR falls instead
 * of breaking at a threshold like a separated digital scheme (the "cliff
 * effect" the paper's Fig. 4 shows).
 *
 * Both networks are trained end to end by `training/train-jscc.ts` with an
 * AWGN channel between them; the weights live in `models/mnist-jscc-k<k>/`
 * (`encoder/`, `decoder/`, `README.md` model card, `metrics.json`).
 *
 * The last step of the encoder, the average power normalization of the
 * paper's Eq. (2), is done here in plain code rather than as a layer of the
 * saved model: tfjs has no built-in layer for it, and a custom layer would
 * have to be registered before every load. Training applies the same formula
 * with tensor ops, so the decoder sees the same statistics in both places.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SemcomError } from '../../core/errors.js';
import { loadModel, loadTf } from '../tfjs.js';

type LayersModel = import('@tensorflow/tfjs').LayersModel;
type Tensor = import('@tensorflow/tfjs').Tensor;

/** Source dimension n of one MNIST image (28 × 28 grey values). */
export const MNIST_JSCC_SOURCE_DIMS = 784;

/** Numbers of complex channel uses per image for which models are trained (bandwidth ratios 1/16 and 1/8). */
export const MNIST_JSCC_CHANNEL_USES = [49, 98] as const;

/** A trained number of complex channel uses per image. */
export type MnistJsccK = (typeof MNIST_JSCC_CHANNEL_USES)[number];

/** A loaded encoder/decoder pair. */
export interface MnistJscc {
  /** Complex channel uses per image (k); the encoder emits 2k reals per image. */
  readonly channelUses: number;
  /** Bandwidth ratio k/n. */
  readonly bandwidthRatio: number;
  /**
   * Encodes `count` images (count × 784 bytes, 0 = background) into
   * count × 2k reals, two per complex channel use, each image normalized to
   * an average power of 1 per complex use ((1/k) Σ |x_i|² = 1), the
   * normalization `createAnalogLink` applies, so the link leaves them unscaled.
   */
  encode(images: Uint8Array, count: number): Float32Array;
  /**
   * Decodes count × 2k received reals (the `y` of `transmitReal`, in the
   * encoder's units; float64 is accepted and rounded to float32) into
   * count × 784 bytes.
   */
  decode(received: Float32Array | Float64Array, count: number): Uint8Array;
}

/** Command that re-creates the weights for `k`, for error messages and the model card. */
export function mnistJsccTrainCommand(k: MnistJsccK): string {
  return `npm run train:jscc-k${k}`;
}

/**
 * Folder of the shipped model for `k`. src/ and dist/ both sit two levels
 * below the package root, so the same relative URL works from either.
 */
export function mnistJsccModelDir(k: MnistJsccK): string {
  return fileURLToPath(new URL(`../../../models/mnist-jscc-k${k}/`, import.meta.url));
}

/**
 * Scales each of the `count` rows of `z` (2k reals each) in place so that
 * its average power per complex use is 1: Σ z² = k. This is Eq. (2) of
 * Bourtsoulatze et al. with P = 1, and the same scaling the analog link
 * applies. An all-zero row is left as it is (it carries nothing).
 */
export function normalizeAveragePower(z: Float32Array, count: number, k: number): void {
  const width = 2 * k;
  for (let r = 0; r < count; r++) {
    const off = r * width;
    let energy = 0;
    for (let i = 0; i < width; i++) energy += z[off + i] * z[off + i];
    if (!(energy > 0)) continue;
    const scale = Math.sqrt(k / energy);
    for (let i = 0; i < width; i++) z[off + i] *= scale;
  }
}

function checkCount(count: number, what: string): void {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: count must be an integer ≥ 1, got ${count}`);
  }
}

// Large inputs run in chunks so that the tensors stay a few MB whatever the count.
const CHUNK = 1024;

function wrap(tf: typeof import('@tensorflow/tfjs'), encoder: LayersModel, decoder: LayersModel, k: number): MnistJscc {
  const width = 2 * k;
  const n = MNIST_JSCC_SOURCE_DIMS;
  const encIn = encoder.inputs[0].shape[1];
  const encOut = encoder.outputs[0].shape[1];
  const decIn = decoder.inputs[0].shape[1];
  const decOut = decoder.outputs[0].shape[1];
  if (encIn !== n || encOut !== width || decIn !== width || decOut !== n) {
    throw new SemcomError(
      'MALFORMED_INPUT',
      `the MNIST JSCC model for k = ${k} has shapes encoder ${encIn}→${encOut}, decoder ${decIn}→${decOut}; expected ${n}→${width}→${n}`,
    );
  }

  function encode(images: Uint8Array, count: number): Float32Array {
    checkCount(count, 'encode');
    if (!(images instanceof Uint8Array) || images.length !== count * n) {
      throw new SemcomError('INVALID_ARGUMENT', `encode: expected ${count} × ${n} = ${count * n} pixel bytes, got ${images?.length}`);
    }
    const out = new Float32Array(count * width);
    for (let start = 0; start < count; start += CHUNK) {
      const m = Math.min(CHUNK, count - start);
      const x = new Float32Array(m * n);
      for (let i = 0; i < m * n; i++) x[i] = images[start * n + i] / 255;
      const z = tf.tidy(() => (encoder.predict(tf.tensor2d(x, [m, n])) as Tensor).dataSync() as Float32Array);
      out.set(z, start * width);
    }
    normalizeAveragePower(out, count, k);
    return out;
  }

  function decode(received: Float32Array | Float64Array, count: number): Uint8Array {
    checkCount(count, 'decode');
    if (!(received instanceof Float32Array || received instanceof Float64Array) || received.length !== count * width) {
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `decode: expected ${count} × ${width} = ${count * width} received reals (2 per channel use, k = ${k}), got ${received?.length}`,
      );
    }
    for (let i = 0; i < received.length; i++) {
      if (!Number.isFinite(received[i])) throw new SemcomError('INVALID_ARGUMENT', `decode: received value ${i} is not finite`);
    }
    const out = new Uint8Array(count * n);
    for (let start = 0; start < count; start += CHUNK) {
      const m = Math.min(CHUNK, count - start);
      const y = new Float32Array(received.subarray(start * width, (start + m) * width));
      const p = tf.tidy(() => (decoder.predict(tf.tensor2d(y, [m, width])) as Tensor).dataSync() as Float32Array);
      // Uint8Array assignment truncates, so round first; the sigmoid keeps p in [0, 1].
      for (let i = 0; i < m * n; i++) out[start * n + i] = Math.round(p[i] * 255);
    }
    return out;
  }

  return { channelUses: k, bandwidthRatio: k / n, encode, decode };
}

const cache = new Map<string, Promise<MnistJscc>>();

/**
 * Loads the embedded MNIST JSCC encoder/decoder for `k` complex channel uses
 * per image (49: ratio 1/16, 98: ratio 1/8), once per process and folder.
 * `options.dir` loads a model from another folder (the training script uses
 * it to evaluate what it has just written). A missing or corrupt model is a
 * `SemcomError` naming the command that re-creates it.
 */
export async function loadMnistJscc(k: MnistJsccK, options: { dir?: string } = {}): Promise<MnistJscc> {
  if (!(MNIST_JSCC_CHANNEL_USES as readonly number[]).includes(k)) {
    throw new SemcomError('INVALID_ARGUMENT', `MNIST JSCC models exist for k = ${MNIST_JSCC_CHANNEL_USES.join(' or ')} channel uses, got ${k}`);
  }
  const dir = options.dir ?? mnistJsccModelDir(k);
  const key = `${k}:${dir}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const tf = await loadTf();
      const hint = mnistJsccTrainCommand(k);
      const [encoder, decoder] = await Promise.all([loadModel(join(dir, 'encoder'), hint), loadModel(join(dir, 'decoder'), hint)]);
      return wrap(tf, encoder, decoder, k);
    })();
    // A failed load is not cached, so a later call after training can succeed.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
