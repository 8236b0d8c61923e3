/**
 * Contracts of the experiments layer: a case study is data (a grid of cells,
 * a reference to the code that runs one cell, the plots and tables to show),
 * the runner executes it and the report renders it. Nothing here knows about
 * images, texts or schemes: the cell code does.
 */
import type { ProgressMode } from '../phy/montecarlo/types.js';
import type { RobustnessSpec } from './robustness.js';

export type { ProgressMode };

/** One cell of a case study's grid: a scheme under one link condition. */
export interface Cell {
  /** Position in the study's `cells`; with the run's seed it fixes the cell's random stream. */
  index: number;
  scheme: string;
  channel: string;
  modulation: string;
  /** Es/N0 per complex channel use, dB. */
  snrDb: number;
}

/** A cell as a case study lists it (the runner numbers them). */
export type CellDefinition = Omit<Cell, 'index'>;

/** What a cell produces: the row fields plus extras. */
export interface ResultRow {
  scheme: string;
  channel: string;
  modulation: string;
  snrDb: number;
  /** Items (images, sentences, ...) attempted in this cell. */
  items: number;
  /** Items whose transmission or evaluation failed (counted, not fatal). */
  failedItems: number;
  payloadBitsPerItem: number;
  channelUsesPerItem: number;
  /** Mean over the items that did not fail; null when the metric does not apply or none succeeded. */
  psnr: number | null;
  ssim: number | null;
  semanticAccuracy: number | null;
  encodeMsPerItem: number;
  decodeMsPerItem: number;
  /** Scheme-specific numbers or labels (e.g. `bitsPerPixel`, `codeRate`), shown when a plot or table asks for `extra.<name>`. */
  extra?: Record<string, number | string>;
}

/** A row as the runner stores it: the cell's index, and `error` when the cell threw (then failedItems = items). */
export interface StoredRow extends ResultRow {
  cell: number;
  error?: string;
}

/**
 * A module reference, like the Monte-Carlo engine's SimulatorRef: the module
 * (a file URL, an absolute or ./relative path, or a package specifier) exports
 * `exportName`, a factory called once per worker thread as
 * `factory(config)` → CellRunner (or a promise of one). `config` must survive
 * structured cloning (it is posted to worker threads). Use
 * `siblingModule(import.meta.url, 'cells')` (core/threads.ts) to name a file
 * next to yours that works both from sources and from dist.
 */
export interface CellRunnerRef {
  module: string;
  exportName: string;
  config: unknown;
}

/** Runs cells. `seed` is derived from the run's seed and the cell's index only ({@link cellSeed}). */
export interface CellRunner {
  runCell(cell: Cell, seed: number): Promise<ResultRow>;
}

/** The factory a {@link CellRunnerRef} names. */
export type CellRunnerFactory = (config: unknown) => CellRunner | Promise<CellRunner>;

/**
 * A number a plot or table can read from a row: a numeric field of
 * {@link ResultRow}, or `extra.<name>` for one of its extras.
 */
export type MetricKey =
  | 'snrDb'
  | 'items'
  | 'failedItems'
  | 'payloadBitsPerItem'
  | 'channelUsesPerItem'
  | 'psnr'
  | 'ssim'
  | 'semanticAccuracy'
  | 'encodeMsPerItem'
  | 'decodeMsPerItem'
  | `extra.${string}`;

/** A column of a table: a metric, a label field, or `error`. */
export type ColumnKey = MetricKey | 'scheme' | 'channel' | 'modulation' | 'error';

/** Which rows a plot or table shows; an absent list lets every value through. */
export interface RowFilter {
  scheme?: string[];
  channel?: string[];
  modulation?: string[];
}

/**
 * A line plot: `y` against `x` (default snrDb), one line per scheme. With
 * `facet`, one panel per value of that field; if a panel still mixes several
 * channels or modulations, each line's name says which.
 */
export interface PlotSpec {
  /** File-name stem: the SVG is written as `plot-<id>[-<facet value>].svg`. */
  id: string;
  title: string;
  y: MetricKey;
  x?: MetricKey;
  yLabel?: string;
  xLabel?: string;
  /** Log10 y axis (default false). */
  logY?: boolean;
  filter?: RowFilter;
  facet?: 'channel' | 'modulation';
}

/** A column with an optional header and number format. */
export interface ColumnSpec {
  key: ColumnKey;
  /** Header text (default: the key). */
  label?: string;
  /** Digits after the decimal point (default: up to 4 significant digits). */
  digits?: number;
}

/** A table of rows, in the study's cell order unless `sortBy` says otherwise. */
export interface TableSpec {
  id: string;
  title: string;
  columns: (ColumnKey | ColumnSpec)[];
  filter?: RowFilter;
  /** Sort keys, applied in order (stable, ascending). */
  sortBy?: ColumnKey[];
}

/** Published numbers quoted next to ours, with where they come from and why they are (not) comparable. */
export interface ReferenceTable {
  source: string;
  rows: Record<string, string | number>[];
  note: string;
}

/** A case study: what to run, under which conditions, and how to show it. */
export interface CaseStudy {
  /** Registry name and default output folder (`results/<name>`). */
  name: string;
  title: string;
  description: string;
  /** Conditions stated next to the numbers (data, item count, channel uses, bits, decoders, ...). */
  conditions: string[];
  cells: CellDefinition[];
  runner: CellRunnerRef;
  /** Items each cell attempts; a cell that throws is recorded as this many failed items (default 0). */
  itemsPerCell?: number;
  plots: PlotSpec[];
  tables: TableSpec[];
  /** Mean and robustness (standard deviation over the SNR points, seed 003) of metrics, per scheme, channel and modulation. */
  robustness?: RobustnessSpec[];
  references?: ReferenceTable[];
}

/** Options of {@link runCaseStudy}. */
export interface RunOptions {
  /** Seed of every random draw; with a cell's index it fixes the cell's seed. */
  seed: number;
  /** Worker threads (default: all cores, at most one per cell); 0 runs every cell on the main thread. */
  workers?: number;
  /** Progress bar on stderr: 'auto' (default) only on a TTY outside CI. */
  progress?: ProgressMode;
  /** Folder for results.json and results.csv (created if missing); nothing is written without it. */
  out?: string;
  signal?: AbortSignal;
  /** Reuse rows already in `out/results.json` for the same study, seed, runner config and cell definition. */
  resume?: boolean;
  /** Called on the main thread as each cell's row is ready (in completion order). */
  onRow?: (row: StoredRow) => void;
}

/** What a run produces: the contents of results.json. */
export interface ExperimentResults {
  experiment: string;
  title: string;
  seed: number;
  conditions: string[];
  /** One per cell, in cell order. */
  rows: StoredRow[];
  /** Hash of the cell runner's export name and config: rows are only resumed under the same one. */
  runnerFingerprint: string;
  /** False while a run is in progress (results.json is rewritten after every cell). */
  complete: boolean;
  startedAt?: string;
  elapsedMs: number;
  /** Cells taken from a previous run's results.json instead of being run. */
  resumedCells?: number;
}
