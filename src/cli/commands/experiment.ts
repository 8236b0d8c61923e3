/**
 * `semcom experiment`: run a registered case study and write its results and
 * report, or list the studies.
 *
 *   semcom experiment run <name> [--quick] [--seed S] [--workers W] [--out DIR] [--json] [--resume] [--quiet] [--model SPEC] [--embedding SPEC]
 *   semcom experiment report <name> [--quick] [--out DIR]
 *   semcom experiment list [--json]
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import '../../experiments/catalog.js';
import { caseStudyNames, getCaseStudy, listCaseStudies } from '../../experiments/registry.js';
import { parseModelSpec } from '../../generation/registry.js';
import { formatNumber, tableCells, writeReport } from '../../experiments/report.js';
import { readResults } from '../../experiments/results.js';
import { runCaseStudy } from '../../experiments/runner.js';
import type { StoredRow } from '../../experiments/types.js';
import { UsageError, formatFlagHelp, intFlag, parseFlags, type FlagSpecs } from '../args.js';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

const runFlags: FlagSpecs = {
  quick: { type: 'boolean', help: 'the small version of the study (seconds; for smoke tests, not for publishing)' },
  seed: { type: 'string', valueName: '<S>', help: 'seed of every random draw', default: '1' },
  workers: { type: 'string', valueName: '<W>', help: 'worker threads (0 = main thread only)', default: String(availableParallelism()) },
  out: { type: 'string', valueName: '<dir>', help: 'folder for results.json, results.csv and report/ (default results/<name>)' },
  json: { type: 'boolean', help: 'print one JSON object { experiment, rows } on stdout instead of a table' },
  resume: { type: 'boolean', help: 'keep the rows of an earlier run in --out with the same seed and study; run only the rest' },
  quiet: { type: 'boolean', help: 'no progress bar' },
  model: { type: 'string', valueName: '<spec>', help: 'text model for the agents of the text studies, e.g. openai-compatible:http://localhost:11434/v1#qwen2.5:0.5b (default: embedded)' },
  embedding: { type: 'string', valueName: '<spec>', help: 'embedding model for the text studies’ similarity (default embedded:word-vectors)' },
};
const reportFlags: FlagSpecs = {
  quick: { type: 'boolean', help: 'the study was run with --quick' },
  out: { type: 'string', valueName: '<dir>', help: 'folder holding results.json (default results/<name>)' },
};
const listFlags: FlagSpecs = { json: { type: 'boolean', help: 'print JSON instead of a table' } };

/** The row fields printed by --json, in this order (extra fields follow). */
const JSON_FIELDS = [
  'scheme', 'channel', 'modulation', 'snrDb', 'items', 'payloadBitsPerItem', 'channelUsesPerItem',
  'psnr', 'ssim', 'semanticAccuracy', 'encodeMsPerItem', 'decodeMsPerItem',
] as const;

function jsonRow(r: StoredRow): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of JSON_FIELDS) o[k] = r[k];
  o.failedItems = r.failedItems;
  o.cell = r.cell;
  if (r.extra) o.extra = r.extra;
  if (r.error !== undefined) o.error = r.error;
  return o;
}

function rowTable(rows: readonly StoredRow[]): string {
  const num = (v: number | null, failed: boolean): string => (v === null || failed ? '—' : formatNumber(v));
  return formatTable(
    ['scheme', 'channel', 'mod', 'SNR dB', 'items', 'failed', 'bits/item', 'uses/item', 'PSNR', 'SSIM', 'accuracy', 'enc ms', 'dec ms'],
    rows.map((r) => {
      const f = r.error !== undefined;
      return [
        r.scheme, r.channel, r.modulation, formatNumber(r.snrDb), String(r.items), String(r.failedItems),
        num(r.payloadBitsPerItem, f), num(r.channelUsesPerItem, f), num(r.psnr, f), num(r.ssim, f),
        num(r.semanticAccuracy, f), num(r.encodeMsPerItem, f), num(r.decodeMsPerItem, f),
      ];
    }),
  );
}

