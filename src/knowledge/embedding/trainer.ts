/**
 * Trains a TransE or RotatE model with the recipe of the RotatE paper (Sun
 * et al. 2019, Sec. 3.3 and Appendix; reference code
 * github.com/DeepGraphLearning/KnowledgeGraphEmbedding):
 *
 * - mini-batches of positive training triples in a seeded random order;
 * - for each positive, k negatives made by replacing its head or its tail
 *   (a fair coin per positive) by an entity drawn uniformly, redrawn while
 *   the corrupted triple is a training fact (the reference data loader
 *   filters the same way);
 * - the self-adversarial loss of adversarial-loss.ts, each positive weighted
 *   as in the reference code by w = 1/√(#(h, r) + #(t, r⁻¹)) (counts from
 *   train, starting at 4; word2vec-style subsampling of frequent patterns),
 *   and the batch loss (Σ w L⁺)/(2 Σ w) + (Σ w L⁻)/(2 Σ w);
 * - Adam (row-lazy, row-adam.ts), with the learning rate divided by 10 after
 *   half the epochs (the reference divides it at half the steps).
 *
 * Deterministic: every draw comes from the `rng` passed in, in a fixed
 * order, so the same seed and options give the same model bit for bit.
 */
import { performance } from 'node:perf_hooks';
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { KgBenchmark } from '../benchmark/kg-benchmark.js';
import { TripleIndex } from '../benchmark/triple-index.js';
import { AdversarialLoss } from './adversarial-loss.js';
import { KGE_MODEL_NAMES, zeroParamsLike, type KgeModel, type KgeModelName } from './kge-model.js';
import { RotatE } from './rotate.js';
import { RowAdam } from './row-adam.js';
import { TransE } from './transe.js';

/** Training triples without held-out splits. */
export interface KgTrainingTriples {
  readonly entityCount: number;
  readonly relationCount: number;
  /** Flat (h, r, t) index triples. */
  readonly train: Int32Array;
}

export interface KgeTrainOptions {
  readonly model: KgeModelName;
  /** Embedding dimension (complex dimension for RotatE). */
  readonly dim: number;
  /** Margin γ in score = γ − distance. */
  readonly gamma: number;
  /** Adam learning rate. */
  readonly lr: number;
  /** Positives per mini-batch. */
  readonly batchSize: number;
  /** Negatives per positive (k). */
  readonly negatives: number;
  /** Self-adversarial temperature α (0: uniform weights). */
  readonly alpha: number;
  /** Passes over the training triples. */
  readonly epochs: number;
  /** TransE distance norm (default 'L1'). */
  readonly norm?: 'L1' | 'L2';
  /** TransE: keep entity vectors at unit norm (default false). */
  readonly normalizeEntities?: boolean;
  /** Weight positives by the reference code's subsampling weights (default true). */
  readonly subsampling?: boolean;
  /** Multiply the learning rate by `factor` from epoch ⌊atFraction · epochs⌋ on (default { atFraction: 0.5, factor: 0.1 }; null: constant). */
  readonly lrDecay?: { readonly atFraction: number; readonly factor: number } | null;
  /** Called after each epoch; return 'stop' to end training early. */
  readonly onEpoch?: (report: KgeEpochReport, model: KgeModel) => void | 'stop';
  /** Continue training this model instead of starting from a random one (its shape must match). */
  readonly initialModel?: KgeModel;
}

export interface KgeEpochReport {
  /** 1-based. */
  readonly epoch: number;
  /** Mean batch loss over the epoch. */
  readonly loss: number;
  /** Seconds since training began (wall clock; for reports only). */
  readonly seconds: number;
  readonly lr: number;
}

export interface KgeTrainResult {
  readonly model: KgeModel;
  readonly epochs: readonly KgeEpochReport[];
  readonly steps: number;
  readonly seconds: number;
}

/** Redraws allowed per negative before a corrupted triple that is a training fact is kept anyway (tiny dense graphs). */
const MAX_REDRAWS = 64;

