import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { MODULATION_NAMES, createModulation, type Modulation, type ModulationName } from './index.js';

const QAMS: ModulationName[] = ['qpsk', '16qam', '64qam', '256qam'];

function hamming(a: number, b: number): number {
  let x = a ^ b;
  let c = 0;
  while (x) {
    c += x & 1;
    x >>>= 1;
  }
  return c;
}

/** Reference LLRs by brute force over all M points with the full 2-D metric |y − h·s|²/N0. */
function bruteLlr(mod: Modulation, yr: number, yi: number, hr: number, hi: number, n0: number, exact: boolean): number[] {
  const { points, bitsPerSymbol: m, order: M } = mod;
  const metric: number[] = [];
  for (let p = 0; p < M; p++) {
    const sr = hr * points[2 * p] - hi * points[2 * p + 1];
    const si = hr * points[2 * p + 1] + hi * points[2 * p];
    metric.push(((yr - sr) ** 2 + (yi - si) ** 2) / n0);
  }
  const out: number[] = [];
  for (let b = 0; b < m; b++) {
    const mask = 1 << (m - 1 - b);
    const g0 = metric.filter((_, p) => !(p & mask));
    const g1 = metric.filter((_, p) => p & mask);
    const lse = (g: number[]) => {
      const mn = Math.min(...g);
      return exact ? -mn + Math.log(g.reduce((a, v) => a + Math.exp(mn - v), 0)) : -mn;
    };
    out.push(lse(g0) - lse(g1));
  }
  return out;
}

function noisy(mod: Modulation, S: number, n0: number, rng: Rng, fading: boolean) {
  const bits = new Uint8Array(S * mod.bitsPerSymbol);
  rng.fillBits(bits);
  const x = new Float64Array(2 * S);
  mod.map(bits, x);
  const h = new Float64Array(2 * S);
  const y = new Float64Array(2 * S);
  const sd = Math.sqrt(n0 / 2);
  for (let s = 0; s < S; s++) {
    const hr = fading ? rng.normal() * Math.SQRT1_2 : 1;
    const hi = fading ? rng.normal() * Math.SQRT1_2 : 0;
    h[2 * s] = hr;
    h[2 * s + 1] = hi;
    y[2 * s] = hr * x[2 * s] - hi * x[2 * s + 1] + sd * rng.normal();
    y[2 * s + 1] = hr * x[2 * s + 1] + hi * x[2 * s] + sd * rng.normal();
  }
  return { bits, x, h, y };
}

