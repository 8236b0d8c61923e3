/**
 * `semcom ber`: bit and frame error rates of a coded (or uncoded) link over an
 * SNR sweep, by Monte Carlo on worker threads.
 */
import { availableParallelism } from 'node:os';
import { ensureDir } from '../../core/fs.js';
import { simulateErrorRate, type ErrorRateOptions } from '../../phy/link/error-rate.js';
import { writeSweepOutputs } from '../../phy/montecarlo/report.js';
import { UsageError, formatFlagHelp, intFlag, numberListFlag, parseFlags, type FlagSpecs } from '../args.js';
import type { Command } from '../command.js';
import { formatPointTable } from '../table.js';

const MODULATIONS = ['bpsk', 'qpsk', '16qam', '64qam', '256qam'] as const;

const flags: FlagSpecs = {
  code: { type: 'string', valueName: '<code>', help: "uncoded | 80211n:<648|1296|1944>:<1/2|2/3|3/4|5/6> | alist:<path>", default: 'uncoded' },
  mod: { type: 'string', valueName: '<mod>', help: MODULATIONS.join(' | '), default: 'bpsk' },
  channel: { type: 'string', valueName: '<channel>', help: 'awgn | rayleigh | rayleigh-block:L | rician:K (K linear, or e.g. 6dB)', default: 'awgn' },
  ebn0: { type: 'string', valueName: '<list>', help: "Eb/N0 points in dB: '0,1,2' or 'start:step:stop'" },
  snr: { type: 'string', valueName: '<list>', help: 'Es/N0 points in dB (per complex channel use), same forms as --ebn0' },
  decoder: { type: 'string', valueName: '<dec>', help: 'layered-minsum | layered-nms[:alpha] | layered-oms[:beta] | flooding-spa', default: 'layered-nms' },
  demapper: { type: 'string', valueName: '<method>', help: 'maxlog | exact', default: 'maxlog' },
  iterations: { type: 'string', valueName: '<N>', help: 'maximum decoder iterations', default: '50' },
  'fixed-iterations': { type: 'boolean', help: 'always run all iterations (no syndrome early stop)' },
  'min-frame-errors': { type: 'string', valueName: '<N>', help: 'stop a point after this many frame errors', default: '100' },
  'max-frames': { type: 'string', valueName: '<N>', help: 'stop a point after this many frames', default: '100000' },
  seed: { type: 'string', valueName: '<S>', help: 'seed of every random draw', default: '1' },
  workers: { type: 'string', valueName: '<W>', help: 'worker threads (0 = main thread only)', default: String(availableParallelism()) },
  json: { type: 'boolean', help: 'print one JSON object on stdout instead of a table' },
  out: { type: 'string', valueName: '<dir>', help: 'also write result.json, result.csv, plot.svg and plot.html there' },
  quiet: { type: 'boolean', help: 'no progress bar' },
};

export function parseBerFlags(argv: readonly string[]): ErrorRateOptions & { json: boolean; out?: string } {
  const { flags: f, positionals } = parseFlags(argv, flags);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'; see semcom ber --help`);
  if ((f.ebn0 === undefined) === (f.snr === undefined)) {
    throw new UsageError('give exactly one of --ebn0 <list> or --snr <list> (dB), e.g. --ebn0 0:1:6');
  }
  const mod = String(f.mod);
  if (!(MODULATIONS as readonly string[]).includes(mod)) {
    throw new UsageError(`--mod got '${mod}'; it accepts ${MODULATIONS.join(', ')}`);
  }
  const demapper = String(f.demapper);
  if (demapper !== 'maxlog' && demapper !== 'exact') throw new UsageError(`--demapper got '${demapper}'; it accepts maxlog or exact`);
  return {
    code: String(f.code),
    modulation: mod as ErrorRateOptions['modulation'],
    channel: String(f.channel),
    ...(f.ebn0 !== undefined ? { ebN0Db: numberListFlag('ebn0', String(f.ebn0)) } : { snrDb: numberListFlag('snr', String(f.snr)) }),
    decoder: String(f.decoder),
    demapper,
    maxIterations: intFlag('iterations', String(f.iterations), 1, 10_000),
    earlyStop: !f['fixed-iterations'],
    minFrameErrors: intFlag('min-frame-errors', String(f['min-frame-errors']), 1),
    maxFrames: intFlag('max-frames', String(f['max-frames']), 1),
    seed: intFlag('seed', String(f.seed), 0, 2 ** 53 - 1),
    workers: intFlag('workers', String(f.workers), 0, 256),
    progress: f.quiet || f.json ? 'none' : 'auto',
    json: Boolean(f.json),
    ...(f.out !== undefined ? { out: String(f.out) } : {}),
  };
}

export const berCommand: Command = {
  name: 'ber',
  summary: 'bit/frame error rates of a coded link over an SNR sweep (Monte Carlo)',
  help: () =>
    [
      'Usage: semcom ber --code <code> --mod <mod> --channel <channel> (--ebn0 <list> | --snr <list>) [flags]',
      '',
      'Simulates payload → LDPC → Gray QAM → channel → soft demapping → decoding and counts',
      'information-bit and frame errors per point, with 95% Clopper–Pearson intervals.',
      'Points stop at --min-frame-errors or --max-frames. Same --seed, same numbers for any --workers.',
      '',
      'Flags:',
      formatFlagHelp(flags),
      '',
      'Example: semcom ber --code 80211n:1944:1/2 --mod bpsk --channel awgn --ebn0 0:0.5:3 --json',
    ].join('\n'),
  async run(argv) {
    const opts = parseBerFlags(argv);
    // Fail before a long simulation, not after it, when the output folder cannot be made.
    if (opts.out) await ensureDir(opts.out);
    const result = await simulateErrorRate(opts);
    if (opts.out) await writeSweepOutputs(result, opts.out, { name: result.config.label });
    if (opts.json) {
      // The simulator reference (a module URL on this machine) is plumbing, not a condition of the run.
      const { simulator: _simulator, ...config } = result.config;
      process.stdout.write(JSON.stringify({ points: result.points, config }) + '\n');
    }
    else process.stdout.write(formatPointTable(result.points) + '\n');
    return 0;
  },
};
