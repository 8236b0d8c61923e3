import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { errorRateVegaSpec, vegaLiteHtml } from './vega.js';
import type { LinePlotOptions } from './types.js';

const plot: LinePlotOptions = {
  title: 'LDPC 1944 r1/2',
  xLabel: 'Eb/N0 (dB)',
  yLabel: 'error rate',
  series: [
    { name: 'BER', points: [{ x: 0, y: 0.08, lo: 0.07, hi: 0.09 }, { x: 1, y: 1e-3, lo: 8e-4, hi: 1.2e-3 }, { x: 2, y: 0, lo: 0, hi: 1e-5 }] },
    { name: 'theory </script>', dashed: true, points: [{ x: 0, y: 0.0786 }, { x: 2, y: 0.0375 }] },
  ],
};

describe('Vega-Lite output', () => {
  it('builds a spec that Vega-Lite compiles and Vega renders with a log y scale', async () => {
    const spec = errorRateVegaSpec(plot);
    const values = (spec.data as { values: Record<string, unknown>[] }).values;
    expect(values).toHaveLength(5);
    // The zero-error point keeps only its interval; its lower bound 0 goes a decade below hi.
    expect(values[2]).toMatchObject({ series: 'BER', x: 2, y: null, lo: 1e-6, hi: 1e-5 });
    const compiled = compile(spec as unknown as TopLevelSpec).spec;
    const scales = compiled.scales as { name: string; type?: string }[];
    expect(scales.find((s) => s.name === 'y')?.type).toBe('log');
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    expect(svg).toContain('<svg');
    expect(svg).toContain('1e-3');
    expect(svg).toContain('theory');
  });

  it('makes a self-contained page: inline libraries, no remote scripts, script-safe JSON', () => {
    const html = vegaLiteHtml(errorRateVegaSpec(plot), 'A & B');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>A &amp; B</title>');
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html.length).toBeGreaterThan(500_000); // vega + vega-lite + vega-embed inline
    expect(html).toContain('vegaEmbed(');
    // The series name "</script>" must not close the element early: exactly as many closes as opens.
    expect(html.match(/<script>/g)!.length).toBe(html.match(/<\/script>/g)!.length);
    expect(html).toContain('theory \\u003c/script>');
  });

  it('inlines browser builds that define the vega, vegaLite and vegaEmbed globals', () => {
    const html = vegaLiteHtml(errorRateVegaSpec(plot), 't');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(4); // three libraries, then the embedding code
    // A bare context with the few browser globals the UMD bundles touch while loading.
    const ctx = vm.createContext({ structuredClone, setTimeout, clearTimeout, setInterval, clearInterval, URL, navigator: {} });
    for (const code of scripts.slice(0, 3)) vm.runInContext(code, ctx);
    expect(vm.runInContext('[typeof vega.parse, typeof vegaLite.compile, typeof vegaEmbed]', ctx)).toEqual([
      'function',
      'function',
      'function',
    ]);
    // The embedding script parses as JavaScript (compiling it without running it).
    expect(() => new vm.Script(scripts[3])).not.toThrow();
  });
});
