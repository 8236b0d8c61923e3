/**
 * The negative-sampling loss with self-adversarial weights of RotatE (Sun et
 * al. 2019, Sec. 3.3, Eqs. 4–5), for one positive triple with score s⁺ and
 * k negatives with scores s_j (score = γ − distance):
 *
 *   L = −log σ(s⁺) − Σ_j p_j log σ(−s_j),   p_j = exp(α s_j) / Σ_l exp(α s_l)
 *
 * The weights p are the model's own belief that a negative is plausible, so
 * hard negatives count more; as in the paper they are constants for the
 * gradient ("we treat them as the weight of the negative sample"; the
 * reference code detaches them). α = 0 gives uniform weights 1/k, the plain
 * negative-sampling loss (Mikolov et al. 2013) averaged over negatives.
 *
 * Derivatives: ∂L/∂s⁺ = −σ(−s⁺), ∂L/∂s_j = p_j σ(s_j).
 */

/** log σ(x), stable for large |x|. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** σ(x), stable for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Reusable buffers for the loss of one positive and up to `maxNegatives` negatives (no allocation per call). */
export class AdversarialLoss {
  /** Loss of the last {@link compute}. */
  loss = 0;
  /** ∂L/∂s⁺ of the last call. */
  dPositive = 0;
  /** ∂L/∂s_j of the last call (first k entries). */
  readonly dNegative: Float64Array;
  /** The self-adversarial weights p_j of the last call. */
  readonly weights: Float64Array;

  constructor(maxNegatives: number) {
    this.dNegative = new Float64Array(maxNegatives);
    this.weights = new Float64Array(maxNegatives);
  }

  /**
   * Loss and derivatives for `sPositive` and `sNegative[0..k)` at temperature
   * `alpha`. With `fixedWeights`, those weights are used instead of the
   * softmax (to check the gradient with the weights held constant).
   */
  compute(sPositive: number, sNegative: Float64Array, k: number, alpha: number, fixedWeights?: Float64Array): number {
    const p = this.weights;
    if (fixedWeights) {
      for (let j = 0; j < k; j++) p[j] = fixedWeights[j];
    } else {
      let max = -Infinity;
      for (let j = 0; j < k; j++) if (alpha * sNegative[j] > max) max = alpha * sNegative[j];
      let z = 0;
      for (let j = 0; j < k; j++) {
        p[j] = Math.exp(alpha * sNegative[j] - max);
        z += p[j];
      }
      for (let j = 0; j < k; j++) p[j] /= z;
    }
    let loss = -logSigmoid(sPositive);
    for (let j = 0; j < k; j++) {
      loss -= p[j] * logSigmoid(-sNegative[j]);
      this.dNegative[j] = p[j] * sigmoid(sNegative[j]);
    }
    this.dPositive = -sigmoid(-sPositive);
    this.loss = loss;
    return loss;
  }
}
