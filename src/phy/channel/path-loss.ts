/**
 * Large-scale propagation: distance-dependent path loss, log-normal
 * shadowing, and the power and noise conversions a link budget needs.
 *
 * Path-loss models of 3GPP TR 38.901 (V17/V18) Table 7.4.1-1, with fc the
 * carrier in GHz, distances in metres, d3D = √(d2D² + (hBS − hUT)²):
 *
 *   UMa LOS   PL1 = 28.0 + 22 log10(d3D) + 20 log10(fc)                        10 m ≤ d2D ≤ d'BP
 *             PL2 = 28.0 + 40 log10(d3D) + 20 log10(fc)
 *                   − 9 log10(d'BP² + (hBS − hUT)²)                             d'BP ≤ d2D ≤ 5 km
 *   UMa NLOS  max(PL_UMa-LOS, PL'_UMa-NLOS),
 *             PL' = 13.54 + 39.08 log10(d3D) + 20 log10(fc) − 0.6 (hUT − 1.5)
 *   UMi-Street Canyon LOS
 *             PL1 = 32.4 + 21 log10(d3D) + 20 log10(fc)
 *             PL2 = 32.4 + 40 log10(d3D) + 20 log10(fc) − 9.5 log10(d'BP² + (hBS − hUT)²)
 *   UMi NLOS  max(PL_UMi-LOS, PL'_UMi-NLOS),
 *             PL' = 35.3 log10(d3D) + 22.4 + 21.3 log10(fc) − 0.3 (hUT − 1.5)
 *
 * Breakpoint (Note 1 of the table): d'BP = 4 h'BS h'UT fc / c with fc in Hz,
 * c = 3.0·10^8 m/s, h'BS = hBS − hE, h'UT = hUT − hE. UMi takes hE = 1 m. UMa
 * takes hE = 1 m with probability 1/(1 + C(d2D, hUT)), where C = 0 for
 * hUT < 13 m; this module always takes hE = 1 m, exact for terminals below
 * 13 m (the table's usual hUT = 1.5 m) and the most likely value above, so the
 * loss stays a deterministic function of geometry. PL1 and PL2 meet at
 * d2D = d'BP (there d3D² = d'BP² + (hBS − hUT)², so 40 − 2·9 = 22 and
 * 40 − 2·9.5 = 21), so the curves are continuous.
 *
 * The TR's ranges (10 m ≤ d2D ≤ 5 km; UMa hBS = 25 m, UMi hBS = 10 m,
 * 1.5 m ≤ hUT ≤ 22.5 m; 0.5–100 GHz) are documented, not enforced: the
 * formulas are extrapolated outside them, as ns-3's ThreeGpp models do with
 * range enforcement off. Shadowing σ_SF per the table: UMa LOS 4 dB, NLOS
 * 6 dB; UMi LOS 4 dB, NLOS 7.82 dB.
 *
 * `pathLossDb` gives the NLOS losses (a device has no line of sight to its
 * base station in the simulator's scenarios), `losPathLossDb` the LOS ones.
 *
 * Log-distance: PL = FSPL(d0) + 10 n log10(d3D / d0), FSPL(d) =
 * 20 log10(4π d fc / c) (Friis; Rappaport, Wireless Communications, 2nd ed.,
 * Sec. 4.9), d0 = `referenceM` (1 m by default), n = `exponent`.
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';

/** Large-scale models: TR 38.901 UMa NLOS, UMi-Street Canyon NLOS, or log-distance. */
export type PathLossModel = 'uma' | 'umi' | 'log-distance';

export interface PathLossOptions {
  /** Carrier frequency, GHz. */
  carrierGHz: number;
  /** Base-station antenna height, m (> 1 m for UMa and UMi: the breakpoint uses hBS − 1 m). */
  bsHeightM: number;
  /** User-terminal antenna height, m (> 1 m for UMa and UMi). */
  utHeightM: number;
  /** Path-loss exponent n of 'log-distance' (required there, ignored otherwise). */
  exponent?: number;
  /** Reference distance d0 of 'log-distance', m (default 1 m). */
  referenceM?: number;
}

/** Speed of light used by TR 38.901 Note 1 for the breakpoint distance, m/s. */
const C_TR = 3.0e8;
/** Speed of light in vacuum, m/s (free-space loss). */
const C_VACUUM = 299_792_458;
/** Effective environment height hE, m (TR 38.901 Table 7.4.1-1 Note 1). */
const H_E = 1;

