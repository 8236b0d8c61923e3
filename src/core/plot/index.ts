/** Plotting: dependency-free SVG line plots and offline Vega-Lite HTML pages. */
export type { LinePlotOptions, PlotPoint, PlotSeries } from './types.js';
export { svgLinePlot, escapeXml, PALETTE } from './svg.js';
export { vegaLiteHtml, errorRateVegaSpec, inlinedVegaScripts } from './vega.js';
export { reportPageHtml, type PageBlock, type ReportPage } from './page.js';
export { linearTicks, logDecades, formatDecade, formatLinearTick, type LinearAxis, type LogAxis } from './ticks.js';
