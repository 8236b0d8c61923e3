/**
 * Robustness tables: for each scheme under each channel and modulation, the
 * mean of a metric over the SNR points of the study and its standard deviation
 * over them, which seed 003 (Sec. IV-A) calls robustness: "the standard
 * deviation of the retrieval accuracy across varying SNRs, reflecting the
 * system's sensitivity to channel noise". Lower is steadier.
 */
import { robustness } from '../metrics/index.js';
import { formatNumber, labelOf, metricValue } from './report.js';
import type { MetricKey, StoredRow } from './types.js';

export interface RobustnessSpec {
  id: string;
  title: string;
  metrics: MetricKey[];
}

/** Header and text cells of a robustness table (rows in first-seen order of scheme, channel, modulation). */
export function robustnessCells(rows: readonly StoredRow[], spec: RobustnessSpec): { header: string[]; rows: string[][] } {
  const groups = new Map<string, StoredRow[]>();
  for (const r of rows) {
    if (r.error) continue;
    const key = `${r.scheme}\u0000${r.channel}\u0000${r.modulation}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const header = ['scheme', 'channel', 'modulation', 'SNR points', ...spec.metrics.flatMap((m) => [`mean ${labelOf(m)}`, `robustness (std) ${labelOf(m)}`])];
  const out: string[][] = [];
  for (const g of groups.values()) {
    const cells = [g[0].scheme, g[0].channel, g[0].modulation, String(g.length)];
    for (const m of spec.metrics) {
      const values = g.map((r) => metricValue(r, m)).filter((v): v is number => v !== null && Number.isFinite(v));
      if (values.length === 0) cells.push('—', '—');
      else cells.push(formatNumber(values.reduce((s, v) => s + v, 0) / values.length), formatNumber(robustness(values)));
    }
    out.push(cells);
  }
  return { header, rows: out };
}
