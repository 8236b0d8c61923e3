import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import {
  type Crc,
  CRC16_CCITT_FALSE,
  CRC16_XMODEM,
  CRC24A,
  CRC24B,
  CRC32,
  CRC_NAMES,
  CRC_NONE,
  appendCrcBits,
  bytesToBits,
  checkCrcBits,
  computeCrc,
  computeCrcBits,
  crc16Ccitt,
  crc16Xmodem,
  crc24a,
  crc32,
  crcByName,
} from './index.js';

const CHECK = new TextEncoder().encode('123456789');

function spec(name: string, width: number, poly: number, init: number, refIn: boolean, refOut: boolean, xorOut: number): Crc {
  return { name, width, poly, init, refIn, refOut, xorOut };
}

/**
 * Remainder of the polynomial whose coefficients are `bits` (highest order first)
 * divided by g(D) = D^width + poly(D), by schoolbook long division over GF(2).
 */
function remainderBits(bits: Uint8Array, width: number, poly: number): number {
  const g = 2 ** width + poly;
  let reg = 0;
  for (const b of bits) {
    reg = reg * 2 + b;
    if (reg >= 2 ** width) reg = Number(BigInt(reg) ^ BigInt(g));
  }
  return reg;
}

describe('CRC catalogue check values ("123456789", reveng)', () => {
  it('matches the named CRCs', () => {
    expect(crc16Ccitt(CHECK)).toBe(0x29b1);
    expect(crc16Xmodem(CHECK)).toBe(0x31c3);
    expect(crc24a(CHECK)).toBe(0xcde703);
    expect(computeCrc(CRC24B, CHECK)).toBe(0x23ef52);
    expect(crc32(CHECK)).toBe(0xcbf43926);
    expect(computeCrc(CRC_NONE, CHECK)).toBe(0);
  });

  it('matches other catalogue entries (odd widths, reflections, refIn ≠ refOut)', () => {
    const entries: [Crc, number][] = [
      [spec('CRC-3/GSM', 3, 0x3, 0, false, false, 0x7), 0x4],
      [spec('CRC-5/USB', 5, 0x05, 0x1f, true, true, 0x1f), 0x19],
      [spec('CRC-7/MMC', 7, 0x09, 0, false, false, 0), 0x75],
      [spec('CRC-8/SMBUS', 8, 0x07, 0, false, false, 0), 0xf4],
      [spec('CRC-12/UMTS', 12, 0x80f, 0, false, true, 0), 0xdaf],
      [spec('CRC-16/ARC', 16, 0x8005, 0, true, true, 0), 0xbb3d],
      [spec('CRC-16/KERMIT', 16, 0x1021, 0, true, true, 0), 0x2189],
      [spec('CRC-32/BZIP2', 32, 0x04c11db7, 0xffffffff, false, false, 0xffffffff), 0xfc891918],
      [spec('CRC-32/ISCSI', 32, 0x1edc6f41, 0xffffffff, true, true, 0xffffffff), 0xe3069283],
    ];
    for (const [s, check] of entries) expect(computeCrc(s, CHECK), s.name).toBe(check);
  });

  it('CRC-32 and CRC-16/CCITT-FALSE agree with zlib and binascii values of other strings', () => {
    // zlib.crc32(b"The quick brown fox jumps over the lazy dog") = 0x414FA339 (widely published).
    const fox = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
    expect(crc32(fox)).toBe(0x414fa339);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc16Ccitt(new Uint8Array(0))).toBe(0xffff);
  });
});

