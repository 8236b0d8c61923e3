/**
 * A self-contained report page: headings, paragraphs, lists, HTML tables and
 * any number of Vega-Lite plots, with the Vega libraries inlined (as in
 * vegaLiteHtml) so the page opens offline with no network and no CDN.
 */
import { escapeXml } from './svg.js';
import { inlinedVegaScripts } from './vega.js';

/** One block of a report page, rendered in order. Text is escaped; nothing is interpreted as HTML. */
export type PageBlock =
  | { type: 'heading'; text: string; level?: 2 | 3 }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; caption?: string; header: string[]; rows: string[][]; note?: string }
  /** A Vega-Lite spec object; `caption` is shown under the plot. */
  | { type: 'vega'; spec: object; caption?: string };

/** A page: its title (also the first heading) and its blocks. */
export interface ReportPage {
  title: string;
  blocks: PageBlock[];
}

const STYLE = [
  'body { font-family: Helvetica, Arial, sans-serif; margin: 24px; max-width: 1100px; color: #222; }',
  'table { border-collapse: collapse; margin: 8px 0 4px; font-size: 14px; }',
  'th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }',
  'th { background: #f2f2f2; }',
  'td.text { text-align: left; }',
  'caption { text-align: left; font-weight: bold; padding: 4px 0; }',
  '.note, .plot-caption { color: #555; font-size: 13px; }',
  '.plot-error { color: #b00020; }',
].join('\n');

/** A cell is left-aligned unless it reads as a number (or a dash standing for a missing one). */
function cellClass(v: string): string {
  return /^[-+]?[\d.]+(e[-+]?\d+)?%?$|^—$/i.test(v.trim()) ? '' : ' class="text"';
}

function tableHtml(b: Extract<PageBlock, { type: 'table' }>): string {
  const head = `<tr>${b.header.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr>`;
  const body = b.rows.map((r) => `<tr>${r.map((c) => `<td${cellClass(c)}>${escapeXml(c)}</td>`).join('')}</tr>`).join('\n');
  return [
    '<table>',
    b.caption ? `<caption>${escapeXml(b.caption)}</caption>` : '',
    `<thead>${head}</thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    b.note ? `<p class="note">${escapeXml(b.note)}</p>` : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** Renders the page as a complete HTML document. */
export function reportPageHtml(page: ReportPage): string {
  const specs: object[] = [];
  const body: string[] = [`<h1>${escapeXml(page.title)}</h1>`];
  for (const b of page.blocks) {
    switch (b.type) {
      case 'heading': {
        const h = `h${b.level ?? 2}`;
        body.push(`<${h}>${escapeXml(b.text)}</${h}>`);
        break;
      }
      case 'paragraph':
        body.push(`<p>${escapeXml(b.text)}</p>`);
        break;
      case 'list':
        body.push(`<ul>\n${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join('\n')}\n</ul>`);
        break;
      case 'table':
        body.push(tableHtml(b));
        break;
      case 'vega': {
        const id = `vis${specs.length}`;
        specs.push(b.spec);
        body.push(`<div id="${id}"></div>`);
        if (b.caption) body.push(`<p class="plot-caption">${escapeXml(b.caption)}</p>`);
        break;
      }
    }
  }
  // JSON is valid JS; escaping '<' keeps "</script>" inside strings from closing the element.
  const json = JSON.stringify(specs).replace(/</g, '\\u003c');
  const embed =
    specs.length === 0
      ? []
      : [
          '<script>',
          `const specs = ${json};`,
          'specs.forEach((spec, i) => {',
          "  vegaEmbed('#vis' + i, spec, { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } })",
          "    .catch((e) => { const p = document.createElement('pre'); p.className = 'plot-error'; p.textContent = String(e);",
          "      document.getElementById('vis' + i).appendChild(p); });",
          '});',
          '</script>',
        ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXml(page.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    // The libraries are only needed (and only inlined, ~830 kB) when there is a plot.
    specs.length > 0 ? inlinedVegaScripts() : '',
    '</head>',
    '<body>',
    ...body,
    ...embed,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
