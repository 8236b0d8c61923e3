/**
 * The two embedded MNIST digit classifiers, trained by
 * training/train-classifier.ts and committed under models/:
 *
 * - `understanding` (models/mnist-classifier): the transmitter's
 *   understanding model, which turns a digit image into the class label a
 *   generative semantic transmitter sends instead of the pixels;
 * - `evaluator` (models/mnist-evaluator): the judge of semantic accuracy of
 *   regenerated images at the receiver side. It differs from the
 *   understanding model in architecture and seed on purpose, so that a
 *   regenerated image is not scored by the same model that described it (a
 *   shared model would forgive exactly the mistakes it makes itself).
 *
 * Their architectures, data split and held-out accuracies are in each
 * folder's README.md (model card).
 */
import { fileURLToPath } from 'node:url';
import { SemcomError } from '../../core/errors.js';
import { loadModel, loadTf } from '../tfjs.js';

type LayersModel = import('@tensorflow/tfjs').LayersModel;
type Tensor = import('@tensorflow/tfjs').Tensor;

/** Which of the two embedded classifiers. */
export type MnistClassifierKind = 'understanding' | 'evaluator';

/** Bytes per image a classifier takes: 28 × 28 grey levels, row-major, 0 = background. */
export const MNIST_CLASSIFIER_IMAGE_BYTES = 784;
const CLASSES = 10;
/** Images per forward pass: bounds the memory of one call whatever `count` is. */
const BATCH = 256;

/** Result of {@link MnistClassifier.classify}. */
export interface MnistClassification {
  /** Most probable class of each image (0..9); the lowest class wins an exact tie. */
  readonly labels: Uint8Array;
  /** Class probabilities, `count` × 10, row-major; each row sums to 1 up to rounding. */
  readonly probabilities: Float32Array;
}

/** A loaded MNIST classifier. */
export interface MnistClassifier {
  readonly kind: MnistClassifierKind;
  /**
   * Classifies `count` images of 784 bytes each (0..255, as `loadMnist`
   * gives them), in batches. Throws `SemcomError('INVALID_ARGUMENT')` when
   * `images` does not hold exactly `count` × 784 bytes.
   */
  classify(images: Uint8Array, count: number): MnistClassification;
}

/** Folder name under models/ and the command that re-creates it, per kind. */
const MODELS: Record<MnistClassifierKind, { dir: string; train: string }> = {
  understanding: { dir: 'mnist-classifier', train: 'npm run train:classifier' },
  evaluator: { dir: 'mnist-evaluator', train: 'npm run train:evaluator' },
};

/**
 * The folder of a model. This file sits two levels below the package root
 * both as source (src/generation/embedded/, run by tsx or vitest) and as
 * build output (dist/generation/embedded/), so one relative URL serves both.
 */
export function mnistClassifierDir(kind: MnistClassifierKind): string {
  return fileURLToPath(new URL(`../../../models/${MODELS[kind].dir}/`, import.meta.url));
}

const cache = new Map<MnistClassifierKind, Promise<MnistClassifier>>();

/**
 * Loads one of the embedded classifiers (once per process; later calls share
 * the loaded model). A missing or corrupt model file is a `SemcomError`
 * naming the file and the npm script that re-creates it.
 */
export function loadMnistClassifier(which: MnistClassifierKind): Promise<MnistClassifier> {
  if (which !== 'understanding' && which !== 'evaluator') {
    return Promise.reject(new SemcomError('INVALID_ARGUMENT', `MNIST classifier must be 'understanding' or 'evaluator', got '${String(which)}'`));
  }
  let p = cache.get(which);
  if (!p) {
    p = (async () => {
      const [tf, model] = await Promise.all([loadTf(), loadModel(mnistClassifierDir(which), MODELS[which].train)]);
      return makeClassifier(tf, model, which);
    })();
    // A failed load is not cached, so a caller who fixes the files can retry.
    p.catch(() => cache.delete(which));
    cache.set(which, p);
  }
  return p;
}

function makeClassifier(tf: Awaited<ReturnType<typeof loadTf>>, model: LayersModel, kind: MnistClassifierKind): MnistClassifier {
  const inputShape = model.inputs[0]?.shape;
  const outputShape = model.outputs[0]?.shape;
  if (!inputShape || inputShape.length !== 2 || inputShape[1] !== MNIST_CLASSIFIER_IMAGE_BYTES || outputShape?.[1] !== CLASSES) {
    throw new SemcomError(
      'MALFORMED_INPUT',
      `the ${kind} model in ${mnistClassifierDir(kind)} maps [${inputShape?.join(', ')}] to [${outputShape?.join(', ')}], expected [null, 784] to [null, 10]; re-create it with \`${MODELS[kind].train}\``,
    );
  }
  const scratch = new Float32Array(BATCH * MNIST_CLASSIFIER_IMAGE_BYTES);
  return {
    kind,
    classify(images: Uint8Array, count: number): MnistClassification {
      if (!(images instanceof Uint8Array)) {
        throw new SemcomError('INVALID_ARGUMENT', `classify takes a Uint8Array of 784 bytes per image (0..255), got ${Object.prototype.toString.call(images)}`);
      }
      if (!Number.isInteger(count) || count < 0) {
        throw new SemcomError('INVALID_ARGUMENT', `classify: count must be a non-negative integer, got ${count}`);
      }
      if (images.length !== count * MNIST_CLASSIFIER_IMAGE_BYTES) {
        throw new SemcomError(
          'INVALID_ARGUMENT',
          `classify expects ${MNIST_CLASSIFIER_IMAGE_BYTES} bytes per image (28 × 28 grey levels), so ${count} images need ${count * MNIST_CLASSIFIER_IMAGE_BYTES} bytes; got ${images.length}`,
        );
      }
      const labels = new Uint8Array(count);
      const probabilities = new Float32Array(count * CLASSES);
      for (let start = 0; start < count; start += BATCH) {
        const n = Math.min(BATCH, count - start);
        const x = scratch.subarray(0, n * MNIST_CLASSIFIER_IMAGE_BYTES);
        const offset = start * MNIST_CLASSIFIER_IMAGE_BYTES;
        for (let i = 0; i < x.length; i++) x[i] = images[offset + i] / 255;
        // tidy disposes the input and every intermediate; dataSync copies the result out first.
        const p = tf.tidy(() => (model.predict(tf.tensor2d(x, [n, MNIST_CLASSIFIER_IMAGE_BYTES])) as Tensor).dataSync());
        probabilities.set(p, start * CLASSES);
      }
      for (let i = 0; i < count; i++) {
        let best = 0;
        for (let c = 1; c < CLASSES; c++) if (probabilities[i * CLASSES + c] > probabilities[i * CLASSES + best]) best = c;
        labels[i] = best;
      }
      return { labels, probabilities };
    },
  };
}
