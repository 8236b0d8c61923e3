/**
 * Adam (Kingma and Ba, ICLR 2015, Algorithm 1) on a row-major parameter
 * table, updating only the rows a mini-batch touched ("lazy" Adam, as in
 * TensorFlow's LazyAdamOptimizer): an untouched row keeps its parameters and
 * moments, and the bias correction uses the global step count. The
 * reference RotatE code runs dense PyTorch Adam, which would also move
 * untouched rows along their decaying momentum; with the thousands of
 * negatives a batch draws most rows are touched anyway, and the lazy update
 * costs O(rows touched) instead of O(all parameters) per step.
 *
 * The gradient rows are zeroed as they are consumed, so the caller can
 * accumulate the next batch into the same buffer.
 */
export class RowAdam {
  readonly width: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly m: Float32Array;
  private readonly v: Float32Array;

  constructor(size: number, width: number, options: { beta1?: number; beta2?: number; epsilon?: number } = {}) {
    this.width = width;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /**
   * One Adam step (step number `t` ≥ 1, learning rate `lr`) on the rows
   * `rows[0..count)` of `params`, reading and zeroing the same rows of `grad`.
   */
  step(params: Float32Array, grad: Float32Array, rows: Int32Array, count: number, lr: number, t: number): void {
    const w = this.width;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const m = this.m;
    const v = this.v;
    // Folding both bias corrections into the step size (Kingma and Ba, end of Sec. 2).
    const a = (lr * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
    const eps = this.epsilon * Math.sqrt(1 - Math.pow(b2, t));
    for (let k = 0; k < count; k++) {
      const o = rows[k] * w;
      for (let i = o; i < o + w; i++) {
        const g = grad[i];
        grad[i] = 0;
        const mi = b1 * m[i] + (1 - b1) * g;
        const vi = b2 * v[i] + (1 - b2) * g * g;
        m[i] = mi;
        v[i] = vi;
        params[i] -= (a * mi) / (Math.sqrt(vi) + eps);
      }
    }
  }
}