function studyName(positionals: string[], sub: string): string {
  if (positionals.length === 0) {
    const names = caseStudyNames();
    throw new UsageError(`experiment ${sub} needs a case-study name; registered: ${names.length ? names.join(', ') : '(none)'}`);
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'; see semcom experiment --help`);
  return positionals[0];
}

async function runSub(argv: readonly string[]): Promise<number> {
  const { flags: f, positionals } = parseFlags(argv, runFlags);
  const name = studyName(positionals, 'run');
  const seed = intFlag('seed', String(f.seed), 0, 2 ** 53 - 1);
  const workers = intFlag('workers', String(f.workers), 0, 256);
  const models = { ...(f.model !== undefined ? { text: String(f.model) } : {}), ...(f.embedding !== undefined ? { embedding: String(f.embedding) } : {}) };
  for (const spec of Object.values(models)) parseModelSpec(spec);
  const study = getCaseStudy(name, { quick: Boolean(f.quick), models });
  const out = f.out !== undefined ? String(f.out) : join('results', name);
  const results = await runCaseStudy(study, {
    seed,
    workers,
    out,
    resume: Boolean(f.resume),
    progress: f.quiet || f.json ? 'none' : 'auto',
  });
  const report = await writeReport(results, study, out);
  if (f.json) {
    process.stdout.write(JSON.stringify({ experiment: results.experiment, seed, rows: results.rows.map(jsonRow), report: report.html }) + '\n');
  } else {
    // Text studies carry their metrics in extras: print the study's own first table when its rows have no image metrics.
    const textual = results.rows.every((r) => r.psnr === null && r.ssim === null && r.semanticAccuracy === null) && study.tables.length > 0;
    const table = textual ? tableCells(results.rows, study.tables[0]) : null;
    process.stdout.write(`${study.title}\n\n${table ? formatTable(table.header, table.rows) : rowTable(results.rows)}\n\n`);
    const failed = results.rows.filter((r) => r.error !== undefined);
    if (failed.length) process.stdout.write(`${failed.length} cell(s) failed; see the report for their errors.\n`);
    if (results.resumedCells) process.stdout.write(`${results.resumedCells} cell(s) resumed from ${join(out, 'results.json')}.\n`);
    process.stdout.write(`results: ${join(out, 'results.json')}\nreport: ${report.html}\n`);
  }
  return 0;
}

async function reportSub(argv: readonly string[]): Promise<number> {
  const { flags: f, positionals } = parseFlags(argv, reportFlags);
  const name = studyName(positionals, 'report');
  const study = getCaseStudy(name, { quick: Boolean(f.quick) });
  const out = f.out !== undefined ? String(f.out) : join('results', name);
  const results = await readResults(out);
  if (!results) throw new UsageError(`no results.json in ${out}; run 'semcom experiment run ${name}' first`);
  const report = await writeReport(results, study, out);
  process.stdout.write(`report: ${report.html}\n`);
  return 0;
}

async function listSub(argv: readonly string[]): Promise<number> {
  const { flags: f, positionals } = parseFlags(argv, listFlags);
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'; see semcom experiment --help`);
  const entries = listCaseStudies();
  if (f.json) process.stdout.write(JSON.stringify(entries) + '\n');
  else if (entries.length === 0) process.stdout.write('no case studies are registered\n');
  else {
    // Left-aligned (formatTable right-aligns, which suits numbers, not names).
    const w = Math.max(...entries.map((e) => e.name.length)) + 2;
    process.stdout.write(entries.map((e) => `${e.name.padEnd(w)}${e.title}`).join('\n') + '\n');
  }
  return 0;
}

export const experimentCommand: Command = {
  name: 'experiment',
  summary: 'run a case study (parallel, resumable) and write its results and report',
  help: () =>
    [
      'Usage: semcom experiment run <name> [flags]',
      '       semcom experiment report <name> [--quick] [--out <dir>]',
      '       semcom experiment list [--json]',
      '',
      'run: runs every cell (a scheme under one channel, modulation and SNR) of the case study,',
      'writes <out>/results.json, <out>/results.csv and <out>/report/ (index.html, summary.md, SVG plots).',
      'Same --seed, same numbers for any --workers (timings excepted). A failing cell is recorded, not fatal.',
      'report: redraws <out>/report/ from <out>/results.json.',
      '',
      'Flags of run:',
      formatFlagHelp(runFlags),
      '',
      'Example: semcom experiment run image-snr --quick --json',
    ].join('\n'),
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'run') return runSub(rest);
    if (sub === 'report') return reportSub(rest);
    if (sub === 'list') return listSub(rest);
    throw new UsageError(
      sub === undefined ? 'experiment needs a subcommand: run, report or list' : `unknown subcommand '${sub}'; it accepts run, report or list`,
    );
  },
};
