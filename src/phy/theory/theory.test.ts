import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { ebN0ToSnrDb, noiseVarianceFromSnrDb } from '../../core/snr.js';
import { createModulation, type ModulationName } from '../modulation/index.js';
import { parseChannelSpec } from '../channel/index.js';
import {
  berBpskAwgn,
  berBpskRayleigh,
  berSquareQamAwgn,
  berSquareQamRayleigh,
  berSquareQamRician,
  berTerms,
  erf,
  erfc,
  normalCdf,
  qfunc,
  theoreticalBer,
} from './index.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('erfc and Q', () => {
  it('match tabulated erfc values (A&S Table 7.1 / 30-digit mpmath)', () => {
    expect(rel(erfc(1), 0.157299207050285)).toBeLessThan(1e-13);
    expect(rel(erfc(3), 2.20904969985854e-5)).toBeLessThan(1e-13);
    expect(rel(erfc(5), 1.53745979442803e-12)).toBeLessThan(1e-13);
    expect(erfc(0)).toBe(1);
  });

  it('match 17-digit Q(x) references up to x = 37 with relative error < 1e-12', () => {
    // Q(x) = erfc(x/√2)/2 computed with mpmath at 30 digits.
    const table: [number, number][] = [
      [0.5, 0.3085375387259869],
      [1, 0.15865525393145705],
      [2, 0.02275013194817921],
      [3, 0.0013498980316300946],
      [4.5, 3.3976731247300603e-06],
      [6, 9.86587645037698e-10],
      [10, 7.619853024160525e-24],
      [20, 2.7536241186062337e-89],
      [30, 4.906713927148187e-198],
      [37, 5.725571222524577e-300],
    ];
    for (const [x, q] of table) {
      expect(rel(qfunc(x), q), `Q(${x})`).toBeLessThan(1e-12);
      expect(rel(normalCdf(-x), q)).toBeLessThan(1e-12);
    }
  });

  it('satisfy the symmetries erfc(−x) = 2 − erfc(x), erf(−x) = −erf(x), erf + erfc = 1', () => {
    for (let x = -6; x <= 6; x += 0.37) {
      expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 15);
      expect(erf(-x)).toBe(-erf(x));
      expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
    }
    // Near 0, erf(x) ≈ 2x/√π with no cancellation.
    expect(rel(erf(1e-10), 1.1283791670955126e-10)).toBeLessThan(1e-15);
    expect(qfunc(Infinity)).toBe(0);
    expect(qfunc(-Infinity)).toBe(1);
    expect(Number.isNaN(erfc(NaN))).toBe(true);
  });
});

describe('BER in AWGN', () => {
  it('BPSK at Eb/N0 = 9.6 dB is Q(√(2·10^0.96)) ≈ 1e-5', () => {
    expect(rel(berBpskAwgn(9.6), 9.736176018578596e-06)).toBeLessThan(1e-12);
    expect(berSquareQamAwgn(4, 9.6)).toBeCloseTo(berBpskAwgn(9.6), 18);
  });

  it('16-QAM (Cho–Yoon) reduces to (3/4)Q(√(4γ/5)) + (1/2)Q(3√(4γ/5)) − (1/4)Q(5√(4γ/5))', () => {
    const t = berTerms(16);
    expect(Array.from(t.c)).toEqual([3 / 8, 2 / 8, -1 / 8]);
    expect(Array.from(t.b).map((v) => +v.toFixed(12))).toEqual([0.4, 3.6, 10]);
    for (const db of [0, 4, 10, 14]) {
      const a = Math.sqrt((4 * 10 ** (db / 10)) / 5);
      const closed = 0.75 * qfunc(a) + 0.5 * qfunc(3 * a) - 0.25 * qfunc(5 * a);
      expect(rel(berSquareQamAwgn(16, db), closed)).toBeLessThan(1e-13);
    }
    expect(rel(berSquareQamAwgn(16, 10), 0.0017541506178927301)).toBeLessThan(1e-12);
  });

  it('64- and 256-QAM match 30-digit evaluations of the Cho–Yoon sum', () => {
    expect(rel(berSquareQamAwgn(4, 6), 0.002388290780932806)).toBeLessThan(1e-12);
    expect(rel(berSquareQamAwgn(64, 12), 0.009723985083124258)).toBeLessThan(1e-12);
    expect(rel(berSquareQamAwgn(64, 16), 0.00021717395915942035)).toBeLessThan(1e-12);
    expect(rel(berSquareQamAwgn(256, 16), 0.01239980543906618)).toBeLessThan(1e-12);
    expect(rel(berSquareQamAwgn(256, 20), 0.0005053069461642901)).toBeLessThan(1e-12);
    // At Eb/N0 → 0 every bit is a coin flip.
    for (const M of [4, 16, 64, 256]) expect(Math.abs(berSquareQamAwgn(M, -50) - 0.5)).toBeLessThan(1e-2);
  });
});

