import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { secondMoment, symmetricEigen } from './linalg.js';
import { averagePower, linearMapsMse, noiseVariancePerReal, optimalLinearMse } from './theory.js';
import { trainLinearMaps } from './trainer.js';

/** n rows of a zero-mean Gaussian source in d dimensions with variances λ_i along a fixed random rotation. */
function gaussianRows(n: number, lambdas: number[], seed: number): Float64Array {
  const d = lambdas.length;
  const rot = Rng.stream(99);
  const q = new Float64Array(d * d);
  rot.fillNormal(q);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += q[i * d + j] * q[k * d + j];
      for (let j = 0; j < d; j++) q[i * d + j] -= dot * q[k * d + j];
    }
    let nn = 0;
    for (let j = 0; j < d; j++) nn += q[i * d + j] ** 2;
    for (let j = 0; j < d; j++) q[i * d + j] /= Math.sqrt(nn);
  }
  const rng = Rng.stream(seed);
  const rows = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      const z = Math.sqrt(lambdas[i]) * rng.normal();
      for (let j = 0; j < d; j++) rows[r * d + j] += z * q[i * d + j];
    }
  }
  return rows;
}

describe('trainLinearMaps', () => {
  const d = 12;
  const lambdas = Array.from({ length: d }, (_, i) => Math.pow(0.7, i));
  const channel = { channelUses: 2, snrDb: 10 };

  it('reaches the closed-form linear optimum on held-out samples within 2 %', () => {
    const n = 8000;
    const train = gaussianRows(n, lambdas, 1);
    const test = gaussianRows(n, lambdas, 2);
    const maps = trainLinearMaps(train, n, d, { ...channel, epochs: 25, batchSize: 128, learningRate: 0.01, seed: 1 });
    const { moment } = secondMoment(test, n, d, new Float64Array(d));
    const optimum = optimalLinearMse(symmetricEigen(moment, d).values, channel).mse;
    const trained = linearMapsMse(maps.encoder, maps.decoder, moment, d, 4, noiseVariancePerReal(channel));
    expect(trained / optimum).toBeLessThan(1.02);
    // Monte-Carlo through the same average-power AWGN channel agrees.
    const noise = Rng.stream(5);
    const s = Math.sqrt(noiseVariancePerReal(channel));
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const y = new Float64Array(4);
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < d; j++) y[i] += maps.encoder[i * d + j] * test[r * d + j];
        y[i] += s * noise.normal();
      }
      for (let j = 0; j < d; j++) {
        let xh = 0;
        for (let i = 0; i < 4; i++) xh += maps.decoder[j * 4 + i] * y[i];
        sum += (xh - test[r * d + j]) ** 2;
      }
    }
    expect(Math.abs(sum / n / trained - 1)).toBeLessThan(0.03);
    // The training loss fell, and the folded encoder meets the power budget on the training data.
    expect(maps.losses.at(-1)!).toBeLessThan(maps.losses[0]);
    expect(averagePower(maps.encoder, secondMoment(train, n, d, new Float64Array(d)).moment, d, 4)).toBeCloseTo(1, 9);
  });

  it('is deterministic for a seed', () => {
    const n = 500;
    const rows = gaussianRows(n, lambdas, 3);
    const o = { ...channel, epochs: 2, batchSize: 64, seed: 7 };
    const a = trainLinearMaps(rows, n, d, o);
    const b = trainLinearMaps(rows, n, d, o);
    expect(a.encoder).toEqual(b.encoder);
    expect(a.decoder).toEqual(b.decoder);
    expect(trainLinearMaps(rows, n, d, { ...o, seed: 8 }).encoder).not.toEqual(a.encoder);
  });

  it('rejects bad arguments', () => {
    expect(() => trainLinearMaps(new Float64Array(10), 5, 3, { ...channel, epochs: 1, seed: 1 })).toThrow(/rows/);
    expect(() => trainLinearMaps(new Float64Array(12), 4, 3, { ...channel, epochs: 0, seed: 1 })).toThrow(/epochs/);
  });
});
