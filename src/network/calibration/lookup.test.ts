import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { MCS_TABLE } from '../../schemes/link-adaptation.js';
import { DEFAULT_CALIBRATION } from './load.js';
import {
  codewordErrorRate,
  findScheme,
  knowledgeRetention,
  mcsThresholdsDb,
  selectMcsIndex,
  snrForCodewordErrorRate,
  syncBytes,
  taskSuccessAt,
} from './lookup.js';
import type { CalibrationTable, McsCalibration, SchemeCalibration } from './types.js';

function mcs(efficiency: number, snrDb: number[], rate: number[]): McsCalibration {
  return { name: `m${efficiency}`, modulation: 'qpsk', code: 'c', efficiency, infoBitsPerCodeword: 324, snrDb, codewordErrorRate: rate, frames: snrDb.map(() => 1000) };
}

const SCHEME: SchemeCalibration = {
  name: 'a',
  modality: 'image',
  family: 'semcom',
  transport: 'analog',
  payloadBits: 0,
  channelUses: 49,
  snrDb: [0, 10, 20],
  taskSuccess: [0.2, 0.6, 0.9],
  cleanTaskSuccess: 0.9,
  encodeMsPerItem: 0,
  decodeMsPerItem: 0,
  knowledgeSensitive: false,
  items: 100,
  source: 'test',
};

/** Three MCSs whose 1 % points are exactly 0, 5 and 10 dB (one decade per dB around them). */
function table(): CalibrationTable {
  const decade = (at: number): McsCalibration => mcs(0, [at - 2, at - 1, at, at + 1, at + 2], [1, 0.1, 0.01, 0.001, 0]);
  return {
    version: 1,
    generatedAt: '2026-01-01',
    generator: 'test',
    conditions: [],
    linkAdaptationMarginDb: 1,
    targetCodewordErrorRate: 0.01,
    mcs: [
      { ...decade(0), efficiency: 0.5 },
      { ...decade(5), efficiency: 2 },
      { ...decade(10), efficiency: 4 },
    ],
    schemes: [SCHEME, { ...SCHEME, name: 'b' }],
    knowledge: { matching: [0.2, 0.6, 1], retention: [0.1, 0.5, 1], sameAsFull: [0, 0.3, 1], syncFixedBytes: 500, syncBytesPerChange: 40, records: 1000, source: 'test' },
  };
}

describe('codewordErrorRate', () => {
  const m = mcs(1, [0, 1, 2, 3], [0.5, 0.05, 0.002, 0]);

  it('returns the measured rate at each grid point', () => {
    m.snrDb.forEach((x, i) => expect(codewordErrorRate(m, x)).toBe(m.codewordErrorRate[i]));
  });

  it('interpolates in the log domain between positive points (geometric mean at the midpoint)', () => {
    expect(codewordErrorRate(m, 0.5)).toBeCloseTo(Math.sqrt(0.5 * 0.05), 12);
    expect(codewordErrorRate(m, 1.25)).toBeCloseTo(0.05 * Math.pow(0.002 / 0.05, 0.25), 12);
  });

  it('falls linearly towards a point that saw no error', () => {
    expect(codewordErrorRate(m, 2.5)).toBeCloseTo(0.001, 12);
  });

  it('clamps to the end points outside the grid, and reads NaN as a lost codeword', () => {
    expect(codewordErrorRate(m, -10)).toBe(0.5);
    expect(codewordErrorRate(m, 50)).toBe(0);
    expect(codewordErrorRate(m, NaN)).toBe(1);
  });

  it('never rises with SNR', () => {
    let prev = 1;
    for (let x = -1; x <= 4; x += 0.01) {
      const r = codewordErrorRate(m, x);
      expect(r).toBeLessThanOrEqual(prev + 1e-15);
      prev = r;
    }
  });
});

describe('snrForCodewordErrorRate', () => {
  const m = mcs(1, [0, 1, 2, 3], [0.5, 0.05, 0.002, 0]);

  it('inverts codewordErrorRate', () => {
    for (const target of [0.3, 0.05, 0.01, 0.002, 0.0005]) {
      expect(codewordErrorRate(m, snrForCodewordErrorRate(m, target))).toBeCloseTo(target, 10);
    }
  });

  it('is the first point when already below target there, and +Infinity when never reached', () => {
    expect(snrForCodewordErrorRate(m, 0.9)).toBe(0);
    expect(snrForCodewordErrorRate(mcs(1, [0, 1], [1, 0.5]), 0.01)).toBe(Infinity);
  });
});

