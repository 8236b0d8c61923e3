/**
 * Reading the calibration table on the simulator's hot path: one call per
 * transmission, so nothing here allocates (small linear scans over grids of
 * a few dozen points, per-table thresholds computed once and cached).
 */
import { SemcomError } from '../../core/errors.js';
import type { CalibrationTable, McsCalibration, SchemeCalibration } from './types.js';

/** Index of the grid interval [i, i+1] holding x, for x strictly inside the grid. */
function intervalOf(grid: readonly number[], x: number): number {
  let i = 0;
  while (i < grid.length - 2 && grid[i + 1]! <= x) i++;
  return i;
}

/**
 * Codeword error rate of `mcs` at Es/N0 `snrDb` on AWGN.
 *
 * Between grid points the rate is interpolated linearly in log(rate) against
 * dB (waterfall curves are close to straight lines there). A point that
 * measured no error (rate 0) has no logarithm: towards it the rate falls
 * linearly to 0. Outside the grid the curve is clamped: below the first point
 * the first point's rate (the curve starts about 4 dB below the 1 % threshold,
 * where it is ≈ 1 anyway), above the last point the last point's rate (0 when
 * no error was seen there). A NaN SNR counts as a lost codeword (rate 1).
 */
export function codewordErrorRate(mcs: McsCalibration, snrDb: number): number {
  const grid = mcs.snrDb;
  const rate = mcs.codewordErrorRate;
  const n = grid.length;
  if (!(snrDb === snrDb)) return 1;
  if (snrDb <= grid[0]!) return rate[0]!;
  if (snrDb >= grid[n - 1]!) return rate[n - 1]!;
  const i = intervalOf(grid, snrDb);
  const x0 = grid[i]!;
  const t = (snrDb - x0) / (grid[i + 1]! - x0);
  const r0 = rate[i]!;
  const r1 = rate[i + 1]!;
  if (r0 > 0 && r1 > 0) return Math.exp(Math.log(r0) + t * (Math.log(r1) - Math.log(r0)));
  return r0 + t * (r1 - r0);
}

/**
 * Es/N0 (dB) at which `mcs`'s codeword error rate falls to `target`: the first
 * crossing of the interpolated curve (the inverse of `codewordErrorRate`).
 * The first grid point if the curve is already at or below target there;
 * +Infinity if it never gets there within the grid.
 */
export function snrForCodewordErrorRate(mcs: McsCalibration, target: number): number {
  const grid = mcs.snrDb;
  const rate = mcs.codewordErrorRate;
  if (rate[0]! <= target) return grid[0]!;
  for (let i = 0; i + 1 < grid.length; i++) {
    const r0 = rate[i]!;
    const r1 = rate[i + 1]!;
    if (r1 > target) continue;
    const x0 = grid[i]!;
    const x1 = grid[i + 1]!;
    const t = r1 > 0 && target > 0 ? (Math.log(target) - Math.log(r0)) / (Math.log(r1) - Math.log(r0)) : (target - r0) / (r1 - r0);
    return x0 + t * (x1 - x0);
  }
  return Infinity;
}

const thresholdCache = new WeakMap<CalibrationTable, Float64Array>();

/**
 * Each MCS's Es/N0 (dB) for the table's `targetCodewordErrorRate` on AWGN,
 * without the link-adaptation margin; computed once per table object (the
 * table must not be mutated afterwards).
 */
export function mcsThresholdsDb(table: CalibrationTable): Float64Array {
  let t = thresholdCache.get(table);
  if (t === undefined) {
    t = new Float64Array(table.mcs.length);
    for (let i = 0; i < table.mcs.length; i++) t[i] = snrForCodewordErrorRate(table.mcs[i]!, table.targetCodewordErrorRate);
    thresholdCache.set(table, t);
  }
  return t;
}

/**
 * Link adaptation: the index in `table.mcs` of the highest-efficiency MCS whose
 * threshold (`mcsThresholdsDb`) plus `linkAdaptationMarginDb` is at most
 * `snrDb`; index 0, the most robust MCS, when none qualifies (the packet is
 * sent anyway and may be lost), as src/schemes/link-adaptation.ts does.
 */
export function selectMcsIndex(table: CalibrationTable, snrDb: number): number {
  const thresholds = mcsThresholdsDb(table);
  const available = snrDb - table.linkAdaptationMarginDb;
  const mcs = table.mcs;
  let best = 0;
  for (let i = 0; i < thresholds.length; i++) {
    if (thresholds[i]! <= available && mcs[i]!.efficiency > mcs[best]!.efficiency) best = i;
  }
  return best;
}

/** Linear interpolation of `y` over ascending `x` at `at`, clamped to the end values. */
function interpolateClamped(x: readonly number[], y: readonly number[], at: number): number {
  const n = x.length;
  if (at <= x[0]!) return y[0]!;
  if (at >= x[n - 1]!) return y[n - 1]!;
  const i = intervalOf(x, at);
  const x0 = x[i]!;
  return y[i]! + ((at - x0) / (x[i + 1]! - x0)) * (y[i + 1]! - y[i]!);
}

/**
 * Probability that one item's task succeeds after one hop at Es/N0 `snrDb`:
 * linear in dB between the measured points, clamped to the first and last
 * points outside the grid. A NaN SNR reads as the lowest point.
 */
export function taskSuccessAt(scheme: SchemeCalibration, snrDb: number): number {
  if (!(snrDb === snrDb)) return scheme.taskSuccess[0]!;
  return interpolateClamped(scheme.snrDb, scheme.taskSuccess, snrDb);
}

/**
 * Factor by which a knowledge-sensitive scheme's task success shrinks at
 * knowledge-matching degree `matching` (1 at full knowledge): linear between
 * the measured degrees, clamped to the first and last measured values.
 */
export function knowledgeRetention(table: CalibrationTable, matching: number): number {
  const k = table.knowledge;
  if (!(matching === matching)) return k.retention[0]!;
  return interpolateClamped(k.matching, k.retention, matching);
}

/**
 * Bytes (up + down) of one knowledge sync that reconciles `changes` differing
 * records: the fitted fixed cost plus the per-change cost. Negative counts
 * are treated as 0.
 */
export function syncBytes(table: CalibrationTable, changes: number): number {
  const k = table.knowledge;
  return k.syncFixedBytes + k.syncBytesPerChange * (changes > 0 ? changes : 0);
}

/** The scheme named `name`; an UNKNOWN_SCHEME SemcomError naming the available schemes otherwise. */
export function findScheme(table: CalibrationTable, name: string): SchemeCalibration {
  for (const s of table.schemes) if (s.name === name) return s;
  throw new SemcomError(
    'UNKNOWN_SCHEME',
    `unknown scheme "${name}" in the calibration table; available: ${table.schemes.map((s) => s.name).join(', ')}`,
  );
}