function checkOptions(o: KgeTrainOptions): void {
  if (!(KGE_MODEL_NAMES as readonly string[]).includes(o.model)) throw new SemcomError('INVALID_ARGUMENT', `trainKge: model must be one of ${KGE_MODEL_NAMES.join(', ')}, got ${String(o.model)}`);
  for (const k of ['dim', 'batchSize', 'negatives', 'epochs'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new SemcomError('INVALID_ARGUMENT', `trainKge: ${k} must be a positive integer, got ${o[k]}`);
  }
  if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw new SemcomError('INVALID_ARGUMENT', `trainKge: lr must be a positive number, got ${o.lr}`);
  if (!Number.isFinite(o.gamma)) throw new SemcomError('INVALID_ARGUMENT', `trainKge: gamma must be finite, got ${o.gamma}`);
  if (!(o.alpha >= 0) || !Number.isFinite(o.alpha)) throw new SemcomError('INVALID_ARGUMENT', `trainKge: alpha must be ≥ 0, got ${o.alpha}`);
  const d = o.lrDecay;
  if (d && (!(d.atFraction >= 0 && d.atFraction <= 1) || !(d.factor > 0))) throw new SemcomError('INVALID_ARGUMENT', 'trainKge: lrDecay needs atFraction in [0, 1] and factor > 0');
}

/** A fresh model of the configured kind, initialised from `rng`. */
export function createKgeModel(
  o: Pick<KgeTrainOptions, 'model' | 'dim' | 'gamma' | 'norm' | 'normalizeEntities'>,
  entityCount: number,
  relationCount: number,
  rng: Rng,
): KgeModel {
  const base = { entityCount, relationCount, dim: o.dim, gamma: o.gamma };
  return o.model === 'rotate' ? RotatE.random(base, rng) : TransE.random({ ...base, norm: o.norm, normalizeEntities: o.normalizeEntities }, rng);
}

/** Subsampling weight per training triple: 1/√(#(h, r) + #(t, r⁻¹)), counts starting at 4 (reference dataloader.py). */
function subsamplingWeights(train: Int32Array, relationCount: number): Float64Array {
  const n = (train.length / 3) | 0;
  const hr = new Map<number, number>();
  const tr = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = train[3 * i] * relationCount + train[3 * i + 1];
    const b = train[3 * i + 2] * relationCount + train[3 * i + 1];
    hr.set(a, (hr.get(a) ?? 4) + 1);
    tr.set(b, (tr.get(b) ?? 4) + 1);
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = hr.get(train[3 * i] * relationCount + train[3 * i + 1]) as number;
    const b = tr.get(train[3 * i + 2] * relationCount + train[3 * i + 1]) as number;
    w[i] = 1 / Math.sqrt(a + b);
  }
  return w;
}

/**
 * Trains a model on the training triples of `data` (a benchmark's `train`
 * split, or bare triples); see the module comment for the recipe.
 */
