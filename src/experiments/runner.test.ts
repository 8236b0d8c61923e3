import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellSeed } from './cell.js';
import { toyCaseStudy, type ToyCellConfig } from './fixtures/toy-cells.js';
import { resultsCsv } from './results.js';
import { runCaseStudy } from './runner.js';
import type { CaseStudy, StoredRow } from './types.js';

const tmp = mkdtempSync(join(tmpdir(), 'semcom-exp-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => join(tmp, `run${dirs++}`);

const study = (config: Partial<ToyCellConfig> = {}, quick = true): CaseStudy =>
  toyCaseStudy({ quick }, { items: 20, ...config });

describe('runCaseStudy', () => {
  it('gives identical rows on the main thread and on 2 workers, in cell order', async () => {
    const s = study({}, false);
    const a = await runCaseStudy(s, { seed: 7, workers: 0, progress: 'none' });
    const b = await runCaseStudy(s, { seed: 7, workers: 2, progress: 'none' });
    expect(a.rows).toHaveLength(12);
    expect(a.rows.map((r) => r.cell)).toEqual([...Array(12).keys()]);
    expect(b.rows).toEqual(a.rows);
    expect(a.complete).toBe(true);
    // The toy's timings are synthetic (drawn from the seed), so even they must agree.
    // Each cell's numbers come from its own seed: another seed changes them.
    const c = await runCaseStudy(s, { seed: 8, workers: 0, progress: 'none' });
    expect(c.rows[0].psnr).not.toBe(a.rows[0].psnr);
  });

  it('seeds a cell by the run seed and its index only', async () => {
    const s = study();
    const full = await runCaseStudy(s, { seed: 3, workers: 0, progress: 'none' });
    // The same cell as the only cell of another study (index 0 there) differs; moved to the same index it agrees.
    const one = await runCaseStudy({ ...s, cells: [s.cells[0]] }, { seed: 3, workers: 0, progress: 'none' });
    expect(one.rows[0]).toEqual(full.rows[0]);
    expect(full.rows[0].extra?.seed).toBe(cellSeed(3, 0) % 1000);
    expect(new Set(full.rows.map((r) => r.extra?.seed)).size).toBe(full.rows.length);
  });

  it.each([0, 2])('records a throwing, a malformed and (on workers) a crashing cell as error rows and completes (workers %i)', async (workers) => {
    const s = study({ failCells: [1], malformedCells: [2], crashCells: [3] });
    const r = await runCaseStudy(s, { seed: 1, workers, progress: 'none' });
    expect(r.rows).toHaveLength(8);
    expect(r.rows[1].error).toMatch(/fails on purpose/);
    expect(r.rows[2].error).toMatch(/psnr must be a finite number/);
    expect(r.rows[3].error).toMatch(workers === 0 ? /would crash/ : /worker thread died/);
    for (const i of [1, 2, 3]) {
      expect(r.rows[i].failedItems).toBe(20);
      expect(r.rows[i].items).toBe(20);
      expect(r.rows[i].psnr).toBeNull();
    }
    for (const i of [0, 4, 5, 6, 7]) {
      expect(r.rows[i].error).toBeUndefined();
      expect(r.rows[i].psnr).toEqual(expect.any(Number));
      expect(r.rows[i].failedItems).toBeLessThan(20);
    }
  });

  it('writes results.json and results.csv', async () => {
    const out = freshDir();
    const r = await runCaseStudy(study({ failCells: [0] }), { seed: 5, workers: 0, progress: 'none', out });
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(json).toMatchObject({ experiment: 'toy', seed: 5, complete: true, conditions: r.conditions });
    expect(json.elapsedMs).toEqual(expect.any(Number));
    expect(json.rows).toEqual(r.rows);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + r.rows.length);
    const header = csv[0].split(',');
    expect(header.slice(0, 5)).toEqual(['cell', 'scheme', 'channel', 'modulation', 'snrDb']);
    expect(header).toContain('psnr');
    expect(header).toContain('extra.tag');
    expect(header.at(-1)).toBe('error');
    const row1 = csv[2].split(',');
    expect(Number(row1[header.indexOf('psnr')])).toBe(r.rows[1].psnr);
    expect(row1[header.indexOf('semanticAccuracy')]).toBe(''); // null for scheme alpha
    // The failed cell keeps its identity and item counts; its placeholder numbers are left empty.
    expect(csv[1]).toBe('0,alpha,awgn,qpsk,0,20,20,,,,,,,,,,toy cell 0 fails on purpose');
  });

  it('quotes CSV fields with commas and quotes', () => {
    const row: StoredRow = {
      cell: 0, scheme: 'a,b', channel: 'say "x"', modulation: 'q', snrDb: 1, items: 1, failedItems: 0,
      payloadBitsPerItem: 1, channelUsesPerItem: 1, psnr: null, ssim: null, semanticAccuracy: null,
      encodeMsPerItem: 0, decodeMsPerItem: 0,
    };
    expect(resultsCsv([row]).split('\n')[1]).toMatch(/^0,"a,b","say ""x""",q,1,/);
  });

  it('resumes: cells already in results.json (same seed and study) are not rerun; failed ones are', async () => {
    const out = freshDir();
    const log = join(tmp, `calls${dirs}.log`);
    const calls = (): number[] => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map(Number);
    writeFileSync(log, '');
    const first = await runCaseStudy(study({ callLog: log, failCells: [2] }), { seed: 9, workers: 0, progress: 'none', out });
    expect(calls()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    // Drop two rows as if the run had been cut short.
    const path = join(out, 'results.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.rows = json.rows.filter((r: StoredRow) => r.cell !== 5 && r.cell !== 6);
    json.complete = false;
    writeFileSync(path, JSON.stringify(json));

    writeFileSync(log, '');
    const s2 = study({ callLog: log, failCells: [2] });
    const resumed = await runCaseStudy(s2, { seed: 9, workers: 1, progress: 'none', out, resume: true });
    expect(calls().sort()).toEqual([2, 5, 6]);
    expect(resumed.resumedCells).toBe(5);
    expect(resumed.rows).toEqual(first.rows);

    // Another seed reuses nothing, and without resume everything runs again.
    writeFileSync(log, '');
    await runCaseStudy(s2, { seed: 10, workers: 0, progress: 'none', out, resume: true });
    expect(calls()).toHaveLength(8);
    writeFileSync(log, '');
    await runCaseStudy(s2, { seed: 10, workers: 0, progress: 'none', out });
    expect(calls()).toHaveLength(8);
    // A different runner config (e.g. --quick's fewer items) does not reuse rows either.
    writeFileSync(log, '');
    await runCaseStudy(study({ callLog: log, failCells: [2], items: 5 }), { seed: 10, workers: 0, progress: 'none', out, resume: true });
    expect(calls()).toHaveLength(8);
  });

  it('does not reuse a row whose cell definition changed', async () => {
    const out = freshDir();
    const log = join(tmp, `calls-def${dirs}.log`);
    writeFileSync(log, '');
    const s = study({ callLog: log });
    await runCaseStudy(s, { seed: 2, workers: 0, progress: 'none', out });
    writeFileSync(log, '');
    const changed = { ...s, cells: s.cells.map((c, i) => (i === 4 ? { ...c, snrDb: 3 } : c)) };
    const r = await runCaseStudy(changed, { seed: 2, workers: 0, progress: 'none', out, resume: true });
    expect(readFileSync(log, 'utf8').trim()).toBe('4');
    expect(r.rows[4].snrDb).toBe(3);
  });

  it('rejects bad options and an unloadable runner', async () => {
    const s = study();
    await expect(runCaseStudy(s, { seed: -1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(runCaseStudy(s, { seed: 1, workers: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(runCaseStudy({ ...s, cells: [] }, { seed: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(runCaseStudy(s, { seed: 1, resume: true })).rejects.toThrow(/resume needs out/);
    const bad = { ...s, runner: { ...s.runner, exportName: 'nothingHere' } };
    for (const workers of [0, 1]) {
      await expect(runCaseStudy(bad, { seed: 1, workers, progress: 'none' })).rejects.toMatchObject({
        code: 'WORKER_FAILED',
        message: expect.stringMatching(/nothingHere/),
      });
    }
  });

  it('stops on abort and leaves the finished cells in results.json', async () => {
    const out = freshDir();
    const ac = new AbortController();
    const p = runCaseStudy(study({ delayMs: 30 }), {
      seed: 1,
      workers: 2,
      progress: 'none',
      out,
      signal: ac.signal,
      onRow: () => ac.abort(new Error('stop here')),
    });
    await expect(p).rejects.toThrow('stop here');
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(json.complete).toBe(false);
    expect(json.rows.length).toBeGreaterThanOrEqual(1);
    expect(json.rows.length).toBeLessThan(8);
  });
});