function invalid(message: string): SemcomError {
  return new SemcomError('INVALID_ARGUMENT', message);
}

/** Free-space path loss 20 log10(4π d f / c), dB, at `distanceM` metres and `carrierGHz` GHz. */
export function freeSpacePathLossDb(distanceM: number, carrierGHz: number): number {
  if (!(distanceM > 0) || !Number.isFinite(distanceM)) throw invalid(`free-space path loss: distance must be a finite number of metres > 0, got ${distanceM}`);
  if (!(carrierGHz > 0) || !Number.isFinite(carrierGHz)) throw invalid(`free-space path loss: carrierGHz must be finite and > 0, got ${carrierGHz}`);
  return 20 * Math.log10((4 * Math.PI * distanceM * carrierGHz * 1e9) / C_VACUUM);
}

/**
 * LOS loss of UMa (`a` = 28.0, `b` = 22, `c` = 9) or UMi (32.4, 21, 9.5):
 * PL1 up to the breakpoint, PL2 beyond, continuous at d2D = d'BP.
 */
function losDb(a: number, b: number, c: number, d2: number, d3: number, fc: number, hBs: number, hUt: number): number {
  const dBp = (4 * (hBs - H_E) * (hUt - H_E) * fc * 1e9) / C_TR;
  const logF = 20 * Math.log10(fc);
  if (d2 <= dBp) return a + b * Math.log10(d3) + logF;
  const dh = hBs - hUt;
  return a + 40 * Math.log10(d3) + logF - c * Math.log10(dBp * dBp + dh * dh);
}

function checkGeometry(what: string, distance2dM: number, options: PathLossOptions): void {
  const { carrierGHz: fc, bsHeightM: hBs, utHeightM: hUt } = options;
  if (!(distance2dM >= 0) || !Number.isFinite(distance2dM)) {
    throw invalid(`${what}: the 2D distance must be a finite number of metres ≥ 0, got ${distance2dM}`);
  }
  if (!(fc > 0) || !Number.isFinite(fc)) throw invalid(`${what}: carrierGHz must be finite and > 0 (TR 38.901 covers 0.5–100 GHz), got ${fc}`);
  if (!Number.isFinite(hBs) || !Number.isFinite(hUt)) {
    throw invalid(`${what}: antenna heights must be finite metres, got bsHeightM ${hBs}, utHeightM ${hUt}`);
  }
}

function check38901(model: 'uma' | 'umi', distance2dM: number, options: PathLossOptions): void {
  checkGeometry(model === 'uma' ? "path loss 'uma'" : "path loss 'umi'", distance2dM, options);
  const { bsHeightM: hBs, utHeightM: hUt } = options;
  if (!(hBs > H_E) || !(hUt > H_E)) {
    throw invalid(
      `path loss '${model}': antenna heights must exceed the ${H_E} m environment height of TR 38.901 (its ranges: hBS ${model === 'uma' ? 25 : 10} m, hUT 1.5–22.5 m), got bsHeightM ${hBs}, utHeightM ${hUt}`,
    );
  }
}

function los38901(model: 'uma' | 'umi', d2: number, d3: number, options: PathLossOptions): number {
  const { carrierGHz: fc, bsHeightM: hBs, utHeightM: hUt } = options;
  return model === 'uma' ? losDb(28.0, 22, 9, d2, d3, fc, hBs, hUt) : losDb(32.4, 21, 9.5, d2, d3, fc, hBs, hUt);
}

/**
 * LOS path loss of TR 38.901 Table 7.4.1-1 (UMa or UMi-Street Canyon), dB,
 * at horizontal distance `distance2dM` metres: PL1 up to the breakpoint d'BP,
 * PL2 beyond (module doc).
 */
export function losPathLossDb(model: 'uma' | 'umi', distance2dM: number, options: PathLossOptions): number {
  if (model !== 'uma' && model !== 'umi') throw invalid(`LOS path loss: unknown model "${String(model)}"; accepted: uma, umi`);
  check38901(model, distance2dM, options);
  const dh = options.bsHeightM - options.utHeightM;
  return los38901(model, distance2dM, Math.sqrt(distance2dM * distance2dM + dh * dh), options);
}

/**
 * Path loss in dB (positive: received power = transmitted power − loss) at
 * horizontal distance `distance2dM` metres. 'uma' and 'umi' are the NLOS
 * formulas of TR 38.901 Table 7.4.1-1, max(LOS, NLOS′) (module doc);
 * 'log-distance' needs `options.exponent` and uses the 3D distance.
 */
