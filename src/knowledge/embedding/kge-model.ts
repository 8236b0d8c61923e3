/**
 * The contract every knowledge-graph embedding model here implements: a
 * score for a triple (higher is more plausible), the scores of every entity
 * as the missing tail or head (what link prediction ranks), and the gradient
 * of a score with respect to the parameters (what the trainer needs).
 *
 * Parameters are two row-major Float32Array tables, one row per entity and
 * one per relation, so the trainer and the optimiser treat every model the
 * same way and touch only the rows a mini-batch used.
 */
import type { Rng } from '../../core/rng.js';

/** The models implemented (one file each). */
export type KgeModelName = 'transe' | 'rotate';

export const KGE_MODEL_NAMES: readonly KgeModelName[] = Object.freeze(['transe', 'rotate']);

/** Row-major parameter tables (or gradients of the same shape). */
export interface KgeParams {
  /** entityCount × entityWidth. */
  readonly entities: Float32Array;
  /** relationCount × relationWidth. */
  readonly relations: Float32Array;
  readonly entityWidth: number;
  readonly relationWidth: number;
}

export interface KgeModel {
  readonly name: KgeModelName;
  readonly entityCount: number;
  readonly relationCount: number;
  /** Embedding dimension: real coordinates for TransE, complex coordinates for RotatE. */
  readonly dim: number;
  /** The margin γ of the distance models: score = γ − distance. */
  readonly gamma: number;
  readonly params: KgeParams;
  /** Score of (h, r, t). */
  score(h: number, r: number, t: number): number;
  /** out[e] = score(h, r, e) for every entity e (`out.length ≥ entityCount`). */
  scoreAllTails(h: number, r: number, out: Float32Array): void;
  /** out[e] = score(e, r, t) for every entity e. */
  scoreAllHeads(r: number, t: number, out: Float32Array): void;
  /** grad += dScore · ∂score(h, r, t)/∂params, on the rows of h, r and t only. */
  accumulateGradient(h: number, r: number, t: number, dScore: number, grad: KgeParams): void;
  /**
   * out[j] = score of (h, r, t) with its head (`corruptHead`) or its tail
   * replaced by `candidates[j]`, j < count: the negatives of one positive,
   * sharing the work on the kept side (what the trainer calls).
   */
  scoreCorrupted(h: number, r: number, t: number, corruptHead: boolean, candidates: Int32Array, count: number, out: Float64Array): void;
  /** The gradients of those scores weighted by dScores[j], summed into `grad` (same result as accumulateGradient per candidate). */
  accumulateCorrupted(h: number, r: number, t: number, corruptHead: boolean, candidates: Int32Array, count: number, dScores: Float64Array, grad: KgeParams): void;
  /** Recomputes whatever the model caches from its parameters; call after changing `params`. */
  refresh(): void;
  /** Applies the model's constraint to one entity row after an update (TransE's unit norm, when enabled). */
  project?(entity: number): void;
  /** JSON text with the parameters in base64 (see serialization.ts). */
  serialize(meta?: Readonly<Record<string, string>>): string;
}

/** Gradient tables shaped like `model.params`, all zero. */
export function zeroParamsLike(p: KgeParams): KgeParams {
  return {
    entities: new Float32Array(p.entities.length),
    relations: new Float32Array(p.relations.length),
    entityWidth: p.entityWidth,
    relationWidth: p.relationWidth,
  };
}

/**
 * The initial range of the RotatE reference code (Sun et al. 2019,
 * github.com/DeepGraphLearning/KnowledgeGraphEmbedding, model.py): every
 * parameter uniform in ±(γ + 2)/dim, so initial distances are of the order
 * of γ whatever the dimension.
 */
export function embeddingRange(gamma: number, dim: number): number {
  return (gamma + 2) / dim;
}

/** Fills `a` with independent uniform draws in [−range, range). */
export function fillUniform(a: Float32Array, range: number, rng: Rng): void {
  for (let i = 0; i < a.length; i++) a[i] = (2 * rng.nextFloat() - 1) * range;
}
