/**
 * Outputs of a sweep: JSON, CSV, a static SVG plot and an offline interactive
 * HTML plot of BER and FER against Eb/N0 with 95 % confidence intervals.
 */
import { writeFile } from 'node:fs/promises';
import { ensureDir } from '../../core/fs.js';
import { join, resolve } from 'node:path';
import { SemcomError } from '../../core/errors.js';
import { svgLinePlot } from '../../core/plot/svg.js';
import type { LinePlotOptions, PlotSeries } from '../../core/plot/types.js';
import { errorRateVegaSpec, vegaLiteHtml } from '../../core/plot/vega.js';
import type { MonteCarloResult } from './types.js';

/** Column order of {@link toCsv}. */
export const CSV_HEADER = [
  'ebN0Db', 'snrDb', 'bits', 'bitErrors', 'ber', 'berLo', 'berHi',
  'frames', 'frameErrors', 'fer', 'ferLo', 'ferHi', 'avgIterations',
] as const;

/** JSON replacer: typed arrays become arrays and bigints strings, so any simulator config serializes. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

/** The whole result (points, omitted points, config, elapsedMs) as pretty JSON; NaN becomes null. */
export function toJson(result: MonteCarloResult): string {
  return JSON.stringify(result, replacer, 2) + '\n';
}

/** Shortest round-trip decimal of a number; empty for NaN/±Infinity. */
function cell(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/** One line per simulated point, columns as in {@link CSV_HEADER}. */
export function toCsv(result: MonteCarloResult): string {
  const lines = [CSV_HEADER.join(',')];
  for (const p of result.points) {
    lines.push(
      [
        p.ebN0Db, p.snrDb, p.bits, p.bitErrors, p.ber, p.berCi[0], p.berCi[1],
        p.frames, p.frameErrors, p.fer, p.ferCi[0], p.ferCi[1], p.avgIterations,
      ]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** BER and FER (with their intervals) against Eb/N0, plus optional theory curves drawn dashed. */
export function errorRatePlot(result: MonteCarloResult, name: string, theory: PlotSeries[] = []): LinePlotOptions {
  const ber: PlotSeries = {
    name: `${name} BER`,
    points: result.points.map((p) => ({ x: p.ebN0Db, y: p.ber, lo: p.berCi[0], hi: p.berCi[1] })),
  };
  const fer: PlotSeries = {
    name: `${name} FER`,
    points: result.points.map((p) => ({ x: p.ebN0Db, y: p.fer, lo: p.ferCi[0], hi: p.ferCi[1] })),
  };
  return {
    title: name,
    xLabel: 'Eb/N0 (dB)',
    yLabel: 'error rate (95% CI)',
    logY: true,
    series: [ber, fer, ...theory.map((s) => ({ ...s, dashed: s.dashed ?? true }))],
  };
}

/** Paths written by {@link writeSweepOutputs}. */
export interface SweepOutputPaths {
  json: string;
  csv: string;
  svg: string;
  html: string;
}

/**
 * Writes result.json, result.csv, plot.svg and plot.html into `dir` (created
 * if needed). `name` titles the plot; `theory` adds dashed reference curves.
 * File-system failures become `IO_ERROR`.
 */
export async function writeSweepOutputs(
  result: MonteCarloResult,
  dir: string,
  options: { name: string; theory?: PlotSeries | PlotSeries[] },
): Promise<SweepOutputPaths> {
  if (typeof dir !== 'string' || dir === '') throw new SemcomError('INVALID_ARGUMENT', 'output directory must be a non-empty path');
  const theory = options.theory === undefined ? [] : Array.isArray(options.theory) ? options.theory : [options.theory];
  const plot = errorRatePlot(result, options.name, theory);
  const root = resolve(dir);
  const paths: SweepOutputPaths = {
    json: join(root, 'result.json'),
    csv: join(root, 'result.csv'),
    svg: join(root, 'plot.svg'),
    html: join(root, 'plot.html'),
  };
  // Render everything first, so a rendering failure leaves no half-written directory behind.
  const contents: [string, string][] = [
    [paths.json, toJson(result)],
    [paths.csv, toCsv(result)],
    [paths.svg, svgLinePlot(plot)],
    [paths.html, vegaLiteHtml(errorRateVegaSpec(plot), options.name)],
  ];
  await ensureDir(root);
  try {
    for (const [path, text] of contents) await writeFile(path, text, 'utf8');
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot write sweep outputs to ${root}: ${(e as Error).message}`, { cause: e });
  }
  return paths;
}
