import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { matMul, transpose } from './linalg.js';
import { averagePower, linearMapsMse, lmmseDecoder, noiseVariancePerReal, optimalLinearMaps, optimalLinearMse } from './theory.js';

/** Σ = Q diag(λ) Qᵀ with a random rotation Q (Gram–Schmidt on Gaussian rows). */
function covariance(lambdas: number[], rng: Rng): Float64Array {
  const d = lambdas.length;
  const q = new Float64Array(d * d);
  rng.fillNormal(q);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += q[i * d + j] * q[k * d + j];
      for (let j = 0; j < d; j++) q[i * d + j] -= dot * q[k * d + j];
    }
    let n = 0;
    for (let j = 0; j < d; j++) n += q[i * d + j] ** 2;
    for (let j = 0; j < d; j++) q[i * d + j] /= Math.sqrt(n);
  }
  const ql = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) ql[i * d + j] = q[j * d + i] * lambdas[j];
  return matMul(ql, q, d, d, d);
}

describe('optimal linear coding (Lee and Petersen 1976)', () => {
  it('equal eigenvalues, d = 2k: equal powers and D = d·λσ²/(P·k/d + σ²)', () => {
    const ch = { channelUses: 2, snrDb: 7 };
    const s2 = noiseVariancePerReal(ch);
    const r = optimalLinearMse([0.5, 0.5, 0.5, 0.5], ch);
    expect(r.active).toBe(4);
    for (const p of r.powers) expect(p).toBeCloseTo(0.5, 12);
    expect(r.mse).toBeCloseTo((4 * 0.5 * s2) / (0.5 + s2), 12);
  });

  it('scalar source, one real dimension used: D = λσ²/(P·k + σ²) for d = 1', () => {
    const ch = { channelUses: 3, snrDb: 0 };
    const s2 = noiseVariancePerReal(ch);
    expect(optimalLinearMse([2], ch).mse).toBeCloseTo((2 * s2) / (3 + s2), 12);
  });

  it('drops weak components at low SNR and tends to the tail sum at high SNR', () => {
    const lam = [4, 1, 0.01, 0.001, 0.0001];
    expect(optimalLinearMse(lam, { channelUses: 1, snrDb: -10 }).active).toBe(1);
    const hi = optimalLinearMse(lam, { channelUses: 1, snrDb: 90 });
    expect(hi.active).toBe(2);
    expect(hi.mse).toBeCloseTo(0.01 + 0.001 + 0.0001, 6);
  });

  it('the closed-form maps meet the power budget and achieve D*', () => {
    const d = 10;
    const lam = Array.from({ length: d }, (_, i) => Math.pow(0.6, i));
    const cov = covariance(lam, Rng.stream(3));
    for (const snrDb of [-5, 5, 20]) {
      const ch = { channelUses: 3, snrDb };
      const maps = optimalLinearMaps(cov, d, ch);
      expect(averagePower(maps.encoder, cov, d, 6)).toBeCloseTo(1, 9);
      expect(linearMapsMse(maps.encoder, maps.decoder, cov, d, 6, noiseVariancePerReal(ch))).toBeCloseTo(optimalLinearMse(lam, ch).mse, 9);
    }
  });

  it('no random encoder at the same power, with its MMSE decoder, beats D*', () => {
    const d = 8;
    const m = 4;
    const lam = Array.from({ length: d }, (_, i) => 1 / (1 + i));
    const cov = covariance(lam, Rng.stream(4));
    const ch = { channelUses: 2, snrDb: 10 };
    const s2 = noiseVariancePerReal(ch);
    const best = optimalLinearMse(lam, ch).mse;
    const rng = Rng.stream(5);
    for (let t = 0; t < 50; t++) {
      const a = new Float64Array(m * d);
      rng.fillNormal(a);
      const scale = Math.sqrt(1 / averagePower(a, cov, d, m));
      for (let i = 0; i < a.length; i++) a[i] *= scale;
      const mse = linearMapsMse(a, lmmseDecoder(a, cov, d, m, s2), cov, d, m, s2);
      expect(mse).toBeGreaterThanOrEqual(best * (1 - 1e-12));
    }
  });

  it('linearMapsMse matches a Monte-Carlo estimate', () => {
    const d = 4;
    const m = 2;
    const cov = covariance([1, 0.5, 0.2, 0.1], Rng.stream(6));
    const a = Float64Array.of(0.3, -0.2, 0.5, 0.1, 0.2, 0.4, -0.1, 0.3);
    const b = transpose(a, m, d);
    const s2 = 0.05;
    const rng = Rng.stream(7);
    const n = 200_000;
    // x = L z ~ N(0, Σ) with Σ = L Lᵀ (Cholesky).
    const l = new Float64Array(d * d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j <= i; j++) {
        let s = cov[i * d + j];
        for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
        l[i * d + j] = i === j ? Math.sqrt(s) : s / l[j * d + j];
      }
    }
    let sum = 0;
    const z = new Float64Array(d);
    const x = new Float64Array(d);
    for (let t = 0; t < n; t++) {
      rng.fillNormal(z);
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let k = 0; k <= i; k++) s += l[i * d + k] * z[k];
        x[i] = s;
      }
      const y = matMul(a, x, m, d, 1);
      for (let i = 0; i < m; i++) y[i] += Math.sqrt(s2) * rng.normal();
      const xh = matMul(b, y, d, m, 1);
      for (let i = 0; i < d; i++) sum += (xh[i] - x[i]) ** 2;
    }
    const expected = linearMapsMse(a, b, cov, d, m, s2);
    expect(Math.abs(sum / n - expected) / expected).toBeLessThan(0.01);
  });
});
