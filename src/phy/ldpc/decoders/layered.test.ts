import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import { createEncoder } from '../encoder.js';
import { ieee80211nCode } from '../ieee80211n.js';
import { codeFromQcShifts } from '../sparse.js';
import type { LdpcCode } from '../types.js';
import { createLayeredMinSumDecoder, type LayeredBackend } from './layered.js';
import type { MinSumVariant } from './min-sum-variant.js';
import { bpskAwgnLlr, bpskSigma, hamming, randomQcCode, withoutQc } from './test-support.js';

const VARIANTS: MinSumVariant[] = ['minsum', 'normalized', 'offset'];
const BACKENDS: LayeredBackend[] = ['js', 'wasm'];

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    expect((e as SemcomError).code).toBe(code);
    return;
  }
  throw new Error(`expected SemcomError ${code}`);
}

/** n = 3Z code: Z independent single parity checks x_r + x_{Z+r} + x_{2Z+r} = 0. */
function spcCode(z: number): LdpcCode {
  return codeFromQcShifts(`spc3:${z}`, z, 1, 3, [0, 0, 0]);
}

describe('layered min-sum: check-node rule against closed forms', () => {
  // One iteration on a single parity check of degree 3: APP_i = L_i + rule(L_j, L_k),
  // with sign(L_j)·sign(L_k)·min(|L_j|, |L_k|) scaled by α or reduced by β.
  const z = 5;
  const code = spcCode(z);
  const triples = [
    [2.5, -1.25, 0.5],
    [-3, -0.75, 4],
    [1, 1, 1],
    [0.125, -8, -0.0625],
    [0.1, 0.05, -0.3],
  ];
  const llr = new Float32Array(3 * z);
  triples.forEach((t, r) => t.forEach((v, j) => (llr[j * z + r] = v)));
  const rules: [MinSumVariant, (m: number) => number][] = [
    ['minsum', (m) => m],
    ['normalized', (m) => Math.fround(0.75 * m)],
    ['offset', (m) => Math.max(Math.fround(m - Math.fround(0.15)), 0)],
  ];
  for (const backend of BACKENDS) {
    for (const [variant, mag] of rules) {
      it(`${variant} (${backend})`, () => {
        const dec = createLayeredMinSumDecoder(code, { variant, backend });
        const post = new Float32Array(3 * z);
        const res = dec.decode(llr, new Uint8Array(3 * z), { maxIterations: 1, earlyStop: false }, post);
        expect(res.iterations).toBe(1);
        triples.forEach((t, r) => {
          for (let i = 0; i < 3; i++) {
            const others = t.filter((_, j) => j !== i).map((v) => Math.fround(v));
            const sign = Math.sign(others[0]) * Math.sign(others[1]);
            const expected = Math.fround(Math.fround(t[i]) + sign * mag(Math.min(Math.abs(others[0]), Math.abs(others[1]))));
            expect(post[i * z + r]).toBe(expected);
          }
        });
      });
    }
  }
});

describe('layered min-sum on 802.11n codes', () => {
  const code = ieee80211nCode(648, '1/2');
  const enc = createEncoder(code);

  for (const backend of BACKENDS) {
    it(`noiseless codewords decode in one iteration (${backend})`, () => {
      const rng = Rng.stream(11);
      const info = new Uint8Array(code.k);
      const cw = new Uint8Array(code.n);
      const llr = new Float32Array(code.n);
      const out = new Uint8Array(code.n);
      for (const variant of VARIANTS) {
        const dec = createLayeredMinSumDecoder(code, { variant, backend });
        for (let f = 0; f < 5; f++) {
          rng.fillBits(info);
          enc.encode(info, cw);
          for (let i = 0; i < code.n; i++) llr[i] = cw[i] ? -4 : 4;
          const res = dec.decode(llr, out, { maxIterations: 20 });
          expect(res).toEqual({ iterations: 1, converged: true });
          expect(hamming(out, cw)).toBe(0);
        }
      }
    });

    it(`high SNR: 150 random codewords at Eb/N0 = 4 dB, zero errors (${backend})`, () => {
      // Rate-1/2 802.11n codes reach FER ≈ 1e-4 near 2.5 dB with min-sum; at 4 dB an error is
      // far too rare (< 1e-6 per frame) to appear, so any error here is a decoder bug.
      const rng = Rng.stream(12);
      const sigma = bpskSigma(4, 0.5);
      const info = new Uint8Array(code.k);
      const cw = new Uint8Array(code.n);
      const llr = new Float32Array(code.n);
      const out = new Uint8Array(code.n);
      const dec = createLayeredMinSumDecoder(code, { backend });
      let errors = 0;
      let maxIt = 0;
      for (let f = 0; f < 150; f++) {
        rng.fillBits(info);
        enc.encode(info, cw);
        bpskAwgnLlr(cw, sigma, rng, llr);
        const res = dec.decode(llr, out);
        errors += hamming(out, cw);
        expect(res.converged).toBe(true);
        maxIt = Math.max(maxIt, res.iterations);
      }
      expect(errors).toBe(0);
      expect(maxIt).toBeLessThan(20);
    });

    it(`fixed-iteration mode runs exactly maxIterations (${backend})`, () => {
      const dec = createLayeredMinSumDecoder(code, { backend });
      const llr = new Float32Array(code.n).fill(3);
      const out = new Uint8Array(code.n);
      for (const maxIterations of [1, 7, 23]) {
        expect(dec.decode(llr, out, { maxIterations, earlyStop: false })).toEqual({ iterations: maxIterations, converged: true });
      }
      // A hopeless frame (pure noise) hits the cap with earlyStop on, too, and reports no convergence.
      const rng = Rng.stream(13);
      for (let i = 0; i < code.n; i++) llr[i] = 0.5 * rng.normal();
      expect(dec.decode(llr, out, { maxIterations: 9 })).toEqual({ iterations: 9, converged: false });
    });

    it(`infinite and NaN LLRs are clamped, never poison the result (${backend})`, () => {
      const dec = createLayeredMinSumDecoder(code, { backend, variant: 'offset' });
      const llr = new Float32Array(code.n).fill(2);
      // The all-zero codeword, with an infinite, a huge and a NaN LLR, and one weak wrong bit.
      llr[0] = Infinity;
      llr[1] = 1e30;
      llr[2] = NaN;
      llr[5] = -1;
      const out = new Uint8Array(code.n);
      const post = new Float32Array(code.n);
      const res = dec.decode(llr, out, { maxIterations: 10 }, post);
      expect(post.every((v) => Number.isFinite(v))).toBe(true);
      expect(res.converged).toBe(true);
      expect(out.every((b) => b === 0)).toBe(true);
      expect(post[0]).toBeGreaterThanOrEqual(1e6);
    });
  }
});

