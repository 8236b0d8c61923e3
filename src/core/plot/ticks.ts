/**
 * Axis ticks: "nice" linear ticks (steps of 1, 2, 2.5 or 5 × 10^k, after
 * Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990) and decade
 * ticks for log10 axes.
 */

/** A linear axis: its extended range and tick positions. */
export interface LinearAxis {
  lo: number;
  hi: number;
  step: number;
  ticks: number[];
}

function niceStep(raw: number): number {
  const k = Math.floor(Math.log10(raw));
  const base = Math.pow(10, k);
  const f = raw / base;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return m * base;
}

/** Ticks covering [min, max] with about `count` intervals; a zero-width range is widened by ±1 (or ±10 %). */
export function linearTicks(min: number, max: number, count = 6): LinearAxis {
  let a = Math.min(min, max);
  let b = Math.max(min, max);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    a = 0;
    b = 1;
  }
  if (a === b) {
    const d = a === 0 ? 1 : Math.abs(a) * 0.1;
    a -= d;
    b += d;
  }
  const step = niceStep((b - a) / Math.max(1, count));
  const lo = Math.floor(a / step + 1e-9) * step;
  const hi = Math.ceil(b / step - 1e-9) * step;
  const ticks: number[] = [];
  const n = Math.round((hi - lo) / step);
  for (let i = 0; i <= n; i++) ticks.push(roundTo(lo + i * step, step));
  return { lo: ticks[0], hi: ticks[ticks.length - 1], step, ticks };
}

/** Removes binary noise (0.30000000000000004 → 0.3) at the precision the step calls for. */
function roundTo(v: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(decimals, 15)));
}

/** Tick label of a linear axis value. */
export function formatLinearTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential().replace('e+', 'e');
  return String(v);
}

/** A log10 axis spanning whole decades 10^kLo .. 10^kHi (kHi > kLo). */
export interface LogAxis {
  kLo: number;
  kHi: number;
}

/** The whole decades covering the positive values (default 1e-6..1 if there are none). */
export function logDecades(values: readonly number[]): LogAxis {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (min === Infinity) return { kLo: -6, kHi: 0 };
  const kLo = Math.floor(Math.log10(min) + 1e-12);
  let kHi = Math.ceil(Math.log10(max) - 1e-12) + 0; // + 0 turns -0 into 0
  if (kHi <= kLo) kHi = kLo + 1;
  return { kLo, kHi };
}

/** Label of the decade 10^k: "1" for k = 0, else "1e-3" style. */
export function formatDecade(k: number): string {
  return k === 0 ? '1' : `1e${k}`;
}