describe('constellations', () => {
  it('have 2^m points and unit average energy exactly', () => {
    for (const name of MODULATION_NAMES) {
      const mod = createModulation(name);
      expect(mod.order).toBe(2 ** mod.bitsPerSymbol);
      expect(mod.points.length).toBe(2 * mod.order);
      let e = 0;
      for (let i = 0; i < mod.points.length; i++) e += mod.points[i] ** 2;
      expect(Math.abs(e / mod.order - 1)).toBeLessThan(1e-14);
    }
  });

  it('follow the formulas of 3GPP TS 38.211 §5.1 (BPSK real: 0 → +1)', () => {
    const sgn = (b: number) => 1 - 2 * b;
    const bit = (idx: number, j: number, m: number) => (idx >>> (m - 1 - j)) & 1;
    const bpsk = createModulation('bpsk');
    expect(Array.from(bpsk.points)).toEqual([1, 0, -1, 0]);
    const formulas: [ModulationName, (b: (j: number) => number) => [number, number]][] = [
      ['qpsk', (b) => [sgn(b(0)) / Math.SQRT2, sgn(b(1)) / Math.SQRT2]],
      ['16qam', (b) => [sgn(b(0)) * (2 - sgn(b(2))), sgn(b(1)) * (2 - sgn(b(3)))].map((v) => v / Math.sqrt(10)) as [number, number]],
      [
        '64qam',
        (b) =>
          [sgn(b(0)) * (4 - sgn(b(2)) * (2 - sgn(b(4)))), sgn(b(1)) * (4 - sgn(b(3)) * (2 - sgn(b(5))))].map(
            (v) => v / Math.sqrt(42),
          ) as [number, number],
      ],
      [
        '256qam',
        (b) =>
          [
            sgn(b(0)) * (8 - sgn(b(2)) * (4 - sgn(b(4)) * (2 - sgn(b(6))))),
            sgn(b(1)) * (8 - sgn(b(3)) * (4 - sgn(b(5)) * (2 - sgn(b(7))))),
          ].map((v) => v / Math.sqrt(170)) as [number, number],
      ],
    ];
    for (const [name, f] of formulas) {
      const mod = createModulation(name);
      for (let idx = 0; idx < mod.order; idx++) {
        const [re, im] = f((j) => bit(idx, j, mod.bitsPerSymbol));
        expect(mod.points[2 * idx]).toBeCloseTo(re, 14);
        expect(mod.points[2 * idx + 1]).toBeCloseTo(im, 14);
      }
    }
  });

  it('are Gray labelled: every pair of nearest neighbours differs in exactly one bit', () => {
    for (const name of QAMS) {
      const mod = createModulation(name);
      const p = mod.points;
      let dmin = Infinity;
      for (let a = 0; a < mod.order; a++)
        for (let b = a + 1; b < mod.order; b++) dmin = Math.min(dmin, Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]));
      let pairs = 0;
      for (let a = 0; a < mod.order; a++)
        for (let b = a + 1; b < mod.order; b++) {
          if (Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]) < dmin * (1 + 1e-9)) {
            pairs++;
            expect(hamming(a, b)).toBe(1);
          }
        }
      // A √M × √M grid has 2·√M·(√M − 1) nearest-neighbour pairs.
      const r = Math.sqrt(mod.order);
      expect(pairs).toBe(2 * r * (r - 1));
    }
  });
});

describe('map and hard decisions', () => {
  it('hardDecide inverts map without noise, with and without a fading gain', () => {
    const rng = Rng.stream(1);
    for (const name of MODULATION_NAMES) {
      const mod = createModulation(name);
      const S = 4096;
      const { bits, x, h } = noisy(mod, S, 1, rng, true);
      const out = new Uint8Array(bits.length);
      mod.hardDecide(x, out);
      expect(Buffer.from(out).equals(Buffer.from(bits))).toBe(true);
      const y = new Float64Array(2 * S);
      for (let s = 0; s < S; s++) {
        y[2 * s] = h[2 * s] * x[2 * s] - h[2 * s + 1] * x[2 * s + 1];
        y[2 * s + 1] = h[2 * s] * x[2 * s + 1] + h[2 * s + 1] * x[2 * s];
      }
      out.fill(0);
      mod.hardDecide(y, out, h);
      expect(Buffer.from(out).equals(Buffer.from(bits))).toBe(true);
    }
  });

  it('hardDecide picks the nearest point (minimum distance) for noisy input', () => {
    const rng = Rng.stream(2);
    for (const name of MODULATION_NAMES) {
      const mod = createModulation(name);
      const S = 2000;
      const { y, h } = noisy(mod, S, 0.3, rng, true);
      const out = new Uint8Array(S * mod.bitsPerSymbol);
      mod.hardDecide(y, out, h);
      for (let s = 0; s < S; s++) {
        let best = -1;
        let bestD = Infinity;
        for (let p = 0; p < mod.order; p++) {
          const sr = h[2 * s] * mod.points[2 * p] - h[2 * s + 1] * mod.points[2 * p + 1];
          const si = h[2 * s] * mod.points[2 * p + 1] + h[2 * s + 1] * mod.points[2 * p];
          const dd = (y[2 * s] - sr) ** 2 + (y[2 * s + 1] - si) ** 2;
          if (dd < bestD) {
            bestD = dd;
            best = p;
          }
        }
        let idx = 0;
        for (let b = 0; b < mod.bitsPerSymbol; b++) idx = (idx << 1) | out[s * mod.bitsPerSymbol + b];
        expect(idx).toBe(best);
      }
    }
  });
});

