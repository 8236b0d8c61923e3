import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toyCaseStudy } from '../experiments/fixtures/toy-cells.js';
import { registerCaseStudy, unregisterCaseStudy } from '../experiments/registry.js';
import { main } from './main.js';
import { captureOutput } from './test-support.js';

const tmp = mkdtempSync(join(tmpdir(), 'semcom-cli-exp-'));
beforeAll(() => registerCaseStudy('toy-cli', (o) => toyCaseStudy(o, { items: 4, failCells: [2] }, 'toy-cli')));
afterAll(() => {
  unregisterCaseStudy('toy-cli');
  rmSync(tmp, { recursive: true, force: true });
});
const io = captureOutput();

function oneLine(s: string): void {
  expect(s.trim().split('\n')).toHaveLength(1);
  expect(s).not.toMatch(/\bat .*\.ts:\d+/);
}

describe('semcom experiment', () => {
  it('lists the registered studies', async () => {
    expect(await main(['experiment', 'list'])).toBe(0);
    expect(io.out()).toMatch(/^toy-cli +Toy study$/m);
    io.reset();
    expect(await main(['experiment', 'list', '--json'])).toBe(0);
    expect(JSON.parse(io.out())).toContainEqual(expect.objectContaining({ name: 'toy-cli', title: 'Toy study' }));
  });

  it.each([
    [['experiment'], /needs a subcommand: run, report or list/],
    [['experiment', 'walk'], /unknown subcommand 'walk'/],
    [['experiment', 'run'], /needs a case-study name; registered: .*toy-cli/],
    [['experiment', 'run', 'nope'], /unknown experiment 'nope'; registered: .*toy-cli/],
    [['experiment', 'run', 'toy-cli', '--bogus'], /unknown flag --bogus/],
    [['experiment', 'run', 'toy-cli', '--seed', 'x'], /--seed got 'x'/],
    [['experiment', 'run', 'toy-cli', '--workers', '-1'], /--workers got '-1'/],
    [['experiment', 'run', 'toy-cli', '--seed'], /--seed needs a value/],
    [['experiment', 'run', 'toy-cli', 'extra'], /unexpected argument 'extra'/],
    [['experiment', 'run', 'toy-cli', '--model', 'ollama:qwen'], /openai-compatible:<baseURL>#<model>/],
    [['experiment', 'list', '--quick'], /unknown flag --quick/],
  ])('rejects %j with one line and exit status 2', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    oneLine(io.err());
    expect(io.err()).toMatch(message);
  });

  it('runs a study and prints the JSON contract; writes results and the report', async () => {
    const dir = join(tmp, 'run');
    expect(await main(['experiment', 'run', 'toy-cli', '--quick', '--workers', '0', '--seed', '3', '--out', dir, '--json'])).toBe(0);
    const r = JSON.parse(io.out());
    expect(r.experiment).toBe('toy-cli');
    expect(r.rows).toHaveLength(8);
    for (const row of r.rows) {
      for (const key of ['scheme', 'channel', 'modulation', 'snrDb', 'items', 'payloadBitsPerItem', 'channelUsesPerItem',
        'psnr', 'ssim', 'semanticAccuracy', 'encodeMsPerItem', 'decodeMsPerItem']) {
        expect(row).toHaveProperty(key);
      }
    }
    expect(r.rows[2].error).toMatch(/fails on purpose/);
    expect(existsSync(join(dir, 'results.json'))).toBe(true);
    expect(existsSync(join(dir, 'results.csv'))).toBe(true);
    expect(existsSync(join(dir, 'report', 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).rows).toHaveLength(8);

    // The table form names the report, and `report` redraws it from results.json.
    io.reset();
    expect(await main(['experiment', 'run', 'toy-cli', '--quick', '--workers', '0', '--seed', '3', '--out', dir, '--resume'])).toBe(0);
    expect(io.out()).toMatch(/PSNR/);
    expect(io.out()).toContain('7 cell(s) resumed');
    expect(io.out()).toContain(`report: ${join(dir, 'report', 'index.html')}`);
    io.reset();
    expect(await main(['experiment', 'report', 'toy-cli', '--out', dir])).toBe(0);
    expect(io.out()).toContain('report:');
  });

  it('report without results says what to run', async () => {
    expect(await main(['experiment', 'report', 'toy-cli', '--out', join(tmp, 'empty')])).toBe(2);
    oneLine(io.err());
    expect(io.err()).toMatch(/no results.json .* run 'semcom experiment run toy-cli' first/);
  });
});
