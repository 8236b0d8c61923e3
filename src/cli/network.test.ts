import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO, exampleScenario } from '../network/scenario/index.js';
import * as simulate from '../network/model/simulate.js';
import { main } from './main.js';
import { captureOutput } from './test-support.js';

// Calls through to the simulator, counting calls: a bad scenario must be refused before it.
vi.mock('../network/model/simulate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../network/model/simulate.js')>();
  return { ...real, simulateNetwork: vi.fn(real.simulateNetwork) };
});

const io = captureOutput();
const dir = mkdtempSync(join(tmpdir(), 'semcom-network-cli-'));
const TRACE = new URL('../../examples/network/trace.json', import.meta.url).pathname;
const traceScenario = JSON.parse(readFileSync(TRACE, 'utf8')) as { services: { name: string; arrival: { arrivals: { timeS: number }[] } }[] };

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('semcom network init', () => {
  it('writes the commented default scenario and never overwrites', async () => {
    const path = join(dir, 'new', 'city.yaml');
    expect(await main(['network', 'init', path])).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(exampleScenario());
    expect(io.out()).toContain(`semcom network run ${path}`);
    writeFileSync(path, 'name: edited\n');
    io.reset();
    expect(await main(['network', 'init', path])).toBe(2);
    expect(io.err()).toMatch(/city\.yaml already exists; choose another name or delete it first/);
    expect(readFileSync(path, 'utf8')).toBe('name: edited\n');
  });
});

describe('semcom network validate', () => {
  it('prints the scenario resolved, with the calibration schemes, and --json the full scenario', async () => {
    const path = file('small.yaml', 'name: tiny\ndevices:\n  count: 1\nservices:\n  - scheme: jscc-k49\n');
    expect(await main(['network', 'validate', path])).toBe(0);
    expect(io.out()).toMatch(/small\.yaml: valid\ntiny: 1 device, 4 base stations/);
    expect(io.out()).toMatch(/jscc-k49: jscc-k49 \(semcom image\), Poisson 0\.01 Hz per device/);
    expect(io.out()).toMatch(/schemes: traditional-deflate, jscc-k49, generative-vae/);
    io.reset();
    expect(await main(['network', 'validate', '--json', path])).toBe(0);
    const s = JSON.parse(io.out());
    expect(s.devices).toEqual({ ...DEFAULT_SCENARIO.devices, count: 1 });
    expect(s.services[0].workload).toEqual({ encodeGflop: 5, generateGflop: 0, decodeGflop: 5 });
  });
});

