import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { createDualDiagonalEncoder, createEncoder, createGenericEncoder, detectDualDiagonal } from './encoder.js';
import { IEEE80211N_LENGTHS, IEEE80211N_RATES, ieee80211nCode } from './ieee80211n.js';
import { formatAlist, loadAlistFile, parseAlist } from './alist.js';
import { syndromeIsZero, syndromeWeight } from './syndrome.js';
import { codeFromEdges, codeFromQcShifts } from './sparse.js';

const ALL = IEEE80211N_LENGTHS.flatMap((n) => IEEE80211N_RATES.map((r) => ieee80211nCode(n, r)));
const HAMMING = fileURLToPath(new URL('./fixtures/hamming-7-4.alist', import.meta.url));

describe('dual-diagonal QC encoder (802.11n)', () => {
  it.each(ALL.map((c) => [c.name, c] as const))('%s: random messages give zero syndrome, systematic, linear', (_name, code) => {
    const enc = createEncoder(code);
    const rng = Rng.stream(11, code.n, code.k);
    const u1 = new Uint8Array(code.k);
    const u2 = new Uint8Array(code.k);
    const u3 = new Uint8Array(code.k);
    const c1 = new Uint8Array(code.n);
    const c2 = new Uint8Array(code.n);
    const c3 = new Uint8Array(code.n);
    let syndromes = 0;
    let systematic = 0;
    let linear = 0;
    for (let t = 0; t < 25; t++) {
      rng.fillBits(u1);
      rng.fillBits(u2);
      for (let i = 0; i < code.k; i++) u3[i] = u1[i] ^ u2[i];
      enc.encode(u1, c1);
      enc.encode(u2, c2);
      enc.encode(u3, c3);
      syndromes += syndromeWeight(code, c1) + syndromeWeight(code, c3);
      for (let i = 0; i < code.k; i++) if (c1[i] !== u1[i]) systematic++;
      for (let i = 0; i < code.n; i++) if ((c1[i] ^ c2[i]) !== c3[i]) linear++;
    }
    expect(syndromes).toBe(0);
    expect(systematic).toBe(0);
    expect(linear).toBe(0);
    // Parity bits are not trivially zero: the codeword of a random message has weight near n/2.
    const w = c1.reduce((s, b) => s + b, 0);
    expect(w).toBeGreaterThan(code.n / 4);
  });

  it('a single information bit excites the parity part (zero message → zero codeword, unit message → non-zero parity)', () => {
    const code = ieee80211nCode(648, '1/2');
    const enc = createEncoder(code);
    const u = new Uint8Array(code.k);
    const c = new Uint8Array(code.n);
    enc.encode(u, c);
    expect(c.every((b) => b === 0)).toBe(true);
    u[5] = 1;
    enc.encode(u, c);
    expect(syndromeIsZero(code, c)).toBe(true);
    expect(c.subarray(code.k).some((b) => b === 1)).toBe(true);
  });

  it('the generic encoder on the alist form of every 802.11n code gives the same codewords', () => {
    const rng = Rng.stream(12);
    for (const code of ALL) {
      const fromAlist = parseAlist(formatAlist(code), 'copy');
      expect(fromAlist.k).toBe(code.k);
      expect(Array.from(fromAlist.infoPositions)).toEqual(Array.from(code.infoPositions));
      const g = createEncoder(fromAlist);
      const q = createEncoder(code);
      const u = new Uint8Array(code.k);
      const a = new Uint8Array(code.n);
      const b = new Uint8Array(code.n);
      for (let t = 0; t < 3; t++) {
        rng.fillBits(u);
        g.encode(u, a);
        q.encode(u, b);
        expect(syndromeIsZero(fromAlist, a)).toBe(true);
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      }
    }
  });

  it('detects the structure only where it is', () => {
    const code = ieee80211nCode(1296, '2/3');
    expect(detectDualDiagonal(code.qc!)).toEqual({ kb: 16, a: 1, x: 4, b: 0 });
    const shifts = Int16Array.from(code.qc!.shifts);
    shifts[1 * 24 + 17] = 3; // break the staircase
    expect(detectDualDiagonal({ ...code.qc!, shifts })).toBeNull();
    const qc2 = codeFromQcShifts('tiny', 3, 2, 3, [0, 1, -1, 1, 0, 0]);
    expect(detectDualDiagonal(qc2.qc!)).toBeNull();
    expect(() => createDualDiagonalEncoder(qc2)).toThrow(SemcomError);
  });

  it('rejects wrong lengths with LENGTH_MISMATCH', () => {
    const enc = createEncoder(ieee80211nCode(648, '5/6'));
    expect(() => enc.encode(new Uint8Array(539), new Uint8Array(648))).toThrow(/k = 540/);
    try {
      enc.encode(new Uint8Array(540), new Uint8Array(600));
      expect.unreachable();
    } catch (e) {
      expect((e as SemcomError).code).toBe('LENGTH_MISMATCH');
    }
  });
});