export function trainKge(data: KgBenchmark | KgTrainingTriples, options: KgeTrainOptions, rng: Rng): KgeTrainResult {
  checkOptions(options);
  const entityCount = 'entities' in data ? data.entities.length : data.entityCount;
  const relationCount = 'relations' in data ? data.relations.length : data.relationCount;
  const train = data.train;
  const n = (train.length / 3) | 0;
  if (n === 0) throw new SemcomError('INVALID_ARGUMENT', 'trainKge: there are no training triples');
  const index = new TripleIndex(entityCount, relationCount, train);

  const model = options.initialModel ?? createKgeModel(options, entityCount, relationCount, rng.fork(1));
  if (model.entityCount !== entityCount || model.relationCount !== relationCount || model.name !== options.model || model.dim !== options.dim) {
    throw new SemcomError('INVALID_ARGUMENT', `trainKge: initialModel is a ${model.name} of dim ${model.dim} over ${model.entityCount} entities and ${model.relationCount} relations; the options and data ask for a ${options.model} of dim ${options.dim} over ${entityCount} and ${relationCount}`);
  }
  const grad = zeroParamsLike(model.params);
  const entityAdam = new RowAdam(model.params.entities.length, model.params.entityWidth);
  const relationAdam = new RowAdam(model.params.relations.length, model.params.relationWidth);
  const allRelations = Int32Array.from({ length: relationCount }, (_, i) => i);

  const k = options.negatives;
  const B = Math.min(options.batchSize, n);
  const weights = options.subsampling === false ? new Float64Array(n).fill(1) : subsamplingWeights(train, relationCount);
  const loss = new AdversarialLoss(k);
  const negEntities = new Int32Array(k);
  const negScores = new Float64Array(k);
  const dNeg = new Float64Array(k);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const stamp = new Int32Array(entityCount).fill(-1);
  const touched = new Int32Array(Math.min(entityCount, B * (k + 2)));
  const decay = options.lrDecay === undefined ? { atFraction: 0.5, factor: 0.1 } : options.lrDecay;
  const decayEpoch = decay ? Math.floor(decay.atFraction * options.epochs) : Infinity;

  const started = performance.now();
  const reports: KgeEpochReport[] = [];
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const lr = epoch >= decayEpoch && decay ? options.lr * decay.factor : options.lr;
    // Fisher–Yates over the training triples.
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < n; start += B) {
      const end = Math.min(n, start + B);
      let wSum = 0;
      for (let b = start; b < end; b++) wSum += weights[order[b]];
      // The reference batch loss averages the positive and the negative parts: the 1/2 below.
      const scale = 1 / (2 * wSum);
      let touchedCount = 0;
      let batchLoss = 0;
      for (let b = start; b < end; b++) {
        const i = order[b];
        const h = train[3 * i];
        const r = train[3 * i + 1];
        const t = train[3 * i + 2];
        const corruptHead = (rng.nextUint32() & 1) === 1;
        for (let j = 0; j < k; j++) {
          let e = rng.nextInt(entityCount);
          for (let tries = 0; tries < MAX_REDRAWS && (corruptHead ? index.has(e, r, t) : index.has(h, r, e)); tries++) e = rng.nextInt(entityCount);
          negEntities[j] = e;
          if (stamp[e] !== step) {
            stamp[e] = step;
            touched[touchedCount++] = e;
          }
        }
        model.scoreCorrupted(h, r, t, corruptHead, negEntities, k, negScores);
        const sPos = model.score(h, r, t);
        const w = weights[i] * scale;
        batchLoss += w * loss.compute(sPos, negScores, k, options.alpha);
        model.accumulateGradient(h, r, t, w * loss.dPositive, grad);
        for (let j = 0; j < k; j++) dNeg[j] = w * loss.dNegative[j];
        model.accumulateCorrupted(h, r, t, corruptHead, negEntities, k, dNeg, grad);
        if (stamp[h] !== step) {
          stamp[h] = step;
          touched[touchedCount++] = h;
        }
        if (stamp[t] !== step) {
          stamp[t] = step;
          touched[touchedCount++] = t;
        }
      }
      step++;
      entityAdam.step(model.params.entities, grad.entities, touched, touchedCount, lr, step);
      relationAdam.step(model.params.relations, grad.relations, allRelations, relationCount, lr, step);
      if (model.project) for (let j = 0; j < touchedCount; j++) model.project(touched[j]);
      model.refresh();
      epochLoss += batchLoss;
      batches++;
    }
    const report: KgeEpochReport = { epoch: epoch + 1, loss: epochLoss / batches, seconds: (performance.now() - started) / 1000, lr };
    reports.push(report);
    if (!Number.isFinite(report.loss)) {
      throw new SemcomError('INTERNAL', `trainKge: the loss became ${report.loss} in epoch ${epoch + 1}; lower the learning rate (${options.lr}) or gamma (${options.gamma})`);
    }
    if (options.onEpoch?.(report, model) === 'stop') break;
  }
  return { model, epochs: reports, steps: step, seconds: (performance.now() - started) / 1000 };
}
