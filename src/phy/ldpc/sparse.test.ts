import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { codeFromEdges, codeFromQcShifts } from './sparse.js';
import { gf2Rank, reduceParityCheck } from './gf2.js';

describe('codeFromEdges', () => {
  it('sorts shuffled edges into CSR and CSC', () => {
    // H = [1 1 0 1; 0 1 1 0; 1 0 0 1]
    const edges = [[0, 0], [0, 1], [0, 3], [1, 1], [1, 2], [2, 0], [2, 3]];
    const rng = Rng.stream(31);
    for (let i = edges.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [edges[i], edges[j]] = [edges[j], edges[i]];
    }
    const code = codeFromEdges({ name: 't', m: 3, n: 4, rows: edges.map((e) => e[0]), cols: edges.map((e) => e[1]) });
    expect(Array.from(code.rowPtr)).toEqual([0, 3, 5, 7]);
    expect(Array.from(code.colIdx)).toEqual([0, 1, 3, 1, 2, 0, 3]);
    expect(Array.from(code.colPtr)).toEqual([0, 2, 4, 5, 7]);
    expect(Array.from(code.rowIdx)).toEqual([0, 2, 0, 1, 1, 0, 2]);
    // Rows are independent: rank 3, k = 1; right-to-left pivoting leaves column 0 for information.
    expect(code.k).toBe(1);
    expect(Array.from(code.infoPositions)).toEqual([0]);
  });

  it('rejects duplicates and out-of-range indices', () => {
    expect(() => codeFromEdges({ name: 'd', m: 2, n: 2, rows: [0, 0], cols: [1, 1] })).toThrow(/duplicate edge at row 0, column 1/);
    expect(() => codeFromEdges({ name: 'r', m: 2, n: 2, rows: [2], cols: [0] })).toThrow(/row 2 outside 0..1/);
    expect(() => codeFromEdges({ name: 'c', m: 2, n: 2, rows: [0], cols: [-1] })).toThrow(/column -1/);
    expect(() => codeFromEdges({ name: 'l', m: 2, n: 2, rows: [0, 1], cols: [0] })).toThrow(/same length/);
    expect(() => codeFromEdges({ name: 'i', m: 1, n: 2, rows: [0], cols: [0], infoPositions: [2] })).toThrow(/infoPositions/);
  });
});

describe('codeFromQcShifts', () => {
  it('expands circulants as the identity shifted right by s', () => {
    // One block row [P^1 P^0 0] with z = 3: row r has ones at (r+1) mod 3 and 3 + r.
    const code = codeFromQcShifts('qc', 3, 1, 3, [1, 0, -1]);
    expect(Array.from(code.colIdx)).toEqual([1, 3, 2, 4, 0, 5]);
    expect(code.qc).toEqual({ z: 3, mb: 1, nb: 3, shifts: Int16Array.from([1, 0, -1]) });
    expect(code.k).toBe(6);
  });

  it('rejects shifts outside -1..z-1 and wrong counts', () => {
    expect(() => codeFromQcShifts('q', 3, 1, 2, [3, 0])).toThrow(/must be -1 or in 0..2/);
    expect(() => codeFromQcShifts('q', 3, 1, 2, [0])).toThrow(/expected 1×2 = 2 shifts/);
  });
});

describe('GF(2) elimination', () => {
  it('ranks known matrices', () => {
    const h = (rows: number[][], n: number) =>
      codeFromEdges({ name: 'h', m: rows.length, n, rows: rows.flatMap((r, i) => r.map(() => i)), cols: rows.flat() });
    expect(gf2Rank(h([[0], [1], [2]], 3))).toBe(3);
    expect(gf2Rank(h([[0, 1], [1, 2], [0, 2]], 3))).toBe(2); // third row = sum of the first two
    expect(gf2Rank(h([[0, 1, 2], [0, 1, 2]], 3))).toBe(1);
  });

  it('reduced rows satisfy H·c = 0 for c built from them (rank-deficient 64 × 100 random H)', () => {
    const rng = Rng.stream(32);
    const rows: number[] = [];
    const cols: number[] = [];
    for (let r = 0; r < 60; r++) for (let c = 0; c < 100; c++) if (rng.nextDouble() < 0.1) { rows.push(r); cols.push(c); }
    // Four dependent rows: copies of rows 0..3 XOR row 4 (as edge sets).
    for (let d = 0; d < 4; d++) {
      const set = new Set<number>();
      for (let i = 0; i < rows.length; i++) if (rows[i] === d || rows[i] === 4) { const c = cols[i]; if (set.has(c)) set.delete(c); else set.add(c); }
      for (const c of set) { rows.push(60 + d); cols.push(c); }
    }
    const code = codeFromEdges({ name: 'rd', m: 64, n: 100, rows, cols });
    const red = reduceParityCheck(code, null);
    expect(red.rank).toBeLessThanOrEqual(60);
    expect(code.k).toBe(100 - red.rank);
    expect(red.parityPositions.length + red.infoPositions.length).toBe(100);
    expect(new Set([...red.parityPositions, ...red.infoPositions]).size).toBe(100);
  });
});