describe('wasm and js backends agree bit for bit', () => {
  // Codes covering every remainder of Z mod 4 (the wasm kernel's last, partial vector):
  // Z = 27 (3), 54 (2), 81 (1), 8 (0), 5 (1) and an irregular random QC code.
  const codes: [LdpcCode, number][] = [
    [ieee80211nCode(648, '5/6'), 3.6],
    [ieee80211nCode(1296, '2/3'), 2.4],
    [ieee80211nCode(1944, '3/4'), 2.9],
    [randomQcCode(Rng.stream(21), 8, 6, 12), 2.5],
    [randomQcCode(Rng.stream(22), 5, 4, 12, 2), 3],
  ];
  for (const [code, ebN0] of codes) {
    it(`${code.name} at Eb/N0 = ${ebN0} dB`, () => {
      const rng = Rng.stream(23, code.n);
      const sigma = bpskSigma(ebN0, code.k / code.n);
      const zero = new Uint8Array(code.n);
      const llr = new Float32Array(code.n);
      const o1 = new Uint8Array(code.n);
      const o2 = new Uint8Array(code.n);
      const p1 = new Float32Array(code.n);
      const p2 = new Float32Array(code.n);
      let failures = 0;
      const iterationsSeen = new Set<number>();
      for (const variant of VARIANTS) {
        const js = createLayeredMinSumDecoder(code, { variant, backend: 'js' });
        const wasm = createLayeredMinSumDecoder(code, { variant, backend: 'wasm' });
        for (let f = 0; f < 25; f++) {
          bpskAwgnLlr(zero, sigma, rng, llr);
          const earlyStop = f % 5 !== 4;
          const r1 = js.decode(llr, o1, { maxIterations: 15, earlyStop }, p1);
          const r2 = wasm.decode(llr, o2, { maxIterations: 15, earlyStop }, p2);
          expect(r2).toEqual(r1);
          expect(hamming(o1, o2)).toBe(0);
          for (let i = 0; i < code.n; i++) if (!Object.is(p1[i], p2[i])) throw new Error(`posterior ${i}: ${p1[i]} vs ${p2[i]}`);
          if (!r1.converged) failures++;
          iterationsSeen.add(r1.iterations);
        }
      }
      // The SNR sits in the waterfall: some frames need many iterations, some fail.
      expect(iterationsSeen.size).toBeGreaterThan(3);
      expect(failures).toBeGreaterThan(0);
    });
  }
});

describe('signed zeros and erasures', () => {
  it('LLRs of +0 and −0 (erasures) decode identically on both backends', () => {
    // The wasm kernel reads signs as raw bits; −0 inputs are canonicalized to +0 so that
    // an erased bit cannot count as negative in one backend and positive in the other.
    const code = ieee80211nCode(648, '3/4');
    const rng = Rng.stream(24);
    const llr = new Float32Array(code.n);
    bpskAwgnLlr(new Uint8Array(code.n), bpskSigma(4, 0.75), rng, llr);
    for (let i = 0; i < code.n; i += 9) llr[i] = i % 2 ? -0 : 0;
    for (const variant of VARIANTS) {
      const outs = BACKENDS.map((backend) => {
        const out = new Uint8Array(code.n);
        const post = new Float32Array(code.n);
        const res = createLayeredMinSumDecoder(code, { variant, backend }).decode(llr, out, { maxIterations: 3, earlyStop: false }, post);
        return { res, out, post: Array.from(post) };
      });
      expect(outs[1].res).toEqual(outs[0].res);
      expect(outs[1].post).toEqual(outs[0].post);
      expect(outs[0].post.some((v) => Object.is(v, -0))).toBe(false);
    }
  });
});

