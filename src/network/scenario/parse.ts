/**
 * Turning user input (a parsed YAML or JSON document) into a resolved
 * {@link Scenario}: every missing field takes its default (deep), and every
 * problem (an unknown field, a wrong type, a value out of range, a cross-field
 * inconsistency, a scheme the calibration table lacks) is collected and
 * reported at once in a {@link ScenarioError} (code INVALID_SCENARIO), one line
 * per problem, before any simulation starts (issue 6, "Bad input").
 *
 * Hand-written checks rather than a schema library: the messages name the
 * field as the user wrote it (`services[1].scheme`), say what it accepts with
 * its unit, suggest the field a typo meant, and list the allowed names.
 */
import { dirname, resolve } from 'node:path';
import { isSemcomError } from '../../core/errors.js';
import { loadCalibration } from '../calibration/index.js';
import type { CalibrationTable, SchemeCalibration } from '../calibration/types.js';
import { crossChecks, inFieldOrder } from './checks.js';
import { DEFAULT_SCENARIO, DEFAULT_SERVICE_CLASS, defaultWorkload, type Workload } from './defaults.js';
import { checkKeys, isPlainObject, join, leaf, mergeTree, type Plain } from './fields.js';
import { closest, describeValue, Problems, ScenarioError, type ScenarioProblem } from './problems.js';
import { readScenarioFile } from './read.js';
import type { ArrivalSpec, Scenario, ServiceClassSpec } from './types.js';

export interface ParseScenarioOptions {
  /** The table the services' schemes must come from. */
  calibration: CalibrationTable;
  /** Where the input came from (a file path), the first word of every problem line. Default "scenario". */
  source?: string;
}

function resolveArrival(input: unknown, path: string, p: Problems): ArrivalSpec {
  const poissonDefault = DEFAULT_SERVICE_CLASS.arrival as Extract<ArrivalSpec, { process: 'poisson' }>;
  if (input === undefined) return structuredClone(poissonDefault);
  if (!isPlainObject(input)) {
    p.add(path, `got ${describeValue(input)}; give a map: {process: poisson, ratePerDeviceHz: R} or {process: trace, arrivals: [{timeS: T, device: D}, ...]}`);
    return structuredClone(poissonDefault);
  }
  const process = input.process === undefined ? 'poisson' : leaf<string>(input.process, join(path, 'process'), p, 'poisson');
  if (process === 'trace') {
    checkKeys(input, ['process', 'arrivals'], path, p, (k) => (k === 'ratePerDeviceHz' ? 'a trace lists its arrivals; ratePerDeviceHz belongs to process: poisson' : undefined));
    const listPath = join(path, 'arrivals');
    const list = input.arrivals;
    const arrivals: { timeS: number; device?: number }[] = [];
    if (list === undefined) p.add(listPath, 'missing; a trace needs its arrivals: a list of {timeS: T} or {timeS: T, device: D}');
    else if (!Array.isArray(list)) p.add(listPath, `got ${describeValue(list)}; give a list of {timeS: T} or {timeS: T, device: D}`);
    else if (list.length === 0) p.add(listPath, 'the list is empty; give at least one arrival {timeS: T}, or use process: poisson');
    else {
      list.forEach((a, i) => {
        const here = `${listPath}[${i}]`;
        if (!isPlainObject(a)) {
          p.add(here, `got ${describeValue(a)}; give a map {timeS: T} or {timeS: T, device: D}`);
          return;
        }
        checkKeys(a, ['timeS', 'device'], here, p);
        if (a.timeS === undefined) p.add(join(here, 'timeS'), 'missing; give the arrival time in s, from 0 to durationS');
        const timeS = a.timeS === undefined ? 0 : leaf<number>(a.timeS, join(here, 'timeS'), p, 0, 1.5);
        const entry: { timeS: number; device?: number } = { timeS };
        if (a.device !== undefined) entry.device = leaf<number>(a.device, join(here, 'device'), p, 0, 3);
        arrivals.push(entry);
      });
    }
    return { process: 'trace', arrivals };
  }
  checkKeys(input, ['process', 'ratePerDeviceHz'], path, p, (k) => (k === 'arrivals' ? 'arrivals belong to process: trace' : undefined));
  const ratePerDeviceHz = input.ratePerDeviceHz === undefined ? poissonDefault.ratePerDeviceHz : leaf<number>(input.ratePerDeviceHz, join(path, 'ratePerDeviceHz'), p, poissonDefault.ratePerDeviceHz);
  return { process: 'poisson', ratePerDeviceHz };
}

