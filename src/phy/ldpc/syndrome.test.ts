import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import { createEncoder } from './encoder.js';
import { ieee80211nCode } from './ieee80211n.js';
import { syndrome, syndromeIsZero, syndromeWeight } from './syndrome.js';

describe('syndrome', () => {
  const code = ieee80211nCode(1296, '3/4');
  const enc = createEncoder(code);
  const rng = Rng.stream(21);
  const u = new Uint8Array(code.k);
  rng.fillBits(u);
  const c = new Uint8Array(code.n);
  enc.encode(u, c);

  it('is zero on a codeword', () => {
    expect(syndromeIsZero(code, c)).toBe(true);
    expect(syndromeWeight(code, c)).toBe(0);
  });

  it('one flipped bit violates exactly the checks of its column', () => {
    for (const pos of [0, 17, code.k, code.n - 1]) {
      const e = c.slice();
      e[pos] ^= 1;
      const weight = code.colPtr[pos + 1] - code.colPtr[pos];
      expect(syndromeIsZero(code, e)).toBe(false);
      expect(syndromeWeight(code, e)).toBe(weight);
      const s = new Uint8Array(code.m);
      syndrome(code, e, s);
      const ones = [...s.keys()].filter((r) => s[r] === 1);
      expect(ones).toEqual(Array.from(code.rowIdx.subarray(code.colPtr[pos], code.colPtr[pos + 1])));
    }
  });

  it('two flips in the same check cancel there', () => {
    // Bits 0 and the next bit of row 0 share check 0.
    const e = c.slice();
    const a = code.colIdx[code.rowPtr[0]];
    const b = code.colIdx[code.rowPtr[0] + 1];
    e[a] ^= 1;
    e[b] ^= 1;
    const s = new Uint8Array(code.m);
    syndrome(code, e, s);
    expect(s[0]).toBe(0);
  });

  it('rejects a word of the wrong length', () => {
    expect(() => syndromeWeight(code, new Uint8Array(10))).toThrow(SemcomError);
    expect(() => syndrome(code, c, new Uint8Array(3))).toThrow(/m = 324/);
  });
});
