import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import { normalCdf, qfunc } from '../phy/theory/erfc.js';

/** Independent xoshiro128** (Blackman and Vigna, reference C code) on BigInt words. */
function referenceXoshiro128ss(seed: [number, number, number, number], count: number): number[] {
  const M = 0xffffffffn;
  let [s0, s1, s2, s3] = seed.map(BigInt);
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s1 * 5n) & M, 7n) * 9n) & M));
    const t = (s1 << 9n) & M;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11n);
  }
  return out;
}

/** An Rng whose state is set directly (the class keeps it in private fields s0..s3). */
function withState(state: [number, number, number, number]): Rng {
  const rng = Rng.stream(0);
  Object.assign(rng as unknown as Record<string, number>, { s0: state[0] | 0, s1: state[1] | 0, s2: state[2] | 0, s3: state[3] | 0 });
  return rng;
}

const N = 200_000;

describe('Rng core generator', () => {
  it('is xoshiro128**: matches the reference algorithm (first outputs from state 1,2,3,4 are 11520, 0, 5927040)', () => {
    const a = withState([1, 2, 3, 4]);
    const got = Array.from({ length: 2000 }, () => a.nextUint32());
    expect(got.slice(0, 3)).toEqual([11520, 0, 5927040]);
    expect(got).toEqual(referenceXoshiro128ss([1, 2, 3, 4], 2000));
    const state: [number, number, number, number] = [0x9e3779b9, 0xdeadbeef, 0x80000000, 0xffffffff];
    const b = withState(state);
    expect(Array.from({ length: 2000 }, () => b.nextUint32())).toEqual(referenceXoshiro128ss(state, 2000));
  });

  it('is deterministic per (seed, ids), and different seeds, ids and forks give different streams', () => {
    const draw = (r: Rng) => Array.from({ length: 64 }, () => r.nextUint32());
    expect(draw(Rng.stream(42))).toEqual(draw(Rng.stream(42)));
    expect(draw(Rng.stream(42, 3, 7))).toEqual(draw(Rng.stream(42, 3, 7)));
    const streams = [Rng.stream(42), Rng.stream(43), Rng.stream(42, 0), Rng.stream(42, 1), Rng.stream(42, 0, 0), Rng.stream(42, 1, 0), Rng.stream(42, 0, 1), Rng.stream(2 ** 40 + 42), Rng.stream(-42), Rng.stream(42.5), Rng.stream(42, 0.5)];
    const seqs = streams.map((r) => draw(r).join(','));
    expect(new Set(seqs).size).toBe(seqs.length);
    const parent = Rng.stream(5);
    expect(draw(parent.fork(1))).not.toEqual(draw(parent.fork(1))); // the parent advanced
    expect(draw(Rng.stream(5).fork(1))).toEqual(draw(Rng.stream(5).fork(1)));
    expect(() => Rng.stream(NaN)).toThrow(/finite/);
    expect(() => Rng.stream(1, Infinity)).toThrow(/finite/);
    expect(draw(Rng.stream(7, -0))).toEqual(draw(Rng.stream(7, 0)));
  });

  it('neighbouring streams are uncorrelated (bit agreement 1/2)', () => {
    let agree = 0;
    let total = 0;
    for (let id = 0; id < 200; id++) {
      const a = Rng.stream(7, id);
      const b = Rng.stream(7, id + 1);
      for (let i = 0; i < 100; i++) {
        let x = ~(a.nextUint32() ^ b.nextUint32()) >>> 0;
        while (x) {
          agree += x & 1;
          x >>>= 1;
        }
        total += 32;
      }
    }
    expect(Math.abs(agree / total - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / total));
  });
});

describe('uniform draws', () => {
  it('nextDouble and nextFloat lie in [0, 1) with mean 1/2 and variance 1/12', () => {
    for (const f of ['nextDouble', 'nextFloat'] as const) {
      const r = Rng.stream(1);
      let s = 0;
      let s2 = 0;
      let lo = 1;
      let hi = 0;
      for (let i = 0; i < N; i++) {
        const u = r[f]();
        s += u;
        s2 += u * u;
        lo = Math.min(lo, u);
        hi = Math.max(hi, u);
      }
      const mean = s / N;
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThan(1);
      expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
      // Var of U² is 4/45; the sample variance has std ≈ √(1/180/N).
      expect(Math.abs(s2 / N - mean * mean - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / N));
    }
  });

  it('nextInt(n) is uniform over 0..n−1 (chi-square, 9 degrees of freedom)', () => {
    const r = Rng.stream(2);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < N; i++) counts[r.nextInt(10)]++;
    const e = N / 10;
    const chi2 = counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
    // P(χ²₉ > 27.88) = 0.001.
    expect(chi2).toBeLessThan(27.88);
  });
});

