/**
 * `semcom network`: the cloud-edge-mobile network simulator (issue 6) on a
 * user's own scenario file.
 *
 *   semcom network run <scenario.yaml|json> [--json] [--seed S] [--duration S] [--calibration FILE] [--out FILE]
 *   semcom network validate <scenario> [--calibration FILE] [--json]
 *   semcom network init [FILE]
 *
 * A scenario is validated completely before anything runs: a bad one prints
 * every problem, one line each, and exits with status 2.
 */
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SemcomError } from '../../core/errors.js';
import { ensureDir } from '../../core/fs.js';
import type { CalibrationTable } from '../../network/calibration/types.js';
import type { Distribution, NetworkResult, ServiceOutcome, Utilisation } from '../../network/model/result.js';
import { simulateNetwork } from '../../network/model/simulate.js';
import { exampleScenario, loadScenario, parseScenario, type Scenario } from '../../network/scenario/index.js';
import { formatFlagHelp, intFlag, numberFlag, parseFlags, UsageError, type FlagSpecs } from '../args.js';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

const runFlags: FlagSpecs = {
  json: { type: 'boolean', help: 'print the whole result as one JSON object instead of tables' },
  seed: { type: 'string', valueName: '<S>', help: "override the scenario's seed (an integer ≥ 0)" },
  duration: { type: 'string', valueName: '<S>', help: "override the scenario's durationS, seconds of arrivals" },
  calibration: { type: 'string', valueName: '<file>', help: "calibration table JSON (overrides the scenario's calibration field)" },
  out: { type: 'string', valueName: '<file>', help: 'also write the JSON result to this file' },
};
const validateFlags: FlagSpecs = {
  calibration: runFlags.calibration!,
  json: { type: 'boolean', help: 'print the resolved scenario (every default applied) as JSON' },
};
const initFlags: FlagSpecs = {};