describe('residue: the CRC over data followed by its CRC', () => {
  const cases: [Crc, number][] = [
    [CRC16_CCITT_FALSE, 0],
    [CRC16_XMODEM, 0],
    [CRC24A, 0],
    [CRC24B, 0],
    // reveng residue 0xDEBB20E3, after the output XOR: the well-known 0x2144DF1C.
    [CRC32, 0xdebb20e3 ^ 0xffffffff],
  ];
  it('is the catalogue residue (bits appended by appendCrcBits)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (data) => {
        for (const [s, residue] of cases) {
          const bits = bytesToBits(data);
          const withCrc = new Uint8Array(bits.length + s.width);
          appendCrcBits(s, bits, withCrc);
          expect(computeCrcBits(s, withCrc) >>> 0).toBe(residue >>> 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('bit API', () => {
  it('equals the byte API on packed bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
        for (const name of CRC_NAMES) {
          const s = crcByName(name);
          expect(computeCrcBits(s, bytesToBits(data))).toBe(computeCrc(s, data));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for non-reflected CRCs and any bit count, the appended CRC makes a(D)D^L + p(D) divisible by g(D) (38.212 §5.1)', () => {
    const rng = Rng.stream(11);
    for (const s of [CRC24A, CRC24B, CRC16_XMODEM]) {
      for (let n = 0; n < 70; n++) {
        const bits = new Uint8Array(n);
        rng.fillBits(bits);
        const out = new Uint8Array(n + s.width);
        appendCrcBits(s, bits, out);
        expect(Array.from(out.subarray(0, n))).toEqual(Array.from(bits));
        expect(remainderBits(out, s.width, s.poly)).toBe(0);
        // With zero init and no output XOR the CRC is the remainder of a(D)·D^L by g(D).
        expect(computeCrcBits(s, bits)).toBe(remainderBits(new Uint8Array([...bits, ...new Uint8Array(s.width)]), s.width, s.poly));
      }
    }
  });

  it('works in place when the payload already sits at the start of out', () => {
    const buf = new Uint8Array(40 + 24);
    Rng.stream(3).fillBits(buf.subarray(0, 40));
    const copy = buf.slice(0, 40);
    appendCrcBits(CRC24A, buf.subarray(0, 40), buf);
    expect(Array.from(buf.subarray(0, 40))).toEqual(Array.from(copy));
    expect(checkCrcBits(CRC24A, buf)).toBe(true);
  });

  it('detects every single flipped bit, including in the CRC field', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 32 }), fc.nat(), fc.constantFrom('crc16', 'crc24a', 'crc32'), (data, pos, name) => {
        const s = crcByName(name);
        const bits = bytesToBits(data);
        const tx = new Uint8Array(bits.length + s.width);
        appendCrcBits(s, bits, tx);
        expect(checkCrcBits(s, tx)).toBe(true);
        tx[pos % tx.length] ^= 1;
        expect(checkCrcBits(s, tx)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('detects every burst error no longer than the CRC width (CRC-24A)', () => {
    const rng = Rng.stream(5);
    const bits = new Uint8Array(100);
    rng.fillBits(bits);
    const tx = new Uint8Array(124);
    appendCrcBits(CRC24A, bits, tx);
    for (let len = 1; len <= 24; len++) {
      for (let start = 0; start + len <= tx.length; start += 7) {
        const rx = tx.slice();
        rx[start] ^= 1;
        rx[start + len - 1] ^= 1; // burst endpoints are errors by definition
        for (let i = start + 1; i < start + len - 1; i++) rx[i] ^= rng.nextUint32() & 1;
        if (len === 1) rx[start] = tx[start] ^ 1;
        expect(checkCrcBits(CRC24A, rx)).toBe(false);
      }
    }
  });

  it('CRC "none" appends nothing and always checks true', () => {
    const bits = new Uint8Array([1, 0, 1]);
    const out = new Uint8Array(3);
    appendCrcBits(CRC_NONE, bits, out);
    expect(Array.from(out)).toEqual([1, 0, 1]);
    expect(checkCrcBits(CRC_NONE, out)).toBe(true);
  });
});

describe('bad input', () => {
  const expectCode = (f: () => unknown, code: string) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(SemcomError);
      expect((e as SemcomError).code).toBe(code);
      return;
    }
    throw new Error('expected a SemcomError');
  };
  it('rejects unknown names, wrong lengths, non-bits and bad specs', () => {
    expectCode(() => crcByName('crc17'), 'INVALID_ARGUMENT');
    expect(() => crcByName('crc17')).toThrow(/accepted: crc16/);
    expectCode(() => appendCrcBits(CRC24A, new Uint8Array(8), new Uint8Array(8)), 'LENGTH_MISMATCH');
    expectCode(() => checkCrcBits(CRC24A, new Uint8Array(10)), 'LENGTH_MISMATCH');
    expectCode(() => computeCrcBits(CRC32, new Uint8Array(12)), 'LENGTH_MISMATCH');
    expectCode(() => computeCrcBits(CRC24A, new Uint8Array([0, 2, 1])), 'INVALID_ARGUMENT');
    expectCode(() => computeCrc(spec('bad', 33, 1, 0, false, false, 0), CHECK), 'INVALID_ARGUMENT');
    expectCode(() => computeCrc(spec('bad', 8, 0x100, 0, false, false, 0), CHECK), 'INVALID_ARGUMENT');
  });
});
