import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { awgn, erasureChannel, parseChannelSpec, rayleigh, rician, type Channel } from './index.js';

function stats(v: ArrayLike<number>, step = 1, offset = 0) {
  let n = 0;
  let s = 0;
  let s2 = 0;
  for (let i = offset; i < v.length; i += step) {
    s += v[i];
    s2 += v[i] * v[i];
    n++;
  }
  const mean = s / n;
  return { n, mean, variance: s2 / n - mean * mean };
}

function run(ch: Channel, S: number, n0: number, seed: number, x = new Float64Array(2 * S)) {
  const out = { y: new Float64Array(2 * S), h: new Float64Array(2 * S), hEst: new Float64Array(2 * S) };
  ch.apply(x, n0, Rng.stream(seed), out);
  return out;
}

const S = 200_000;

describe('awgn', () => {
  it('adds CN(0, N0) noise: mean 0, variance N0/2 per real dimension, uncorrelated I/Q', () => {
    const n0 = 0.5;
    const { y, h, hEst } = run(awgn(), S, n0, 1);
    const re = stats(y, 2, 0);
    const im = stats(y, 2, 1);
    // Sample variance of n Gaussians has std σ²·√(2/n); allow 5 standard deviations.
    const tolVar = 5 * (n0 / 2) * Math.sqrt(2 / S);
    expect(Math.abs(re.variance - n0 / 2)).toBeLessThan(tolVar);
    expect(Math.abs(im.variance - n0 / 2)).toBeLessThan(tolVar);
    expect(Math.abs(re.mean)).toBeLessThan(5 * Math.sqrt(n0 / 2 / S));
    let c = 0;
    for (let i = 0; i < S; i++) c += y[2 * i] * y[2 * i + 1];
    expect(Math.abs(c / S)).toBeLessThan(5 * (n0 / 2) / Math.sqrt(S));
    let notOne = 0;
    for (let i = 0; i < 2 * S; i += 2) if (h[i] !== 1 || h[i + 1] !== 0 || hEst[i] !== 1 || hEst[i + 1] !== 0) notOne++;
    expect(notOne).toBe(0);
    expect(awgn().fading).toBe(false);
    expect(awgn().pilotOverhead(100)).toBe(0);
  });

  it('passes the signal through unchanged at N0 = 0 and works in place', () => {
    const x = new Float64Array([0.5, -0.25, 1, 2]);
    const out = { y: x };
    awgn().apply(x, 0, Rng.stream(1), out);
    expect(Array.from(x)).toEqual([0.5, -0.25, 1, 2]);
  });
});