/** The one scenario path a subcommand takes. */
function scenarioPath(positionals: readonly string[], sub: string): string {
  if (positionals.length === 0) throw new UsageError(`network ${sub} needs a scenario file (YAML or JSON); write one with 'semcom network init scenario.yaml'`);
  if (positionals.length > 1) throw new UsageError(`network ${sub} takes one scenario file; got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0]!;
}

async function load(path: string, calibrationFlag: string | boolean | undefined): Promise<{ scenario: Scenario; calibration: CalibrationTable }> {
  return loadScenario(path, calibrationFlag !== undefined ? { calibrationPath: String(calibrationFlag) } : {});
}

// ---- formatting ----

/** A number with up to 4 significant digits; integers below 10^9 as they are. */
function num(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');
const ms = (d: Distribution, key: 'mean' | 'p95'): string => (d.count > 0 ? num(d[key]) : '—');
const util = (u: Utilisation): string => `${num(u.mean)}/${num(u.max)}`;
const plural = (n: number, noun: string): string => `${num(n)} ${noun}${n === 1 ? '' : 's'}`;

function bytes(b: number): string {
  if (b >= 1e9) return `${num(b / 1e9)} GB`;
  if (b >= 1e6) return `${num(b / 1e6)} MB`;
  if (b >= 1e3) return `${num(b / 1e3)} kB`;
  return `${num(b)} B`;
}

function outcomeRow(name: string, scheme: string, o: ServiceOutcome): string[] {
  return [
    name, scheme, num(o.counted), num(o.completed), pct(o.deadlineSuccess), pct(o.taskSuccess),
    ms(o.latencyMs, 'mean'), ms(o.latencyMs, 'p95'),
    num(o.freshness.aoiS), num(o.freshness.peakAoiS), num(o.freshness.aoii), num(o.freshness.voi),
    num(o.bitsPerService.uplink), num(o.bitsPerService.backhaul), num(o.bitsPerService.downlink),
    num(o.channelUsesPerService.uplink), num(o.channelUsesPerService.downlink),
    num(o.energyPerServiceJ.device),
  ];
}

/** The human summary of a run: header, one row per class (and all), then the workflow and resource lines. */
export function formatNetworkResult(s: Scenario, r: NetworkResult): string {
  const header = [
    `scenario ${r.scenario}: ${plural(r.devices, 'device')}, ${plural(r.baseStations, 'base station')}, ${num(r.durationS)} s of arrivals (warm-up ${num(s.warmupS)} s), seed ${r.seed}`,
    `policy: bandwidth ${s.policy.bandwidth}, power ${s.policy.power}, placement ${s.policy.placement}; channel ${s.channel.pathLoss} + ${s.channel.fading}, ${num(s.baseStations.uplinkBandwidthMHz)}/${num(s.baseStations.downlinkBandwidthMHz)} MHz up/down`,
  ];
  const rows = r.classes.map((c) => outcomeRow(c.name, c.scheme, c));
  if (r.classes.length > 1) rows.push(outcomeRow('all', '', r.all));
  const table = formatTable(
    ['class', 'scheme', 'counted', 'completed', 'deadline', 'task', 'lat mean ms', 'lat p95 ms', 'AoI s', 'peak AoI s', 'AoII', 'VoI', 'up bits', 'backhaul bits', 'down bits', 'up uses', 'down uses', 'device J'],
    rows,
  );
  const p = r.preparation;
  const sync = r.synchronisation;
  const u = r.utilisation;
  const lines = [
    s.workflow.preparation.enabled
      ? `preparation: devices ready after ${num(p.readyS.mean)} s on average (p95 ${num(p.readyS.p95)} s, last ${num(p.readyS.max)} s); ${bytes(p.bytes)} downloaded`
      : 'preparation: off (devices start ready)',
    `synchronisation: feedback ${bytes(sync.feedbackBytes)}; ${plural(sync.knowledgeSyncs, 'knowledge sync')}, ${bytes(sync.knowledgeSyncBytes)}; mean matching degree ${sync.meanMatching.toFixed(3)}`,
    `traffic: uplink ${bytes(r.bits.uplink / 8)}, downlink ${bytes(r.bits.downlink / 8)}, backhaul ${bytes(r.bits.backhaul / 8)} (services, preparation and sync)`,
    `utilisation (mean/max): uplink ${util(u.uplink)}, downlink ${util(u.downlink)}, edge compute ${util(u.edgeCompute)}, cloud compute ${util(u.cloudCompute)}, device compute ${util(u.deviceCompute)}`,
    `run: ${num(r.events)} events, drained at ${num(r.endS)} s simulated, ${num(r.wallMs / 1000)} s wall`,
  ];
  return [...header, '', table, '', 'Fractions are of counted services (arrived after the warm-up); bits, channel uses (uses) and device energy are means per counted service.', '', ...lines].join('\n');
}

function describeScenario(path: string, s: Scenario, cal: CalibrationTable): string {
  const classes = s.services.map((c) => {
    const scheme = cal.schemes.find((x) => x.name === c.scheme);
    const arrivals = c.arrival.process === 'poisson' ? `Poisson ${num(c.arrival.ratePerDeviceHz)} Hz per device` : `trace of ${c.arrival.arrivals.length} arrivals`;
    return `  ${c.name}: ${c.scheme} (${scheme?.family ?? '?'} ${scheme?.modality ?? ''}), ${arrivals}, deadline ${num(c.deadlineMs)} ms, ${num(c.workload.encodeGflop)}/${num(c.workload.generateGflop)}/${num(c.workload.decodeGflop)} GFLOP encode/generate/decode`;
  });
  return [
    `${path}: valid`,
    `${s.name}: ${plural(s.devices.count, 'device')}, ${plural(s.baseStations.count, 'base station')} (${s.baseStations.layout}) over ${num(s.area.widthM)} × ${num(s.area.heightM)} m, ${num(s.durationS)} s (warm-up ${num(s.warmupS)} s), seed ${s.seed}`,
    `service classes:`,
    ...classes,
    `policy: bandwidth ${s.policy.bandwidth}, power ${s.policy.power}, placement ${s.policy.placement}`,
    `calibration: ${s.calibration ?? 'the table shipped with semcom'} (${cal.generatedAt}); schemes: ${cal.schemes.map((x) => x.name).join(', ')}`,
  ].join('\n');
}

// ---- subcommands ----

async function runSub(argv: readonly string[]): Promise<number> {
  const { flags: f, positionals } = parseFlags(argv, runFlags);
  const path = scenarioPath(positionals, 'run');
  const seed = f.seed !== undefined ? intFlag('seed', String(f.seed), 0, Number.MAX_SAFE_INTEGER) : undefined;
  const duration = f.duration !== undefined ? numberFlag('duration', String(f.duration), 'a number of seconds > 0', (x) => x > 0) : undefined;
  const loaded = await load(path, f.calibration);
  let scenario = loaded.scenario;
  if (seed !== undefined || duration !== undefined) {
    // Re-validated: a shorter run may end before the warm-up or a trace arrival.
    const flags = [seed !== undefined ? `--seed ${seed}` : '', duration !== undefined ? `--duration ${duration}` : ''].filter(Boolean).join(' ');
    scenario = parseScenario({ ...scenario, ...(seed !== undefined ? { seed } : {}), ...(duration !== undefined ? { durationS: duration } : {}) }, { calibration: loaded.calibration, source: `${path} (with ${flags})` });
  }
  const result = simulateNetwork(scenario, loaded.calibration);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (f.out !== undefined) {
    const out = String(f.out);
    await ensureDir(dirname(out));
    try {
      await writeFile(out, json);
    } catch (e) {
      throw new SemcomError('IO_ERROR', `cannot write ${out}: ${(e as Error).message}; check the path and its permissions`, { cause: e });
    }
  }
  if (f.json) process.stdout.write(json);
  else process.stdout.write(`${formatNetworkResult(scenario, result)}\n${f.out !== undefined ? `result: ${String(f.out)}\n` : ''}`);
  return 0;
}

async function validateSub(argv: readonly string[]): Promise<number> {
  const { flags: f, positionals } = parseFlags(argv, validateFlags);
  const path = scenarioPath(positionals, 'validate');
  const { scenario, calibration } = await load(path, f.calibration);
  process.stdout.write(f.json ? `${JSON.stringify(scenario, null, 2)}\n` : `${describeScenario(path, scenario, calibration)}\n`);
  return 0;
}

async function initSub(argv: readonly string[]): Promise<number> {
  const { positionals } = parseFlags(argv, initFlags);
  if (positionals.length > 1) throw new UsageError(`network init takes at most one file name; got ${positionals.length}`);
  const path = positionals[0] ?? 'scenario.yaml';
  await ensureDir(dirname(path));
  try {
    // 'wx': fail rather than overwrite a user's edited scenario.
    await writeFile(path, exampleScenario(), { flag: 'wx' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') throw new SemcomError('IO_ERROR', `${path} already exists; choose another name or delete it first (init never overwrites)`);
    throw new SemcomError('IO_ERROR', `cannot write ${path}: ${err.message}; check the path and its permissions`, { cause: e });
  }
  process.stdout.write(`wrote ${path}: the default small-city scenario, every field commented\nnext: edit it, then 'semcom network validate ${path}' and 'semcom network run ${path}'\n`);
  return 0;
}

export const networkCommand: Command = {
  name: 'network',
  summary: 'simulate a cloud-edge-mobile GAI semantic-communication network from a scenario file',
  help: () =>
    [
      'Usage: semcom network run <scenario.yaml|json> [--json] [--seed S] [--duration S] [--calibration FILE] [--out FILE]',
      '       semcom network validate <scenario> [--calibration FILE] [--json]',
      '       semcom network init [FILE]',
      '',
      'Simulates the GAI-assisted semantic-communication network of seed 002 Sec. III: devices with',
      'local models, base stations with edge servers, one cloud, services arriving (Poisson or a trace)',
      'and served by a calibrated scheme through preparation, provisioning and synchronisation.',
      '',
      'run: validates the scenario, simulates it and prints one row per service class (completed,',
      'deadline and task success, latency, AoI, peak AoI, AoII, VoI, bits per hop, device energy),',
      'then preparation, synchronisation, traffic and utilisation. --json prints the whole result.',
      'validate: checks a scenario and prints it resolved (every default applied); nothing runs.',
      'init: writes the default scenario (a small city), every field commented; never overwrites.',
      '',
      'A bad scenario prints every problem, one line each (<file>: <field>: <what>; <what to do>),',
      'and exits with status 2 before anything runs.',
      '',
      'Flags of run:',
      formatFlagHelp(runFlags),
      '',
      'Flags of validate:',
      formatFlagHelp(validateFlags),
      '',
      'Examples: semcom network init city.yaml && semcom network run city.yaml --duration 60',
      '          semcom network run examples/network/trace.json --json',
    ].join('\n'),
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'run') return runSub(rest);
    if (sub === 'validate') return validateSub(rest);
    if (sub === 'init') return initSub(rest);
    throw new UsageError(sub === undefined ? 'network needs a subcommand: run, validate or init' : `unknown network subcommand '${sub}'; it accepts run, validate or init`);
  },
};
