import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { DEFAULT_CALIBRATION, loadCalibration, validateCalibration } from './load.js';
import { findScheme } from './lookup.js';
import type { CalibrationTable } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'semcom-calibration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(): CalibrationTable {
  return structuredClone(DEFAULT_CALIBRATION);
}

/** The error validateCalibration throws for a table changed by `edit`. */
function errorFor(edit: (t: Record<string, unknown> & CalibrationTable) => void): SemcomError {
  const t = copy() as Record<string, unknown> & CalibrationTable;
  edit(t);
  try {
    validateCalibration(t, 'my-table.json');
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    expect((e as SemcomError).code).toBe('MALFORMED_INPUT');
    expect((e as SemcomError).message).toContain('my-table.json');
    return e as SemcomError;
  }
  throw new Error('validateCalibration accepted a bad table');
}

describe('the shipped table', () => {
  it('is valid', () => {
    expect(validateCalibration(copy(), 'default')).toEqual(DEFAULT_CALIBRATION);
  });

  it('holds the issue’s schemes with their families, transports and downlinks', () => {
    const t = DEFAULT_CALIBRATION;
    const expected: [string, string, string, string | undefined][] = [
      ['traditional-deflate', 'traditional', 'digital', undefined],
      ['jscc-k49', 'semcom', 'analog', undefined],
      ['generative-vae', 'generative', 'digital', 'jscc-k49'],
      ['generative-diffusion', 'generative', 'digital', 'jscc-k49'],
      ['generative-label-only', 'generative', 'digital', 'jscc-k49'],
      ['brotli', 'traditional', 'digital', undefined],
      ['shared-model', 'semcom', 'digital', undefined],
      ['semantic', 'generative', 'digital', 'shared-model'],
    ];
    for (const [name, family, transport, downlink] of expected) {
      const s = findScheme(t, name);
      expect([s.family, s.transport, s.downlinkScheme]).toEqual([family, transport, downlink]);
      expect(s.knowledgeSensitive).toBe(name === 'semantic');
    }
  });

  it('sends fewer bits for the generative schemes than for the traditional ones of the same modality', () => {
    const bits = (n: string): number => findScheme(DEFAULT_CALIBRATION, n).payloadBits;
    for (const g of ['generative-vae', 'generative-diffusion', 'generative-label-only']) expect(bits(g)).toBeLessThan(bits('traditional-deflate') / 10);
    expect(bits('semantic')).toBeLessThan(bits('brotli'));
  });

  it('gives a lossless scheme full success once delivered, and every clean success within its curve’s range', () => {
    expect(findScheme(DEFAULT_CALIBRATION, 'brotli').cleanTaskSuccess).toBe(1);
    expect(findScheme(DEFAULT_CALIBRATION, 'shared-model').cleanTaskSuccess).toBe(1);
    for (const s of DEFAULT_CALIBRATION.schemes) expect(s.cleanTaskSuccess).toBe(s.taskSuccess[s.taskSuccess.length - 1]);
  });
});

describe('loadCalibration', () => {
  it('returns the shipped table without a path', async () => {
    expect(await loadCalibration()).toBe(DEFAULT_CALIBRATION);
  });

  it('reads back a table written as JSON', async () => {
    const path = join(dir, 'table.json');
    writeFileSync(path, JSON.stringify(DEFAULT_CALIBRATION));
    expect(await loadCalibration(path)).toEqual(DEFAULT_CALIBRATION);
  });

  it('reports a missing file as IO_ERROR and bad JSON as MALFORMED_INPUT, naming the file', async () => {
    const missing = join(dir, 'missing.json');
    await expect(loadCalibration(missing)).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringContaining(missing) });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "version": 1,');
    await expect(loadCalibration(bad)).rejects.toMatchObject({ code: 'MALFORMED_INPUT', message: expect.stringContaining(bad) });
  });

  it('names the field of a bad value in a file', async () => {
    const t = copy();
    t.schemes[2]!.taskSuccess[1] = 1.5;
    const path = join(dir, 'bad-success.json');
    writeFileSync(path, JSON.stringify(t));
    await expect(loadCalibration(path)).rejects.toMatchObject({ code: 'MALFORMED_INPUT', message: expect.stringMatching(/bad-success\.json: schemes\[2\]\.taskSuccess\[1\] must be a probability/) });
  });
});

describe('validateCalibration names the bad field', () => {
  const cases: [string, (t: Record<string, unknown> & CalibrationTable) => void, string][] = [
    ['not an object', (t) => Object.assign(t, { knowledge: [] }), 'knowledge must be an object'],
    ['another version', (t) => Object.assign(t, { version: 2 }), 'version must be 1'],
    ['an unknown field', (t) => Object.assign(t, { extra: 1 }), 'extra is not a known field'],
    ['an unknown scheme field', (t) => Object.assign(t.schemes[1]!, { colour: 'red' }), 'schemes[1].colour is not a known field'],
    ['a probability above 1', (t) => (t.schemes[2]!.taskSuccess[0] = 1.01), 'schemes[2].taskSuccess[0] must be a probability'],
    ['a missing number', (t) => delete (t.mcs[3] as Partial<CalibrationTable['mcs'][number]>).efficiency, 'mcs[3].efficiency must be a finite number, got nothing'],
    ['a negative efficiency', (t) => (t.mcs[0]!.efficiency = -1), 'mcs[0].efficiency must be positive'],
    ['unequal lengths', (t) => t.mcs[1]!.frames.pop(), 'mcs[1].frames must have one value per point of mcs[1].snrDb'],
    ['a descending grid', (t) => t.schemes[1]!.snrDb.reverse(), 'schemes[1].snrDb[1] must be greater than schemes[1].snrDb[0]'],
    ['a rising error rate', (t) => t.mcs[2]!.codewordErrorRate.splice(-1, 1, 1), `mcs[2].codewordErrorRate[${DEFAULT_CALIBRATION.mcs[2]!.snrDb.length - 1}] must not exceed`],
    ['MCSs out of order', (t) => (t.mcs[4]!.efficiency = 0.1), 'mcs[4].efficiency must be greater than mcs[3].efficiency'],
    ['a duplicate name', (t) => (t.schemes[4]!.name = t.schemes[0]!.name), 'schemes[4].name repeats the name'],
    ['an unknown downlink', (t) => (t.schemes[2]!.downlinkScheme = 'nowhere'), 'schemes[2].downlinkScheme names "nowhere"'],
    ['a generative downlink', (t) => (t.schemes[2]!.downlinkScheme = 'generative-vae'), 'itself generative'],
    ['a generative scheme without a downlink', (t) => delete t.schemes[2]!.downlinkScheme, 'schemes[2].downlinkScheme is required'],
    ['a digital scheme without payload', (t) => (t.schemes[0]!.payloadBits = 0), 'schemes[0].payloadBits must be positive for a digital scheme'],
    ['an unknown family', (t) => ((t.schemes[0] as { family: string }).family = 'quantum'), 'schemes[0].family must be one of traditional, semcom, generative'],
    ['a matching degree above 1', (t) => (t.knowledge.matching[t.knowledge.matching.length - 1] = 2), 'must be a probability'],
    ['a target rate of 0', (t) => (t.targetCodewordErrorRate = 0), 'targetCodewordErrorRate must lie strictly between 0 and 1'],
  ];
  for (const [what, edit, message] of cases) {
    it(what, () => {
      expect(errorFor(edit).message).toContain(message);
    });
  }

  it('says how to fix it', () => {
    expect(errorFor((t) => Object.assign(t, { version: 2 })).message).toContain('npm run calibrate:network');
  });
});
