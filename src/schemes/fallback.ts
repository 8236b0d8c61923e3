/**
 * What a receiver shows when nothing usable arrived: the mean image of the
 * training split, the minimum-MSE guess without information. Both ends know it
 * (it is part of the shared dataset knowledge), so it costs no bits.
 */
import { loadMnist, MNIST_PIXELS } from '../datasets/mnist.js';

let mean: Uint8Array | null = null;

export function mnistMeanImage(): Uint8Array {
  if (mean) return mean;
  const train = loadMnist('train');
  const sum = new Float64Array(MNIST_PIXELS);
  for (let i = 0; i < train.count; i++) {
    for (let p = 0; p < MNIST_PIXELS; p++) sum[p] += train.images[i * MNIST_PIXELS + p];
  }
  mean = new Uint8Array(MNIST_PIXELS);
  for (let p = 0; p < MNIST_PIXELS; p++) mean[p] = Math.round(sum[p] / train.count);
  return mean;
}