describe('soft demapping', () => {
  it('LLR signs give back random bits without noise (property, both methods, with CSI)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODULATION_NAMES),
        fc.constantFrom('maxlog' as const, 'exact' as const),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (name, method, S, seed) => {
          const mod = createModulation(name);
          const rng = Rng.stream(seed);
          const { bits, x, h } = noisy(mod, S, 1, rng, true);
          const llr = new Float32Array(bits.length);
          mod.demap(x, 1e-4, llr, { method });
          for (let i = 0; i < bits.length; i++) expect(llr[i] > 0 ? 0 : 1).toBe(bits[i]);
          const y = new Float64Array(2 * S);
          for (let s = 0; s < S; s++) {
            // Keep |h| ≥ 0.3: in a deeper fade the exact posterior is legitimately
            // uncertain even without noise (|h|²/N0 too small against 256-QAM spacing).
            const g = Math.hypot(h[2 * s], h[2 * s + 1]);
            if (g < 0.3) {
              h[2 * s] = (0.3 * h[2 * s]) / g;
              h[2 * s + 1] = (0.3 * h[2 * s + 1]) / g;
            }
            y[2 * s] = h[2 * s] * x[2 * s] - h[2 * s + 1] * x[2 * s + 1];
            y[2 * s + 1] = h[2 * s] * x[2 * s + 1] + h[2 * s + 1] * x[2 * s];
          }
          mod.demap(y, 1e-4, llr, { method, h });
          for (let i = 0; i < bits.length; i++) expect(llr[i] > 0 ? 0 : 1).toBe(bits[i]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equal brute-force max-log and exact LLRs over all M points with the 2-D metric |y − h·s|²/N0', () => {
    const rng = Rng.stream(3);
    for (const name of MODULATION_NAMES) {
      const mod = createModulation(name);
      for (const n0 of [0.03, 0.3, 2]) {
        const S = 60;
        const { y, h } = noisy(mod, S, n0, rng, true);
        for (const method of ['maxlog', 'exact'] as const) {
          const llr = new Float32Array(S * mod.bitsPerSymbol);
          mod.demap(y, n0, llr, { method, h });
          for (let s = 0; s < S; s++) {
            const ref = bruteLlr(mod, y[2 * s], y[2 * s + 1], h[2 * s], h[2 * s + 1], n0, method === 'exact' || name === 'bpsk');
            for (let b = 0; b < mod.bitsPerSymbol; b++) {
              const got = llr[s * mod.bitsPerSymbol + b];
              expect(Math.abs(got - ref[b])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ref[b])));
            }
          }
        }
      }
    }
  });

  it('BPSK LLR is 4·Re(conj(h)·y)/N0 and QPSK LLR is 2√2·Re/Im(conj(h)·y)/N0', () => {
    const y = new Float64Array([0.3, -0.7, -1.2, 0.4]);
    const h = new Float64Array([0.5, 0.5, -1, 0.25]);
    const llr = new Float32Array(2);
    createModulation('bpsk').demap(y, 0.5, llr, { h });
    expect(llr[0]).toBeCloseTo((4 * (0.5 * 0.3 + 0.5 * -0.7)) / 0.5, 5);
    expect(llr[1]).toBeCloseTo((4 * (-1 * -1.2 + 0.25 * 0.4)) / 0.5, 5);
    const q = new Float32Array(4);
    createModulation('qpsk').demap(y, 0.5, q, { method: 'exact' });
    expect(Array.from(q).map((v) => +v.toFixed(4))).toEqual([0.3, -0.7, -1.2, 0.4].map((v) => +((2 * Math.SQRT2 * v) / 0.5).toFixed(4)));
  });

  it('max-log approaches exact at high SNR and never differs by more than ln(M/2) in between', () => {
    const rng = Rng.stream(4);
    for (const name of ['16qam', '64qam', '256qam'] as const) {
      const mod = createModulation(name);
      for (const n0 of [1e-4, 0.1, 1]) {
        const S = 2000;
        const { y } = noisy(mod, S, n0, rng, false);
        const a = new Float32Array(S * mod.bitsPerSymbol);
        const b = new Float32Array(S * mod.bitsPerSymbol);
        mod.demap(y, n0, a, { method: 'maxlog' });
        mod.demap(y, n0, b, { method: 'exact' });
        let worstRel = 0;
        let worstAbs = 0;
        for (let i = 0; i < a.length; i++) {
          worstAbs = Math.max(worstAbs, Math.abs(a[i] - b[i]));
          if (Math.abs(b[i]) > 1) worstRel = Math.max(worstRel, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
        }
        // Exact = max-log + ln Σ₀/Σ₁ with each sum in [1, M/2].
        expect(worstAbs).toBeLessThanOrEqual(Math.log(mod.order / 2) + 1e-4);
        if (n0 === 1e-4) expect(worstRel).toBeLessThan(1e-3);
      }
    }
  });

  it('with CSI equal the LLRs of the equalised symbol z = y/h with noise N0/|h|² (n0PerSymbol)', () => {
    const rng = Rng.stream(5);
    for (const name of MODULATION_NAMES) {
      const mod = createModulation(name);
      const S = 500;
      const n0 = 0.2;
      const { y, h } = noisy(mod, S, n0, rng, true);
      const z = new Float64Array(2 * S);
      const n0s = new Float64Array(S);
      for (let s = 0; s < S; s++) {
        const g = h[2 * s] ** 2 + h[2 * s + 1] ** 2;
        z[2 * s] = (h[2 * s] * y[2 * s] + h[2 * s + 1] * y[2 * s + 1]) / g;
        z[2 * s + 1] = (h[2 * s] * y[2 * s + 1] - h[2 * s + 1] * y[2 * s]) / g;
        n0s[s] = n0 / g;
      }
      for (const method of ['maxlog', 'exact'] as const) {
        const a = new Float32Array(S * mod.bitsPerSymbol);
        const b = new Float32Array(S * mod.bitsPerSymbol);
        mod.demap(y, n0, a, { method, h });
        mod.demap(z, NaN, b, { method, n0PerSymbol: n0s });
        let worst = 0;
        for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
        expect(worst).toBeLessThanOrEqual(1e-5);
      }
    }
  });

  it('gives zero LLRs when the channel gain is zero (a deep fade carries no information)', () => {
    for (const name of MODULATION_NAMES) {
      const mod = createModulation(name);
      const llr = new Float32Array(mod.bitsPerSymbol).fill(7);
      for (const method of ['maxlog', 'exact'] as const) {
        mod.demap(new Float64Array([0.4, -0.1]), 0.1, llr, { method, h: new Float64Array(2) });
        expect(Array.from(llr).every((v) => v === 0)).toBe(true);
      }
    }
  });
});