describe('rayleigh', () => {
  it('fast fading: h ~ CN(0, 1) (E|h|² = 1, zero mean, P(|h|² < 1) = 1 − 1/e) and y = h·x exactly at N0 = 0', () => {
    const rng = Rng.stream(9);
    const x = new Float64Array(2 * S);
    rng.fillNormal(x);
    const { y, h, hEst } = run(rayleigh(), S, 0, 2, x);
    const g = new Float64Array(S);
    let below = 0;
    let worst = 0;
    for (let s = 0; s < S; s++) {
      g[s] = h[2 * s] ** 2 + h[2 * s + 1] ** 2;
      if (g[s] < 1) below++;
      worst = Math.max(
        worst,
        Math.abs(y[2 * s] - (h[2 * s] * x[2 * s] - h[2 * s + 1] * x[2 * s + 1])),
        Math.abs(y[2 * s + 1] - (h[2 * s] * x[2 * s + 1] + h[2 * s + 1] * x[2 * s])),
      );
    }
    expect(worst).toBeLessThan(1e-12);
    // |h|² is Exp(1): mean 1, std 1.
    expect(Math.abs(stats(g).mean - 1)).toBeLessThan(5 / Math.sqrt(S));
    expect(Math.abs(stats(h, 2, 0).mean)).toBeLessThan(5 * Math.sqrt(0.5 / S));
    const p = 1 - Math.exp(-1);
    expect(Math.abs(below / S - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / S));
    expect(Buffer.from(hEst.buffer).equals(Buffer.from(h.buffer))).toBe(true);
    // Consecutive symbols are independent.
    let c = 0;
    for (let s = 0; s + 1 < S; s++) c += h[2 * s] * h[2 * s + 2];
    expect(Math.abs(c / (S - 1))).toBeLessThan(5 * 0.5 / Math.sqrt(S));
  });

  it('block fading: constant within each block of L (blocks start at symbol 0), independent across blocks', () => {
    const L = 7;
    const Sb = 70_001; // a partial last block
    const { h } = run(rayleigh({ coherence: L }), Sb, 0.1, 3);
    const blocks = Math.ceil(Sb / L);
    const first = new Float64Array(blocks);
    let changes = 0;
    for (let s = 0; s < Sb; s++) {
      const b0 = Math.floor(s / L) * L;
      if (h[2 * s] !== h[2 * b0] || h[2 * s + 1] !== h[2 * b0 + 1]) changes++;
      if (s === b0) first[s / L] = h[2 * s];
    }
    expect(changes).toBe(0);
    let c = 0;
    for (let b = 0; b + 1 < blocks; b++) c += first[b] * first[b + 1];
    expect(Math.abs(c / (blocks - 1))).toBeLessThan(5 * 0.5 / Math.sqrt(blocks));
    expect(Math.abs(stats(first).variance - 0.5)).toBeLessThan(5 * 0.5 * Math.sqrt(2 / blocks));
  });

  it('LS pilot estimate: ĥ − h ~ CN(0, N0/Np), constant per block, counted by pilotOverhead', () => {
    const n0 = 0.4;
    const Np = 4;
    const ch = rayleigh({ coherence: 2, csi: { pilots: Np } });
    const { h, hEst } = run(ch, S, n0, 4);
    const e = new Float64Array(S); // real part of the error, one per block
    let varies = 0;
    for (let b = 0; b < S / 2; b++) {
      e[b] = hEst[4 * b] - h[4 * b];
      if (hEst[4 * b + 2] !== hEst[4 * b] || hEst[4 * b + 3] !== hEst[4 * b + 1]) varies++;
    }
    expect(varies).toBe(0);
    const er = stats(e.subarray(0, S / 2));
    const target = n0 / Np / 2;
    expect(Math.abs(er.variance - target)).toBeLessThan(5 * target * Math.sqrt(2 / (S / 2)));
    expect(ch.pilotOverhead(S)).toBe((S / 2) * Np);
    expect(ch.pilotOverhead(3)).toBe(2 * Np);
    expect(rayleigh({ csi: { pilots: 2 } }).pilotOverhead(10)).toBe(20);
    expect(rayleigh().pilotOverhead(10)).toBe(0);
  });

  it('depends only on the seed, not on which buffers the caller asks for', () => {
    const ch = rayleigh({ coherence: 3, csi: { pilots: 1 } });
    const x = new Float64Array(200).fill(0.5);
    const a = run(ch, 100, 0.3, 5, x);
    const yOnly = { y: new Float64Array(200) };
    ch.apply(x, 0.3, Rng.stream(5), yOnly);
    expect(yOnly.y).toEqual(a.y);
    expect(run(ch, 100, 0.3, 6, x).y).not.toEqual(a.y);
  });
});

describe('rician', () => {
  it('has mean √(K/(K+1)), scatter variance 1/(K+1), E|h|² = 1, and a moment estimate of K close to K', () => {
    for (const k of [0, 1, 4, 10]) {
      const { h } = run(rician({ k }), S, 0.1, 7 + k);
      const re = stats(h, 2, 0);
      const im = stats(h, 2, 1);
      const sc = 1 / (2 * (k + 1));
      expect(Math.abs(re.mean - Math.sqrt(k / (k + 1)))).toBeLessThan(5 * Math.sqrt(sc / S));
      expect(Math.abs(im.mean)).toBeLessThan(5 * Math.sqrt(sc / S));
      expect(Math.abs(re.variance - sc)).toBeLessThan(5 * sc * Math.sqrt(2 / S));
      let p = 0;
      for (let i = 0; i < 2 * S; i++) p += h[i] * h[i];
      expect(Math.abs(p / S - 1)).toBeLessThan(0.01);
      const kHat = (re.mean ** 2 + im.mean ** 2) / (re.variance + im.variance);
      expect(Math.abs(kHat - k)).toBeLessThan(0.02 * k + 0.01);
    }
  });
});

