/** Experiments: case studies as data, the parallel resumable runner, and the report. */
export type {
  CaseStudy,
  Cell,
  CellDefinition,
  CellRunner,
  CellRunnerFactory,
  CellRunnerRef,
  ColumnKey,
  ColumnSpec,
  ExperimentResults,
  MetricKey,
  PlotSpec,
  ProgressMode,
  ReferenceTable,
  ResultRow,
  RowFilter,
  RunOptions,
  StoredRow,
  TableSpec,
} from './types.js';
export { runCaseStudy } from './runner.js';
export { cellSeed } from './cell.js';
export { writeResults, readResults, resultsCsv, runnerFingerprint, CSV_COLUMNS, type ResultPaths } from './results.js';
export { writeReport, plotPanels, tableCells, metricValue, formatNumber, type PlotPanel, type ReportPaths } from './report.js';
export {
  registerCaseStudy,
  unregisterCaseStudy,
  getCaseStudy,
  listCaseStudies,
  caseStudyNames,
  type CaseStudyEntry,
  type CaseStudyFactory,
  type CaseStudyOptions,
} from './registry.js';
export { siblingModule } from '../core/threads.js';
