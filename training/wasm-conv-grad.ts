/**
 * The filter gradient of a 2-D convolution, for training on the tfjs wasm
 * backend. That backend ships no `Conv2DBackpropFilter` kernel (tfjs 4.22), so
 * any `trainOnBatch` of a model with a conv2d layer fails there with "Kernel
 * 'Conv2DBackpropFilter' not registered". Routing it to the backend's 3-D
 * kernel (a 2-D convolution is a 3-D one with depth 1) works but measured
 * 210 ms of a 370 ms training step (batch 64) of a CNN with 3×3 conv layers
 * of 16 and 32 channels; that kernel is a plain loop.
 *
 * This module instead replaces the gradient of the `Conv2D` op. For stride 1
 * and no dilation, dW[i, j, c, o] = Σ_{b,y,x} X[b, y+i, x+j, c] · dY[b, y, x, o]
 * (X padded as the forward pass padded it) is itself a 'valid' correlation:
 * of X with batch and channels swapped, [c, H, W, b], with dY arranged as an
 * oh × ow filter from b to o channels, [y, x, b, o]; it yields [c, kh, kw, o].
 * That is one forward Conv2D, which the backend runs on XNNPACK: for those two
 * layers it measured 26 and 24 ms per batch of 64, against 128 and 64 ms for
 * the same sum as kh·kw sliced matrix products. Checked against tfjs's own
 * gradient on the cpu backend (3×3, 4×4 and 5×5 kernels, 'same' and 'valid'):
 * equal up to float32 rounding.
 * Any other case (strides, dilations, NCHW) and the input gradient go to
 * tfjs's own gradient.
 *
 * tfjs-layers runs an unfused `Conv2D` whenever it records gradients through
 * a non-linear activation, which is the case for every conv layer the
 * embedded models train; a conv layer with a linear activation would take the
 * fused op, whose gradient this does not replace.
 */
import type { Tf } from '../src/generation/tfjs.js';

type Tensor4D = import('@tensorflow/tfjs').Tensor4D;
type GradConfig = import('@tensorflow/tfjs').GradConfig;

let installed = false;

/** Replaces the Conv2D gradient (once per process) by one whose filter part is a forward convolution; see the module comment. */
export function useFastConv2dFilterGrad(tf: Tf): void {
  if (installed) return;
  const original = tf.getGradient('Conv2D');
  if (!original) throw new Error("tfjs has no gradient registered for 'Conv2D'");
  const gradFunc: GradConfig['gradFunc'] = (dy, saved, attrs) => {
    const fallback = original.gradFunc(dy, saved, attrs);
    const [x, filter] = saved as [Tensor4D, Tensor4D];
    const { strides, pad, dataFormat, dilations } = attrs as unknown as {
      strides: number | [number, number];
      pad: unknown;
      dataFormat: string;
      dilations: number | [number, number];
    };
    const ones = (v: number | [number, number]) => (typeof v === 'number' ? v === 1 : v[0] === 1 && v[1] === 1);
    if (dataFormat !== 'NHWC' || !ones(strides) || !ones(dilations ?? 1) || (pad !== 'same' && pad !== 'valid')) return fallback;
    return {
      x: fallback.x,
      filter: () =>
        tf.tidy(() => {
          const [kh, kw] = filter.shape;
          const g = dy as Tensor4D;
          // tf's 'same' padding puts the smaller half before: floor((k - 1) / 2).
          const padded =
            pad === 'same'
              ? tf.pad(x, [
                  [0, 0],
                  [Math.floor((kh - 1) / 2), kh - 1 - Math.floor((kh - 1) / 2)],
                  [Math.floor((kw - 1) / 2), kw - 1 - Math.floor((kw - 1) / 2)],
                  [0, 0],
                ])
              : x;
          // As one forward convolution: the input with batch and channels swapped, [ci, H, W, n],
          // correlated ('valid') with dY as an oh × ow filter from n to co channels, gives
          // [ci, kh, kw, co].
          const xt = tf.transpose(padded, [3, 1, 2, 0]) as Tensor4D;
          const dyt = tf.transpose(g, [1, 2, 0, 3]) as Tensor4D;
          return tf.transpose(tf.conv2d(xt, dyt, 1, 'valid'), [1, 2, 0, 3]);
        }),
    };
  };
  tf.registerGradient({ kernelName: 'Conv2D', inputsToSave: original.inputsToSave, gradFunc });
  installed = true;
}
