/**
 * RotatE (Sun, Deng, Nie and Tang, "RotatE: knowledge graph embedding by
 * relational rotation in complex space", ICLR 2019): entities are vectors in
 * C^dim and a relation is an element-wise rotation r_i = e^{iθ_i} (modulus 1),
 * so (h, r, t) is plausible when h ∘ r ≈ t:
 *
 *   score(h, r, t) = γ − Σ_i |h_i r_i − t_i|        (Sec. 3.1, Eq. 4)
 *
 * the L1 norm over complex coordinates of their moduli. Rotations model
 * symmetry (θ = π), inversion (θ' = −θ) and composition, which translations
 * cannot (Sec. 3.2); on WordNet that matters for the symmetric
 * derivationally_related_form, similar_to, also_see and verb_group.
 *
 * Layout: an entity row is [Re h_0 .. Re h_{dim−1}, Im h_0 .. Im h_{dim−1}];
 * a relation row holds dim raw parameters with θ_i = raw_i · π / range, range
 * = (γ + 2)/dim, as in the reference code (model.py), so phases start
 * uniform in [−π, π) and Adam moves phases and entity coordinates by
 * comparable relative amounts. The modulus is 1 by construction, so no
 * projection is needed. cos θ and sin θ are cached per relation; the trainer
 * calls {@link RotatE.refresh} after each update.
 */