describe('normal()', () => {
  const r = Rng.stream(3);
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = r.normal();

  it('has mean 0, variance 1, skewness 0 and kurtosis 3 within sampling error', () => {
    let s = 0;
    for (const v of x) s += v;
    const mean = s / N;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const v of x) {
      const d = v - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= N;
    m3 /= N;
    m4 /= N;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(m3 / m2 ** 1.5)).toBeLessThan(5 * Math.sqrt(6 / N));
    expect(Math.abs(m4 / (m2 * m2) - 3)).toBeLessThan(5 * Math.sqrt(24 / N));
  });

  it('passes a Kolmogorov–Smirnov test against Φ on 200k draws (α = 0.001)', () => {
    const sorted = Float64Array.from(x).sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const f = normalCdf(sorted[i]);
      d = Math.max(d, (i + 1) / N - f, f - i / N);
    }
    // Asymptotic KS critical value at α = 0.001: 1.9495/√N.
    expect(d).toBeLessThan(1.9495 / Math.sqrt(N));
  });

  it('puts the right mass in the ziggurat tail (|x| > r = 3.4426) and beyond 4', () => {
    const r0 = 3.442619855899;
    let tail = 0;
    let beyond4 = 0;
    for (const v of x) {
      if (Math.abs(v) > r0) tail++;
      if (Math.abs(v) > 4) beyond4++;
    }
    for (const [count, p] of [
      [tail, 2 * qfunc(r0)],
      [beyond4, 2 * qfunc(4)],
    ]) {
      expect(Math.abs(count - N * p)).toBeLessThan(5 * Math.sqrt(N * p) + 1);
    }
  });

  it('fillNormal scales and shifts', () => {
    const out = new Float64Array(N);
    Rng.stream(4).fillNormal(out, 2, -1);
    let s = 0;
    let s2 = 0;
    for (const v of out) {
      s += v;
      s2 += v * v;
    }
    const mean = s / N;
    expect(Math.abs(mean + 1)).toBeLessThan(5 * 2 / Math.sqrt(N));
    expect(Math.abs(s2 / N - mean * mean - 4)).toBeLessThan(5 * 4 * Math.sqrt(2 / N));
  });

  it('the bulk forms draw exactly the numbers normal() draws, slow paths included', () => {
    // 100k draws pass through the tail and wedge paths about 1200 times.
    const M = 100_000;
    const a = Rng.stream(11);
    const one = Float64Array.from({ length: M }, () => a.normal());
    const bulk = new Float64Array(M);
    const b = Rng.stream(11);
    b.fillNormal(bulk);
    expect(bulk).toEqual(one);
    expect(b.nextUint32()).toBe(a.nextUint32()); // same state afterwards
    const x = Float64Array.from({ length: M }, (_, i) => i % 7);
    const noisy = new Float64Array(M);
    Rng.stream(11).addNormal(x, noisy, 0.5);
    for (let i = 0; i < M; i += 997) expect(noisy[i]).toBeCloseTo(x[i] + 0.5 * one[i], 12);
    Rng.stream(11).addNormal(x, x, 0.5); // in place
    expect(x).toEqual(noisy);
    expect(() => Rng.stream(1).addNormal(new Float64Array(2), new Float64Array(3), 1)).toThrow(/LENGTH|x has 2/);
  });
});

describe('shuffle', () => {
  it('permutes in place, deterministically, every position reachable', () => {
    const a = Rng.stream(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Rng.stream(3).shuffle(Array.from({ length: 50 }, (_, i) => i))).toEqual(a);
    // Over 4000 shuffles of 4 items, each of the 24 orders appears about 167 times (chi-square, 23 dof).
    const counts = new Map<string, number>();
    const rng = Rng.stream(4);
    for (let t = 0; t < 4000; t++) {
      const k = rng.shuffle([0, 1, 2, 3]).join('');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - 4000 / 24) ** 2 / (4000 / 24);
    expect(chi2).toBeLessThan(49.7); // p = 0.001
  });
});

describe('fillBits', () => {
  it('gives balanced, independent bits, including a partial last word', () => {
    const bits = new Uint8Array(N + 13).fill(7);
    Rng.stream(5).fillBits(bits);
    let ones = 0;
    let pairs11 = 0;
    let notBit = 0;
    for (let i = 0; i < bits.length; i++) {
      if (bits[i] > 1) notBit++;
      ones += bits[i];
      if (i > 0) pairs11 += bits[i] & bits[i - 1];
    }
    expect(notBit).toBe(0);
    const n = bits.length;
    expect(Math.abs(ones / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
    expect(Math.abs(pairs11 / (n - 1) - 0.25)).toBeLessThan(5 * Math.sqrt((0.25 * 0.75) / (n - 1)));
  });

  it('is deterministic and equals the bits of successive nextUint32 words, LSB first', () => {
    const bits = new Uint8Array(40);
    Rng.stream(6).fillBits(bits);
    const r = Rng.stream(6);
    const w0 = r.nextUint32();
    const w1 = r.nextUint32();
    const expected = [...Array.from({ length: 32 }, (_, b) => (w0 >>> b) & 1), ...Array.from({ length: 8 }, (_, b) => (w1 >>> b) & 1)];
    expect(Array.from(bits)).toEqual(expected);
  });
});

describe('exponential draws', () => {
  it('have mean 1/rate and P(X > t) = exp(−rate·t), and refuse a rate that is not positive', () => {
    const rng = Rng.stream(17, 3);
    const n = 200_000;
    const rate = 2.5;
    let sum = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.exponential(rate);
      expect(x).toBeGreaterThanOrEqual(0);
      sum += x;
      if (x > 0.4) above++;
    }
    // Standard errors: (1/rate)/√n for the mean, √(p(1 − p)/n) for the tail.
    expect(Math.abs(sum / n - 1 / rate)).toBeLessThan(5 * (1 / rate) / Math.sqrt(n));
    const p = Math.exp(-rate * 0.4);
    expect(Math.abs(above / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    expect(() => rng.exponential(0)).toThrow(/rate > 0/);
    expect(() => rng.exponential(Number.NaN)).toThrow(/rate > 0/);
  });
});
