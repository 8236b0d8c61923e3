/**
 * `semcom demo`: the main job. First a short BER/FER sweep of the physical
 * layer (uncoded BPSK and 16-QAM against their closed forms, and two IEEE
 * 802.11n LDPC codes over AWGN) with its table, JSON, CSV, SVG and offline HTML
 * plot; then the image, text, knowledge and network case studies (`image-snr`, `image-cost`,
 * `text-snr`, `text-cost`, `knowledge-mismatch`, `network-load`,
 * `network-policies`, `network-sync`) in their quick
 * form, each with results.json/csv and an offline report.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { SemcomError } from '../../core/errors.js';
import { ensureDir } from '../../core/fs.js';
import { errorRateVegaSpec, svgLinePlot, vegaLiteHtml, type LinePlotOptions, type PlotSeries } from '../../core/plot/index.js';
import '../../experiments/catalog.js';
import { getCaseStudy } from '../../experiments/registry.js';
import { writeReport } from '../../experiments/report.js';
import { runCaseStudy } from '../../experiments/runner.js';
import { simulateErrorRate, type ErrorRateOptions, type ErrorRateResult } from '../../phy/link/error-rate.js';
import { theoreticalBer } from '../../phy/theory/index.js';
import { formatFlagHelp, intFlag, parseFlags, UsageError, type FlagSpecs } from '../args.js';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

const flags: FlagSpecs = {
  out: { type: 'string', valueName: '<dir>', help: 'where to write the BER sweep (demo.json, demo.csv, plot.svg, plot.html); the case studies go to results/<name>', default: 'results/demo' },
  'phy-only': { type: 'boolean', help: 'only the BER/FER sweep, not the case studies' },
  seed: { type: 'string', valueName: '<S>', help: 'seed of every random draw', default: '1' },
  workers: { type: 'string', valueName: '<W>', help: 'worker threads', default: String(availableParallelism()) },
  quick: { type: 'boolean', help: 'fewer frames per point (a smoke run)' },
};

interface DemoCase {
  label: string;
  options: Pick<ErrorRateOptions, 'code' | 'modulation' | 'channel' | 'ebN0Db' | 'decoder' | 'maxIterations'>;
  theory: boolean;
}

const CASES: DemoCase[] = [
  { label: 'uncoded BPSK, AWGN', options: { code: 'uncoded', modulation: 'bpsk', channel: 'awgn', ebN0Db: [0, 2, 4, 6, 8] }, theory: true },
  { label: 'uncoded 16-QAM, AWGN', options: { code: 'uncoded', modulation: '16qam', channel: 'awgn', ebN0Db: [0, 2, 4, 6, 8, 10] }, theory: true },
  { label: 'uncoded BPSK, Rayleigh', options: { code: 'uncoded', modulation: 'bpsk', channel: 'rayleigh', ebN0Db: [0, 5, 10, 15, 20] }, theory: true },
  {
    label: '802.11n (648,324) BPSK, AWGN, layered NMS 50 it',
    options: { code: '80211n:648:1/2', modulation: 'bpsk', channel: 'awgn', ebN0Db: [0, 0.5, 1, 1.5, 2, 2.5, 3], decoder: 'layered-nms', maxIterations: 50 },
    theory: false,
  },
  {
    label: '802.11n (1944,972) BPSK, AWGN, layered NMS 50 it',
    options: { code: '80211n:1944:1/2', modulation: 'bpsk', channel: 'awgn', ebN0Db: [0, 0.5, 1, 1.5, 2], decoder: 'layered-nms', maxIterations: 50 },
    theory: false,
  },
];

export const demoCommand: Command = {
  name: 'demo',
  summary: 'a short BER/FER sweep of the physical layer, with table, JSON, CSV and plots',
  help: () =>
    [
      'Usage: semcom demo [--out DIR] [--seed S] [--workers W] [--quick]',
      '',
      'Sweeps uncoded BPSK/16-QAM (AWGN, with closed-form BER), uncoded BPSK over Rayleigh,',
      'and the 802.11n (648,324) and (1944,972) LDPC codes over BPSK-AWGN, then writes',
      'demo.json, demo.csv, plot.svg and plot.html (works offline) into DIR; then runs the',
      'case studies image-snr, image-cost, text-snr, text-cost, knowledge-mismatch, network-load, network-policies',
      'and network-sync in their quick form and',
      'prints where their reports are (results/<name>/report/index.html).',
      '',
      'Flags:',
      formatFlagHelp(flags),
    ].join('\n'),
  async run(argv) {
    const { flags: f, positionals } = parseFlags(argv, flags);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'; see semcom demo --help`);
    const seed = intFlag('seed', String(f.seed), 0, 2 ** 53 - 1);
    const workers = intFlag('workers', String(f.workers), 0, 256);
    const out = resolve(String(f.out));
    const budget = f.quick ? { minFrameErrors: 20, maxFrames: 400 } : { minFrameErrors: 100, maxFrames: 20_000 };
    const started = Date.now();
    const runs: { c: DemoCase; r: ErrorRateResult }[] = [];
    for (const c of CASES) {
      process.stderr.write(`semcom demo: ${c.label}\n`);
      const r = await simulateErrorRate({ ...c.options, ...budget, seed, workers, progress: 'auto' });
      runs.push({ c, r });
    }
    const rows = runs.flatMap(({ c, r }) =>
      r.points.map((p) => {
        const th = c.theory ? theoreticalBer(c.options.modulation, c.options.channel, p.ebN0Db) : null;
        return { scheme: c.label, ...p, theoryBer: th };
      }),
    );
    const series: PlotSeries[] = [];
    for (const { c, r } of runs) {
      series.push({ name: `${c.label}: BER`, points: r.points.map((p) => ({ x: p.ebN0Db, y: p.ber, lo: p.berCi[0], hi: p.berCi[1] })) });
      if (c.options.code !== 'uncoded') {
        series.push({ name: `${c.label}: FER`, points: r.points.map((p) => ({ x: p.ebN0Db, y: p.fer, lo: p.ferCi[0], hi: p.ferCi[1] })) });
      }
      if (c.theory) {
        const xs: number[] = [];
        const [lo, hi] = [c.options.ebN0Db![0], c.options.ebN0Db![c.options.ebN0Db!.length - 1]];
        for (let x = lo; x <= hi + 1e-9; x += 0.25) xs.push(x);
        series.push({
          name: `${c.label}: theory`,
          dashed: true,
          points: xs.map((x) => ({ x, y: theoreticalBer(c.options.modulation, c.options.channel, x) ?? 0 })),
        });
      }
    }
    const plot: LinePlotOptions = {
      title: 'semcom demo: BER/FER of the physical layer (95% Clopper–Pearson intervals)',
      xLabel: 'Eb/N0 (dB)',
      yLabel: 'error rate',
      logY: true,
      series,
      height: 560,
    };
    const csvHeader = 'scheme,ebN0Db,snrDb,bits,bitErrors,ber,berLo,berHi,frames,frameErrors,fer,ferLo,ferHi,avgIterations,theoryBer';
    const csv = [
      csvHeader,
      ...rows.map((p) =>
        [JSON.stringify(p.scheme), p.ebN0Db, p.snrDb, p.bits, p.bitErrors, p.ber, p.berCi[0], p.berCi[1], p.frames, p.frameErrors, p.fer, p.ferCi[0], p.ferCi[1], p.avgIterations, p.theoryBer ?? ''].join(','),
      ),
    ].join('\n');
    await ensureDir(out);
    try {
      await writeFile(join(out, 'demo.json'), JSON.stringify({ seed, ...budget, rows }, null, 2) + '\n');
      await writeFile(join(out, 'demo.csv'), csv + '\n');
      await writeFile(join(out, 'plot.svg'), svgLinePlot(plot));
      await writeFile(join(out, 'plot.html'), vegaLiteHtml(errorRateVegaSpec(plot), plot.title));
    } catch (e) {
      throw new SemcomError('IO_ERROR', `cannot write the demo outputs to ${out}: ${(e as Error).message}`);
    }
    const sci = (x: number | null) => (x === null ? '-' : x === 0 ? '0' : x.toExponential(2));
    process.stdout.write(
      formatTable(
        ['scheme', 'Eb/N0', 'frames', 'BER', 'BER 95% CI', 'theory BER', 'FER', 'avg it'],
        rows.map((p) => [p.scheme, p.ebN0Db.toFixed(2), String(p.frames), sci(p.ber), `[${sci(p.berCi[0])}, ${sci(p.berCi[1])}]`, sci(p.theoryBer), sci(p.fer), p.avgIterations.toFixed(1)]),
      ) + '\n',
    );
    process.stdout.write(`\nwrote ${join(out, 'demo.json')}, demo.csv, plot.svg, plot.html (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    if (f['phy-only']) return 0;
    for (const name of ['image-snr', 'image-cost', 'text-snr', 'text-cost', 'knowledge-mismatch', 'network-load', 'network-policies', 'network-sync']) {
      const study = getCaseStudy(name, { quick: true });
      const dir = resolve('results', name);
      process.stderr.write(`semcom demo: case study ${name} (quick form)\n`);
      const t0 = Date.now();
      const results = await runCaseStudy(study, { seed, workers, out: dir, progress: 'auto' });
      const report = await writeReport(results, study, dir);
      const failed = results.rows.filter((r) => r.error).length;
      process.stdout.write(
        `${name}: ${results.rows.length} cells${failed ? `, ${failed} failed` : ''} in ${((Date.now() - t0) / 1000).toFixed(1)} s; report ${report.html}\n`,
      );
    }
    return 0;
  },
};
