import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clopperPearson } from './confidence.js';
import { CSV_HEADER, toCsv, toJson, writeSweepOutputs } from './report.js';
import type { MonteCarloResult, PointResult } from './types.js';

function point(ebN0Db: number, bitErrors: number, frameErrors: number): PointResult {
  const bits = 64_000;
  const frames = 1000;
  return {
    ebN0Db,
    snrDb: ebN0Db - 3,
    bits,
    bitErrors,
    ber: bitErrors / bits,
    frames,
    frameErrors,
    fer: frameErrors / frames,
    berCi: clopperPearson(bitErrors, bits),
    ferCi: clopperPearson(frameErrors, frames),
    avgIterations: 4.5,
  };
}

const result: MonteCarloResult = {
  points: [point(0, 3000, 900), point(1, 120, 100), point(2, 0, 0)],
  omitted: [{ index: 3, snrDb: 0, ebN0Db: 3 }],
  config: {
    simulator: { module: 'file:///x.js', exportName: 'f', config: { h: new Int8Array([1, -2]) } },
    points: [],
    seed: 1,
    minFrameErrors: 100,
    maxFrames: 1000,
    minFrames: 0,
    maxBitErrors: null,
    chunkFrames: 32,
    workers: 2,
    stopWhenNoErrors: true,
  },
  elapsedMs: 12,
};

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('sweep outputs', () => {
  it('CSV has the fixed header and one row per point with the intervals', () => {
    const lines = toCsv(result).trimEnd().split('\n');
    expect(lines[0]).toBe('ebN0Db,snrDb,bits,bitErrors,ber,berLo,berHi,frames,frameErrors,fer,ferLo,ferHi,avgIterations');
    expect(lines).toHaveLength(4);
    const row = lines[2].split(',');
    expect(row).toHaveLength(CSV_HEADER.length);
    expect(Number(row[0])).toBe(1);
    expect(Number(row[4])).toBe(120 / 64_000);
    expect(Number(row[5])).toBe(result.points[1].berCi[0]);
    expect(Number(row[11])).toBe(result.points[1].ferCi[1]);
    expect(lines[3].split(',')[9]).toBe('0');
  });

  it('JSON round-trips the points and serializes typed arrays in the config', () => {
    const back = JSON.parse(toJson(result));
    expect(back.points).toEqual(result.points);
    expect(back.omitted).toEqual(result.omitted);
    expect(back.config.simulator.config.h).toEqual([1, -2]);
    expect(back.elapsedMs).toBe(12);
  });

  it('writes the four files into a new nested directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'semcom-mc-'));
    dirs.push(root);
    const dir = join(root, 'a', 'b');
    const paths = await writeSweepOutputs(result, dir, {
      name: 'uncoded BPSK',
      theory: { name: 'Q(√(2Eb/N0))', points: [{ x: 0, y: 0.0786 }, { x: 2, y: 0.0375 }] },
    });
    expect(JSON.parse(await readFile(paths.json, 'utf8')).points).toHaveLength(3);
    expect(await readFile(paths.csv, 'utf8')).toBe(toCsv(result));
    const svg = await readFile(paths.svg, 'utf8');
    expect(svg.match(/<path /g)).toHaveLength(3); // BER, FER, theory
    expect(svg).toContain('uncoded BPSK BER');
    expect(svg).toContain('stroke-dasharray'); // theory drawn dashed
    const html = await readFile(paths.html, 'utf8');
    expect(html).toContain('uncoded BPSK FER');
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
  });

  it('fails with IO_ERROR when the directory cannot be created', async () => {
    const root = await mkdtemp(join(tmpdir(), 'semcom-mc-'));
    dirs.push(root);
    const file = join(root, 'plain-file');
    await writeFile(file, 'x');
    await expect(writeSweepOutputs(result, join(file, 'sub'), { name: 'x' })).rejects.toMatchObject({ code: 'IO_ERROR' });
  });
});
