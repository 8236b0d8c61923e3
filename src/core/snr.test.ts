import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from './errors.js';
import {
  SNR_DB_MAX,
  SNR_DB_MIN,
  checkSnrDb,
  dbToLinear,
  ebN0ToSnrDb,
  linearToDb,
  noiseVarianceFromSnrDb,
  snrToEbN0Db,
} from './snr.js';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    return (e as SemcomError).code;
  }
  return 'no error';
}

describe('dB conversions', () => {
  it('convert known values', () => {
    expect(dbToLinear(0)).toBe(1);
    expect(dbToLinear(10)).toBeCloseTo(10, 14);
    expect(dbToLinear(-20)).toBeCloseTo(0.01, 16);
    expect(dbToLinear(3)).toBeCloseTo(1.9952623149688795, 14);
    expect(linearToDb(2)).toBeCloseTo(3.010299956639812, 14);
    expect(linearToDb(1000)).toBeCloseTo(30, 13);
  });

  it('round-trip dB → linear → dB', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 100, noNaN: true }), (db) => {
        expect(linearToDb(dbToLinear(db))).toBeCloseTo(db, 10);
      }),
    );
  });
});

describe('SNR conventions', () => {
  it('Es/N0 = Eb/N0 + 10 log10(R·m), and back', () => {
    // 16-QAM, rate 1/2: two information bits per symbol, +3.0103 dB.
    expect(ebN0ToSnrDb(5, 4, 0.5)).toBeCloseTo(5 + 10 * Math.log10(2), 12);
    expect(ebN0ToSnrDb(5, 1)).toBe(5);
    expect(ebN0ToSnrDb(0, 2)).toBeCloseTo(3.010299956639812, 12);
    expect(snrToEbN0Db(10, 6, 3 / 4)).toBeCloseTo(10 - 10 * Math.log10(4.5), 12);
    fc.assert(
      fc.property(
        // Kept so that both Eb/N0 and Es/N0 stay inside [-50, 100] dB.
        fc.double({ min: -25, max: 80, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (db, m, r) => {
          expect(snrToEbN0Db(ebN0ToSnrDb(db, m, r), m, r)).toBeCloseTo(db, 10);
        },
      ),
    );
  });

  it('N0 = Es / 10^(SNR/10) for unit-energy symbols', () => {
    expect(noiseVarianceFromSnrDb(0)).toBe(1);
    expect(noiseVarianceFromSnrDb(10)).toBeCloseTo(0.1, 15);
    expect(noiseVarianceFromSnrDb(-3)).toBeCloseTo(1.9952623149688795, 13);
    expect(noiseVarianceFromSnrDb(10, 4)).toBeCloseTo(0.4, 15);
  });

  it('accept SNRs within [-50, 100] dB and reject the rest with INVALID_SNR', () => {
    expect(checkSnrDb(SNR_DB_MIN)).toBe(-50);
    expect(checkSnrDb(SNR_DB_MAX)).toBe(100);
    expect(checkSnrDb(7.5)).toBe(7.5);
    for (const bad of [NaN, Infinity, -Infinity, -50.001, 100.5, '10' as unknown as number, undefined as unknown as number]) {
      expect(codeOf(() => checkSnrDb(bad)), String(bad)).toBe('INVALID_SNR');
      expect(codeOf(() => noiseVarianceFromSnrDb(bad))).toBe('INVALID_SNR');
      expect(codeOf(() => ebN0ToSnrDb(bad, 2))).toBe('INVALID_SNR');
      expect(codeOf(() => snrToEbN0Db(bad, 2))).toBe('INVALID_SNR');
    }
    expect(() => checkSnrDb(NaN, 'Eb/N0')).toThrow(/Eb\/N0/);
  });

  it('reject bad bits per symbol and code rates with INVALID_ARGUMENT', () => {
    for (const m of [0, -1, NaN, Infinity]) expect(codeOf(() => ebN0ToSnrDb(3, m))).toBe('INVALID_ARGUMENT');
    for (const r of [0, -0.5, 1.01, NaN]) {
      expect(codeOf(() => ebN0ToSnrDb(3, 2, r))).toBe('INVALID_ARGUMENT');
      expect(codeOf(() => snrToEbN0Db(3, 2, r))).toBe('INVALID_ARGUMENT');
    }
  });
});
