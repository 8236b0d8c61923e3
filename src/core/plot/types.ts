/** Plot descriptions shared by the SVG and the Vega-Lite renderers. */

/** One data point; `lo`/`hi` draw an error bar (e.g. a 95 % confidence interval). */
export interface PlotPoint {
  x: number;
  y: number;
  lo?: number;
  hi?: number;
}

/** A named curve. Dashed series (typically theory) are drawn without point markers. */
export interface PlotSeries {
  name: string;
  points: PlotPoint[];
  dashed?: boolean;
}

/** A line plot of one or more series. */
export interface LinePlotOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Log10 y axis (default true); points with y ≤ 0 are then left out. */
  logY?: boolean;
  series: PlotSeries[];
  /** Size of the whole picture in px (default height 480; default width fits a 520 px plot plus the legend). */
  width?: number;
  height?: number;
}