const SERVICE_KEYS = ['name', 'scheme', 'arrival', 'deadlineMs', 'importance', 'workload'] as const;

function resolveService(input: unknown, path: string, p: Problems, table: CalibrationTable | null): ServiceClassSpec {
  const given: Plain = isPlainObject(input) ? input : {};
  if (!isPlainObject(input)) p.add(path, `got ${describeValue(input)}; give a map with at least a scheme, e.g. {name: image, scheme: generative-vae}`);
  checkKeys(given, SERVICE_KEYS, path, p);
  let scheme: SchemeCalibration | undefined;
  let schemeName = '';
  const schemePath = join(path, 'scheme');
  const names = table ? table.schemes.map((s) => s.name) : [];
  if (given.scheme === undefined) {
    if (isPlainObject(input)) p.add(schemePath, `missing; name the scheme that serves this class${table ? `, one of the calibration table's: ${names.join(', ')}` : ''}`);
  } else {
    schemeName = leaf<string>(given.scheme, schemePath, p, '', 'generative-vae');
    if (schemeName !== '' && table) {
      scheme = table.schemes.find((s) => s.name === schemeName);
      if (!scheme) {
        const guess = closest(schemeName, names);
        p.add(schemePath, `"${schemeName}" is not a scheme of the calibration table${guess ? ` (did you mean ${guess}?)` : ''}; use one of: ${names.join(', ')}, or point calibration at a table that has it`);
      }
    }
  }
  const name = given.name === undefined ? schemeName || path : leaf<string>(given.name, join(path, 'name'), p, schemeName || path, 'image');
  const workloadDefaults: Workload = scheme ? defaultWorkload(scheme.modality, scheme.family) : { encodeGflop: 0, generateGflop: 0, decodeGflop: 0 };
  const workloadPath = join(path, 'workload');
  const workload = mergeTree(given.workload, workloadDefaults as unknown as Plain, workloadPath, p) as unknown as Workload;
  if (scheme && scheme.family !== 'generative' && workload.generateGflop > 0) {
    p.add(join(workloadPath, 'generateGflop'), `is ${workload.generateGflop}, but ${scheme.name} is a ${scheme.family} scheme, which has no generation step; set it to 0 or choose a generative scheme`);
  }
  return {
    name,
    scheme: schemeName,
    arrival: resolveArrival(given.arrival, join(path, 'arrival'), p),
    deadlineMs: given.deadlineMs === undefined ? DEFAULT_SERVICE_CLASS.deadlineMs : leaf<number>(given.deadlineMs, join(path, 'deadlineMs'), p, DEFAULT_SERVICE_CLASS.deadlineMs),
    importance: given.importance === undefined ? DEFAULT_SERVICE_CLASS.importance : leaf<number>(given.importance, join(path, 'importance'), p, DEFAULT_SERVICE_CLASS.importance),
    workload,
  };
}

function resolveServices(input: unknown, p: Problems, table: CalibrationTable | null): ServiceClassSpec[] {
  if (input === undefined) return structuredClone(DEFAULT_SCENARIO.services) as ServiceClassSpec[];
  if (!Array.isArray(input)) {
    p.add('services', `got ${describeValue(input)}; give a list of service classes, e.g. [{name: image, scheme: generative-vae}]`);
    return [];
  }
  if (input.length === 0) {
    p.add('services', 'the list is empty; give at least one service class, e.g. {name: image, scheme: generative-vae}');
    return [];
  }
  return input.map((s, i) => resolveService(s, `services[${i}]`, p, table));
}

/** Validates and resolves; problems are returned, not thrown. `table` null skips the scheme checks (the table itself failed). */
export function resolveScenario(input: unknown, table: CalibrationTable | null): { scenario: Scenario; problems: ScenarioProblem[] } {
  const p = new Problems();
  const top = mergeTree(input, DEFAULT_SCENARIO as unknown as Plain, '', p, ['services', 'calibration']);
  const given: Plain = isPlainObject(input) ? input : {};
  const scenario = { ...top, services: resolveServices(given.services, p, table) } as unknown as Scenario;
  if (given.calibration !== undefined) {
    const c = leaf<string>(given.calibration, 'calibration', p, '', 'calibration.json');
    if (c !== '') scenario.calibration = c;
  }
  crossChecks(scenario, p);
  return { scenario, problems: inFieldOrder(p.list) };
}

/**
 * Validates `input` (plain data, e.g. a parsed YAML or JSON document) and
 * returns the scenario with every default applied. Throws a
 * {@link ScenarioError} (code INVALID_SCENARIO) listing every problem, one
 * line each: `<source>: <field path>: <what is wrong>; <what to do>`.
 */
export function parseScenario(input: unknown, options: ParseScenarioOptions): Scenario {
  const { scenario, problems } = resolveScenario(input, options.calibration);
  if (problems.length > 0) throw new ScenarioError(options.source ?? 'scenario', problems);
  return scenario;
}

export interface LoadScenarioOptions {
  /** A calibration table file that overrides the scenario's `calibration` field (relative to the working directory). */
  calibrationPath?: string;
}

/**
 * Reads a scenario file (`.yaml`/`.yml` as YAML, `.json` as JSON, anything
 * else JSON then YAML), loads its calibration table (`options.calibrationPath`,
 * else the scenario's `calibration` field resolved against the scenario file's
 * folder, else the table shipped with semcom) and validates the scenario
 * against it. The returned scenario's `calibration` is the absolute path of
 * the table used, when one was named.
 *
 * Throws IO_ERROR (missing or unreadable file), MALFORMED_INPUT (a syntax
 * error, with its line) or INVALID_SCENARIO (every bad field, including a
 * calibration file that cannot be loaded).
 */
export async function loadScenario(path: string, options: LoadScenarioOptions = {}): Promise<{ scenario: Scenario; calibration: CalibrationTable }> {
  const raw = await readScenarioFile(path);
  const fromScenario = isPlainObject(raw) && typeof raw.calibration === 'string' && raw.calibration.trim() !== '' ? raw.calibration : undefined;
  const calibrationPath = options.calibrationPath !== undefined ? resolve(options.calibrationPath) : fromScenario !== undefined ? resolve(dirname(path), fromScenario) : undefined;
  let calibration: CalibrationTable | null;
  let calibrationProblem: ScenarioProblem | undefined;
  try {
    calibration = await loadCalibration(calibrationPath);
  } catch (e) {
    if (options.calibrationPath !== undefined || !isSemcomError(e)) throw e;
    calibration = null;
    calibrationProblem = {
      path: 'calibration',
      message: `${e.message.replace(/\n/g, ' ')}; fix the path (relative to the scenario file) or remove the field to use the table shipped with semcom`,
    };
  }
  const { scenario, problems } = resolveScenario(raw, calibration);
  const all = calibrationProblem ? [calibrationProblem, ...problems.filter((q) => q.path !== 'calibration')] : problems;
  if (all.length > 0 || calibration === null) throw new ScenarioError(path, all);
  if (calibrationPath !== undefined) scenario.calibration = calibrationPath;
  return { scenario, calibration };
}