describe('generic GF(2) encoder', () => {
  it('Hamming (7,4) from the fixture: 16 distinct codewords, minimum distance 3', () => {
    const code = loadAlistFile(HAMMING);
    expect(code.k).toBe(4);
    expect(Array.from(code.infoPositions)).toEqual([0, 1, 2, 3]);
    const enc = createEncoder(code);
    const seen = new Set<string>();
    let dmin = 7;
    const u = new Uint8Array(4);
    const c = new Uint8Array(7);
    for (let v = 0; v < 16; v++) {
      for (let i = 0; i < 4; i++) u[i] = (v >> i) & 1;
      enc.encode(u, c);
      expect(syndromeIsZero(code, c)).toBe(true);
      expect(Array.from(c.subarray(0, 4))).toEqual(Array.from(u));
      seen.add(c.join(''));
      const w = c.reduce((s, b) => s + b, 0);
      if (v > 0) dmin = Math.min(dmin, w);
    }
    expect(seen.size).toBe(16);
    expect(dmin).toBe(3);
  });

  it('honours explicit information positions, and refuses ones that are not an information set', () => {
    const h = loadAlistFile(HAMMING);
    // Columns 0, 1, 3 of the Hamming H are the unit vectors: {2, 4, 5, 6} is an information set.
    const code = codeFromEdges({ name: 'h', m: 3, n: 7, rows: h.rowIdx, cols: colsOf(h), infoPositions: [2, 4, 5, 6] });
    const enc = createGenericEncoder(code);
    const u = Uint8Array.from([1, 0, 1, 1]);
    const c = new Uint8Array(7);
    enc.encode(u, c);
    expect([c[2], c[4], c[5], c[6]]).toEqual([1, 0, 1, 1]);
    expect(syndromeIsZero(code, c)).toBe(true);
    // Columns 0, 1, 2 (= 1, 2, 3 in binary) are dependent: {3, 4, 5, 6} is not an information set.
    const bad = codeFromEdges({ name: 'bad', m: 3, n: 7, rows: h.rowIdx, cols: colsOf(h), infoPositions: [3, 4, 5, 6] });
    expect(() => createGenericEncoder(bad)).toThrow(/not an information set/);
  });

  it('handles rank-deficient H: a redundant check does not change k', () => {
    // Hamming H plus row1 ⊕ row2 as a fourth check: m = 4, rank 3, k = 4.
    const text = ['7 4', '3 4', '2 2 2 1 3 3 3', '4 4 4 4',
      '1 4 0', '2 4 0', '1 2 0', '3 0 0', '1 3 4', '2 3 4', '1 2 3',
      '1 3 5 7', '2 3 6 7', '4 5 6 7', '1 2 5 6'].join('\n');
    const code = parseAlist(text, 'redundant');
    expect(code.m).toBe(4);
    expect(code.k).toBe(4);
    const enc = createEncoder(code);
    const c = new Uint8Array(7);
    enc.encode(Uint8Array.from([1, 1, 0, 1]), c);
    expect(syndromeIsZero(code, c)).toBe(true);
  });

  it('random sparse 300 × 600 H (column weight 3): codewords satisfy H, k = n − rank', () => {
    const rng = Rng.stream(13);
    const m = 300;
    const n = 600;
    const rows: number[] = [];
    const cols: number[] = [];
    for (let c = 0; c < n; c++) {
      const s = new Set<number>();
      while (s.size < 3) s.add(rng.nextInt(m));
      for (const r of s) {
        rows.push(r);
        cols.push(c);
      }
    }
    const code = codeFromEdges({ name: 'rand', m, n, rows, cols });
    expect(code.k).toBeGreaterThanOrEqual(n - m);
    const enc = createEncoder(code);
    const u = new Uint8Array(code.k);
    const c = new Uint8Array(n);
    for (let t = 0; t < 10; t++) {
      rng.fillBits(u);
      enc.encode(u, c);
      expect(syndromeWeight(code, c)).toBe(0);
      for (let i = 0; i < code.k; i++) expect(c[code.infoPositions[i]]).toBe(u[i]);
    }
  });
});

function colsOf(code: { n: number; colPtr: Int32Array }): Int32Array {
  const out = new Int32Array(code.colPtr[code.n]);
  for (let c = 0; c < code.n; c++) out.fill(c, code.colPtr[c], code.colPtr[c + 1]);
  return out;
}