describe('selectMcsIndex and mcsThresholdsDb', () => {
  it('finds the 1 % points of the curves', () => {
    expect(Array.from(mcsThresholdsDb(table()))).toEqual([0, 5, 10]);
  });

  it('picks the most efficient MCS whose threshold plus margin is at most the SNR, else the most robust', () => {
    const t = table();
    expect(selectMcsIndex(t, -20)).toBe(0);
    expect(selectMcsIndex(t, 0.99)).toBe(0);
    expect(selectMcsIndex(t, 5.99)).toBe(0);
    expect(selectMcsIndex(t, 6)).toBe(1);
    expect(selectMcsIndex(t, 10.99)).toBe(1);
    expect(selectMcsIndex(t, 11)).toBe(2);
    expect(selectMcsIndex(t, 40)).toBe(2);
  });

  it('never selects a less efficient MCS at a higher SNR, and the chosen one meets the target with the margin', () => {
    const t = DEFAULT_CALIBRATION;
    const thresholds = mcsThresholdsDb(t);
    let prev = -1;
    for (let snr = -10; snr <= 35; snr += 0.05) {
      const i = selectMcsIndex(t, snr);
      expect(t.mcs[i]!.efficiency).toBeGreaterThanOrEqual(prev);
      prev = t.mcs[i]!.efficiency;
      if (i > 0) expect(codewordErrorRate(t.mcs[i]!, snr - t.linkAdaptationMarginDb)).toBeLessThanOrEqual(t.targetCodewordErrorRate + 1e-12);
      if (i + 1 < t.mcs.length) expect(thresholds[i + 1]! + t.linkAdaptationMarginDb).toBeGreaterThan(snr);
    }
  });

  it('caches the thresholds per table', () => {
    const t = table();
    expect(mcsThresholdsDb(t)).toBe(mcsThresholdsDb(t));
  });
});

describe('the shipped MCS curves', () => {
  const thresholds = mcsThresholdsDb(DEFAULT_CALIBRATION);

  it('cover every MCS of link adaptation, in its order', () => {
    expect(DEFAULT_CALIBRATION.mcs.map((m) => `${m.modulation} ${m.code}`)).toEqual(MCS_TABLE.map((m) => `${m.modulation} ${m.code}`));
    expect(DEFAULT_CALIBRATION.mcs.map((m) => m.efficiency)).toEqual(MCS_TABLE.map((m) => m.efficiency));
  });

  it('need more SNR than the AWGN capacity of their efficiency (no code beats Shannon)', () => {
    DEFAULT_CALIBRATION.mcs.forEach((m, i) => {
      expect(thresholds[i]).toBeGreaterThan(10 * Math.log10(2 ** m.efficiency - 1));
    });
  });

  it('need at least the link-adaptation table’s SNR: a whole 648-bit codeword is harder than a 100-bit payload in a shortened one', () => {
    // The table's thresholds are for 100-bit payloads (124 bits with CRC-24A in a shortened codeword, a lower effective rate).
    MCS_TABLE.forEach((m, i) => {
      expect(thresholds[i]! - m.requiredSnrDb.awgn).toBeGreaterThan(-0.5);
      expect(thresholds[i]! - m.requiredSnrDb.awgn).toBeLessThan(6);
    });
  });

  it('rise with efficiency', () => {
    for (let i = 1; i < thresholds.length; i++) expect(thresholds[i]).toBeGreaterThan(thresholds[i - 1]!);
  });
});

describe('taskSuccessAt', () => {
  it('is exact at the grid, linear in dB between, clamped outside', () => {
    expect(taskSuccessAt(SCHEME, 10)).toBe(0.6);
    expect(taskSuccessAt(SCHEME, 5)).toBeCloseTo(0.4, 12);
    expect(taskSuccessAt(SCHEME, 17.5)).toBeCloseTo(0.825, 12);
    expect(taskSuccessAt(SCHEME, -30)).toBe(0.2);
    expect(taskSuccessAt(SCHEME, 99)).toBe(0.9);
    expect(taskSuccessAt(SCHEME, NaN)).toBe(0.2);
  });
});

describe('knowledgeRetention and syncBytes', () => {
  it('interpolates retention linearly in M and clamps', () => {
    const t = table();
    expect(knowledgeRetention(t, 1)).toBe(1);
    expect(knowledgeRetention(t, 0.8)).toBeCloseTo(0.75, 12);
    expect(knowledgeRetention(t, 0.4)).toBeCloseTo(0.3, 12);
    expect(knowledgeRetention(t, 0)).toBe(0.1);
    expect(knowledgeRetention(t, 1.5)).toBe(1);
  });

  it('is 1 at full knowledge and never rises as knowledge is lost in the shipped table', () => {
    const k = DEFAULT_CALIBRATION.knowledge;
    expect(knowledgeRetention(DEFAULT_CALIBRATION, 1)).toBe(1);
    for (let i = 1; i < k.retention.length; i++) expect(k.retention[i]).toBeGreaterThanOrEqual(k.retention[i - 1]!);
  });

  it('costs the fixed bytes plus the per-change bytes', () => {
    const t = table();
    expect(syncBytes(t, 0)).toBe(500);
    expect(syncBytes(t, 100)).toBe(4500);
    expect(syncBytes(t, -3)).toBe(500);
  });
});

describe('findScheme', () => {
  it('finds a scheme by name', () => {
    expect(findScheme(table(), 'b').name).toBe('b');
  });

  it('names the available schemes when the name is unknown', () => {
    try {
      findScheme(table(), 'nope');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SemcomError);
      expect((e as SemcomError).message).toContain('"nope"');
      expect((e as SemcomError).message).toContain('a, b');
    }
  });
});
