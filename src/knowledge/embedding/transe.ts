/**
 * TransE (Bordes, Usunier, Garcia-Durán, Weston and Yakhnenko, "Translating
 * embeddings for modeling multi-relational data", NeurIPS 2013): a relation
 * is a translation in R^dim, and (h, r, t) is plausible when h + r ≈ t:
 *
 *   score(h, r, t) = γ − ‖h + r − t‖_p,   p = 1 (default) or 2.
 *
 * The margin γ sits in the score as in the RotatE paper's loss (Sun et al.
 * 2019, Eq. 4), so a positive triple should score above 0 and a negative one
 * below. Bordes et al. keep entity vectors on the unit sphere; the RotatE
 * reference code trains TransE without that constraint, which is the default
 * here (`normalizeEntities: true` restores it, applied to each entity row the
 * optimiser moved).
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { encodeKgeModel } from './encoding.js';
import { embeddingRange, fillUniform, type KgeModel, type KgeParams } from './kge-model.js';

export interface TransEConfig {
  readonly entityCount: number;
  readonly relationCount: number;
  readonly dim: number;
  readonly gamma: number;
  /** Distance norm (default 'L1', as in the RotatE paper's TransE runs). */
  readonly norm?: 'L1' | 'L2';
  /** Project entity rows to unit L2 norm after each update (Bordes et al. 2013, Algorithm 1). Default false. */
  readonly normalizeEntities?: boolean;
}

export function checkModelConfig(c: { entityCount: number; relationCount: number; dim: number; gamma: number }, what: string): void {
  for (const k of ['entityCount', 'relationCount', 'dim'] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 1) throw new SemcomError('INVALID_ARGUMENT', `${what}: ${k} must be a positive integer, got ${c[k]}`);
  }
  if (!Number.isFinite(c.gamma)) throw new SemcomError('INVALID_ARGUMENT', `${what}: gamma must be a finite number, got ${c.gamma}`);
}

export class TransE implements KgeModel {
  readonly name = 'transe' as const;
  readonly entityCount: number;
  readonly relationCount: number;
  readonly dim: number;
  readonly gamma: number;
  readonly norm: 'L1' | 'L2';
  readonly normalizeEntities: boolean;
  readonly params: KgeParams;
  private readonly q: Float64Array;
  private readonly gq: Float64Array;

  /** A model with the given parameters, or all-zero ones. */
  constructor(config: TransEConfig, params?: KgeParams) {
    checkModelConfig(config, 'TransE');
    this.entityCount = config.entityCount;
    this.relationCount = config.relationCount;
    this.dim = config.dim;
    this.gamma = config.gamma;
    this.norm = config.norm ?? 'L1';
    if (this.norm !== 'L1' && this.norm !== 'L2') throw new SemcomError('INVALID_ARGUMENT', `TransE: norm must be 'L1' or 'L2', got ${String(this.norm)}`);
    this.normalizeEntities = config.normalizeEntities ?? false;
    const d = this.dim;
    if (params && (params.entityWidth !== d || params.relationWidth !== d || params.entities.length !== this.entityCount * d || params.relations.length !== this.relationCount * d)) {
      throw new SemcomError('INVALID_ARGUMENT', `TransE: parameter tables do not match ${this.entityCount} entities, ${this.relationCount} relations of dim ${d}`);
    }
    this.params = params ?? { entities: new Float32Array(this.entityCount * d), relations: new Float32Array(this.relationCount * d), entityWidth: d, relationWidth: d };
    this.q = new Float64Array(d);
    this.gq = new Float64Array(d);
  }

  /** A model initialised uniformly in ±(γ + 2)/dim (see {@link embeddingRange}). */
  static random(config: TransEConfig, rng: Rng): TransE {
    const m = new TransE(config);
    const range = embeddingRange(m.gamma, m.dim);
    fillUniform(m.params.entities, range, rng);
    fillUniform(m.params.relations, range, rng);
    if (m.normalizeEntities) for (let e = 0; e < m.entityCount; e++) m.project(e);
    return m;
  }