describe('erasure channel', () => {
  it('erases each packet with probability p and keeps the others as they were', () => {
    const ch = erasureChannel(0.3);
    const packets = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    const rx = ch.transmit(packets, Rng.stream(8));
    let lost = 0;
    let changed = 0;
    rx.forEach((pk, i) => {
      if (pk === null) lost++;
      else if (pk !== packets[i]) changed++;
    });
    expect(changed).toBe(0);
    expect(Math.abs(lost / packets.length - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / packets.length));
    const mask = new Uint8Array(50_000);
    ch.mask(mask, Rng.stream(8));
    expect(Array.from(mask).map((v, i) => (v === 1) === (rx[i] === null)).every(Boolean)).toBe(true);
    expect(erasureChannel(0).transmit([1, 2, 3], Rng.stream(1))).toEqual([1, 2, 3]);
    expect(erasureChannel(1).transmit([1, 2, 3], Rng.stream(1))).toEqual([null, null, null]);
  });
});

describe('parseChannelSpec', () => {
  it('builds the named channels and round-trips their names', () => {
    expect(parseChannelSpec('awgn').model).toEqual({ kind: 'awgn' });
    expect(parseChannelSpec('Rayleigh').model).toEqual({ kind: 'rayleigh', coherence: 'fast', csi: 'perfect' });
    expect(parseChannelSpec('rayleigh-block:64, pilots:2').model).toEqual({ kind: 'rayleigh', coherence: 64, csi: { pilots: 2 } });
    expect(parseChannelSpec('rician:4').model).toEqual({ kind: 'rician', k: 4, coherence: 'fast', csi: 'perfect' });
    const k6 = parseChannelSpec('rician:6dB').model;
    expect(k6.kind === 'rician' && Math.abs(k6.k - 10 ** 0.6) < 1e-12).toBe(true);
    expect(parseChannelSpec('rician-block:0dB:10').model).toEqual({ kind: 'rician', k: 1, coherence: 10, csi: 'perfect' });
    for (const s of ['awgn', 'rayleigh', 'rayleigh-block:5,pilots:3', 'rician:6dB', 'rician-block:2.5:8', 'rayleigh,pilots:1']) {
      const ch = parseChannelSpec(s);
      expect(parseChannelSpec(ch.name).model).toEqual(ch.model);
    }
  });

  it('rejects unknown channels and bad parameters with SemcomErrors', () => {
    const code = (s: string) => {
      try {
        parseChannelSpec(s);
      } catch (e) {
        expect(e).toBeInstanceOf(SemcomError);
        return (e as SemcomError).code;
      }
      return 'no error';
    };
    for (const s of ['nakagami', '', 'rayleigh:3', 'rician', 'rician-block:4', 'awgn,pilots:2', 'rayleigh,foo:1', 'rayleigh,pilots:1,pilots:2']) {
      expect(code(s), s).toBe('UNKNOWN_CHANNEL');
    }
    for (const s of ['rayleigh-block:0', 'rayleigh-block:2.5', 'rayleigh-block:-3', 'rician:-1', 'rician:abc', 'rician:1e400', 'rician:4000dB', 'rayleigh,pilots:0']) {
      expect(code(s), s).toBe('INVALID_ARGUMENT');
    }
    expect(() => parseChannelSpec('nakagami')).toThrow(/accepted: awgn, rayleigh/);
  });

  it('constructors validate their options and apply validates buffers', () => {
    expect(() => rician({ k: NaN })).toThrow(SemcomError);
    expect(() => rayleigh({ coherence: 0 })).toThrow(SemcomError);
    expect(() => rayleigh({ csi: { pilots: 0.5 } })).toThrow(SemcomError);
    expect(() => erasureChannel(1.5)).toThrow(SemcomError);
    const ch = rayleigh();
    expect(() => ch.apply(new Float64Array(4), 0.1, Rng.stream(1), { y: new Float64Array(2) })).toThrow(/out.y/);
    expect(() => ch.apply(new Float64Array(3), 0.1, Rng.stream(1), { y: new Float64Array(3) })).toThrow(SemcomError);
    expect(() => ch.apply(new Float64Array(4), -1, Rng.stream(1), { y: new Float64Array(4) })).toThrow(SemcomError);
  });
});