describe('semcom network run', () => {
  it('runs a trace: one counted service per arrival, per class, and --out holds what --json prints', async () => {
    const out = join(dir, 'results', 'trace.json');
    expect(await main(['network', 'run', TRACE, '--json', '--out', out])).toBe(0);
    const r = JSON.parse(io.out());
    expect(readFileSync(out, 'utf8')).toBe(io.out());
    expect(r).toMatchObject({ scenario: 'trace-demo', seed: 7, durationS: 60, devices: 8, baseStations: 1 });
    expect(r.classes.map((c: { name: string }) => c.name)).toEqual(traceScenario.services.map((c) => c.name));
    r.classes.forEach((c: { counted: number }, i: number) => expect(c.counted).toBe(traceScenario.services[i]!.arrival.arrivals.length));
    expect(r.all.counted).toBe(traceScenario.services.reduce((n, c) => n + c.arrival.arrivals.length, 0));
  });

  it('--seed and --duration override the file and are validated with it', async () => {
    expect(await main(['network', 'run', TRACE, '--json', '--seed', '9', '--duration', '45'])).toBe(0);
    const r = JSON.parse(io.out());
    expect(r).toMatchObject({ seed: 9, durationS: 45 });
    // The arrival at exactly 45 s ends the run's window and is not counted.
    const inWindow = traceScenario.services.map((c) => c.arrival.arrivals.filter((a) => a.timeS < 45).length);
    expect(r.classes.map((c: { counted: number }) => c.counted)).toEqual(inWindow);
    io.reset();
    expect(await main(['network', 'run', TRACE, '--duration', '40'])).toBe(2);
    expect(io.err()).toMatch(/trace\.json \(with --duration 40\): services\[1\]\.arrival\.arrivals\[3\]\.timeS: is 45 s, after the end of the run \(durationS 40 s\)/);
  });

  it('the same seed gives the same result', async () => {
    const path = file('det.yaml', 'devices: {count: 30}\ndurationS: 120\nwarmupS: 10\nworkflow: {preparation: {enabled: false}}\nservices:\n  - {scheme: jscc-k49, arrival: {ratePerDeviceHz: 0.05}}\n  - {scheme: generative-vae, arrival: {ratePerDeviceHz: 0.02}}\n');
    const runOnce = async (): Promise<Record<string, unknown>> => {
      io.reset();
      expect(await main(['network', 'run', path, '--json', '--seed', '3'])).toBe(0);
      const { wallMs: _wall, ...rest } = JSON.parse(io.out());
      return rest;
    };
    const a = await runOnce();
    expect(await runOnce()).toEqual(a);
    expect((a.all as { counted: number }).counted).toBeGreaterThan(0);
  });

  it('prints the header, a row per class and all, and the workflow and resource lines', async () => {
    expect(await main(['network', 'run', TRACE])).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^scenario trace-demo: 8 devices, 1 base station, 60 s of arrivals \(warm-up 0 s\), seed 7\npolicy: bandwidth equal, power equal, placement cloud/);
    expect(out).toMatch(/class +scheme +counted +completed +deadline +task +lat mean ms +lat p95 ms +AoI s +peak AoI s +AoII +VoI +up bits +backhaul bits +down bits +up uses +down uses +device J/);
    expect(out).toMatch(/generated-images +generative-vae +6 /);
    expect(out).toMatch(/jscc-images +jscc-k49 +4 /);
    expect(out).toMatch(/\n +all +10 /);
    for (const line of ['preparation: off', 'synchronisation: feedback', 'traffic: uplink', 'utilisation (mean/max): uplink', 'run: ']) expect(out).toContain(line);
  });

  it('refuses a bad scenario with every problem, one line each, without simulating', async () => {
    const calls = vi.mocked(simulate.simulateNetwork).mock.calls.length;
    const path = file('bad.yaml', 'devices:\n  count: -5\nchannel:\n  fading: nakagami\npolicy:\n  bandwidth: fair\nservices:\n  - scheme: generative-vae\n  - scheme: jscc-k50\n');
    expect(await main(['network', 'run', path])).toBe(2);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^semcom network: .*bad\.yaml: devices\.count: got -5; give an integer from 1 to 1000000/);
    expect(lines.slice(1).map((l) => l.replace(/^.*bad\.yaml: ([^:]+):.*$/, '$1'))).toEqual(['channel.fading', 'services[1].scheme', 'policy.bandwidth']);
    expect(io.out()).toBe('');
    expect(vi.mocked(simulate.simulateNetwork).mock.calls.length).toBe(calls);
  });

  it.each([
    [['network'], /network needs a subcommand: run, validate or init/],
    [['network', 'simulate'], /unknown network subcommand 'simulate'/],
    [['network', 'run'], /network run needs a scenario file.*semcom network init/],
    [['network', 'run', 'a.yaml', 'b.yaml'], /takes one scenario file; got 2/],
    [['network', 'run', TRACE, '--seed', '-1'], /--seed got '-1'/],
    [['network', 'run', TRACE, '--duration', '0'], /--duration got '0'; it accepts a number of seconds > 0/],
    [['network', 'run', TRACE, '--calibration', '/nonexistent/cal.json'], /cannot read calibration file \/nonexistent\/cal\.json/],
    [['network', 'run', '/nonexistent/city.yaml'], /cannot read scenario \/nonexistent\/city\.yaml: no such file/],
    [['network', 'validate', '--speed', TRACE], /unknown flag --speed/],
  ])('rejects %j with one line and exit status 2', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(message);
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });

  it('--help describes the three subcommands and their flags', async () => {
    expect(await main(['network', '--help'])).toBe(0);
    expect(io.out()).toMatch(/semcom network run <scenario\.yaml\|json>/);
    expect(io.out()).toMatch(/semcom network validate/);
    expect(io.out()).toMatch(/semcom network init/);
    expect(io.out()).toMatch(/--duration <S>/);
  });
});