  score(h: number, r: number, t: number): number {
    const d = this.dim;
    const E = this.params.entities;
    const R = this.params.relations;
    const ho = h * d;
    const ro = r * d;
    const to = t * d;
    let s = 0;
    if (this.norm === 'L1') {
      for (let i = 0; i < d; i++) {
        s += Math.abs(E[ho + i] + R[ro + i] - E[to + i]);
      }
      return this.gamma - s;
    }
    for (let i = 0; i < d; i++) {
      const x = E[ho + i] + R[ro + i] - E[to + i];
      s += x * x;
    }
    return this.gamma - Math.sqrt(s);
  }

  /** score(h, r, e) = γ − ‖(h + r) − e‖. */
  scoreAllTails(h: number, r: number, out: Float32Array): void {
    const d = this.dim;
    const E = this.params.entities;
    const R = this.params.relations;
    for (let i = 0; i < d; i++) this.q[i] = E[h * d + i] + R[r * d + i];
    this.distancesTo(this.q, out);
  }

  /** score(e, r, t) = γ − ‖e − (t − r)‖. */
  scoreAllHeads(r: number, t: number, out: Float32Array): void {
    const d = this.dim;
    const E = this.params.entities;
    const R = this.params.relations;
    for (let i = 0; i < d; i++) this.q[i] = E[t * d + i] - R[r * d + i];
    this.distancesTo(this.q, out);
  }

