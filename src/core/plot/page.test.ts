import { describe, expect, it } from 'vitest';
import { reportPageHtml } from './page.js';

describe('reportPageHtml', () => {
  it('escapes text and renders tables, lists and headings', () => {
    const html = reportPageHtml({
      title: 'A <b> & C',
      blocks: [
        { type: 'heading', text: 'Sec <1>' },
        { type: 'paragraph', text: '<script>alert(1)</script>' },
        { type: 'list', items: ['x & y'] },
        { type: 'table', caption: 'T', header: ['name', 'value'], rows: [['a"b', '1.5'], ['c', '—']], note: 'n < 1' },
      ],
    });
    expect(html).toContain('<h1>A &lt;b&gt; &amp; C</h1>');
    expect(html).toContain('<h2>Sec &lt;1&gt;</h2>');
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<li>x &amp; y</li>');
    expect(html).toContain('<tr><td class="text">a&quot;b</td><td>1.5</td></tr>');
    expect(html).toContain('<td>—</td>');
    expect(html).toContain('<p class="note">n &lt; 1</p>');
    // Without plots the ~830 kB of Vega libraries are not inlined.
    expect(html).not.toContain('vegaEmbed');
    expect(html.length).toBeLessThan(5000);
  });

  it('embeds every spec with the libraries inlined and no external script', () => {
    const spec = { mark: 'point', data: { values: [{ a: '</script>' }] } };
    const html = reportPageHtml({ title: 'P', blocks: [{ type: 'vega', spec }, { type: 'vega', spec, caption: 'second' }] });
    expect(html).toContain('<div id="vis0"></div>');
    expect(html).toContain('<div id="vis1"></div>');
    expect(html).toContain('<p class="plot-caption">second</p>');
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    // A '</script>' inside the data must not end the script element early.
    const specsLine = html.split('\n').find((l) => l.startsWith('const specs = '))!;
    expect(specsLine).not.toContain('</script>');
    expect(JSON.parse(specsLine.slice('const specs = '.length, -1))).toEqual([spec, spec]);
  });
});
