import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { awgn } from '../../phy/channel/index.js';
import { createAnalogLink } from '../../phy/link/analog-link.js';
import { channelAdaptationFromWeights, channelAdaptationWeightsPath, createChannelAdaptation } from './channel-adaptation.js';
import { matMul, transpose } from './linalg.js';
import { optimalLinearMaps } from './theory.js';
import { CHANNEL_ADAPTATION_FORMAT, CHANNEL_ADAPTATION_VERSION, type ChannelAdaptationWeights } from './weights.js';

/** Small weights: the closed-form maps of a diagonal covariance, d = 6, k = 2. */
function smallWeights(): ChannelAdaptationWeights {
  const d = 6;
  const cov = new Float64Array(d * d);
  [1, 0.5, 0.25, 0.1, 0.05, 0.01].forEach((v, i) => (cov[i * d + i] = v));
  const maps = optimalLinearMaps(cov, d, { channelUses: 2, snrDb: 10 });
  return {
    format: CHANNEL_ADAPTATION_FORMAT,
    version: CHANNEL_ADAPTATION_VERSION,
    sourceDims: d,
    channelUses: 2,
    power: 1,
    trainSnrDb: 10,
    source: 'test',
    mean: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
    encoder: [...maps.encoder],
    decoder: [...maps.decoder],
    crossCovariance: [...matMul(cov, transpose(maps.encoder, 4, d), d, d, 4)],
  };
}

describe('channel adaptation: weights validation', () => {
  it('accepts valid weights and rejects every malformed variant', () => {
    const w = smallWeights();
    expect(channelAdaptationFromWeights(w).channelUses).toBe(2);
    const bad: unknown[] = [
      { ...w, extra: 1 },
      { ...w, format: 'other' },
      { ...w, version: 2 },
      { ...w, encoder: w.encoder.slice(1) },
      { ...w, mean: [...w.mean.slice(1), Number.NaN] },
      { ...w, power: 0 },
      { ...w, decoder: undefined },
      null,
      [],
    ];
    for (const b of bad) expect(() => channelAdaptationFromWeights(b)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });

  it('reports a missing or corrupt file with the command that re-creates it', async () => {
    await expect(createChannelAdaptation({ path: join(tmpdir(), 'semcom-no-such-weights.json') })).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(/train:channel-adaptation/),
    });
    const path = join(tmpdir(), `semcom-bad-weights-${process.pid}.json`);
    await writeFile(path, '{"format": ');
    await expect(createChannelAdaptation({ path })).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
  });

  it('checks the vectors it is given', () => {
    const ca = channelAdaptationFromWeights(smallWeights());
    expect(() => ca.encode([1, 2, 3])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => ca.encode([0, 0, 0, 0, 0, Number.POSITIVE_INFINITY])).toThrow(/non-finite/);
    expect(() => ca.decode(new Float64Array(3))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => ca.decode(new Float64Array(4), { snrDb: 200 })).toThrow(expect.objectContaining({ code: 'INVALID_SNR' }));
    expect(() => ca.decode(new Float64Array(4), { snrDb: 10, n0: 0.1 })).toThrow(/not both/);
  });

  it('scales the embedding to unit length before the encoder, and sends the zero vector as the mean', () => {
    const w = smallWeights();
    const ca = channelAdaptationFromWeights(w);
    const x = [0.5, -1, 2, 0.25, 3, -0.75];
    const norm = Math.hypot(...x);
    const direct = new Float64Array(4);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 6; j++) direct[i] += w.encoder[i * 6 + j] * (x[j] / norm - w.mean[j]);
    for (const s of [1 / norm, 1, 37]) {
      const y = ca.encode(x.map((v) => s * v));
      for (let i = 0; i < 4; i++) expect(y[i]).toBeCloseTo(direct[i], 12);
    }
    expect(Array.from(ca.encode(new Float64Array(6)))).toEqual([0, 0, 0, 0]);
  });

  it('with the SNR-matched decoder equals the closed-form MMSE decoder at the design SNR', () => {
    const w = smallWeights();
    const ca = channelAdaptationFromWeights(w);
    const y = Float64Array.of(0.3, -1.2, 0.7, 0.05);
    const a = ca.decode(y);
    const b = ca.decode(y, { snrDb: 10 });
    for (let j = 0; j < 6; j++) expect(b[j]).toBeCloseTo(a[j], 12);
  });
});

describe('channel adaptation: shipped weights over the analog link', () => {
  const raw = JSON.parse(readFileSync(channelAdaptationWeightsPath(), 'utf8')) as ChannelAdaptationWeights;
  const d = raw.sourceDims;
  const m = 2 * raw.channelUses;
  const mean = Float64Array.from(raw.mean);
  const cross = Float64Array.from(raw.crossCovariance);

  /**
   * x = mean + s Σ Aᵀ z, a point of the subspace the encoder sees, with s > 0
   * chosen so that ‖x‖ = 1 (the maps carry unit-length embeddings; ‖mean‖ < 1
   * as the mean of unit vectors): s² vv + 2 s mv + mm − 1 = 0.
   */
  function subspacePoint(rng: Rng): Float64Array {
    const z = new Float64Array(m);
    rng.fillNormal(z);
    const v = matMul(cross, z, d, m, 1);
    let vv = 0;
    let mv = 0;
    let mm = 0;
    for (let j = 0; j < d; j++) {
      vv += v[j] * v[j];
      mv += mean[j] * v[j];
      mm += mean[j] * mean[j];
    }
    const s = (-mv + Math.sqrt(mv * mv - vv * (mm - 1))) / vv;
    return Float64Array.from(v, (x, j) => mean[j] + s * x);
  }

  it('loads and maps d = 100 to k complex channel uses', async () => {
    const ca = await createChannelAdaptation();
    expect(ca.sourceDims).toBe(100);
    expect(Math.hypot(...mean)).toBeLessThan(1);
    const x = subspacePoint(Rng.stream(1));
    expect(Math.hypot(...x)).toBeCloseTo(1, 12);
    expect(ca.encode(x)).toHaveLength(m);
  });

  it('round trip at high SNR is near identity within the subspace (SNR-matched decoder)', async () => {
    const ca = await createChannelAdaptation();
    const link = createAnalogLink({ channel: awgn() });
    const rng = Rng.stream(2);
    for (let t = 0; t < 20; t++) {
      const x = subspacePoint(rng);
      const rx = link.transmitComplex(ca.encode(x), 40, rng);
      const xh = ca.decode(rx.y, { n0: rx.n0 });
      let err = 0;
      let sig = 0;
      for (let j = 0; j < d; j++) {
        err += (xh[j] - x[j]) ** 2;
        sig += (x[j] - mean[j]) ** 2;
      }
      expect(Math.sqrt(err / sig)).toBeLessThan(0.02);
    }
  });

  it('the error falls as the SNR rises', async () => {
    const ca = await createChannelAdaptation();
    const link = createAnalogLink({ channel: awgn() });
    const xs = Array.from({ length: 200 }, (_, i) => subspacePoint(Rng.stream(3, i)));
    const mse = [0, 5, 10, 20, 30].map((snrDb) => {
      const rng = Rng.stream(4, snrDb);
      let sum = 0;
      for (const x of xs) {
        const xh = ca.decode(link.transmitComplex(ca.encode(x), snrDb, rng).y);
        for (let j = 0; j < d; j++) sum += (xh[j] - x[j]) ** 2;
      }
      return sum / xs.length;
    });
    for (let i = 1; i < mse.length; i++) expect(mse[i]).toBeLessThan(mse[i - 1]);
  });
});
