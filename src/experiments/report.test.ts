import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toyCaseStudy } from './fixtures/toy-cells.js';
import { formatNumber, panelVegaSpec, plotPanels, tableCells, writeReport } from './report.js';
import { runCaseStudy } from './runner.js';

const tmp = mkdtempSync(join(tmpdir(), 'semcom-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const study = toyCaseStudy({ quick: true }, { items: 10, failCells: [1] });
const results = await runCaseStudy(study, { seed: 4, workers: 0, progress: 'none' });

describe('report', () => {
  it('writes an offline HTML page, a Markdown summary and one SVG per plot panel', async () => {
    const paths = await writeReport(results, study, tmp);
    expect(paths.html).toBe(join(tmp, 'report', 'index.html'));
    const html = readFileSync(paths.html, 'utf8');
    // Offline: no script is fetched from anywhere.
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]*href\s*=\s*["']https?:/i);
    expect(html).toContain('vegaEmbed');
    // One embedded spec per panel: psnr faceted by 2 channels, plus the cost plot.
    expect(html.match(/<div id="vis\d+"><\/div>/g)).toHaveLength(3);
    for (const c of study.conditions) expect(html).toContain(c);
    expect(html).toContain('Nobody et al. (2099), Table 9 | toy');
    expect(html).toContain('Not comparable: made up.');
    expect(html).toContain('toy cell 1 fails on purpose');

    expect(paths.svgs.map((p) => p.slice(paths.dir.length + 1)).sort()).toEqual(
      ['plot-cost.svg', 'plot-psnr-awgn.svg', 'plot-psnr-rayleigh.svg'],
    );
    for (const svg of paths.svgs) expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);

    const md = readFileSync(paths.markdown, 'utf8');
    expect(md).toContain('# Toy study');
    expect(md).toContain('- 10 synthetic items per cell');
    expect(md).toContain('![PSNR vs SNR (channel awgn)](plot-psnr-awgn.svg)');
    expect(md).toContain('### Nobody et al. (2099), Table 9 | toy'); // a heading keeps its pipe (only table cells escape it)
    expect(md).toContain('| scheme | channel | SNR Es/N0 (dB) | PSNR (dB) |');
    // 8 data rows in the table.
    expect(md.split('\n').filter((l) => /^\| (alpha|beta) \|/.test(l))).toHaveLength(8);
    expect(md).toContain('Not comparable: made up.');
    expect(existsSync(join(tmp, 'report', 'summary.md'))).toBe(true);
  });

  it('builds tables from the spec: sorted, formatted, dashes for missing numbers', () => {
    const t = tableCells(results.rows, study.tables[0]);
    expect(t.header).toEqual(['scheme', 'channel', 'SNR Es/N0 (dB)', 'PSNR (dB)', 'SSIM', 'semantic accuracy', 'failed items', 'tag', 'error']);
    // Sorted by channel, then scheme (stable: SNR order kept).
    expect(t.rows.map((r) => `${r[1]} ${r[0]} ${r[2]}`)).toEqual([
      'awgn alpha 0', 'awgn alpha 10', 'awgn beta 0', 'awgn beta 10',
      'rayleigh alpha 0', 'rayleigh alpha 10', 'rayleigh beta 0', 'rayleigh beta 10',
    ]);
    const failed = t.rows.find((r) => r[8] !== '')!;
    expect(failed.slice(0, 3)).toEqual(['alpha', 'awgn', '10']);
    expect(failed[3]).toBe('—');
    expect(failed[6]).toBe('10');
    const ok = t.rows[0];
    expect(ok[3]).toBe(results.rows[0].psnr!.toFixed(2));
    expect(ok[5]).toBe('—'); // alpha has no semantic accuracy
    expect(ok[7]).toBe('toy-awgn');
  });

  it('plots one series per scheme per panel, leaving out failed cells', () => {
    const [awgn, rayleigh] = plotPanels(results.rows, study.plots[0]);
    expect(awgn.plot.series.map((s) => s.name)).toEqual(['alpha', 'beta']);
    expect(awgn.plot.series[0].points.map((p) => p.x)).toEqual([0]); // cell 1 (alpha, awgn, 10 dB) failed
    expect(rayleigh.plot.series[1].points.map((p) => p.x)).toEqual([0, 10]);
    // Without a facet, a panel that mixes channels names them.
    const [cost] = plotPanels(results.rows, study.plots[1]);
    expect(cost.plot.series.map((s) => s.name)).toEqual(['alpha (awgn)', 'alpha (rayleigh)', 'beta (awgn)', 'beta (rayleigh)']);
    expect(cost.plot.xLabel).toBe('payload bits / item');
  });

  it('gives Vega-Lite specs that compile and render one mark per point', async () => {
    const { compile } = await import('vega-lite');
    const vega = await import('vega');
    const [awgn] = plotPanels(results.rows, study.plots[0]);
    const compiled = compile(panelVegaSpec(awgn.plot) as unknown as Parameters<typeof compile>[0]);
    const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
    await view.runAsync();
    const points = awgn.plot.series.reduce((n, s) => n + s.points.length, 0);
    expect(view.data('data_0') ?? view.data('source_0')).toHaveLength(points);
    expect(await view.toSVG()).toContain(awgn.plot.yLabel);
  });

  it('formats numbers readably', () => {
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(31.4159, 1)).toBe('31.4');
    expect(formatNumber(1.5e-5)).toBe('1.500e-5');
  });

  it('refuses results of another study', async () => {
    await expect(writeReport({ ...results, experiment: 'other' }, study, tmp)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