describe('bad input', () => {
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(SemcomError);
      return (e as SemcomError).code;
    }
    return 'no error';
  };
  it('rejects unknown names, mismatched lengths, non-bits, bad N0 and bad methods', () => {
    expect(code(() => createModulation('8psk' as ModulationName))).toBe('UNKNOWN_MODULATION');
    expect(() => createModulation('32qam' as ModulationName)).toThrow(/accepted: bpsk, qpsk, 16qam, 64qam, 256qam/);
    const mod = createModulation('16qam');
    expect(code(() => mod.map(new Uint8Array(6), new Float64Array(4)))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.map(new Uint8Array(8), new Float64Array(2)))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.map(new Uint8Array([0, 1, 2, 0]), new Float64Array(2)))).toBe('INVALID_ARGUMENT');
    expect(code(() => mod.hardDecide(new Float64Array(4), new Uint8Array(4)))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.hardDecide(new Float64Array(4), new Uint8Array(8), new Float64Array(2)))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.demap(new Float64Array(4), 0.1, new Float32Array(7)))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.demap(new Float64Array(4), 0.1, new Float32Array(8), { h: new Float64Array(6) }))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.demap(new Float64Array(4), 0.1, new Float32Array(8), { n0PerSymbol: new Float64Array(3) }))).toBe('LENGTH_MISMATCH');
    expect(code(() => mod.demap(new Float64Array(4), 0, new Float32Array(8)))).toBe('INVALID_ARGUMENT');
    expect(code(() => mod.demap(new Float64Array(4), NaN, new Float32Array(8)))).toBe('INVALID_ARGUMENT');
    expect(code(() => mod.demap(new Float64Array(4), 0.1, new Float32Array(8), { method: 'approx' as 'exact' }))).toBe('INVALID_ARGUMENT');
  });
});
