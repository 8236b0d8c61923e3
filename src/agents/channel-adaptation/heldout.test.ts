/**
 * The shipped channel adaptation against theory on held-out data: the
 * WordNet test-split embeddings (the shared word-vectors model, unit length:
 * source.ts), the closed-form optimum of linear coding (Lee and Petersen
 * 1976) from their second-moment eigenvalues, and the trained maps' MSE at
 * the training SNR. Loads the compact word-vector table (under 0.1 s).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { wordnetTexts } from '../../datasets/wordnet.js';
import { channelAdaptationWeightsPath, createChannelAdaptation } from './channel-adaptation.js';
import { secondMoment, symmetricEigen } from './linalg.js';
import { embedSourceTexts, SOURCE_DESCRIPTION } from './source.js';
import { averagePower, linearMapsMse, noiseVariancePerReal, optimalLinearMse } from './theory.js';
import type { ChannelAdaptationWeights } from './weights.js';

describe('channel adaptation on held-out WordNet embeddings', () => {
  it('the trained linear maps come within a few percent of the closed-form optimum', async () => {
    const raw = JSON.parse(readFileSync(channelAdaptationWeightsPath(), 'utf8')) as ChannelAdaptationWeights;
    // Weights trained on another source would make every figure below meaningless.
    expect(raw.source).toBe(SOURCE_DESCRIPTION);
    const ca = await createChannelAdaptation();
    const d = raw.sourceDims;
    const m = 2 * raw.channelUses;
    const test = await embedSourceTexts(wordnetTexts('test'));
    expect(test.dims).toBe(d);
    expect(test.count).toBeGreaterThan(4000);
    const mean = Float64Array.from(raw.mean);
    const { moment } = secondMoment(test.rows, test.count, d, mean);
    const channel = { channelUses: raw.channelUses, snrDb: raw.trainSnrDb };
    const sigma2 = noiseVariancePerReal(channel);
    const optimum = optimalLinearMse(symmetricEigen(moment, d).values, channel).mse;
    const a = Float64Array.from(raw.encoder);
    const b = Float64Array.from(raw.decoder);
    const trained = linearMapsMse(a, b, moment, d, m, sigma2);

    // Measured (models/channel-adaptation/README.md): 0.1549 vs D* = 0.1515 at 10 dB, ratio 1.022
    // (the closed-form maps designed on train reach 1.020). Bound: within 3 %, and not below the
    // optimum by more than the test power's deviation from 1 allows.
    expect(trained / optimum).toBeLessThan(1.03);
    expect(trained / optimum).toBeGreaterThan(0.99);
    expect(Math.abs(averagePower(a, moment, d, m) - 1)).toBeLessThan(0.05);
    // The runtime module through an average-power AWGN channel gives the same MSE (Monte-Carlo).
    const rng = Rng.stream(11);
    let sum = 0;
    for (let r = 0; r < test.count; r++) {
      const x = test.rows.subarray(r * d, r * d + d);
      const y = ca.encode(x);
      for (let i = 0; i < m; i++) y[i] += Math.sqrt(sigma2) * rng.normal();
      const xh = ca.decode(y);
      for (let j = 0; j < d; j++) sum += (xh[j] - x[j]) ** 2;
    }
    expect(Math.abs(sum / test.count / trained - 1)).toBeLessThan(0.02);
  });
});