describe('backend selection and argument checks', () => {
  const code = ieee80211nCode(648, '1/2');

  it('auto picks wasm for QC codes and js for codes without qc, with equal results', () => {
    const plain = withoutQc(code);
    const auto = createLayeredMinSumDecoder(plain);
    expectCode(() => createLayeredMinSumDecoder(plain, { backend: 'wasm' }), 'INVALID_ARGUMENT');
    const qcDec = createLayeredMinSumDecoder(code);
    const rng = Rng.stream(31);
    const llr = new Float32Array(code.n);
    bpskAwgnLlr(new Uint8Array(code.n), bpskSigma(1.5, 0.5), rng, llr);
    const o1 = new Uint8Array(code.n);
    const o2 = new Uint8Array(code.n);
    expect(auto.decode(llr, o1)).toEqual(qcDec.decode(llr, o2));
    expect(hamming(o1, o2)).toBe(0);
    expect(qcDec.name).toBe('layered-nms:0.75');
  });

  it('rejects bad parameters', () => {
    expectCode(() => createLayeredMinSumDecoder(code, { variant: 'normalized', alpha: 0 }), 'INVALID_ARGUMENT');
    expectCode(() => createLayeredMinSumDecoder(code, { variant: 'normalized', alpha: 1.5 }), 'INVALID_ARGUMENT');
    expectCode(() => createLayeredMinSumDecoder(code, { variant: 'offset', beta: -0.1 }), 'INVALID_ARGUMENT');
    expectCode(() => createLayeredMinSumDecoder(code, { variant: 'bogus' as MinSumVariant }), 'INVALID_ARGUMENT');
    expectCode(() => createLayeredMinSumDecoder(code, { backend: 'gpu' as LayeredBackend }), 'INVALID_ARGUMENT');
  });

  for (const backend of BACKENDS) {
    it(`rejects mismatched buffers and bad options (${backend})`, () => {
      const dec = createLayeredMinSumDecoder(code, { backend });
      const out = new Uint8Array(code.n);
      expectCode(() => dec.decode(new Float32Array(code.n - 1), out), 'LENGTH_MISMATCH');
      expectCode(() => dec.decode(new Float32Array(code.n), new Uint8Array(code.n + 1)), 'LENGTH_MISMATCH');
      expectCode(() => dec.decode(new Float32Array(code.n), out, {}, new Float32Array(3)), 'LENGTH_MISMATCH');
      expectCode(() => dec.decode(new Float32Array(code.n), out, { maxIterations: 0 }), 'INVALID_ARGUMENT');
      expectCode(() => dec.decode(new Float32Array(code.n), out, { maxIterations: 2.5 }), 'INVALID_ARGUMENT');
    });
  }

  it('rejects a qc description that does not match H', () => {
    const good = ieee80211nCode(648, '5/6');
    const shifts = Int16Array.from(good.qc!.shifts);
    const i = shifts.findIndex((s) => s >= 0);
    shifts[i] = (shifts[i] + 1) % good.qc!.z;
    const bad: LdpcCode = { ...good, qc: { ...good.qc!, shifts } };
    expectCode(() => createLayeredMinSumDecoder(bad, { backend: 'wasm' }), 'INVALID_ARGUMENT');
  });

  it('decoders are independent: interleaved use of two instances gives the same results as one', () => {
    const a = createLayeredMinSumDecoder(code, { backend: 'wasm' });
    const b = createLayeredMinSumDecoder(code, { backend: 'wasm' });
    const rng = Rng.stream(32);
    const l1 = new Float32Array(code.n);
    const l2 = new Float32Array(code.n);
    const zero = new Uint8Array(code.n);
    bpskAwgnLlr(zero, bpskSigma(1.2, 0.5), rng, l1);
    bpskAwgnLlr(zero, bpskSigma(1.2, 0.5), rng, l2);
    const out = new Uint8Array(code.n);
    const ref1 = a.decode(l1, out, { maxIterations: 5 });
    const pa = new Float32Array(code.n);
    const pb = new Float32Array(code.n);
    a.decode(l1, out, { maxIterations: 5 }, pa);
    b.decode(l2, out, { maxIterations: 5 });
    const again = a.decode(l1, out, { maxIterations: 5 }, pb);
    expect(again).toEqual(ref1);
    expect(Array.from(pb)).toEqual(Array.from(pa));
  });
});
