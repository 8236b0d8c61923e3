/**
 * Trains the two linear mapping layers of the channel adaptation (seed 003
 * Sec. IV: "channel adaptation modules are implemented using two linear
 * mapping layers") end to end through a simulated AWGN channel, by minibatch
 * Adam (Kingma and Ba, ICLR 2015) on the squared error, in plain TypeScript.
 *
 * Forward pass, for a minibatch X (n × d, centered source rows):
 *   U = X Aᵀ (n × m), c = √(k·P·n / ‖U‖²) (average power normalization over
 *   the batch, as DeepJSCC does), S = c U, Y = S + N with N ~ N(0, σ²),
 *   X̂ = Y Bᵀ, L = (1/n) ‖X̂ − X‖².
 * Backward pass (hand-derived): G = (2/n)(X̂ − X), ∂L/∂B = Gᵀ Y, ∂L/∂S = G B,
 *   ∂L/∂U = c ∂L/∂S − (c ⟨∂L/∂S, U⟩ / ‖U‖²) U, ∂L/∂A = (∂L/∂U)ᵀ X.
 * After training the normalization is folded into A with c computed over the
 * whole training set, so `encode` is a fixed linear map whose average power
 * on the training data is exactly P per complex channel use.
 *
 * Deterministic: initial weights, batch order and channel noise all come from
 * `Rng.stream(seed, ...)`.
 */
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { noiseVariancePerReal, type LinearChannel } from './theory.js';

export interface TrainLinearOptions extends LinearChannel {
  readonly epochs: number;
  /** Rows per minibatch (default 256). */
  readonly batchSize?: number;
  /** Peak Adam step size (default 0.01), decayed by a half cosine to 1 % of it. */
  readonly learningRate?: number;
  readonly seed: number;
  /** Called after each epoch with the mean training loss of that epoch. */
  readonly onEpoch?: (epoch: number, trainLoss: number) => void;
}

export interface TrainedLinearMaps {
  /** A, (2k) × d row-major, normalization folded in. */
  readonly encoder: Float64Array;
  /** B, d × (2k) row-major. */
  readonly decoder: Float64Array;
  /** Mean training loss per epoch (squared error per source vector, noise included). */
  readonly losses: readonly number[];
}

class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(readonly size: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  step(w: Float64Array, g: Float64Array, lr: number): void {
    const b1 = 0.9;
    const b2 = 0.999;
    this.t++;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    for (let i = 0; i < this.size; i++) {
      this.m[i] = b1 * this.m[i] + (1 - b1) * g[i];
      this.v[i] = b2 * this.v[i] + (1 - b2) * g[i] * g[i];
      w[i] -= (lr * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + 1e-8);
    }
  }
}

/** Trains A and B on `rows` (n × d, already centered: the mean is subtracted by the caller). */
export function trainLinearMaps(rows: Float64Array, n: number, d: number, options: TrainLinearOptions): TrainedLinearMaps {
  const k = options.channelUses;
  const m = 2 * k;
  const power = options.power ?? 1;
  const sigma = Math.sqrt(noiseVariancePerReal(options));
  const batch = options.batchSize ?? 256;
  const lr0 = options.learningRate ?? 0.01;
  if (rows.length !== n * d || n < 2) throw new SemcomError('INVALID_ARGUMENT', `training data must hold n ≥ 2 rows of ${d} values`);
  if (!Number.isInteger(options.epochs) || options.epochs < 1) throw new SemcomError('INVALID_ARGUMENT', `epochs must be an integer ≥ 1, got ${options.epochs}`);
  if (!Number.isInteger(batch) || batch < 2) throw new SemcomError('INVALID_ARGUMENT', `batchSize must be an integer ≥ 2, got ${batch}`);

  const init = Rng.stream(options.seed, 0);
  const a = new Float64Array(m * d);
  const b = new Float64Array(d * m);
  for (let i = 0; i < a.length; i++) a[i] = init.normal() / Math.sqrt(d);
  for (let i = 0; i < b.length; i++) b[i] = (0.1 * init.normal()) / Math.sqrt(m);
  const adamA = new Adam(a.length);
  const adamB = new Adam(b.length);

  const order = Array.from({ length: n }, (_, i) => i);
  const x = new Float64Array(batch * d);
  const u = new Float64Array(batch * m);
  const y = new Float64Array(batch * m);
  const g = new Float64Array(batch * d);
  const ds = new Float64Array(batch * m);
  const ga = new Float64Array(m * d);
  const gb = new Float64Array(d * m);
  const stepsPerEpoch = Math.ceil(n / batch);
  const totalSteps = stepsPerEpoch * options.epochs;
  const losses: number[] = [];
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    Rng.stream(options.seed, 1, epoch).shuffle(order);
    const noise = Rng.stream(options.seed, 2, epoch);
    let lossSum = 0;
    for (let start = 0; start < n; start += batch) {
      const nb = Math.min(batch, n - start);
      for (let r = 0; r < nb; r++) x.set(rows.subarray(order[start + r] * d, order[start + r] * d + d), r * d);
      // U = X Aᵀ
      let uu = 0;
      for (let r = 0; r < nb; r++) {
        for (let i = 0; i < m; i++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += x[r * d + j] * a[i * d + j];
          u[r * m + i] = s;
          uu += s * s;
        }
      }
      const c = uu > 0 ? Math.sqrt((k * power * nb) / uu) : 1;
      for (let i = 0; i < nb * m; i++) y[i] = c * u[i] + sigma * noise.normal();
      // X̂ = Y Bᵀ, G = (2/n)(X̂ − X)
      let loss = 0;
      for (let r = 0; r < nb; r++) {
        for (let j = 0; j < d; j++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += y[r * m + i] * b[j * m + i];
          const e = s - x[r * d + j];
          loss += e * e;
          g[r * d + j] = (2 / nb) * e;
        }
      }
      lossSum += loss;
      // ∂B = Gᵀ Y, ∂S = G B
      gb.fill(0);
      for (let r = 0; r < nb; r++) {
        for (let j = 0; j < d; j++) {
          const gj = g[r * d + j];
          for (let i = 0; i < m; i++) gb[j * m + i] += gj * y[r * m + i];
        }
      }
      let dsu = 0;
      for (let r = 0; r < nb; r++) {
        for (let i = 0; i < m; i++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += g[r * d + j] * b[j * m + i];
          ds[r * m + i] = s;
          dsu += s * u[r * m + i];
        }
      }
      // ∂U = c ∂S − (c ⟨∂S, U⟩ / ‖U‖²) U, then ∂A = ∂Uᵀ X
      const corr = uu > 0 ? (c * dsu) / uu : 0;
      ga.fill(0);
      for (let r = 0; r < nb; r++) {
        for (let i = 0; i < m; i++) {
          const du = c * ds[r * m + i] - corr * u[r * m + i];
          for (let j = 0; j < d; j++) ga[i * d + j] += du * x[r * d + j];
        }
      }
      const lr = lr0 * (0.01 + 0.99 * 0.5 * (1 + Math.cos((Math.PI * step) / totalSteps)));
      adamA.step(a, ga, lr);
      adamB.step(b, gb, lr);
      step++;
    }
    losses.push(lossSum / n);
    options.onEpoch?.(epoch + 1, lossSum / n);
  }

  // Fold the average power normalization over the whole training set into A.
  let energy = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += rows[r * d + j] * a[i * d + j];
      energy += s * s;
    }
  }
  const c = energy > 0 ? Math.sqrt((k * power * n) / energy) : 1;
  for (let i = 0; i < a.length; i++) a[i] *= c;
  return { encoder: a, decoder: b, losses };
}