export function pathLossDb(model: PathLossModel, distance2dM: number, options: PathLossOptions): number {
  const { carrierGHz: fc, bsHeightM: hBs, utHeightM: hUt } = options;
  if (model === 'log-distance') {
    checkGeometry("path loss 'log-distance'", distance2dM, options);
    const n = options.exponent;
    const d0 = options.referenceM ?? 1;
    if (typeof n !== 'number' || !(n > 0) || !Number.isFinite(n)) {
      throw invalid(`path loss 'log-distance' needs options.exponent, a finite number > 0 (2 is free space, 3–4 urban), got ${String(n)}`);
    }
    if (!(d0 > 0) || !Number.isFinite(d0)) throw invalid(`path loss 'log-distance': referenceM must be finite and > 0, got ${d0}`);
    const dh = hBs - hUt;
    const d3 = Math.sqrt(distance2dM * distance2dM + dh * dh);
    if (!(d3 > 0)) throw invalid("path loss 'log-distance': the transmitter and receiver are at the same point (distance 0 and equal heights)");
    return freeSpacePathLossDb(d0, fc) + 10 * n * Math.log10(d3 / d0);
  }
  if (model !== 'uma' && model !== 'umi') {
    throw invalid(`path loss: unknown model "${String(model)}"; accepted: uma, umi, log-distance`);
  }
  check38901(model, distance2dM, options);
  const dh = hBs - hUt;
  const d3 = Math.sqrt(distance2dM * distance2dM + dh * dh);
  const los = los38901(model, distance2dM, d3, options);
  const logD3 = Math.log10(d3);
  const nlos =
    model === 'uma'
      ? 13.54 + 39.08 * logD3 + 20 * Math.log10(fc) - 0.6 * (hUt - 1.5)
      : 35.3 * logD3 + 22.4 + 21.3 * Math.log10(fc) - 0.3 * (hUt - 1.5);
  return Math.max(los, nlos);
}

/**
 * One log-normal shadowing draw, dB: σ·N(0, 1). Always consumes exactly one
 * normal draw, σ = 0 included, so scenarios that differ only in σ see the
 * same geometry and fading (common random numbers).
 */
export function shadowingDb(rng: Rng, sigmaDb: number): number {
  if (!(sigmaDb >= 0) || !Number.isFinite(sigmaDb)) {
    throw invalid(`shadowing: the standard deviation must be a finite number of dB ≥ 0, got ${sigmaDb}`);
  }
  // + 0 folds −0 (σ = 0 times a negative draw) into 0.
  return sigmaDb * rng.normal() + 0;
}

/** Power in dBm to watts: 10^((dBm − 30)/10). */
export function dbmToWatts(dbm: number): number {
  if (Number.isNaN(dbm) || dbm === Infinity) throw invalid(`dbmToWatts: expected a number of dBm (−Infinity for 0 W), got ${dbm}`);
  return Math.pow(10, (dbm - 30) / 10);
}

/** Power in watts to dBm: 10 log10(W) + 30 (0 W is −Infinity dBm). */
export function wattsToDbm(watts: number): number {
  if (!(watts >= 0) || !Number.isFinite(watts)) throw invalid(`wattsToDbm: expected finite watts ≥ 0, got ${watts}`);
  return 10 * Math.log10(watts) + 30;
}

/**
 * Thermal noise power N0·B·F in watts over `bandwidthHz` with receiver noise
 * figure `noiseFigureDb`: density (dBm/Hz) + 10 log10(B) + NF, in dBm, to
 * watts. The default −174 dBm/Hz is kT at T = 290 K (k = 1.380649·10^-23 J/K:
 * 4.00·10^-21 W/Hz = −173.98 dBm/Hz).
 */
export function thermalNoiseWatts(bandwidthHz: number, noiseFigureDb: number, densityDbmHz = -174): number {
  if (!(bandwidthHz > 0) || !Number.isFinite(bandwidthHz)) throw invalid(`thermal noise: bandwidthHz must be finite and > 0, got ${bandwidthHz}`);
  if (!Number.isFinite(noiseFigureDb) || noiseFigureDb < 0) throw invalid(`thermal noise: noiseFigureDb must be a finite number of dB ≥ 0, got ${noiseFigureDb}`);
  if (!Number.isFinite(densityDbmHz)) throw invalid(`thermal noise: densityDbmHz must be finite, got ${densityDbmHz}`);
  return dbmToWatts(densityDbmHz + 10 * Math.log10(bandwidthHz) + noiseFigureDb);
}
