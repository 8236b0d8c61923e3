/**
 * A standalone, dependency-free SVG line plot: linear x axis with nice ticks,
 * log10 (or linear) y axis with decade grid lines, one <path> per series,
 * markers, error bars and a legend. Meant for BER/FER curves in reports that
 * must open anywhere (browsers, editors, GitHub) with nothing installed.
 */
import { SemcomError } from '../errors.js';
import { formatDecade, formatLinearTick, linearTicks, logDecades } from './ticks.js';
import type { LinePlotOptions, PlotPoint } from './types.js';

/** Tableau 10 colours, distinguishable and colour-blind friendly enough for ≤ 10 series. */
export const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
];

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const r2 = (v: number): string => (Math.round(v * 100) / 100).toString();

/** Renders the plot as a complete SVG document (a string starting with `<svg`). */
export function svgLinePlot(opts: LinePlotOptions): string {
  if (!opts || !Array.isArray(opts.series)) {
    throw new SemcomError('INVALID_ARGUMENT', 'svgLinePlot needs { title, xLabel, yLabel, series: [{ name, points }] }');
  }
  const logY = opts.logY ?? true;
  // The legend sits right of the plot; ~6.8 px per character of 12 px Helvetica.
  const longest = Math.max(0, ...opts.series.map((s) => s.name.length));
  const legendWidth = Math.min(420, 56 + Math.ceil(6.8 * longest));
  const width = opts.width ?? 72 + 520 + legendWidth;
  const height = opts.height ?? 480;
  const m = { left: 72, right: legendWidth, top: 44, bottom: 56 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  if (!(pw > 50 && ph > 50)) throw new SemcomError('INVALID_ARGUMENT', `plot size ${width}×${height} px is too small`);

  // Points that can be drawn: finite x and y, and y > 0 on a log axis.
  const usable = (x: number, y: number): boolean => Number.isFinite(x) && Number.isFinite(y) && (!logY || y > 0);
  const xs: number[] = [];
  const ys: number[] = [];
  // A point with y = 0 on a log axis is not drawn, but its interval still is
  // (a zero-error point's upper bound says "below this"), so it counts for the ranges.
  const hasBar = (p: PlotPoint): boolean =>
    p.lo !== undefined && p.hi !== undefined && Number.isFinite(p.lo) && Number.isFinite(p.hi) && (!logY || p.hi > 0);
  for (const s of opts.series) {
    for (const p of s.points) {
      const drawn = usable(p.x, p.y);
      if (!drawn && !(Number.isFinite(p.x) && hasBar(p))) continue;
      xs.push(p.x);
      if (drawn) ys.push(p.y);
      if (p.lo !== undefined && Number.isFinite(p.lo) && (!logY || p.lo > 0)) ys.push(p.lo);
      // A log-axis interval from 0 is drawn from a decade below its upper end, so it stays visible.
      else if (logY && hasBar(p)) ys.push(p.hi! / 10);
      if (p.hi !== undefined && Number.isFinite(p.hi) && (!logY || p.hi > 0)) ys.push(p.hi);
    }
  }
  const xAxis = linearTicks(xs.length ? Math.min(...xs) : 0, xs.length ? Math.max(...xs) : 1);
  const sx = (x: number): number => m.left + ((x - xAxis.lo) / (xAxis.hi - xAxis.lo)) * pw;

  let sy: (y: number) => number;
  const yTicks: { v: number; label: string; minor: boolean }[] = [];
  let yBottom: number;
  if (logY) {
    const { kLo, kHi } = logDecades(ys);
    yBottom = Math.pow(10, kLo);
    sy = (y: number) => m.top + (1 - (Math.log10(y) - kLo) / (kHi - kLo)) * ph;
    const minor = kHi - kLo <= 8;
    for (let k = kLo; k <= kHi; k++) {
      yTicks.push({ v: Math.pow(10, k), label: formatDecade(k), minor: false });
      if (minor && k < kHi) for (let d = 2; d <= 9; d++) yTicks.push({ v: d * Math.pow(10, k), label: '', minor: true });
    }
  } else {
    const yAxis = linearTicks(ys.length ? Math.min(...ys) : 0, ys.length ? Math.max(...ys) : 1);
    yBottom = yAxis.lo;
    sy = (y: number) => m.top + (1 - (y - yAxis.lo) / (yAxis.hi - yAxis.lo)) * ph;
    for (const v of yAxis.ticks) yTicks.push({ v, label: formatLinearTick(v), minor: false });
  }
  const clampY = (y: number): number => Math.min(m.top + ph, Math.max(m.top, sy(y)));

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(opts.title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    // Left-aligned over the plot area: a long title then runs into the legend's margin, never off the picture.
    `<text x="${m.left}" y="24" text-anchor="start" font-size="15" font-weight="bold">${escapeXml(opts.title)}</text>`,
  );
  // Grid and tick labels.
  out.push('<g class="grid">');
  for (const t of yTicks) {
    const y = r2(sy(t.v));
    out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="${t.minor ? '#f0f0f0' : '#d0d0d0'}"/>`);
    if (t.label) out.push(`<text x="${m.left - 6}" y="${y}" dy="4" text-anchor="end">${escapeXml(t.label)}</text>`);
  }
  for (const v of xAxis.ticks) {
    const x = r2(sx(v));
    out.push(`<line x1="${x}" y1="${m.top}" x2="${x}" y2="${m.top + ph}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${x}" y="${m.top + ph + 18}" text-anchor="middle">${escapeXml(formatLinearTick(v))}</text>`);
  }
  out.push('</g>');
  out.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333333"/>`);
  out.push(
    `<text x="${r2(m.left + pw / 2)}" y="${height - 14}" text-anchor="middle">${escapeXml(opts.xLabel)}</text>`,
    `<text transform="translate(18 ${r2(m.top + ph / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(opts.yLabel)}</text>`,
  );

  // Series: exactly one <path> each (gaps where points are left out start a new subpath).
  opts.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = [...s.points].filter((p) => Number.isFinite(p.x)).sort((a, b) => a.x - b.x);
    let d = '';
    let pen = false;
    for (const p of pts) {
      if (!usable(p.x, p.y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${r2(sx(p.x))} ${r2(sy(p.y))}`;
      pen = true;
    }
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<g class="series" data-name="${escapeXml(s.name)}">`);
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
    for (const p of pts) {
      const x = r2(sx(p.x));
      if (hasBar(p)) {
        // A lower end at or below the axis (0 on a log scale) is drawn to the axis.
        const lo = logY && !(p.lo! > 0) ? yBottom : p.lo!;
        const y1 = r2(clampY(lo));
        const y2 = r2(clampY(p.hi!));
        out.push(
          `<line x1="${x}" y1="${y1}" x2="${x}" y2="${y2}" stroke="${color}"/>`,
          `<line x1="${r2(sx(p.x) - 4)}" y1="${y1}" x2="${r2(sx(p.x) + 4)}" y2="${y1}" stroke="${color}"/>`,
          `<line x1="${r2(sx(p.x) - 4)}" y1="${y2}" x2="${r2(sx(p.x) + 4)}" y2="${y2}" stroke="${color}"/>`,
        );
      }
      if (!s.dashed && usable(p.x, p.y)) out.push(`<circle cx="${x}" cy="${r2(sy(p.y))}" r="3.5" fill="${color}"/>`);
    }
    out.push('</g>');
  });

  // Legend, right of the plot area.
  out.push('<g class="legend">');
  opts.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const y = m.top + 10 + i * 20;
    const x = m.left + pw + 14;
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${color}" stroke-width="2"${dash}/>`);
    if (!s.dashed) out.push(`<circle cx="${x + 13}" cy="${y}" r="3.5" fill="${color}"/>`);
    out.push(`<text x="${x + 32}" y="${y}" dy="4">${escapeXml(s.name)}</text>`);
  });
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}
