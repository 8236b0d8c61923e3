/**
 * Trains the label-conditioned latent diffusion prior (issue 3: "a small
 * diffusion model over the VAE's latent space, conditioned on the label") and
 * writes models/mnist-latent-diffusion/: model.json + weights.bin (the
 * ε-network), diffusion.json (schedule, normalization, settings, metrics) and
 * README.md (the model card).
 *
 * Data: the posterior means μ(x, y) of the trained cVAE (models/mnist-cvae/,
 * `npm run train:cvae` first) on the MNIST train split; 10 % of it (seeded)
 * is held out as validation. The test split is read only at the end.
 *
 * Objective (Ho et al., 2020, Alg. 1, "simple" loss): with u_0 the
 * standardized latent, t ~ U{1..T}, ε ~ N(0, I),
 *   L = ‖ε − ε_θ(√ᾱ_t u_0 + √(1 − ᾱ_t) ε, y, t)‖²,
 * where y is replaced by the null label (all-zero one-hot) with probability
 * 0.1 so the same network also gives ε_θ(u, ∅) for classifier-free guidance
 * (Ho and Salimans, 2021). t, ε, the label dropout and the minibatch order all
 * come from the seeded Rng; initializers are seeded: deterministic given --seed.
 *
 * Usage: tsx training/train-latent-diffusion.ts [--iters N] [--seed S] [--out DIR] [--cvae DIR]
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { loadMnist, MNIST_CLASSES } from '../src/datasets/mnist.js';
import { loadTf, saveModel } from '../src/generation/tfjs.js';
import { loadMnistCvae, meanPsnr } from '../src/generation/embedded/mnist-cvae.js';
import {
  cosineAlphaBars, diffusionInputWidth, gaussianFrechet, loadLatentDiffusion, timeEmbedding,
  type DiffusionConfig, type FrechetStats,
} from '../src/generation/embedded/latent-diffusion.js';
import { denseOps, shuffleInPlace } from './tf-dense.js';

type Tensor = import('@tensorflow/tfjs').Tensor;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}
const iters = flag('iters', 6000);
const seed = flag('seed', 20240504);
const batchSize = flag('batch', 256);
const lr0 = flag('lr', 1e-3);
const T = flag('T', 100);
const pUncond = 0.1;
const HIDDEN = flag('hidden', 128);
const TIME_EMBED = 32;
const outIdx = process.argv.indexOf('--out');
const outDir = outIdx >= 0 ? process.argv[outIdx + 1] : fileURLToPath(new URL('../models/mnist-latent-diffusion/', import.meta.url));

async function main(): Promise<void> {
  const t0 = Date.now();
  const tf = await loadTf();
  const { dense } = denseOps(tf);
  const cvaeIdx = process.argv.indexOf('--cvae');
  const cvae = await loadMnistCvae(cvaeIdx >= 0 ? { dir: process.argv[cvaeIdx + 1] } : {});
  const d = cvae.latentDim;
  const train = loadMnist('train');
  const all = cvae.encode(train.images, train.labels, train.count);

  const order = new Uint32Array(train.count).map((_, i) => i);
  shuffleInPlace(order, Rng.stream(seed, 1));
  const nVal = Math.round(train.count * 0.1);
  const valIdx = order.slice(0, nVal);
  const fitIdx = order.slice(nVal);

  // Standardize each latent dimension with the fit set's moments, so the data has the unit scale the schedule assumes.
  const latentMean = new Array<number>(d).fill(0);
  const latentStd = new Array<number>(d).fill(0);
  for (const i of fitIdx) for (let j = 0; j < d; j++) latentMean[j] += all[i * d + j] / fitIdx.length;
  for (const i of fitIdx) for (let j = 0; j < d; j++) latentStd[j] += (all[i * d + j] - latentMean[j]) ** 2 / fitIdx.length;
  for (let j = 0; j < d; j++) latentStd[j] = Math.sqrt(latentStd[j]);
  const u0 = new Float32Array(all.length);
  for (let i = 0; i < all.length; i++) u0[i] = (all[i] - latentMean[i % d]) / latentStd[i % d];

  let maxAbs = 0;
  for (const i of fitIdx) for (let j = 0; j < d; j++) maxAbs = Math.max(maxAbs, Math.abs(u0[i * d + j]));
  const clip = Math.ceil(maxAbs * 2) / 2;
  const cfg: DiffusionConfig = { latentDim: d, T, timeEmbedDim: TIME_EMBED, latentMean, latentStd, clip };
  const width = diffusionInputWidth(cfg);
  const alphaBar = cosineAlphaBars(T);

  let layerSeed = seed % 100000;
  const init = () => tf.initializers.glorotUniform({ seed: layerSeed++ });
  const net = tf.sequential({ name: 'mnist_latent_eps' });
  net.add(tf.layers.dense({ inputShape: [width], units: HIDDEN, activation: 'swish', kernelInitializer: init() }));
  net.add(tf.layers.dense({ units: HIDDEN, activation: 'swish', kernelInitializer: init() }));
  net.add(tf.layers.dense({ units: HIDDEN, activation: 'swish', kernelInitializer: init() }));
  net.add(tf.layers.dense({ units: d, kernelInitializer: init() }));
  const vars = net.trainableWeights.map((w) => w.read() as import('@tensorflow/tfjs').Variable);
  const optimizer = tf.train.adam(lr0);

  const input = new Float32Array(batchSize * width);
  const target = new Float32Array(batchSize * d);
  /** Fills the batch rows for items ids[from..from+n) with fresh t, ε and label dropout from `rng`. */
  function fill(ids: Uint32Array, from: number, n: number, rng: Rng, dropout: boolean): void {
    input.fill(0);
    rng.fillNormal(target.subarray(0, n * d));
    for (let b = 0; b < n; b++) {
      const i = ids[from + b];
      const t = 1 + rng.nextInt(T);
      const a = Math.sqrt(alphaBar[t]);
      const s = Math.sqrt(1 - alphaBar[t]);
      for (let j = 0; j < d; j++) input[b * width + j] = a * u0[i * d + j] + s * target[b * d + j];
      const drop = rng.nextFloat() < pUncond;
      if (!(dropout && drop)) input[b * width + d + train.labels[i]] = 1;
      timeEmbedding(t, TIME_EMBED, input, b * width + d + MNIST_CLASSES);
    }
  }
  const layers = net.layers;
  function loss(n: number): Tensor {
    let h: Tensor = tf.tensor2d(input.subarray(0, n * width), [n, width]);
    layers.forEach((layer, k) => (h = dense(h, layer, k < layers.length - 1 ? 'swish' : 'linear', k > 0)));
    return tf.squaredDifference(h, tf.tensor2d(target.subarray(0, n * d), [n, d])).mean();
  }

  const rng = Rng.stream(seed, 2);
  const orderRng = Rng.stream(seed, 3);
  const perEpoch = Math.floor(fitIdx.length / batchSize);
  console.log(`latent DDPM: T=${T}, ${fitIdx.length} fit / ${nVal} validation latents, ${iters} iterations of ${batchSize}`);
  const history: { iter: number; trainLoss: number; valLoss: number }[] = [];
  let running = 0;
  let runningN = 0;
  for (let it = 0; it < iters; it++) {
    if (it % perEpoch === 0) shuffleInPlace(fitIdx, orderRng);
    // Cosine learning-rate decay to 5 %.
    (optimizer as unknown as { learningRate: number }).learningRate = lr0 * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * it) / iters)));
    fill(fitIdx, (it % perEpoch) * batchSize, batchSize, rng, true);
    const cost = optimizer.minimize(() => loss(batchSize) as import('@tensorflow/tfjs').Scalar, true, vars);
    running += (await cost!.data())[0];
    runningN++;
    cost!.dispose();
    if ((it + 1) % 1000 === 0 || it + 1 === iters) {
      // Validation loss with the label kept, over a fixed draw of (t, ε), so it is comparable across checkpoints.
      const vr = Rng.stream(seed, 4);
      let vl = 0;
      for (let from = 0; from < nVal; from += batchSize) {
        const n = Math.min(batchSize, nVal - from);
        fill(valIdx, from, n, vr, false);
        vl += tf.tidy(() => loss(n).dataSync()[0]) * n;
      }
      const h = { iter: it + 1, trainLoss: running / runningN, valLoss: vl / nVal };
      history.push(h);
      running = 0;
      runningN = 0;
      console.log(`iter ${h.iter}: train ε-MSE ${h.trainLoss.toFixed(4)}, val ε-MSE ${h.valLoss.toFixed(4)} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  const trainSeconds = (Date.now() - t0) / 1000;
  await mkdir(outDir, { recursive: true });
  await saveModel(net, outDir);
  await writeFile(join(outDir, 'diffusion.json'), JSON.stringify(cfg, null, 2) + '\n');

  // ---- Held-out evaluation on the TEST split ----
  const prior = await loadLatentDiffusion({ dir: outDir });
  const test = loadMnist('test');
  const testZ = cvae.encode(test.images, test.labels, test.count);
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const byClass = (z: Float32Array, labels: Uint8Array, c: number) => {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === c) rows.push(i);
    const out = new Float32Array(rows.length * d);
    rows.forEach((i, k) => out.set(z.subarray(i * d, (i + 1) * d), k * d));
    return out;
  };
  // One sample per test item, with the test item's label: the same class sizes as the reference.
  const evalRng = (k: number) => Rng.stream(seed, 100, k);
  const samplers: Record<string, () => Float32Array> = {
    'DDPM ancestral, T steps': () => prior.sample(test.labels, test.count, evalRng(1)),
    'DDIM η=0, 25 steps': () => prior.sample(test.labels, test.count, evalRng(2), { steps: 25, eta: 0 }),
    'DDPM T steps, guidance w=1': () => prior.sample(test.labels, test.count, evalRng(3), { guidance: 1 }),
    'N(0, I) prior of the cVAE (baseline)': () => {
      const z = new Float32Array(test.count * d);
      evalRng(4).fillNormal(z);
      return z;
    },
    'train-split latents (reference)': () => {
      // As many train latents per class as the test split has, in train order.
      const z = new Float32Array(test.count * d);
      const used = new Array<number>(MNIST_CLASSES).fill(0);
      const trainByClass = Array.from({ length: MNIST_CLASSES }, (_, c) => byClass(all, train.labels, c));
      for (let i = 0; i < test.count; i++) {
        const c = test.labels[i];
        z.set(trainByClass[c].subarray(used[c] * d, (used[c] + 1) * d), i * d);
        used[c]++;
      }
      return z;
    },
  };
  const evaluator = await tryEvaluator();
  const evalRows: { name: string; frechetMean: number; meanDistSqMean: number; traceRatio: number; accuracy: number | null; seconds: number }[] = [];
  const perClass: Record<string, FrechetStats[]> = {};
  for (const [name, draw] of Object.entries(samplers)) {
    const ts = Date.now();
    const z = draw();
    const seconds = (Date.now() - ts) / 1000;
    const stats: FrechetStats[] = [];
    for (let c = 0; c < MNIST_CLASSES; c++) stats.push(gaussianFrechet(byClass(z, test.labels, c), byClass(testZ, test.labels, c), d));
    perClass[name] = stats;
    const avg = (f: (s: FrechetStats) => number) => stats.reduce((a, s) => a + f(s), 0) / stats.length;
    let accuracy: number | null = null;
    if (evaluator) {
      const { labels } = evaluator.classify(cvae.decode(z, test.labels, test.count), test.count);
      let ok = 0;
      for (let i = 0; i < test.count; i++) if (labels[i] === test.labels[i]) ok++;
      accuracy = ok / test.count;
    }
    evalRows.push({ name, frechetMean: r4(avg((s) => s.frechet)), meanDistSqMean: r4(avg((s) => s.meanDistSq)), traceRatio: r4(avg((s) => s.traceA / s.traceB)), accuracy: accuracy === null ? null : r4(accuracy), seconds: r4(seconds) });
    console.log(JSON.stringify(evalRows[evalRows.length - 1]));
  }

  // Semantic calibration (SDEdit) of coarsely quantized latents: 2 bits/dim over the cVAE's range, then refine.
  const { lo, hi } = cvae.latentRange;
  const q2 = new Float32Array(testZ.length);
  for (let i = 0; i < testZ.length; i++) {
    const j = i % d;
    const k = Math.min(3, Math.max(0, Math.floor(((testZ[i] - lo[j]) / (hi[j] - lo[j])) * 4)));
    q2[i] = lo[j] + ((k + 0.5) * (hi[j] - lo[j])) / 4;
  }
  const calib: { strength: number; psnrDb: number; latentMse: number; accuracy: number | null }[] = [];
  for (const strength of [0, 0.1, 0.2, 0.3, 0.5]) {
    const z = prior.refine(q2, test.labels, test.count, Rng.stream(seed, 200, strength * 10), { strength, eta: 0 });
    const imgs = cvae.decode(z, test.labels, test.count);
    let mse = 0;
    for (let i = 0; i < z.length; i++) mse += (z[i] - testZ[i]) ** 2 / z.length;
    let accuracy: number | null = null;
    if (evaluator) {
      const { labels } = evaluator.classify(imgs, test.count);
      let ok = 0;
      for (let i = 0; i < test.count; i++) if (labels[i] === test.labels[i]) ok++;
      accuracy = r4(ok / test.count);
    }
    calib.push({ strength, psnrDb: r4(meanPsnr(test.images, imgs, test.count)), latentMse: r4(mse), accuracy });
    console.log(JSON.stringify(calib[calib.length - 1]));
  }

  const final = history[history.length - 1];
  const info = {
    ...cfg,
    schedule: 'cosine (Nichol and Dhariwal, 2021), s = 0.008',
    training: {
      seed, iterations: iters, batchSize, hidden: HIDDEN, learningRate: lr0, labelDropout: pUncond, optimizer: 'adam, cosine decay to 5 %',
      fitLatents: fitIdx.length, validationLatents: nVal, finalTrainLoss: r4(final.trainLoss), finalValLoss: r4(final.valLoss),
      seconds: Math.round(trainSeconds), params: net.countParams(), evaluator: evaluator ? 'models/mnist-evaluator' : null,
    },
    testMetrics: { testItems: test.count, samplers: evalRows, perClassDdpm: perClass['DDPM ancestral, T steps'].map((s) => ({ frechet: r4(s.frechet), meanDistSq: r4(s.meanDistSq), traceSample: r4(s.traceA), traceTest: r4(s.traceB) })), calibration2Bit: calib },
  };
  await writeFile(join(outDir, 'diffusion.json'), JSON.stringify(info, null, 2) + '\n');
  await writeFile(join(outDir, 'README.md'), modelCard(info, history));
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** The evaluator classifier of another part of the project, when it has been trained; never required. */
async function tryEvaluator(): Promise<{ classify(images: Uint8Array, count: number): { labels: ArrayLike<number> } } | null> {
  const src = new URL('../src/generation/embedded/mnist-classifier.ts', import.meta.url);
  if (!existsSync(src) || !existsSync(new URL('../models/mnist-evaluator/', import.meta.url))) return null;
  try {
    const mod = (await import(src.href)) as { loadMnistClassifier(name: string): Promise<{ classify(images: Uint8Array, count: number): { labels: ArrayLike<number> } }> };
    return await mod.loadMnistClassifier('evaluator');
  } catch (e) {
    console.warn(`evaluator not usable: ${(e as Error).message}`);
    return null;
  }
}

type Info = DiffusionConfig & {
  training: Record<string, number | string | null>;
  testMetrics: {
    testItems: number;
    samplers: { name: string; frechetMean: number; meanDistSqMean: number; traceRatio: number; accuracy: number | null; seconds: number }[];
    calibration2Bit: { strength: number; psnrDb: number; latentMse: number; accuracy: number | null }[];
  };
};

function modelCard(info: Info, history: { iter: number; valLoss: number }[]): string {
  const t = info.training;
  const m = info.testMetrics;
  const acc = (a: number | null) => (a === null ? 'n/a' : `${(100 * a).toFixed(1)} %`);
  return `# mnist-latent-diffusion: label-conditioned DDPM over the cVAE latent space

A small diffusion prior p(z | y) over the ${info.latentDim}-dimensional latent space of
\`models/mnist-cvae\` (issue 3): the receiver of the generative SemCom scheme
samples latents for a received label, or refines received (quantized,
corrupted) latents toward the class-conditional distribution (SDEdit), before
the cVAE decoder regenerates the image.

Produced by \`npm run train:latent-diffusion\` (\`tsx training/train-latent-diffusion.ts\`;
run \`npm run train:cvae\` first), deterministic given the seed.

## Data and split

- Latents: the cVAE encoder's posterior means μ(x, y) of the project's MNIST
  train split (\`mnist\` npm package, first 80 % of each class): ${t.fitLatents} fit,
  ${t.validationLatents} (seeded 10 %) held out for validation.
- Each dimension is standardized with the fit latents' mean and std (stored in \`diffusion.json\`).
- The test split (${m.testItems} images) is read only after training, for the metrics below.

## Model

- DDPM (Ho et al., 2020), T = ${info.T}, cosine schedule (Nichol and Dhariwal, 2021).
- ε-network: MLP on [u_t (8) ; onehot(y) or all-zero null label (10) ; sinusoidal emb(t) (${info.timeEmbedDim})]
  → ${t.hidden} swish → ${t.hidden} swish → ${t.hidden} swish → 8; ${t.params} parameters (\`model.json\`, \`weights.bin\`).
- Sampler: generalized DDIM update (Song et al., 2021); η = 1 with all T steps is
  DDPM's ancestral sampler (the default), η = 0 deterministic DDIM with fewer steps.
  Optional classifier-free guidance (Ho and Salimans, 2021), label dropped in training with p = ${t.labelDropout}.

## Training

- Loss: ‖ε − ε_θ(u_t, y, t)‖² (the "simple" loss), t ~ U{1..T}; t, ε, label dropout and
  minibatch order from the project's seeded \`Rng\`.
- Adam, learning rate ${t.learningRate} with cosine decay to 5 %, batch ${t.batchSize}, ${t.iterations} iterations, seed ${t.seed}.
- Final ε-MSE: train ${Number(t.finalTrainLoss).toFixed(4)}, validation ${Number(t.finalValLoss).toFixed(4)}.
  Validation curve: ${history.map((h) => `${h.iter}: ${h.valLoss.toFixed(4)}`).join('; ')}.
- Training time: ${t.seconds} s on a 2-core machine (tfjs wasm backend), other jobs running.

## Held-out TEST metrics

Per class y, a Gaussian is fitted to the sampled latents (one sample per test
image, with its label) and to the cVAE latents of the test images of class y;
the table gives the average over the 10 classes of the Fréchet distance
‖μ_s − μ_t‖² + tr(Σ_s + Σ_t − 2(Σ_sΣ_t)^{1/2}), of ‖μ_s − μ_t‖², and of
tr Σ_s / tr Σ_t (1 = same spread). Label accuracy: the decoded samples
classified by \`models/mnist-evaluator\` (${t.evaluator ? 'present' : 'absent when this card was written'}) as their conditioning label.

| latents | Fréchet (avg over classes) | ‖Δμ‖² | tr Σ_s / tr Σ_t | label accuracy | sampling time (s, ${m.testItems} items) |
|---|---|---|---|---|---|
${m.samplers.map((r) => `| ${r.name} | ${r.frechetMean.toFixed(3)} | ${r.meanDistSqMean.toFixed(3)} | ${r.traceRatio.toFixed(3)} | ${acc(r.accuracy)} | ${r.seconds.toFixed(2)} |`).join('\n')}

Reference rows: "train-split latents" compares real train latents (same class
sizes) with the test latents, i.e. what sampling noise with ~200 items per class
plus the encoder's train/test shift give for a perfect model of the train
distribution; "N(0, I)" is what the cVAE's own label-independent prior gives.

### Semantic calibration (SDEdit) of 2-bit latents

Test latents quantized to 2 bits per dimension (4 levels over the cVAE's
latent range), then \`refine(…, { strength, eta: 0 })\`, decoded by the cVAE:

| strength | PSNR vs original (dB) | latent MSE vs unquantized | label accuracy |
|---|---|---|---|
${m.calibration2Bit.map((r) => `| ${r.strength} | ${r.psnrDb.toFixed(2)} | ${r.latentMse.toFixed(4)} | ${acc(r.accuracy)} |`).join('\n')}

## Use

\`\`\`ts
import { loadLatentDiffusion } from './src/generation/embedded/latent-diffusion.js';
import { Rng } from './src/core/rng.js';
const prior = await loadLatentDiffusion();
const z = prior.sample(labels, count, Rng.stream(1));                 // count × 8
const z2 = prior.refine(received, labels, count, Rng.stream(2), { strength: 0.3 });
\`\`\`
`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