describe('BER over fading', () => {
  it('BPSK over Rayleigh is (1 − √(γ/(1+γ)))/2 and tends to 1/(4γ)', () => {
    expect(rel(berBpskRayleigh(10), 0.02326870537720384)).toBeLessThan(1e-12);
    expect(rel(berSquareQamRayleigh(2, 10), 0.02326870537720384)).toBeLessThan(1e-12);
    expect(rel(berBpskRayleigh(40), 1 / (4 * 1e4))).toBeLessThan(1e-3);
  });

  it('Rician with K = 0 equals the Rayleigh closed form; large K approaches AWGN', () => {
    for (const M of [2, 4, 16, 64, 256]) {
      for (const db of [-10, 0, 10, 25]) {
        expect(rel(berSquareQamRician(M, 0, db), berSquareQamRayleigh(M, db))).toBeLessThan(1e-10);
      }
      expect(rel(berSquareQamRician(M, 1e5, 8), berSquareQamAwgn(M, 8))).toBeLessThan(2e-3);
    }
  });

  it('Rician matches integration of the Rician SNR density (mpmath, 30 digits)', () => {
    expect(rel(berSquareQamRician(2, 4, 10), 0.004937534393977189)).toBeLessThan(1e-9);
    expect(rel(berSquareQamRician(16, 2, 14), 0.009366172547042969)).toBeLessThan(1e-9);
  });
});

describe('theoretical BER against simulation (hard decisions)', () => {
  const simulate = (name: ModulationName, spec: string, ebN0Db: number, symbols: number, seed: number) => {
    const mod = createModulation(name);
    const ch = parseChannelSpec(spec);
    const m = mod.bitsPerSymbol;
    const n0 = noiseVarianceFromSnrDb(ebN0ToSnrDb(ebN0Db, m));
    const rng = Rng.stream(seed);
    const bits = new Uint8Array(symbols * m);
    rng.fillBits(bits);
    const x = new Float64Array(2 * symbols);
    mod.map(bits, x);
    const out = { y: new Float64Array(2 * symbols), h: new Float64Array(2 * symbols) };
    ch.apply(x, n0, rng, out);
    const hard = new Uint8Array(bits.length);
    mod.hardDecide(out.y, hard, ch.fading ? out.h : undefined);
    let errors = 0;
    for (let i = 0; i < bits.length; i++) errors += bits[i] ^ hard[i];
    return { ber: errors / bits.length, bits: bits.length };
  };

  it.each([
    ['bpsk', 'awgn', 6],
    ['16qam', 'awgn', 8],
    ['64qam', 'awgn', 12],
    ['256qam', 'awgn', 16],
    ['bpsk', 'rayleigh', 10],
    ['16qam', 'rayleigh-block:10', 15],
    ['qpsk', 'rician:6dB', 10],
  ] as [ModulationName, string, number][])('%s over %s at Eb/N0 = %d dB', (name, spec, db) => {
    const p = theoreticalBer(name, spec, db) as number;
    const { ber, bits } = simulate(name, spec, db, 150_000, db);
    // Block fading correlates errors within a block; widen the interval by the block length.
    const corr = spec.includes('block') ? Math.sqrt(10 * createModulation(name).bitsPerSymbol) : Math.sqrt(createModulation(name).bitsPerSymbol);
    expect(Math.abs(ber - p)).toBeLessThan(5 * corr * Math.sqrt((p * (1 - p)) / bits));
  });
});

describe('theoreticalBer', () => {
  it('dispatches on modulation and channel, and returns null without a closed form', () => {
    expect(theoreticalBer('bpsk', 'awgn', 9.6)).toBe(berBpskAwgn(9.6));
    expect(theoreticalBer(createModulation('16qam'), 'rayleigh', 10)).toBe(berSquareQamRayleigh(16, 10));
    expect(theoreticalBer('64qam', parseChannelSpec('rician:4'), 10)).toBe(berSquareQamRician(64, 4, 10));
    expect(theoreticalBer('qpsk', { kind: 'awgn' }, 3)).toBe(berSquareQamAwgn(4, 3));
    expect(theoreticalBer('16qam', 'rayleigh-block:8,pilots:2', 10)).toBeNull();
  });

  it('rejects unknown modulations, channels and invalid Eb/N0', () => {
    expect(() => theoreticalBer('8psk' as ModulationName, 'awgn', 3)).toThrow(SemcomError);
    expect(() => theoreticalBer('bpsk', 'nakagami', 3)).toThrow(SemcomError);
    expect(() => theoreticalBer('bpsk', 'awgn', NaN)).toThrow(SemcomError);
    expect(() => berSquareQamAwgn(8, 3)).toThrow(SemcomError);
    expect(() => berSquareQamRician(16, -1, 3)).toThrow(SemcomError);
  });
});
