import { describe, expect, it } from 'vitest';
import { commands, main } from './main.js';
import { captureOutput } from './test-support.js';
import { numberListFlag } from './args.js';

const io = captureOutput();

function oneLine(s: string): void {
  expect(s.trim().split('\n')).toHaveLength(1);
  expect(s).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
}

describe('semcom CLI', () => {
  it('prints help for every subcommand', async () => {
    for (const c of commands) {
      io.reset();
      expect(await main([c.name, '--help'])).toBe(0);
      expect(io.out()).toContain(`semcom ${c.name}`);
    }
  });

  it.each([
    [['ber', '--mod', '8psk', '--ebn0', '1'], /--mod got '8psk'.*bpsk, qpsk, 16qam, 64qam, 256qam/],
    [['ber', '--ebn0', '1', '--bogus'], /unknown flag --bogus/],
    [['ber', '--ebn0', 'x'], /--ebn0 got 'x'/],
    [['ber', '--ebn0', '1', '--snr', '2'], /exactly one of --ebn0/],
    [['ber', '--ebn0', '1', '--iterations', '0'], /--iterations got '0'; it accepts an integer from 1/],
    [['ber', '--ebn0', '1', '--workers', '-1'], /--workers/],
    [['ber', '--ebn0', '1', '--code', 'turbo'], /turbo/],
    [['ber', '--ebn0', '1', '--code', '80211n:1000:1/2'], /80211n/],
    [['ber', '--ebn0', '1', '--channel', 'nakagami'], /nakagami/],
    [['ber', '--ebn0', '1', '--decoder', 'viterbi', '--code', '80211n:648:1/2'], /viterbi/],
    [['ber', '--ebn0', '1e9'], /Eb\/N0/],
    [['ber', '--ebn0', '1', '--code', 'alist:/nonexistent/file.alist'], /nonexistent/],
    [['ber', '--ebn0', '1', '--seed'], /--seed needs a value/],
  ])('rejects %j with one line and exit status 2', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    oneLine(io.err());
    expect(io.err()).toMatch(message);
  });

  it('rejects an unknown command', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    oneLine(io.err());
    expect(io.err()).toMatch(/unknown command 'frobnicate'/);
  });

  it('runs a small uncoded sweep and prints the JSON contract', async () => {
    const code = await main(['ber', '--code', 'uncoded', '--mod', 'qpsk', '--ebn0', '2,4', '--max-frames', '64', '--workers', '0', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.points).toHaveLength(2);
    for (const p of result.points) {
      for (const key of ['ebN0Db', 'snrDb', 'bits', 'bitErrors', 'ber', 'frames', 'frameErrors', 'fer', 'berCi', 'ferCi', 'avgIterations']) {
        expect(p).toHaveProperty(key);
      }
      expect(p.snrDb).toBeCloseTo(p.ebN0Db + 10 * Math.log10(2), 9);
      expect(p.ber).toBeCloseTo(p.bitErrors / p.bits, 12);
    }
    expect(result.points[1].ber).toBeLessThan(result.points[0].ber);
  });
});

describe('numberListFlag', () => {
  it('expands ranges inclusively and mixes lists', () => {
    expect(numberListFlag('x', '0:0.5:2')).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(numberListFlag('x', '1,3:1:4')).toEqual([1, 3, 4]);
    expect(numberListFlag('x', '0:0.1:0.3')).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it('rejects a descending or zero-step range', () => {
    expect(() => numberListFlag('x', '3:1:0')).toThrow(/stop ≥ start/);
    expect(() => numberListFlag('x', '0:0:1')).toThrow(/step > 0/);
  });
});
