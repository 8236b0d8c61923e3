/**
 * The report of a run: `report/index.html` (offline Vega-Lite plots, HTML
 * tables, the conditions, the published references), `report/summary.md`
 * (the same tables in Markdown, with the SVG plots linked) and one SVG per
 * plot panel, all drawn from results.json and the study's plot and table specs.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SemcomError } from '../core/errors.js';
import { ensureDir } from '../core/fs.js';
import { reportPageHtml, type PageBlock } from '../core/plot/page.js';
import { PALETTE, svgLinePlot } from '../core/plot/svg.js';
import type { LinePlotOptions } from '../core/plot/types.js';
import { robustnessCells } from './robustness.js';
import type { CaseStudy, ColumnKey, ColumnSpec, ExperimentResults, MetricKey, PlotSpec, RowFilter, StoredRow, TableSpec } from './types.js';

const LABELS: Record<string, string> = {
  scheme: 'scheme',
  channel: 'channel',
  modulation: 'modulation',
  snrDb: 'SNR Es/N0 (dB)',
  items: 'items',
  failedItems: 'failed items',
  payloadBitsPerItem: 'payload bits / item',
  channelUsesPerItem: 'channel uses / item',
  psnr: 'PSNR (dB)',
  ssim: 'SSIM',
  semanticAccuracy: 'semantic accuracy',
  encodeMsPerItem: 'encode ms / item',
  decodeMsPerItem: 'decode ms / item',
  error: 'error',
};

/** The default header of a column or axis. */
export function labelOf(key: ColumnKey): string {
  return LABELS[key] ?? (key.startsWith('extra.') ? key.slice(6) : key);
}

/** Fields that keep their meaning in a row whose cell failed (the others are placeholders). */
const VALID_IN_FAILED_ROW = new Set<string>(['snrDb', 'items', 'failedItems']);

