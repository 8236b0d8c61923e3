import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../calibration/index.js';
import { registerBandwidthPolicy, unregisterPolicy } from '../policies/registry.js';
import type { FlowView } from '../policies/types.js';
import type { CalibrationTable } from '../calibration/types.js';
import { DEFAULT_SCENARIO, DEFAULT_WORKLOADS } from './defaults.js';
import { exampleScenario, FIELD_NOTES } from './example.js';
import { fadingProblem } from './checks.js';
import { loadScenario, parseScenario } from './parse.js';
import { ScenarioError } from './problems.js';
import { parseScenarioText } from './read.js';
import { FIELD_RULES, ruleKey, type FieldRule } from './rules.js';
import { serializeScenario } from './serialize.js';
import type { Scenario } from './types.js';

const calibration = DEFAULT_CALIBRATION;
const parse = (input: unknown, source = 'test.yaml'): Scenario => parseScenario(input, { calibration, source });
const SCHEMES = calibration.schemes.map((s) => s.name);

/** The problems parsing `input` reports (fails the test if it parses). */
function problemsOf(input: unknown): ScenarioError {
  try {
    parse(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected the scenario to be rejected');
}

/** Leaf paths of a plain tree, list indices as `[]`. */
function leafPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => leafPaths(v, `${path}[]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
  return [path];
}

const dir = mkdtempSync(join(tmpdir(), 'semcom-scenario-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('parseScenario defaults', () => {
  it('an empty map is the default scenario, every field present', () => {
    const s = parse({});
    expect(s).toEqual(DEFAULT_SCENARIO);
    expect(leafPaths(s).sort()).toEqual(leafPaths(DEFAULT_SCENARIO).sort());
  });

  it('fills the fields a partial scenario leaves out, deep', () => {
    const s = parse({ devices: { count: 50 }, baseStations: { edge: { servers: 2 } }, policy: { bandwidth: 'proportional-fair' } });
    expect(s.devices).toEqual({ ...DEFAULT_SCENARIO.devices, count: 50 });
    expect(s.baseStations.edge).toEqual({ ...DEFAULT_SCENARIO.baseStations.edge, servers: 2 });
    expect(s.baseStations.count).toBe(DEFAULT_SCENARIO.baseStations.count);
    expect(s.policy).toEqual({ ...DEFAULT_SCENARIO.policy, bandwidth: 'proportional-fair' });
    expect(s.services).toEqual(DEFAULT_SCENARIO.services);
  });

  it.each(SCHEMES)('a class naming only %s takes the workload of its modality and family', (scheme) => {
    const entry = calibration.schemes.find((x) => x.name === scheme)!;
    const s = parse({ services: [{ scheme }] });
    expect(s.services[0]).toEqual({
      name: scheme,
      scheme,
      arrival: { process: 'poisson', ratePerDeviceHz: 0.01 },
      deadlineMs: 3000,
      importance: 1,
      workload: DEFAULT_WORKLOADS[entry.modality][entry.family],
    });
    if (entry.family !== 'generative') expect(s.services[0]!.workload.generateGflop).toBe(0);
  });

  it('keeps a partial workload override and fills the rest from the family', () => {
    const s = parse({ services: [{ scheme: 'generative-diffusion', workload: { generateGflop: 1000 } }] });
    expect(s.services[0]!.workload).toEqual({ ...DEFAULT_WORKLOADS.image.generative, generateGflop: 1000 });
  });

  it('every field has a rule and a comment in the example, and no rule or comment is stale', () => {
    const trace = ['services[].arrival.arrivals[].timeS', 'services[].arrival.arrivals[].device'];
    const leaves = [...leafPaths(DEFAULT_SCENARIO), 'calibration', ...trace];
    expect(Object.keys(FIELD_RULES).sort()).toEqual([...new Set(leaves)].sort());
    for (const leaf of leaves.filter((l) => l !== 'calibration')) expect(FIELD_NOTES[leaf], leaf).toBeTruthy();
    const sections = Object.keys(FIELD_NOTES).filter((k) => !leaves.includes(k));
    for (const s of sections) expect(leaves.some((l) => l.startsWith(`${s}.`) || l.startsWith(`${s}[`)), s).toBe(true);
  });
});

describe('parseScenario rejects bad fields, naming each', () => {
  const svc = (over: Record<string, unknown>) => ({ services: [{ scheme: 'generative-vae', ...over }] });
  const cases: [string, unknown, string, RegExp][] = [
    ['an unknown top-level field', { devcies: { count: 3 } }, 'devcies', /unknown field \(did you mean devices\?\); the fields of the top level are: name, seed, durationS, warmupS, area, cloud, baseStations, devices, channel, services, policy, workflow, metrics, calibration$/],
    ['an unknown nested field', { cloud: { computeGflop: 1 } }, 'cloud.computeGflop', /unknown field \(did you mean computeGflops\?\); the fields of cloud are: computeGflops, servers/],
    ['a number written as text', { durationS: '600' }, 'durationS', /got "600"; give a number > 0 s, e\.g\. 600$/],
    ['a negative rate', svc({ arrival: { ratePerDeviceHz: -0.5 } }), 'services[0].arrival.ratePerDeviceHz', /got -0\.5; give a number > 0 Hz/],
    ['a zero rate', svc({ arrival: { process: 'poisson', ratePerDeviceHz: 0 } }), 'services[0].arrival.ratePerDeviceHz', /got 0; give a number > 0 Hz/],
    ['a zero bandwidth', { baseStations: { uplinkBandwidthMHz: 0 } }, 'baseStations.uplinkBandwidthMHz', /got 0; give a number > 0 MHz/],
    ['a negative power', { devices: { rxPowerW: -1 } }, 'devices.rxPowerW', /got -1; give a number ≥ 0 W/],
    ['a zero count', { devices: { count: 0 } }, 'devices.count', /got 0; give an integer from 1 to 1000000/],
    ['a fractional count', { baseStations: { count: 2.5 } }, 'baseStations.count', /got 2\.5; give an integer/],
    ['a count too large', { devices: { count: 5e6 } }, 'devices.count', /in memory/],
    ['an infinite number', { durationS: Infinity }, 'durationS', /got Infinity, which is not a finite number/],
    ['NaN', { cloud: { backhaulDelayMs: NaN } }, 'cloud.backhaulDelayMs', /got NaN, which is not a finite number/],
    ['a warm-up as long as the run', { durationS: 60, warmupS: 60 }, 'warmupS', /not less than durationS \(60 s\)/],
    ['a fraction above 1', { devices: { paEfficiency: 1.5 } }, 'devices.paEfficiency', /got 1\.5; give a number > 0 and ≤ 1/],
    ['a fraction below 0', { workflow: { knowledge: { initialMatching: -0.1 } } }, 'workflow.knowledge.initialMatching', /give a number from 0 to 1/],
    ['an unknown bandwidth policy', { policy: { bandwidth: 'proportional-fare' } }, 'policy.bandwidth', /use one of: equal, proportional-fair, semantic-importance, knowledge-matching \(did you mean proportional-fair\?\)/],
    ['an unknown placement', { policy: { placement: 'fog' } }, 'policy.placement', /use one of: device, edge, cloud, min-latency, min-energy/],
    ['an unknown fading', { channel: { fading: 'nakagami:2' } }, 'channel.fading', /"nakagami:2" is not a fading spec; use none, rayleigh, rician:K/],
    ['a fading spec with pilots', { channel: { fading: 'rayleigh,pilots:4' } }, 'channel.fading', /pilot-based estimation is not modelled here; drop the ",pilots:N" suffix; use none, rayleigh/],
    ['a negative Rician K', { channel: { fading: 'rician:-1' } }, 'channel.fading', /K must be/],
    ['a boolean as text', { workflow: { preparation: { enabled: 'yes' } } }, 'workflow.preparation.enabled', /got "yes"; give true or false/],
    ['an empty service list', { services: [] }, 'services', /the list is empty/],
    ['services not a list', { services: { scheme: 'jscc-k49' } }, 'services', /give a list of service classes/],
    ['a class without a scheme', { services: [{ name: 'x' }] }, 'services[0].scheme', /missing; name the scheme.*generative-vae/],
    ['a rate on a trace', svc({ arrival: { process: 'trace', ratePerDeviceHz: 1, arrivals: [{ timeS: 1 }] } }), 'services[0].arrival.ratePerDeviceHz', /belongs to process: poisson/],
    ['an empty trace', svc({ arrival: { process: 'trace', arrivals: [] } }), 'services[0].arrival.arrivals', /the list is empty/],
    ['a trace arrival after the end', svc({ arrival: { process: 'trace', arrivals: [{ timeS: 1 }, { timeS: 700 }] } }), 'services[0].arrival.arrivals[1].timeS', /700 s, after the end of the run \(durationS 600 s\)/],
    ['a trace arrival before 0', svc({ arrival: { process: 'trace', arrivals: [{ timeS: -1 }] } }), 'services[0].arrival.arrivals[0].timeS', /got -1; give a number ≥ 0 s/],
    ['a trace device out of range', svc({ arrival: { process: 'trace', arrivals: [{ timeS: 1, device: 200 }] } }), 'services[0].arrival.arrivals[0].device', /devices are numbered 0 to 199/],
    ['a generation step on a non-generative scheme', { services: [{ scheme: 'jscc-k49', workload: { generateGflop: 5 } }] }, 'services[0].workload.generateGflop', /no generation step/],
    ['a device at the UMa environment height', { devices: { heightM: 1 } }, 'devices.heightM', /is 1 m, not above the 1 m environment height of the TR 38\.901 UMA model/],
    ['a low UMi site', { channel: { pathLoss: 'umi' }, baseStations: { antennaHeightM: 0.5 } }, 'baseStations.antennaHeightM', /UMI model; raise it \(TR 38\.901: base station 10 m/],
    ['too many services for one run', { devices: { count: 100_000 }, durationS: 3600, services: [{ scheme: 'jscc-k49', arrival: { ratePerDeviceHz: 1 } }] }, 'services', /expect 360,000,000 services/],
    ['a top level that is a list', [1, 2], '(top level)', /got a list of 2; give a map of fields/],
    ['a top level that is null', null, '(top level)', /got null/],
    ['a calibration path that is not text', { calibration: 3 }, 'calibration', /give a non-empty text/],
  ];
  it.each(cases)('%s', (_what, input, path, message) => {
    const e = problemsOf(input);
    const problem = e.problems.find((p) => p.path === path);
    expect(problem, `problems: ${e.message}`).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(e.code).toBe('INVALID_SCENARIO');
    expect(e.message).toContain(`test.yaml: ${path}: `);
  });

  it('names a scheme the table lacks by its index and lists the table', () => {
    const e = problemsOf({ services: [{ name: 'a', scheme: 'jscc-k49' }, { name: 'b', scheme: 'jscc-k50' }] });
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.path).toBe('services[1].scheme');
    expect(e.problems[0]!.message).toContain(`use one of: ${SCHEMES.join(', ')}`);
    expect(e.problems[0]!.message).toContain('did you mean jscc-k49?');
  });

  it('reports duplicate class names at the second one', () => {
    const e = problemsOf({ services: [{ scheme: 'jscc-k49' }, { scheme: 'jscc-k49' }] });
    expect(e.problems).toEqual([{ path: 'services[1].name', message: expect.stringMatching(/"jscc-k49" is also the name of services\[0\]/) }]);
  });

  it('reports every problem at once, one line each: <source>: <path>: <what>; <what to do>', () => {
    const e = problemsOf({
      seed: -1,
      area: { widthM: 0, depthM: 5 },
      channel: { fading: 'nakagami' },
      policy: { power: 'max' },
      services: [{ scheme: 'generative-vae' }, { scheme: 'nope', deadlineMs: -3 }],
    });
    const paths = e.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['seed', 'area.widthM', 'area.depthM', 'channel.fading', 'policy.power', 'services[1].scheme', 'services[1].deadlineMs']));
    expect(paths).toHaveLength(7);
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line).toMatch(/^test\.yaml: [\w.[\]]+: .+; .+$/);
  });

  it('a problem in one field does not hide or fake problems in fields that depend on it', () => {
    // durationS is bad: the trace time 700 cannot be judged against it, so only durationS is reported.
    const e = problemsOf({ durationS: -5, services: [{ scheme: 'jscc-k49', arrival: { process: 'trace', arrivals: [{ timeS: 700 }] } }] });
    expect(e.problems.map((p) => p.path)).toEqual(['durationS']);
  });

  it('accepts a policy a user registered, and lists it when a name is wrong', () => {
    const mine = { name: 'my-share', allocate: (_flows: readonly FlowView[], shares: Float64Array) => shares.fill(1 / shares.length) };
    registerBandwidthPolicy(mine);
    try {
      expect(parse({ policy: { bandwidth: 'my-share' } }).policy.bandwidth).toBe('my-share');
      expect(problemsOf({ policy: { bandwidth: 'my-shar' } }).message).toMatch(/use one of: equal, .*knowledge-matching, my-share \(did you mean my-share\?\)/);
    } finally {
      unregisterPolicy('bandwidth', 'my-share');
    }
    expect(problemsOf({ policy: { bandwidth: 'my-share' } }).problems[0]!.path).toBe('policy.bandwidth');
  });

  it('parses a resolved scenario to itself (a fixed point)', () => {
    const s = parse({ devices: { count: 7 }, services: [{ scheme: 'semantic', arrival: { process: 'trace', arrivals: [{ timeS: 3, device: 6 }, { timeS: 0 }] } }] });
    expect(parse(structuredClone(s))).toEqual(s);
  });
});

describe('fadingProblem', () => {
  it.each(['none', 'awgn', 'rayleigh', 'Rayleigh', 'rician:4', 'rician:6dB', 'rician:0', 'rayleigh-block:8'])('accepts %s, as the simulator does', (spec) => expect(fadingProblem(spec)).toBeUndefined());
  it.each(['rician', 'rician:x', 'rician:-1', 'rayleigh,pilots:4', '', 'awgn:1', 'nakagami'])('rejects %j, saying what to write', (spec) => expect(fadingProblem(spec)).toMatch(/; use none, rayleigh, rician:K/));
});

describe('scenario files', () => {
  it('reads YAML and JSON, and a file of another extension as JSON then YAML', async () => {
    const yaml = file('a.yaml', 'name: yaml-city # a comment\ndevices:\n  count: 20\nservices:\n  - scheme: jscc-k49\n');
    const json = file('a.json', JSON.stringify({ name: 'json-city', devices: { count: 20 }, services: [{ scheme: 'jscc-k49' }] }));
    const other = file('a.scenario', 'name: other\n');
    const y = await loadScenario(yaml);
    const j = await loadScenario(json);
    expect(y.scenario.name).toBe('yaml-city');
    expect(j.scenario).toEqual({ ...y.scenario, name: 'json-city' });
    expect(y.calibration).toBe(DEFAULT_CALIBRATION);
    expect((await loadScenario(other)).scenario.name).toBe('other');
  });

  it('reports a missing file with what to do', async () => {
    await expect(loadScenario(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/cannot read scenario .*missing\.yaml: no such file.*semcom network init/) });
  });

  it.each([
    ['bad.yaml', 'name: x\ndevices:\n  count: [1,\n', /bad\.yaml: YAML syntax error at line \d+, column \d+/],
    ['dup.yaml', 'name: x\nseed: 1\nseed: 2\n', /dup\.yaml: YAML syntax error at line 3, column 1: Map keys must be unique/],
    ['bad.json', '{\n  "name": "x",\n  "seed": ,\n}', /bad\.json: JSON syntax error at line 3, column 11/],
    ['trailing.json', '{\n  "name": "x",\n}\n', /trailing\.json: JSON syntax error at line 3, column 1/],
    ['empty.yaml', '  \n', /empty\.yaml is empty/],
  ])('reports a syntax error in %s with its line', async (name, text, message) => {
    await expect(loadScenario(file(name, text))).rejects.toMatchObject({ code: 'MALFORMED_INPUT', message: expect.stringMatching(message) });
  });

  it('reports a top level that is not a map as a scenario problem', async () => {
    await expect(loadScenario(file('list.yaml', '- a\n- b\n'))).rejects.toMatchObject({ code: 'INVALID_SCENARIO', message: expect.stringMatching(/list\.yaml: \(top level\): got a list of 2; give a map of fields/) });
  });

  it('reads YAML special numbers as numbers and rejects the non-finite ones', async () => {
    await expect(loadScenario(file('inf.yaml', 'durationS: .inf\nwarmupS: .nan\n'))).rejects.toThrow(/inf\.yaml: durationS: got Infinity.*\n.*inf\.yaml: warmupS: got NaN/);
  });

  it('loads the calibration the scenario names, relative to the scenario file', async () => {
    const table: CalibrationTable = structuredClone(DEFAULT_CALIBRATION);
    table.schemes.find((s) => s.name === 'jscc-k49')!.name = 'jscc-custom';
    for (const s of table.schemes) if (s.downlinkScheme === 'jscc-k49') s.downlinkScheme = 'jscc-custom';
    mkdirSync(join(dir, 'sub', 'tables'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'tables', 'cal.json'), JSON.stringify(table));
    const path = file(join('sub', 'custom.yaml'), 'calibration: tables/cal.json\nservices:\n  - scheme: jscc-custom\n');
    const { scenario, calibration: loaded } = await loadScenario(path);
    expect(loaded.schemes.map((s) => s.name)).toContain('jscc-custom');
    expect(scenario.calibration).toBe(join(dir, 'sub', 'tables', 'cal.json'));
    // The default table lacks the scheme; --calibration (options) overrides the file's field.
    await expect(loadScenario(path, { calibrationPath: join(dir, 'none.json') })).rejects.toMatchObject({ code: 'IO_ERROR' });
  });

  it('reports a calibration file that cannot be loaded together with the other problems', async () => {
    const path = file('nocal.yaml', 'calibration: missing-table.json\ndevices:\n  count: -1\nservices:\n  - scheme: whatever\n');
    const e = (await loadScenario(path).then(
      () => undefined,
      (x: unknown) => x,
    )) as ScenarioError;
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e.problems.map((p) => p.path)).toEqual(['calibration', 'devices.count']);
    expect(e.message).toMatch(/nocal\.yaml: calibration: cannot read calibration file .*missing-table\.json.*remove the field to use the table shipped with semcom/);
  });

  it('the example file and `semcom network init` text are the default scenario', async () => {
    expect(parse(parseScenarioText(exampleScenario(), 'example', 'yaml'))).toEqual(DEFAULT_SCENARIO);
    const city = new URL('../../../examples/network/city.yaml', import.meta.url);
    expect((await loadScenario(city.pathname)).scenario).toEqual(DEFAULT_SCENARIO);
    expect(readFileSync(city, 'utf8')).toBe(exampleScenario());
  });

  it('the trace example is a valid trace-driven scenario', async () => {
    const trace = new URL('../../../examples/network/trace.json', import.meta.url);
    const { scenario } = await loadScenario(trace.pathname);
    const traced = scenario.services.filter((c) => c.arrival.process === 'trace');
    expect(traced.length).toBeGreaterThan(0);
  });
});

/** Values a rule accepts, kept small enough that the cross-field limits (expected services, sources) hold. */
function ruleArb(rule: FieldRule): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...rule.values);
    case 'string':
      return fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
    case 'number': {
      const min = rule.min ?? -1000;
      const max = Math.min(rule.max ?? min + 1000, min + 1000);
      if (rule.integer) return fc.integer({ min: Math.ceil(min + (rule.minOpen ? 1 : 0)), max: Math.floor(max) });
      return fc.double({ min, max, minExcluded: rule.minOpen === true, noNaN: true, noDefaultInfinity: true });
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

const SPECIAL = new Set(['durationS', 'warmupS', 'devices.count', 'channel.fading', 'baseStations.antennaHeightM', 'devices.heightM', 'calibration', 'name']);
const GENERIC_PATHS = Object.keys(FIELD_RULES).filter((k) => !k.startsWith('services') && !SPECIAL.has(k));

const serviceArb = (count: number, durationS: number) =>
  fc.constantFrom(...calibration.schemes).chain((scheme) =>
    fc.record(
      {
        name: fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''),
        scheme: fc.constant(scheme.name),
        arrival: fc.oneof(
          fc.record({ process: fc.constant('poisson'), ratePerDeviceHz: fc.double({ min: 1e-4, max: 1, noNaN: true, minExcluded: true }) }, { requiredKeys: ['ratePerDeviceHz'] }),
          fc.record({
            process: fc.constant('trace'),
            arrivals: fc.array(fc.record({ timeS: fc.double({ min: 0, max: durationS, noNaN: true }), device: fc.integer({ min: 0, max: count - 1 }) }, { requiredKeys: ['timeS'] }), { minLength: 1, maxLength: 5 }),
          }),
        ),
        deadlineMs: fc.double({ min: 1, max: 1e5, noNaN: true }),
        importance: fc.double({ min: 0, max: 10, noNaN: true }),
        workload: fc.record(
          { encodeGflop: fc.double({ min: 0, max: 1e4, noNaN: true }), decodeGflop: fc.double({ min: 0, max: 1e4, noNaN: true }), ...(scheme.family === 'generative' ? { generateGflop: fc.double({ min: 0, max: 1e6, noNaN: true }) } : {}) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['scheme'] },
    ),
  );

const scenarioInputArb = fc
  .record({ durationS: fc.double({ min: 1, max: 3600, noNaN: true }), count: fc.integer({ min: 1, max: 500 }), warmFraction: fc.double({ min: 0, max: 0.99, noNaN: true }) })
  .chain(({ durationS, count, warmFraction }) =>
    fc.record({
      fixed: fc.constant({ durationS, warmupS: durationS * warmFraction, devices: { count } }),
      generic: fc.array(fc.constantFrom(...GENERIC_PATHS).chain((path) => ruleArb(FIELD_RULES[path]!).map((value) => [path, value] as const)), { maxLength: 12 }),
      name: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), { nil: undefined }),
      fading: fc.constantFrom('none', 'awgn', 'rayleigh', 'rician:3', 'rician:6dB'),
      heights: fc.record({ bs: fc.double({ min: 5, max: 60, noNaN: true }), ue: fc.double({ min: 1.1, max: 4, noNaN: true }) }),
      services: fc.option(fc.uniqueArray(serviceArb(count, durationS), { minLength: 1, maxLength: 3, selector: (s) => s.name }), { nil: undefined }),
    }),
  )
  .map(({ fixed, generic, name, fading, heights, services }) => {
    const input: Record<string, unknown> = structuredClone(fixed);
    for (const [path, value] of generic) setPath(input, path, value);
    setPath(input, 'channel.fading', fading);
    setPath(input, 'baseStations.antennaHeightM', heights.bs);
    setPath(input, 'devices.heightM', heights.ue);
    if (name !== undefined) input.name = name;
    if (services !== undefined) input.services = services;
    return input;
  });

describe('round trip', () => {
  it('rule keys write list indices as []', () => {
    expect(ruleKey('services[3].arrival.arrivals[12].timeS')).toBe('services[].arrival.arrivals[].timeS');
  });

  it('parse(serialize(parse(x))) = parse(x) in YAML and JSON', () => {
    fc.assert(
      fc.property(scenarioInputArb, fc.constantFrom('yaml' as const, 'json' as const), (input, format) => {
        const once = parse(input);
        const text = serializeScenario(once, format);
        const twice = parse(parseScenarioText(text, 'round-trip', format));
        expect(twice).toEqual(once);
      }),
      { numRuns: 150, seed: 6 },
    );
  });
});
