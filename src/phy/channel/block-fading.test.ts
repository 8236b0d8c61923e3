import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { blockFadingGain, makeBlockFadingSampler } from './block-fading.js';
import { parseChannelSpec } from './spec.js';

function draws(spec: string, n: number, seed: number): Float64Array {
  const sample = makeBlockFadingSampler(spec);
  const rng = Rng.stream(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample(rng);
  return out;
}

function meanVar(v: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let s2 = 0;
  for (const x of v) s2 += (x - mean) ** 2;
  return { mean, variance: s2 / (v.length - 1) };
}

function errorCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    return (e as SemcomError).code;
  }
  throw new Error('expected a SemcomError');
}

const N = 200_000;

describe('block fading gain', () => {
  it("'none' is 1 and draws nothing", () => {
    const a = Rng.stream(3);
    expect(blockFadingGain('none', a)).toBe(1);
    expect(blockFadingGain(' AWGN ', a)).toBe(1);
    expect(a.nextUint32()).toBe(Rng.stream(3).nextUint32());
  });

  it('Rayleigh |h|² follows Exp(1): KS distance to 1 − e^{−x} below the 1 % critical value', () => {
    const n = 20_000;
    const v = draws('rayleigh', n, 5).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = 1 - Math.exp(-v[i]);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    // Kolmogorov: P(√n·D > 1.628) = 1 %.
    expect(d).toBeLessThan(1.628 / Math.sqrt(n));
  });

  it('Rayleigh has mean 1 and variance 1', () => {
    const { mean, variance } = meanVar(draws('rayleigh', N, 6));
    // Exp(1): standard error of the mean 1/√N = 0.0022; of the variance √(8/N) = 0.0063 (fourth moment 24).
    expect(Math.abs(mean - 1)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(8 / N));
  });

  it.each([
    ['rician:1', 1],
    ['rician:4', 4],
    ['rician:6dB', 10 ** 0.6],
    ['rician:10dB', 10],
    ['rician:0', 0],
  ])('%s: mean 1 and variance (1 + 2K)/(K + 1)²', (spec, k) => {
    const { mean, variance } = meanVar(draws(spec, N, 7));
    const v = (1 + 2 * k) / (k + 1) ** 2;
    expect(Math.abs(mean - 1)).toBeLessThan(5 * Math.sqrt(v / N));
    // The sample variance's standard error is √((κ − 1)/N)·v for kurtosis κ; |h|² has κ ≤ 9, Exp(1)'s (K = 0).
    expect(Math.abs(variance - v)).toBeLessThan(5 * Math.sqrt(8 / N) * v);
  });

  it('variance falls as K grows: a stronger line of sight fades less', () => {
    const v1 = meanVar(draws('rician:1', N, 8)).variance;
    const v10 = meanVar(draws('rician:10', N, 8)).variance;
    expect(v10).toBeLessThan(v1 / 3);
  });

  it("equals |h|² of the phy's fading channel for the same generator state", () => {
    for (const spec of ['rayleigh', 'rician:4', 'rician:3dB']) {
      for (let seed = 0; seed < 5; seed++) {
        const out = { y: new Float64Array(2), h: new Float64Array(2) };
        parseChannelSpec(spec).apply(new Float64Array(2), 1, Rng.stream(seed), out);
        const g = blockFadingGain(spec, Rng.stream(seed));
        expect(g).toBeCloseTo(out.h[0] ** 2 + out.h[1] ** 2, 14);
      }
    }
  });

  it('block forms are the same distribution per block', () => {
    expect(blockFadingGain('rician-block:4:64', Rng.stream(9))).toBe(blockFadingGain('rician:4', Rng.stream(9)));
    expect(blockFadingGain('Rayleigh-Block:8', Rng.stream(9))).toBe(blockFadingGain('rayleigh', Rng.stream(9)));
  });

  it('rejects bad specs with a clear error', () => {
    expect(errorCode(() => makeBlockFadingSampler('nakagami:2'))).toBe('UNKNOWN_CHANNEL');
    expect(errorCode(() => makeBlockFadingSampler('rician'))).toBe('UNKNOWN_CHANNEL');
    expect(errorCode(() => makeBlockFadingSampler('rician:-1'))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => makeBlockFadingSampler('rician:xdB'))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => makeBlockFadingSampler('rayleigh,pilots:2'))).toBe('UNSUPPORTED');
    expect(errorCode(() => makeBlockFadingSampler(42 as unknown as string))).toBe('UNKNOWN_CHANNEL');
    try {
      makeBlockFadingSampler('nakagami:2');
    } catch (e) {
      expect((e as Error).message).toMatch(/none, rayleigh, rician:K/);
    }
  });
});
