/**
 * Interactive plots as self-contained HTML: a Vega-Lite spec plus the Vega,
 * Vega-Lite and Vega-Embed browser builds inlined from node_modules, so the
 * page works offline, with no network and no CDN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SemcomError } from '../errors.js';
import { escapeXml } from './svg.js';
import type { LinePlotOptions } from './types.js';

/** The browser builds, in load order (vega-embed needs the two others as globals). */
const BUILDS = [
  { pkg: 'vega', file: 'build/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

let cachedScripts: string[] | null = null;

/**
 * Finds a package's root from its main entry: the packages' `exports` maps
 * hide `build/*.min.js` from require.resolve, so resolve the entry and walk
 * up to the package.json of that name.
 */
function packageRoot(pkg: string): string {
  const req = createRequire(import.meta.url);
  let dir = dirname(req.resolve(pkg));
  for (;;) {
    try {
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (meta.name === pkg) return dir;
    } catch {
      // no package.json here: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json named ${pkg} above its entry point`);
    dir = up;
  }
}

function browserScripts(): string[] {
  if (cachedScripts) return cachedScripts;
  cachedScripts = BUILDS.map(({ pkg, file }) => {
    try {
      return readFileSync(join(packageRoot(pkg), file), 'utf8');
    } catch (e) {
      throw new SemcomError(
        'IO_ERROR',
        `cannot read ${pkg}/${file} (${(e as Error).message}); install the plotting packages: npm install vega vega-lite vega-embed`,
        { cause: e },
      );
    }
  });
  return cachedScripts;
}

/** Makes script text safe inside <script>…</script>: `</script` would end the element early. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * The Vega, Vega-Lite and Vega-Embed browser builds as `<script>` elements
 * with their code inlined, for pages that embed several specs (page.ts).
 */
export function inlinedVegaScripts(): string {
  return browserScripts()
    .map((code) => `<script>${inlineScript(code)}</script>`)
    .join('\n');
}

/**
 * A complete HTML page rendering `spec` (a Vega-Lite spec object) with the
 * inlined libraries. Needs no network; the page's only external reference is
 * the spec's `$schema` string, which is never fetched.
 */
export function vegaLiteHtml(spec: object, title: string): string {
  const scripts = browserScripts()
    .map((code) => `<script>${inlineScript(code)}</script>`)
    .join('\n');
  // JSON is valid JS; escaping '<' keeps "</script>" inside strings from closing the element.
  const json = JSON.stringify(spec).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXml(title)}</title>`,
    '<style>body { font-family: Helvetica, Arial, sans-serif; margin: 24px; } #error { color: #b00020; }</style>',
    scripts,
    '</head>',
    '<body>',
    '<div id="vis"></div>',
    '<pre id="error"></pre>',
    '<script>',
    `const spec = ${json};`,
    "vegaEmbed('#vis', spec, { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } })",
    "  .catch((e) => { document.getElementById('error').textContent = String(e); });",
    '</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A Vega-Lite spec of error-rate curves: log10 y axis (unless `logY` is
 * false), one colour per series, dashed series as lines only, others with
 * point markers and vertical error bars from `lo`/`hi`. On a log axis, points
 * with y ≤ 0 are not drawn but keep their error bar (a zero-error point's upper
 * bound), and a lower bound ≤ 0 is drawn from the floor decade of the data,
 * at least one decade below the upper bound.
 */
export function errorRateVegaSpec(plot: LinePlotOptions): Record<string, unknown> {
  const logY = plot.logY ?? true;
  let minPos = Infinity;
  for (const s of plot.series) {
    for (const p of s.points) {
      if (p.y > 0) minPos = Math.min(minPos, p.y);
      if (p.lo !== undefined && p.lo > 0) minPos = Math.min(minPos, p.lo);
      // An interval from 0 is drawn from a decade below its upper end (as in svg.ts).
      else if (p.hi !== undefined && p.hi > 0) minPos = Math.min(minPos, p.hi / 10);
    }
  }
  const floor = minPos === Infinity ? 1e-6 : Math.pow(10, Math.floor(Math.log10(minPos)));
  const rows: Record<string, unknown>[] = [];
  for (const s of plot.series) {
    for (const p of s.points) {
      const drawn = Number.isFinite(p.y) && (!logY || p.y > 0);
      const bar =
        p.lo !== undefined && p.hi !== undefined && Number.isFinite(p.lo) && Number.isFinite(p.hi) && (!logY || p.hi > 0);
      if (!Number.isFinite(p.x) || !(drawn || bar)) continue;
      // y is null when it cannot be drawn; the row still carries the interval (zero errors: "below hi").
      const row: Record<string, unknown> = { series: s.name, style: s.dashed ? 'dashed' : 'solid', x: p.x, y: drawn ? p.y : null };
      if (bar) {
        row.lo = logY && !(p.lo! > 0) ? floor : p.lo;
        row.hi = p.hi;
      }
      rows.push(row);
    }
  }
  const yScale = logY ? { type: 'log' } : { zero: false };
  // Series names carry the conditions (code, modulation, channel, decoder): never truncate them.
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: plot.series.map((s) => s.name) },
    legend: { labelLimit: 0 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: plot.title,
    width: 600,
    height: 400,
    data: { values: rows },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: plot.xLabel, scale: { zero: false } },
      color,
    },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.y)' }],
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: { field: 'y', type: 'quantitative', title: plot.yLabel, scale: yScale, axis: logY ? { format: '.0e' } : {} },
          strokeDash: {
            field: 'style',
            type: 'nominal',
            legend: null,
            scale: { domain: ['solid', 'dashed'], range: [[1, 0], [6, 4]] },
          },
        },
      },
      {
        transform: [{ filter: "isValid(datum.y) && datum.style === 'solid'" }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          y: { field: 'y', type: 'quantitative', scale: yScale },
          tooltip: [
            { field: 'series', type: 'nominal' },
            { field: 'x', type: 'quantitative', title: plot.xLabel },
            { field: 'y', type: 'quantitative', title: plot.yLabel, format: '.3e' },
            { field: 'lo', type: 'quantitative', title: 'CI low', format: '.3e' },
            { field: 'hi', type: 'quantitative', title: 'CI high', format: '.3e' },
          ],
        },
      },
      {
        transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }],
        mark: { type: 'rule' },
        encoding: {
          y: { field: 'lo', type: 'quantitative', scale: yScale },
          y2: { field: 'hi' },
        },
      },
    ],
  };
}
