import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import {
  dbmToWatts,
  freeSpacePathLossDb,
  losPathLossDb,
  pathLossDb,
  shadowingDb,
  thermalNoiseWatts,
  wattsToDbm,
  type PathLossModel,
} from './path-loss.js';

const UMA = { carrierGHz: 5, bsHeightM: 25, utHeightM: 1.5 };
const UMI = { carrierGHz: 5, bsHeightM: 10, utHeightM: 1.5 };

/**
 * Reference losses of ns-3's 3GPP propagation test suite
 * (src/propagation/test/three-gpp-propagation-loss-model-test-suite.cc:
 * received power at 0 dBm transmit, shadowing off, fc = 5 GHz, hUT = 1.5 m,
 * UMa hBS = 25 m, UMi hBS = 10 m), which checks ns-3 against TR 38.901
 * Table 7.4.1-1. [model, d2D (m), LOS?, loss (dB)].
 */
const NS3_REFERENCE: [('uma' | 'umi'), number, boolean, number][] = [
  ['uma', 10, true, 72.938],
  ['uma', 100, true, 86.2362],
  ['uma', 1000, true, 109.7252],
  ['uma', 5000, true, 137.6794],
  ['uma', 10, false, 82.5131],
  ['uma', 100, false, 106.1356],
  ['uma', 1000, false, 144.7641],
  ['uma', 5000, false, 172.0753],
  ['umi', 10, true, 69.8591],
  ['umi', 100, true, 88.4122],
  ['umi', 1000, true, 119.3114],
  ['umi', 5000, true, 147.2696],
  ['umi', 10, false, 76.7563],
  ['umi', 100, false, 107.9432],
  ['umi', 1000, false, 143.1886],
  ['umi', 5000, false, 167.8617],
];