  /** out[e] = γ − ‖q − E[e]‖ for every entity. */
  private distancesTo(q: Float64Array, out: Float32Array): void {
    const d = this.dim;
    const E = this.params.entities;
    const n = this.entityCount;
    const g = this.gamma;
    if (this.norm === 'L1') {
      for (let e = 0, o = 0; e < n; e++, o += d) {
        let s = 0;
        for (let i = 0; i < d; i++) {
          // Math.abs, not a ternary: a data-dependent branch here measured 4× slower (mispredictions).
          s += Math.abs(q[i] - E[o + i]);
        }
        out[e] = g - s;
      }
      return;
    }
    for (let e = 0, o = 0; e < n; e++, o += d) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const x = q[i] - E[o + i];
        s += x * x;
      }
      out[e] = g - Math.sqrt(s);
    }
  }

  /**
   * With x = h + r − t: ∂score/∂h = ∂score/∂r = −∂‖x‖/∂x and ∂score/∂t =
   * +∂‖x‖/∂x, where ∂‖x‖₁/∂x = sign(x) (0 at 0, a subgradient) and
   * ∂‖x‖₂/∂x = x/‖x‖ (0 at x = 0).
   */
  accumulateGradient(h: number, r: number, t: number, dScore: number, grad: KgeParams): void {
    const d = this.dim;
    const E = this.params.entities;
    const R = this.params.relations;
    const GE = grad.entities;
    const GR = grad.relations;
    const ho = h * d;
    const ro = r * d;
    const to = t * d;
    if (this.norm === 'L1') {
      for (let i = 0; i < d; i++) {
        const x = E[ho + i] + R[ro + i] - E[to + i];
        const g = dScore * (+(x > 0) - +(x < 0));
        GE[ho + i] -= g;
        GR[ro + i] -= g;
        GE[to + i] += g;
      }
      return;
    }
    const q = this.q;
    let s = 0;
    for (let i = 0; i < d; i++) {
      const x = E[ho + i] + R[ro + i] - E[to + i];
      q[i] = x;
      s += x * x;
    }
    if (s === 0) return;
    const k = dScore / Math.sqrt(s);
    for (let i = 0; i < d; i++) {
      const g = k * q[i];
      GE[ho + i] -= g;
      GR[ro + i] -= g;
      GE[to + i] += g;
    }
  }

  scoreCorrupted(h: number, r: number, t: number, corruptHead: boolean, candidates: Int32Array, count: number, out: Float64Array): void {
    const d = this.dim;
    const E = this.params.entities;
    const q = this.sharedSide(h, r, t, corruptHead);
    const l1 = this.norm === 'L1';
    for (let j = 0; j < count; j++) {
      const o = candidates[j] * d;
      let s = 0;
      if (l1) for (let i = 0; i < d; i++) s += Math.abs(q[i] - E[o + i]);
      else {
        for (let i = 0; i < d; i++) {
          const x = q[i] - E[o + i];
          s += x * x;
        }
        s = Math.sqrt(s);
      }
      out[j] = this.gamma - s;
    }
  }

  /**
   * With q the kept side (h + r for a corrupted tail, t − r for a corrupted
   * head) and x = q − e: score = γ − ‖x‖, so ∂score/∂e = ∂‖x‖/∂x and
   * ∂score/∂q = −∂‖x‖/∂x; the q part is summed over the candidates first and
   * then added to the rows of h and r (or t and −r) once.
   */
  accumulateCorrupted(h: number, r: number, t: number, corruptHead: boolean, candidates: Int32Array, count: number, dScores: Float64Array, grad: KgeParams): void {
    const d = this.dim;
    const E = this.params.entities;
    const GE = grad.entities;
    const GR = grad.relations;
    const q = this.sharedSide(h, r, t, corruptHead);
    const gq = this.gq;
    gq.fill(0);
    const l1 = this.norm === 'L1';
    for (let j = 0; j < count; j++) {
      const o = candidates[j] * d;
      const dS = dScores[j];
      if (l1) {
        for (let i = 0; i < d; i++) {
          // sign(x)·dS from two comparisons: Math.sign and a branch both measured 2–3× slower here.
          const x = q[i] - E[o + i];
          const g = dS * (+(x > 0) - +(x < 0));
          GE[o + i] += g;
          gq[i] -= g;
        }
      } else {
        let s = 0;
        for (let i = 0; i < d; i++) {
          const x = q[i] - E[o + i];
          s += x * x;
        }
        if (s === 0) continue;
        const k = dS / Math.sqrt(s);
        for (let i = 0; i < d; i++) {
          const g = k * (q[i] - E[o + i]);
          GE[o + i] += g;
          gq[i] -= g;
        }
      }
    }
    const keep = (corruptHead ? t : h) * d;
    const ro = r * d;
    // q = h + r: both get ∂/∂q. q = t − r: t gets ∂/∂q, r its negative.
    const sr = corruptHead ? -1 : 1;
    for (let i = 0; i < d; i++) {
      GE[keep + i] += gq[i];
      GR[ro + i] += sr * gq[i];
    }
  }

  /** q = h + r (tail corrupted) or t − r (head corrupted), in this.q. */
  private sharedSide(h: number, r: number, t: number, corruptHead: boolean): Float64Array {
    const d = this.dim;
    const E = this.params.entities;
    const R = this.params.relations;
    const q = this.q;
    if (corruptHead) for (let i = 0; i < d; i++) q[i] = E[t * d + i] - R[r * d + i];
    else for (let i = 0; i < d; i++) q[i] = E[h * d + i] + R[r * d + i];
    return q;
  }

  refresh(): void {}

  /** Scales the entity's row to unit L2 norm when `normalizeEntities` is set. */
  project(entity: number): void {
    if (!this.normalizeEntities) return;
    const d = this.dim;
    const E = this.params.entities;
    const o = entity * d;
    let s = 0;
    for (let i = 0; i < d; i++) s += E[o + i] * E[o + i];
    if (s === 0) return;
    const k = 1 / Math.sqrt(s);
    for (let i = 0; i < d; i++) E[o + i] *= k;
  }

  serialize(meta: Readonly<Record<string, string>> = {}): string {
    return encodeKgeModel(
      { model: 'transe', dim: this.dim, entityCount: this.entityCount, relationCount: this.relationCount, gamma: this.gamma, options: { norm: this.norm, normalizeEntities: this.normalizeEntities }, meta },
      this.params,
    );
  }
}
