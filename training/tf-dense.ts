/**
 * Dense layers for hand-written tfjs training graphs, with a matMul gradient
 * of our own. Why: on the tfjs wasm backend a matMul with transposeA or
 * transposeB (which tfjs's built-in matMul gradient uses) runs 10–30× slower
 * than an explicit transpose followed by a plain matMul (measured on this
 * project's 2-core machine: 87 ms against 6 ms for 794×100 · 100×256), which
 * made a training step 3× slower. A layer fed by data can also skip dL/dx.
 */
import type { Tf } from '../src/generation/tfjs.js';

type Tensor = import('@tensorflow/tfjs').Tensor;
type Tensor2D = import('@tensorflow/tfjs').Tensor2D;
type Layer = import('@tensorflow/tfjs').layers.Layer;

/** Activation of a dense layer in the training graph (same names as tfjs layers). */
export type DenseActivation = 'relu' | 'swish' | 'linear';

export function denseOps(tf: Tf) {
  const mm = (withDx: boolean) =>
    tf.customGrad(((x: Tensor2D, k: Tensor2D, save: (t: Tensor[]) => void) => {
      save([x, k]);
      return {
        value: tf.matMul(x, k),
        // d(xK)/dx = dy·Kᵀ, d(xK)/dK = xᵀ·dy, with explicit transposes.
        gradFunc: (dy: Tensor2D, [sx, sk]: Tensor2D[]) => [
          withDx ? tf.matMul(dy, tf.transpose(sk)) : tf.zerosLike(sx),
          tf.matMul(tf.transpose(sx), dy),
        ],
      };
    }) as never) as unknown as (x: Tensor, k: Tensor) => Tensor;
  const mmDx = mm(true);
  const mmNoDx = mm(false);
  return {
    /** act(x·W + b) with the kernel and bias variables of a tfjs dense layer (so gradients reach them). */
    dense(x: Tensor, layer: Layer, act: DenseActivation, withDx: boolean): Tensor {
      const [k, b] = layer.trainableWeights.map((w) => w.read());
      const y = (withDx ? mmDx : mmNoDx)(x, k).add(b);
      // swish(y) = y·sigmoid(y), as tfjs's 'swish' activation with its default α = 1.
      return act === 'relu' ? tf.relu(y) : act === 'swish' ? y.mul(tf.sigmoid(y)) : y;
    },
  };
}

/** Fisher–Yates shuffle driven by a seeded generator (tfjs's model.fit would use Math.random). */
export function shuffleInPlace(idx: Uint32Array, rng: { nextInt(n: number): number }): void {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
}