function expectInvalid(f: () => unknown, pattern: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    expect((e as SemcomError).code).toBe('INVALID_ARGUMENT');
    expect((e as SemcomError).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a SemcomError');
}

describe('TR 38.901 path loss', () => {
  it.each(NS3_REFERENCE)('%s at %d m (LOS %s) matches the ns-3 reference %d dB', (model, d, los, ref) => {
    const options = model === 'uma' ? UMA : UMI;
    const loss = los ? losPathLossDb(model, d, options) : pathLossDb(model, d, options);
    // The reference values are printed to 4 decimals.
    expect(Math.abs(loss - ref)).toBeLessThan(1e-3);
  });

  it('hand-computed UMa NLOS at 3.5 GHz, 200 m, hBS 25 m, hUT 1.5 m', () => {
    // d3D = √(200² + 23.5²) = 201.3759 m; 13.54 + 39.08·2.304007 + 20·0.544068 = 13.54 + 90.0406 + 10.8814 = 114.4620 dB.
    // LOS: d'BP = 4·24·0.5·3.5e9/3e8 = 560 m > 200 m, PL1 = 28 + 22·2.304007 + 10.8814 = 89.57 dB < NLOS.
    expect(pathLossDb('uma', 200, { carrierGHz: 3.5, bsHeightM: 25, utHeightM: 1.5 })).toBeCloseTo(114.462, 3);
  });

  it('hand-computed UMi NLOS at 28 GHz, 50 m, hBS 10 m, hUT 1.5 m', () => {
    // d3D = √(2500 + 72.25) = 50.7174 m; 35.3·1.705157 + 22.4 + 21.3·1.447158 = 60.1920 + 22.4 + 30.8245 = 113.4165 dB.
    expect(pathLossDb('umi', 50, { carrierGHz: 28, bsHeightM: 10, utHeightM: 1.5 })).toBeCloseTo(113.4165, 3);
  });

  it('NLOS frequency terms: doubling fc adds 20·log10 2 (UMa) and 21.3·log10 2 (UMi)', () => {
    const at = (model: 'uma' | 'umi', fc: number) => pathLossDb(model, 300, { carrierGHz: fc, bsHeightM: model === 'uma' ? 25 : 10, utHeightM: 1.5 });
    expect(at('uma', 7) - at('uma', 3.5)).toBeCloseTo(20 * Math.log10(2), 9);
    expect(at('umi', 7) - at('umi', 3.5)).toBeCloseTo(21.3 * Math.log10(2), 9);
  });

  it('UMa NLOS loses 0.6 dB per metre of terminal height above 1.5 m (at fixed d3D)', () => {
    // Keep d3D fixed while raising hUT by 1 m: d2D chosen so (hBS − hUT) changes compensate.
    const d3 = 300;
    const at = (hUt: number) => pathLossDb('uma', Math.sqrt(d3 * d3 - (25 - hUt) ** 2), { carrierGHz: 3.5, bsHeightM: 25, utHeightM: hUt });
    expect(at(2.5) - at(1.5)).toBeCloseTo(-0.6, 9);
  });

  it('is non-decreasing in distance, through the breakpoint, for every model', () => {
    const cases: [PathLossModel, { carrierGHz: number; bsHeightM: number; utHeightM: number; exponent?: number }][] = [
      ['uma', { carrierGHz: 3.5, bsHeightM: 25, utHeightM: 1.5 }],
      ['uma', { carrierGHz: 28, bsHeightM: 25, utHeightM: 10 }],
      ['umi', { carrierGHz: 3.5, bsHeightM: 10, utHeightM: 1.5 }],
      ['umi', { carrierGHz: 28, bsHeightM: 10, utHeightM: 2 }],
      ['log-distance', { carrierGHz: 2, bsHeightM: 25, utHeightM: 1.5, exponent: 3.5 }],
    ];
    for (const [model, options] of cases) {
      let prev = -Infinity;
      let prevLos = -Infinity;
      for (let d = 1; d <= 10_000; d *= 1.01) {
        const loss = pathLossDb(model, d, options);
        expect(loss).toBeGreaterThanOrEqual(prev);
        prev = loss;
        if (model !== 'log-distance') {
          const los = losPathLossDb(model, d, options);
          expect(los).toBeGreaterThanOrEqual(prevLos);
          expect(loss).toBeGreaterThanOrEqual(los);
          prevLos = los;
        }
      }
    }
  });

  it('LOS is continuous at the breakpoint and steepens to 40 dB/decade past it', () => {
    for (const [model, hBs, fc] of [['uma', 25, 3.5], ['umi', 10, 3.5], ['uma', 25, 0.9]] as const) {
      const options = { carrierGHz: fc, bsHeightM: hBs, utHeightM: 1.5 };
      const dBp = (4 * (hBs - 1) * 0.5 * fc * 1e9) / 3e8;
      const below = losPathLossDb(model, dBp * (1 - 1e-12), options);
      const above = losPathLossDb(model, dBp * (1 + 1e-12), options);
      expect(Math.abs(above - below)).toBeLessThan(1e-8);
      // Far past the breakpoint d3D ≈ d2D, so a decade costs ≈ 40 dB; before it, 22 (UMa) or 21 (UMi).
      const slopeFar = losPathLossDb(model, dBp * 100, options) - losPathLossDb(model, dBp * 10, options);
      expect(slopeFar).toBeGreaterThan(39.9);
      expect(slopeFar).toBeLessThan(40.01);
      const near = losPathLossDb(model, dBp / 2, options) - losPathLossDb(model, dBp / 20, options);
      expect(near).toBeLessThan(model === 'uma' ? 22 : 21);
    }
  });

  it('rejects bad geometry with INVALID_ARGUMENT naming the field', () => {
    expectInvalid(() => pathLossDb('uma', -1, UMA), /2D distance/);
    expectInvalid(() => pathLossDb('uma', Number.NaN, UMA), /2D distance/);
    expectInvalid(() => pathLossDb('umi', 100, { ...UMI, carrierGHz: 0 }), /carrierGHz/);
    expectInvalid(() => pathLossDb('uma', 100, { ...UMA, utHeightM: 1 }), /heights/);
    expectInvalid(() => losPathLossDb('umi', 100, { ...UMI, bsHeightM: Number.POSITIVE_INFINITY }), /heights/);
    expectInvalid(() => pathLossDb('rma' as PathLossModel, 100, UMA), /unknown model "rma"/);
    expectInvalid(() => pathLossDb('log-distance', 100, UMA), /exponent/);
    expectInvalid(() => pathLossDb('log-distance', 0, { carrierGHz: 2, bsHeightM: 2, utHeightM: 2, exponent: 3 }), /same point/);
  });
});

describe('free space and log-distance', () => {
  it('free-space loss at 1 km and 1 GHz is 92.45 dB; it grows 20 dB per decade', () => {
    // 20·log10(4π·1000·1e9 / 299792458) = 92.4478 dB.
    expect(freeSpacePathLossDb(1000, 1)).toBeCloseTo(92.4478, 3);
    expect(freeSpacePathLossDb(10, 2.4) - freeSpacePathLossDb(1, 2.4)).toBeCloseTo(20, 9);
  });

  it('log-distance is FSPL at d0 plus 10·n·log10(d/d0), over the 3D distance', () => {
    // Equal heights: d3D = d2D. FSPL(1 m, 3.5 GHz) = 20·log10(4π·3.5e9/299792458) = 43.3292 dB; n = 3.5 over two decades: +70 dB.
    const equal = { carrierGHz: 3.5, bsHeightM: 10, utHeightM: 10, exponent: 3.5 };
    expect(pathLossDb('log-distance', 100, equal)).toBeCloseTo(113.3292, 3);
    // Reference 10 m: FSPL(10 m) = 63.3292 dB, then 35 dB for one decade.
    expect(pathLossDb('log-distance', 100, { ...equal, referenceM: 10 })).toBeCloseTo(98.3292, 3);
    // Height difference 30 m over 40 m: d3D = 50 m.
    const tall = { carrierGHz: 3.5, bsHeightM: 31.5, utHeightM: 1.5, exponent: 2 };
    expect(pathLossDb('log-distance', 40, tall)).toBeCloseTo(freeSpacePathLossDb(50, 3.5), 9);
  });
});

describe('shadowing, power and noise', () => {
  it('shadowing is σ times one normal draw, also at σ = 0', () => {
    expect(shadowingDb(Rng.stream(7), 6)).toBe(6 * Rng.stream(7).normal());
    const a = Rng.stream(8);
    const b = Rng.stream(8);
    expect(shadowingDb(a, 0)).toBe(0);
    b.normal();
    expect(a.normal()).toBe(b.normal());
    expectInvalid(() => shadowingDb(Rng.stream(1), -1), /standard deviation/);
  });

  it('shadowing has mean 0 and standard deviation σ', () => {
    const rng = Rng.stream(11);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = shadowingDb(rng, 8);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    // Standard errors: σ/√n = 0.025 for the mean, σ/√(2n) = 0.018 for the std; 5 of each.
    expect(Math.abs(mean)).toBeLessThan(0.13);
    expect(Math.abs(sd - 8)).toBeLessThan(0.09);
  });

  it('converts dBm and watts', () => {
    expect(dbmToWatts(30)).toBeCloseTo(1, 12);
    expect(dbmToWatts(0)).toBeCloseTo(1e-3, 15);
    expect(dbmToWatts(46)).toBeCloseTo(39.81, 2);
    expect(dbmToWatts(-Infinity)).toBe(0);
    expect(wattsToDbm(0.2)).toBeCloseTo(23.0103, 4);
    expect(wattsToDbm(0)).toBe(-Infinity);
    for (const dbm of [-120, -30, 0, 23, 46]) expect(wattsToDbm(dbmToWatts(dbm))).toBeCloseTo(dbm, 10);
    expectInvalid(() => wattsToDbm(-1), /watts/);
    expectInvalid(() => dbmToWatts(Number.NaN), /dBm/);
  });

  it('thermal noise is kTBF: −114 dBm over 1 MHz with NF 0, −92 dBm over 20 MHz with NF 9 dB', () => {
    expect(wattsToDbm(thermalNoiseWatts(1e6, 0))).toBeCloseTo(-114, 9);
    expect(thermalNoiseWatts(1e6, 0)).toBeCloseTo(3.981e-15, 17);
    // −174 + 10·log10(2e7) + 9 = −174 + 73.0103 + 9.
    expect(wattsToDbm(thermalNoiseWatts(20e6, 9))).toBeCloseTo(-91.9897, 4);
    // The default density is kT at 290 K to within 0.03 dB.
    const kT290 = 1.380649e-23 * 290;
    expect(Math.abs(wattsToDbm(thermalNoiseWatts(1, 0)) - wattsToDbm(kT290))).toBeLessThan(0.03);
    expect(thermalNoiseWatts(1e6, 0, -170) / thermalNoiseWatts(1e6, 0)).toBeCloseTo(10 ** 0.4, 9);
    expectInvalid(() => thermalNoiseWatts(0, 9), /bandwidthHz/);
    expectInvalid(() => thermalNoiseWatts(1e6, -1), /noiseFigureDb/);
  });
});