import type { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { encodeKgeModel } from './encoding.js';
import { embeddingRange, fillUniform, type KgeModel, type KgeParams } from './kge-model.js';
import { checkModelConfig } from './transe.js';

export interface RotatEConfig {
  readonly entityCount: number;
  readonly relationCount: number;
  /** Complex dimension (an entity row holds 2·dim floats). */
  readonly dim: number;
  readonly gamma: number;
}

export class RotatE implements KgeModel {
  readonly name = 'rotate' as const;
  readonly entityCount: number;
  readonly relationCount: number;
  readonly dim: number;
  readonly gamma: number;
  readonly params: KgeParams;
  /** θ = raw · phaseScale. */
  readonly phaseScale: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly qr: Float64Array;
  private readonly qi: Float64Array;
  private readonly gqr: Float64Array;
  private readonly gqi: Float64Array;

  constructor(config: RotatEConfig, params?: KgeParams) {
    checkModelConfig(config, 'RotatE');
    this.entityCount = config.entityCount;
    this.relationCount = config.relationCount;
    this.dim = config.dim;
    this.gamma = config.gamma;
    const d = this.dim;
    if (params && (params.entityWidth !== 2 * d || params.relationWidth !== d || params.entities.length !== this.entityCount * 2 * d || params.relations.length !== this.relationCount * d)) {
      throw new SemcomError('INVALID_ARGUMENT', `RotatE: parameter tables do not match ${this.entityCount} entities, ${this.relationCount} relations of complex dim ${d}`);
    }
    this.params = params ?? { entities: new Float32Array(this.entityCount * 2 * d), relations: new Float32Array(this.relationCount * d), entityWidth: 2 * d, relationWidth: d };
    this.phaseScale = Math.PI / embeddingRange(this.gamma, d);
    this.cos = new Float64Array(this.relationCount * d);
    this.sin = new Float64Array(this.relationCount * d);
    this.qr = new Float64Array(d);
    this.qi = new Float64Array(d);
    this.gqr = new Float64Array(d);
    this.gqi = new Float64Array(d);
    this.refresh();
  }

  /** A model initialised uniformly in ±(γ + 2)/dim, as the reference code does. */
  static random(config: RotatEConfig, rng: Rng): RotatE {
    const m = new RotatE(config);
    const range = embeddingRange(m.gamma, m.dim);
    fillUniform(m.params.entities, range, rng);
    fillUniform(m.params.relations, range, rng);
    m.refresh();
    return m;
  }

  refresh(): void {
    const R = this.params.relations;
    for (let j = 0; j < R.length; j++) {
      const theta = R[j] * this.phaseScale;
      this.cos[j] = Math.cos(theta);
      this.sin[j] = Math.sin(theta);
    }
  }

  score(h: number, r: number, t: number): number {
    const d = this.dim;
    const E = this.params.entities;
    const C = this.cos;
    const S = this.sin;
    const ho = 2 * h * d;
    const to = 2 * t * d;
    const ro = r * d;
    let s = 0;
    for (let i = 0; i < d; i++) {
      const hr = E[ho + i];
      const hi = E[ho + d + i];
      const c = C[ro + i];
      const sn = S[ro + i];
      const re = hr * c - hi * sn - E[to + i];
      const im = hr * sn + hi * c - E[to + d + i];
      s += Math.sqrt(re * re + im * im);
    }
    return this.gamma - s;
  }

  /** score(h, r, e) = γ − Σ |q_i − e_i| with q = h ∘ r. */
  scoreAllTails(h: number, r: number, out: Float32Array): void {
    this.sharedSide(h, r, -1, false);
    this.distancesTo(out);
  }

  /** |e ∘ r − t| = |e − t ∘ r̄| since |r| = 1, so score(e, r, t) = γ − Σ |e_i − q_i| with q = t ∘ conj(r). */
  scoreAllHeads(r: number, t: number, out: Float32Array): void {
    this.sharedSide(-1, r, t, true);
    this.distancesTo(out);
  }

  private distancesTo(out: Float32Array): void {
    const d = this.dim;
    const E = this.params.entities;
    const qr = this.qr;
    const qi = this.qi;
    const n = this.entityCount;
    const g = this.gamma;
    for (let e = 0, o = 0; e < n; e++, o += 2 * d) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const a = qr[i] - E[o + i];
        const b = qi[i] - E[o + d + i];
        s += Math.sqrt(a * a + b * b);
      }
      out[e] = g - s;
    }
  }

  /**
   * Per coordinate, with u = h∘r − t = (re, im) and m = |u|, score = γ − Σ m:
   * ∂m/∂(Re t, Im t) = −(re, im)/m; ∂m/∂(Re h, Im h) = (re c + im s, −re s + im c)/m;
   * ∂m/∂θ = (re (−Re h s − Im h c) + im (Re h c − Im h s))/m; ∂θ/∂raw = phaseScale.
   * At m = 0 the subgradient 0 is used.
   */
  accumulateGradient(h: number, r: number, t: number, dScore: number, grad: KgeParams): void {
    const d = this.dim;
    const E = this.params.entities;
    const GE = grad.entities;
    const GR = grad.relations;
    const C = this.cos;
    const S = this.sin;
    const ho = 2 * h * d;
    const to = 2 * t * d;
    const ro = r * d;
    const ps = this.phaseScale;
    for (let i = 0; i < d; i++) {
      const hr = E[ho + i];
      const hi = E[ho + d + i];
      const c = C[ro + i];
      const sn = S[ro + i];
      const rotr = hr * c - hi * sn;
      const roti = hr * sn + hi * c;
      const re = rotr - E[to + i];
      const im = roti - E[to + d + i];
      const m = Math.sqrt(re * re + im * im);
      if (m === 0) continue;
      // dScore · ∂score/∂u = −dScore · u/m.
      const k = -dScore / m;
      const gre = k * re;
      const gim = k * im;
      GE[ho + i] += gre * c + gim * sn;
      GE[ho + d + i] += -gre * sn + gim * c;
      GE[to + i] -= gre;
      GE[to + d + i] -= gim;
      GR[ro + i] += (gre * -roti + gim * rotr) * ps;
    }
  }

  scoreCorrupted(h: number, r: number, t: number, corruptHead: boolean, candidates: Int32Array, count: number, out: Float64Array): void {
    const d = this.dim;
    const E = this.params.entities;
    this.sharedSide(h, r, t, corruptHead);
    const qr = this.qr;
    const qi = this.qi;
    for (let j = 0; j < count; j++) {
      const o = 2 * candidates[j] * d;
      let s = 0;
      for (let i = 0; i < d; i++) {
        const a = qr[i] - E[o + i];
        const b = qi[i] - E[o + d + i];
        s += Math.sqrt(a * a + b * b);
      }
      out[j] = this.gamma - s;
    }
  }

  /**
   * Both modes score γ − Σ|q − e| with q = h∘r (tail corrupted) or t∘r̄
   * (head corrupted): ∂score/∂e = (q − e)/|q − e| and ∂score/∂q is its
   * negative, summed over the candidates and then taken through q to the
   * kept entity and the phases (∂(h∘r)/∂θ = i·q, ∂(t∘r̄)/∂θ = −i·q).
   */
  accumulateCorrupted(h: number, r: number, t: number, corruptHead: boolean, candidates: Int32Array, count: number, dScores: Float64Array, grad: KgeParams): void {
    const d = this.dim;
    const E = this.params.entities;
    const GE = grad.entities;
    const GR = grad.relations;
    this.sharedSide(h, r, t, corruptHead);
    const qr = this.qr;
    const qi = this.qi;
    const gr = this.gqr;
    const gi = this.gqi;
    gr.fill(0);
    gi.fill(0);
    for (let j = 0; j < count; j++) {
      const o = 2 * candidates[j] * d;
      const dS = dScores[j];
      for (let i = 0; i < d; i++) {
        const a = qr[i] - E[o + i];
        const b = qi[i] - E[o + d + i];
        const m = Math.sqrt(a * a + b * b);
        if (m === 0) continue;
        const k = dS / m;
        GE[o + i] += k * a;
        GE[o + d + i] += k * b;
        gr[i] -= k * a;
        gi[i] -= k * b;
      }
    }
    const C = this.cos;
    const S = this.sin;
    const ro = r * d;
    const ps = this.phaseScale;
    if (corruptHead) {
      const to = 2 * t * d;
      for (let i = 0; i < d; i++) {
        const c = C[ro + i];
        const sn = S[ro + i];
        GE[to + i] += gr[i] * c - gi[i] * sn;
        GE[to + d + i] += gr[i] * sn + gi[i] * c;
        GR[ro + i] += (gr[i] * qi[i] - gi[i] * qr[i]) * ps;
      }
    } else {
      const ho = 2 * h * d;
      for (let i = 0; i < d; i++) {
        const c = C[ro + i];
        const sn = S[ro + i];
        GE[ho + i] += gr[i] * c + gi[i] * sn;
        GE[ho + d + i] += -gr[i] * sn + gi[i] * c;
        GR[ro + i] += (-gr[i] * qi[i] + gi[i] * qr[i]) * ps;
      }
    }
  }

  /** q = h∘r (tail corrupted) or t∘conj(r) (head corrupted), into qr, qi. */
  private sharedSide(h: number, r: number, t: number, corruptHead: boolean): void {
    const d = this.dim;
    const E = this.params.entities;
    const ro = r * d;
    const o = 2 * (corruptHead ? t : h) * d;
    for (let i = 0; i < d; i++) {
      const xr = E[o + i];
      const xi = E[o + d + i];
      const c = this.cos[ro + i];
      const sn = this.sin[ro + i];
      if (corruptHead) {
        this.qr[i] = xr * c + xi * sn;
        this.qi[i] = xi * c - xr * sn;
      } else {
        this.qr[i] = xr * c - xi * sn;
        this.qi[i] = xr * sn + xi * c;
      }
    }
  }

  serialize(meta: Readonly<Record<string, string>> = {}): string {
    return encodeKgeModel({ model: 'rotate', dim: this.dim, entityCount: this.entityCount, relationCount: this.relationCount, gamma: this.gamma, options: {}, meta }, this.params);
  }
}
