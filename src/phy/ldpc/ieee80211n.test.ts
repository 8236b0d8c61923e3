import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { IEEE80211N_LENGTHS, IEEE80211N_RATES, ieee80211nBaseMatrix, ieee80211nCode, type Ieee80211nLength, type Ieee80211nRate } from './ieee80211n.js';
import { gf2Rank } from './gf2.js';

const ALL: [Ieee80211nLength, Ieee80211nRate][] = IEEE80211N_LENGTHS.flatMap((n) => IEEE80211N_RATES.map((r) => [n, r] as [Ieee80211nLength, Ieee80211nRate]));
const RATE: Record<Ieee80211nRate, number> = { '1/2': 1 / 2, '2/3': 2 / 3, '3/4': 3 / 4, '5/6': 5 / 6 };

describe('IEEE 802.11n QC-LDPC codes', () => {
  it.each(ALL)('n=%i rate %s: parameters follow Annex R', (n, rate) => {
    const code = ieee80211nCode(n, rate);
    const z = n / 24;
    expect(code.name).toBe(`80211n:${n}:${rate}`);
    expect(code.n).toBe(n);
    expect(code.k).toBe(Math.round(n * RATE[rate]));
    expect(code.m).toBe(n - code.k);
    expect(code.qc?.z).toBe(z);
    expect(code.qc?.nb).toBe(24);
    expect(code.qc?.mb).toBe(24 - Math.round(24 * RATE[rate]));
    expect(Array.from(code.infoPositions)).toEqual(Array.from({ length: code.k }, (_, i) => i));
    const { shifts } = ieee80211nBaseMatrix(n, rate);
    const blocks = shifts.filter((s) => s >= 0).length;
    expect(code.colIdx.length).toBe(blocks * z);
    expect(code.rowIdx.length).toBe(blocks * z);
    expect(shifts.every((s) => s >= -1 && s < z)).toBe(true);
    // All twelve parity-check matrices have full rank: k = n − m exactly.
    expect(gf2Rank(code)).toBe(code.m);
  });

  it.each(ALL)('n=%i rate %s: dual-diagonal parity part (1, 0, 1) then a zero-shift staircase', (n, rate) => {
    const { mb, nb, shifts } = ieee80211nBaseMatrix(n, rate);
    const kb = nb - mb;
    const col = Array.from({ length: mb }, (_, i) => shifts[i * nb + kb]);
    const nonNeg = col.map((s, i) => [i, s]).filter(([, s]) => s >= 0);
    expect(nonNeg.length).toBe(3);
    expect(nonNeg[0]).toEqual([0, 1]);
    expect(nonNeg[2]).toEqual([mb - 1, 1]);
    expect(nonNeg[1][1]).toBe(0);
    for (let j = 1; j < mb; j++) {
      for (let i = 0; i < mb; i++) expect(shifts[i * nb + kb + j]).toBe(i === j - 1 || i === j ? 0 : -1);
    }
    // Every information block column has weight ≥ 2 (no degree-1 variable nodes).
    for (let j = 0; j < kb; j++) {
      let w = 0;
      for (let i = 0; i < mb; i++) if (shifts[i * nb + j] >= 0) w++;
      expect(w).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(ALL)('n=%i rate %s: CSR and CSC agree, sorted, degrees match the base matrix', (n, rate) => {
    const code = ieee80211nCode(n, rate);
    const { mb, nb, z, shifts } = code.qc!;
    // Faults are counted and asserted once: per-entry expect() calls are slow.
    let bad = 0;
    for (let r = 0; r < code.m; r++) {
      const bi = Math.floor(r / z);
      let w = 0;
      for (let j = 0; j < nb; j++) if (shifts[bi * nb + j] >= 0) w++;
      if (code.rowPtr[r + 1] - code.rowPtr[r] !== w) bad++;
      for (let p = code.rowPtr[r] + 1; p < code.rowPtr[r + 1]; p++) if (code.colIdx[p] <= code.colIdx[p - 1]) bad++;
    }
    const pairsR = new Set<number>();
    for (let r = 0; r < code.m; r++) for (let p = code.rowPtr[r]; p < code.rowPtr[r + 1]; p++) pairsR.add(r * n + code.colIdx[p]);
    let count = 0;
    for (let c = 0; c < n; c++) {
      const bj = Math.floor(c / z);
      let w = 0;
      for (let i = 0; i < mb; i++) if (shifts[i * nb + bj] >= 0) w++;
      if (code.colPtr[c + 1] - code.colPtr[c] !== w) bad++;
      for (let p = code.colPtr[c]; p < code.colPtr[c + 1]; p++) {
        if (p > code.colPtr[c] && code.rowIdx[p] <= code.rowIdx[p - 1]) bad++;
        if (!pairsR.has(code.rowIdx[p] * n + c)) bad++;
        count++;
      }
    }
    expect(bad).toBe(0);
    expect(count).toBe(pairsR.size);
  });

  it('expands circulants as the identity shifted right: row 0 of the 648 rate-1/2 H', () => {
    // Base row 0: shifts 0 at block columns 0, 4, 5, 8, 11, 13 and 1 at 12 (Table R.1).
    const code = ieee80211nCode(648, '1/2');
    const row0 = Array.from(code.colIdx.subarray(code.rowPtr[0], code.rowPtr[1]));
    expect(row0).toEqual([0, 108, 135, 216, 297, 12 * 27 + 1, 13 * 27]);
    // Row 26 (last row of block row 0): shift 1 wraps to column 12·27 + 0.
    const row26 = Array.from(code.colIdx.subarray(code.rowPtr[26], code.rowPtr[27]));
    expect(row26).toEqual([26, 108 + 26, 135 + 26, 216 + 26, 297 + 26, 12 * 27, 13 * 27 + 26]);
  });

  it('spot-checks published shifts of the 1296 and 1944 tables', () => {
    // Table R.2 rate 2/3 row 4 and Table R.3 rate 5/6 row 0, first entries.
    const b = ieee80211nBaseMatrix(1296, '2/3');
    expect(Array.from(b.shifts.subarray(3 * 24, 3 * 24 + 15))).toEqual([20, 33, 48, -1, 4, 13, -1, 26, -1, -1, 22, -1, -1, 46, 42]);
    const c = ieee80211nBaseMatrix(1944, '5/6');
    expect(Array.from(c.shifts.subarray(0, 12))).toEqual([13, 48, 80, 66, 4, 74, 7, 30, 76, 52, 37, 60]);
  });

  it('base tables match their reference fingerprints (guards the transcription against edits)', () => {
    // [non-negative entries, sum of shifts, Σ shift·(row-major index + 1)] computed from the
    // transcription after it was checked entry by entry against two independent copies of
    // Annex R (MathWorks' WLAN toolbox prototypes and an open MATLAB transcription).
    const expected: Record<string, [number, number, number]> = {
      '648:1/2': [88, 682, 110324], '648:2/3': [88, 1049, 103690], '648:3/4': [88, 955, 62051], '648:5/6': [88, 963, 45518],
      '1296:1/2': [86, 1702, 220194], '1296:2/3': [88, 1819, 162935], '1296:3/4': [88, 2060, 133670], '1296:5/6': [85, 2062, 93140],
      '1944:1/2': [86, 2381, 341989], '1944:2/3': [88, 2820, 260186], '1944:3/4': [85, 2917, 202010], '1944:5/6': [79, 3237, 140457],
    };
    for (const [n, rate] of ALL) {
      const { shifts } = ieee80211nBaseMatrix(n, rate);
      let c = 0;
      let s = 0;
      let w = 0;
      shifts.forEach((v, i) => {
        if (v >= 0) {
          c++;
          s += v;
          w += v * (i + 1);
        }
      });
      expect([c, s, w]).toEqual(expected[`${n}:${rate}`]);
    }
  });

  it('caches: the same object on every call', () => {
    expect(ieee80211nCode(1944, '3/4')).toBe(ieee80211nCode(1944, '3/4'));
  });

  it('rejects unknown lengths and rates with UNKNOWN_CODE', () => {
    expect(() => ieee80211nCode(1000 as Ieee80211nLength, '1/2')).toThrow(SemcomError);
    try {
      ieee80211nCode(648, '7/8' as Ieee80211nRate);
      expect.unreachable();
    } catch (e) {
      expect((e as SemcomError).code).toBe('UNKNOWN_CODE');
      expect((e as SemcomError).message).toContain('1/2, 2/3, 3/4, 5/6');
    }
  });
});