/** The number a row holds for `key`, or null (absent, not a number, or meaningless because the cell failed). */
export function metricValue(row: StoredRow, key: MetricKey): number | null {
  if (row.error !== undefined && !VALID_IN_FAILED_ROW.has(key)) return null;
  const v = key.startsWith('extra.') ? row.extra?.[key.slice(6)] : (row as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Rows that pass a filter. */
export function filterRows(rows: readonly StoredRow[], filter: RowFilter | undefined): StoredRow[] {
  if (!filter) return [...rows];
  return rows.filter(
    (r) =>
      (!filter.scheme || filter.scheme.includes(r.scheme)) &&
      (!filter.channel || filter.channel.includes(r.channel)) &&
      (!filter.modulation || filter.modulation.includes(r.modulation)),
  );
}

/** A number for a table: fixed `digits`, or up to 4 significant digits (exponent form only when very large or small). */
export function formatNumber(v: number, digits?: number): string {
  if (digits !== undefined) return v.toFixed(digits);
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

function columnSpec(c: ColumnKey | ColumnSpec): ColumnSpec {
  return typeof c === 'string' ? { key: c } : c;
}

function cellText(row: StoredRow, col: ColumnSpec): string {
  const k = col.key;
  if (k === 'scheme' || k === 'channel' || k === 'modulation') return row[k];
  if (k === 'error') return row.error ?? '';
  if (k.startsWith('extra.') && typeof row.extra?.[k.slice(6)] === 'string' && row.error === undefined) return String(row.extra[k.slice(6)]);
  const v = metricValue(row, k);
  // A dash says "no number here": a metric that does not apply (null), or a failed cell.
  return v === null ? '—' : formatNumber(v, col.digits);
}

function sortKey(row: StoredRow, key: ColumnKey): string | number {
  if (key === 'scheme' || key === 'channel' || key === 'modulation') return row[key];
  if (key === 'error') return row.error ?? '';
  return metricValue(row, key) ?? Infinity;
}

/** A table's header and text cells, as both renderers use them. */
export function tableCells(rows: readonly StoredRow[], table: TableSpec): { header: string[]; rows: string[][] } {
  const cols = table.columns.map(columnSpec);
  let selected = filterRows(rows, table.filter);
  for (const key of [...(table.sortBy ?? [])].reverse()) {
    // Array.prototype.sort is stable, so sorting by the last key first gives a lexicographic order.
    selected = [...selected].sort((a, b) => {
      const x = sortKey(a, key);
      const y = sortKey(b, key);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return { header: cols.map((c) => c.label ?? labelOf(c.key)), rows: selected.map((r) => cols.map((c) => cellText(r, c))) };
}

/** One panel of a plot: the plot itself, or one facet value of it. */
export interface PlotPanel {
  /** SVG file name, e.g. `plot-psnr-awgn.svg`. */
  file: string;
  plot: LinePlotOptions;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** The panels of a plot spec: one line per scheme (and per channel/modulation a panel still mixes). */
export function plotPanels(rows: readonly StoredRow[], spec: PlotSpec): PlotPanel[] {
  const x = spec.x ?? 'snrDb';
  const selected = filterRows(rows, spec.filter);
  const facetValues = spec.facet ? [...new Set(selected.map((r) => r[spec.facet!]))] : [null];
  return facetValues.map((fv) => {
    const panelRows = fv === null ? selected : selected.filter((r) => r[spec.facet!] === fv);
    const mixes = (k: 'channel' | 'modulation'): boolean => new Set(panelRows.map((r) => r[k])).size > 1;
    const tags = (['channel', 'modulation'] as const).filter(mixes);
    const seriesOf = new Map<string, { x: number; y: number }[]>();
    for (const r of panelRows) {
      const name = tags.length ? `${r.scheme} (${tags.map((t) => r[t]).join(', ')})` : r.scheme;
      const pts = seriesOf.get(name) ?? [];
      seriesOf.set(name, pts);
      const xv = metricValue(r, x);
      const yv = metricValue(r, spec.y);
      if (xv !== null && yv !== null) pts.push({ x: xv, y: yv });
    }
    return {
      file: `plot-${slug(spec.id)}${fv === null ? '' : `-${slug(fv)}`}.svg`,
      plot: {
        title: fv === null ? spec.title : `${spec.title} (${spec.facet} ${fv})`,
        xLabel: spec.xLabel ?? labelOf(x),
        yLabel: spec.yLabel ?? labelOf(spec.y),
        logY: spec.logY ?? false,
        series: [...seriesOf].map(([name, pts]) => ({ name, points: pts.sort((a, b) => a.x - b.x) })),
      },
    };
  });
}

/** A Vega-Lite spec of a panel: lines with point markers, one colour per series, tooltips. */
export function panelVegaSpec(plot: LinePlotOptions): Record<string, unknown> {
  const values = plot.series.flatMap((s) => s.points.map((p) => ({ series: s.name, x: p.x, y: p.y })));
  const yScale = plot.logY ? { type: 'log' } : { zero: false };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: plot.title,
    width: 560,
    height: 340,
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: plot.xLabel, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: plot.yLabel, scale: yScale },
      // The same colours, in the same order, as the SVG version.
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: plot.series.map((s) => s.name), range: PALETTE },
        legend: { labelLimit: 0 },
      },
      tooltip: [
        { field: 'series', type: 'nominal' },
        { field: 'x', type: 'quantitative', title: plot.xLabel },
        { field: 'y', type: 'quantitative', title: plot.yLabel, format: '.4~g' },
      ],
    },
  };
}

function referenceCells(ref: NonNullable<CaseStudy['references']>[number]): { header: string[]; rows: string[][] } {
  const header = [...new Set(ref.rows.flatMap((r) => Object.keys(r)))];
  return {
    header,
    rows: ref.rows.map((r) => header.map((h) => (r[h] === undefined ? '' : typeof r[h] === 'number' ? formatNumber(r[h]) : String(r[h])))),
  };
}

function runFacts(results: ExperimentResults): string[] {
  const failedCells = results.rows.filter((r) => r.error !== undefined).length;
  const failedItems = results.rows.reduce((s, r) => s + r.failedItems, 0);
  const items = results.rows.reduce((s, r) => s + r.items, 0);
  return [
    `seed ${results.seed}`,
    `${results.rows.length} cells${results.resumedCells ? ` (${results.resumedCells} resumed from an earlier run)` : ''}, ${failedCells} failed`,
    `${items} items, ${failedItems} failed`,
    `run started ${results.startedAt ?? 'at an unknown time'}, took ${(results.elapsedMs / 1000).toFixed(1)} s`,
    `cell runner fingerprint ${results.runnerFingerprint}`,
  ];
}

function failures(results: ExperimentResults): string[] {
  return results.rows
    .filter((r) => r.error !== undefined)
    .map((r) => `cell ${r.cell} (${r.scheme}, ${r.channel}, ${r.modulation}, ${r.snrDb} dB): ${r.error}`);
}

/** Escapes a Markdown table cell: pipes and line breaks would break the row. */
function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function markdownTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.map(md).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
  ].join('\n');
}

