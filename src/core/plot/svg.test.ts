import { describe, expect, it } from 'vitest';
import { escapeXml, svgLinePlot } from './svg.js';
import type { LinePlotOptions } from './types.js';

const plot: LinePlotOptions = {
  title: 'BER <coded> & "uncoded"',
  xLabel: 'Eb/N0 (dB)',
  yLabel: 'BER',
  series: [
    { name: 'sim', points: [{ x: 0, y: 0.08, lo: 0.07, hi: 0.09 }, { x: 2, y: 0.004, lo: 0.003, hi: 0.005 }, { x: 4, y: 0, lo: 0, hi: 3e-5 }] },
    { name: 'theory', dashed: true, points: [{ x: 0, y: 0.0786 }, { x: 2, y: 0.0375 }, { x: 4, y: 0.0125 }] },
  ],
};

/** Every opening tag has a matching close (or is self-closing): a crude well-formedness check. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}

describe('svgLinePlot', () => {
  const svg = svgLinePlot(plot);

  it('is a standalone, balanced SVG document with escaped text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('BER &lt;coded&gt; &amp; &quot;uncoded&quot;');
    expect(svg).not.toMatch(/href=|<script/);
  });

  it('draws one path per series and leaves out y = 0 on the log axis', () => {
    const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    expect(paths[0].match(/[ML]/g)).toHaveLength(2); // the y = 0 point is not drawn
    expect(paths[1].match(/[ML]/g)).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray');
    // Markers only on the solid series (2 drawn points) plus its legend marker.
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('labels decades and places them in order on the log axis', () => {
    for (const label of ['1e-5', '1e-4', '1e-3', '1e-2', '1e-1', '1']) expect(svg).toContain(`>${label}</text>`);
    const y = (label: string) => Number(new RegExp(`y="([\\d.]+)" dy="4" text-anchor="end">${label}<`).exec(svg)![1]);
    expect(y('1e-5')).toBeGreaterThan(y('1e-3'));
    expect(y('1e-3') - y('1e-2')).toBeCloseTo(y('1e-2') - y('1e-1'), 1); // equal spacing per decade
  });

  it('draws error bars, also for the zero-error point (from the axis floor to its upper bound)', () => {
    // 3 lines per error bar × 3 points with CIs.
    const seriesGroup = svg.slice(svg.indexOf('data-name="sim"'), svg.indexOf('data-name="theory"'));
    expect(seriesGroup.match(/<line /g)).toHaveLength(9);
  });

  it('supports a linear y axis and rejects a tiny canvas', () => {
    const lin = svgLinePlot({ ...plot, logY: false });
    expect(lin.match(/<path /g)).toHaveLength(2);
    expect(lin).toContain('>0</text>');
    expect(() => svgLinePlot({ ...plot, width: 100 })).toThrow(/too small/);
  });

  it('escapes all XML specials', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
});