/** Paths written by {@link writeReport}. */
export interface ReportPaths {
  dir: string;
  html: string;
  markdown: string;
  svgs: string[];
}

/**
 * Renders a run's results with its study's plots and tables into
 * `outDir/report/`. The HTML page needs no network (libraries inlined).
 */
export async function writeReport(results: ExperimentResults, study: CaseStudy, outDir: string): Promise<ReportPaths> {
  if (results.experiment !== study.name) {
    throw new SemcomError('INVALID_ARGUMENT', `results of ${results.experiment} cannot be reported with the case study ${study.name}`);
  }
  const dir = await ensureDir(join(outDir, 'report'));
  const panels = study.plots.map((p) => ({ spec: p, panels: plotPanels(results.rows, p) }));
  const tables = [
    ...study.tables.map((t) => ({ spec: t, ...tableCells(results.rows, t) })),
    ...(study.robustness ?? []).map((t) => ({ spec: t, ...robustnessCells(results.rows, t) })),
  ];
  const failed = failures(results);
  const incomplete = results.complete
    ? []
    : ['This run did not finish: the tables hold only the cells done so far (rerun with --resume to complete it).'];

  const blocks: PageBlock[] = [
    { type: 'paragraph', text: study.description },
    ...incomplete.map((text): PageBlock => ({ type: 'paragraph', text })),
    { type: 'heading', text: 'Conditions' },
    { type: 'list', items: [...results.conditions, ...runFacts(results)] },
  ];
  if (panels.length) blocks.push({ type: 'heading', text: 'Plots' });
  for (const { panels: ps } of panels) for (const p of ps) blocks.push({ type: 'vega', spec: panelVegaSpec(p.plot), caption: `Static version: ${p.file}` });
  if (tables.length) blocks.push({ type: 'heading', text: 'Tables' });
  for (const t of tables) blocks.push({ type: 'table', caption: t.spec.title, header: t.header, rows: t.rows });
  if (study.references?.length) {
    blocks.push({ type: 'heading', text: 'Published references' });
    for (const ref of study.references) blocks.push({ type: 'table', caption: ref.source, ...referenceCells(ref), note: ref.note });
  }
  if (failed.length) blocks.push({ type: 'heading', text: 'Failed cells' }, { type: 'list', items: failed });

  const html = join(dir, 'index.html');
  const markdown = join(dir, 'summary.md');
  const svgs: string[] = [];
  try {
    await writeFile(html, reportPageHtml({ title: study.title, blocks }), 'utf8');
    for (const { panels: ps } of panels) {
      for (const p of ps) {
        const path = join(dir, p.file);
        await writeFile(path, svgLinePlot(p.plot), 'utf8');
        svgs.push(path);
      }
    }
    const mdParts = [
      `# ${study.title}`,
      study.description,
      ...incomplete.map((t) => `**${t}**`),
      '## Conditions',
      [...results.conditions, ...runFacts(results)].map((c) => `- ${c}`).join('\n'),
      ...(panels.length ? ['## Plots', panels.flatMap((p) => p.panels.map((q) => `![${q.plot.title}](${q.file})`)).join('\n\n')] : []),
      ...(tables.length ? ['## Tables', ...tables.map((t) => `### ${t.spec.title}\n\n${markdownTable(t.header, t.rows)}`)] : []),
      ...(study.references?.length
        ? [
            '## Published references',
            ...study.references.map((r) => {
              const c = referenceCells(r);
              return `### ${r.source}\n\n${markdownTable(c.header, c.rows)}\n\n${r.note}`;
            }),
          ]
        : []),
      ...(failed.length ? ['## Failed cells', failed.map((f) => `- ${f}`).join('\n')] : []),
    ];
    await writeFile(markdown, mdParts.join('\n\n') + '\n', 'utf8');
  } catch (e) {
    if (e instanceof SemcomError) throw e;
    throw new SemcomError('IO_ERROR', `cannot write the report in ${dir}: ${(e as Error).message}`, { cause: e });
  }
  return { dir, html, markdown, svgs };
}
