import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import {
  ArithmeticDecoder,
  ArithmeticEncoder,
  BitReader,
  BitWriter,
  codedBitsFromBitArray,
  codedBitsToBitArray,
  FrequencyTable,
  MAX_TOTAL,
  type CodedBits,
} from './index.js';

/** Truncation loss bound of one symbol at a given table total (constants.ts). */
const lossPerSymbol = (total: number): number => -Math.log2(1 - total / 2 ** 30);

function encodeAll(table: FrequencyTable, symbols: readonly number[]): CodedBits {
  const enc = new ArithmeticEncoder();
  for (const s of symbols) table.encode(enc, s);
  return enc.finish();
}

function decodeAll(table: FrequencyTable, coded: CodedBits, n: number): number[] {
  const dec = new ArithmeticDecoder(coded);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(table.decode(dec));
  return out;
}

/** A random table (some zero counts) and a message drawn from its non-zero symbols. */
const modelAndMessage = fc
  .tuple(
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 300 }),
    fc.array(fc.nat(), { maxLength: 200 }),
  )
  .filter(([freqs]) => freqs.some((f) => f > 0) && freqs.reduce((a, b) => a + b, 0) <= MAX_TOTAL)
  .map(([freqs, picks]) => {
    const live = freqs.flatMap((f, s) => (f > 0 ? [s] : []));
    return { freqs, message: picks.map((p) => live[p % live.length]) };
  });

describe('arithmetic coder (Witten–Neal–Cleary, 32-bit)', () => {
  it('codes equiprobable binary symbols as the symbols themselves, trailing zeros dropped', () => {
    const rng = Rng.stream(7);
    const table = new FrequencyTable([1, 1]);
    for (let trial = 0; trial < 50; trial++) {
      const bits = new Uint8Array(1 + rng.nextInt(100));
      rng.fillBits(bits);
      const coded = encodeAll(table, Array.from(bits));
      let last = bits.length;
      while (last > 0 && bits[last - 1] === 0) last--;
      expect(coded.bitLength).toBe(last);
      expect(Array.from(codedBitsToBitArray(coded))).toEqual(Array.from(bits.subarray(0, last)));
      expect(decodeAll(table, coded, bits.length)).toEqual(Array.from(bits));
    }
  });

  it('codes four equiprobable symbols in exactly two bits each (MSB first)', () => {
    const table = new FrequencyTable([5, 5, 5, 5]);
    const coded = encodeAll(table, [2, 1, 3]); // 10 01 11
    expect(Array.from(codedBitsToBitArray(coded))).toEqual([1, 0, 0, 1, 1, 1]);
  });

  it('round-trips random models and messages within ideal + 1 bit + truncation loss', () => {
    fc.assert(
      fc.property(modelAndMessage, ({ freqs, message }) => {
        const table = new FrequencyTable(freqs);
        const coded = encodeAll(table, message);
        expect(decodeAll(table, coded, message.length)).toEqual(message);
        let ideal = 0;
        for (const s of message) ideal += table.informationBits(s);
        expect(coded.bitLength).toBeLessThanOrEqual(ideal + 1 + message.length * lossPerSymbol(table.total) + 1e-9);
        // The unused low bits of the last byte are zero, as CodedBits promises.
        const spare = coded.bytes.length * 8 - coded.bitLength;
        if (spare > 0) expect(coded.bytes[coded.bytes.length - 1] & ((1 << spare) - 1)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('stays near the ideal length on long skewed messages (underflow and follow bits exercised)', () => {
    const rng = Rng.stream(11);
    const freqs = [MAX_TOTAL - 3, 1, 1, 1]; // p ≈ 1 − 2^-18: long runs keep the interval straddling 1/2
    const table = new FrequencyTable(freqs);
    const message: number[] = [];
    for (let i = 0; i < 20000; i++) message.push(rng.nextInt(1000) === 0 ? 1 + rng.nextInt(3) : 0);
    const coded = encodeAll(table, message);
    expect(decodeAll(table, coded, message.length)).toEqual(message);
    let ideal = 0;
    for (const s of message) ideal += table.informationBits(s);
    expect(coded.bitLength).toBeLessThanOrEqual(ideal + 1 + message.length * lossPerSymbol(MAX_TOTAL));
  });

  it('mixes tables of different totals in one stream', () => {
    fc.assert(
      fc.property(fc.array(modelAndMessage, { minLength: 1, maxLength: 5 }), (parts) => {
        const tables = parts.map((p) => new FrequencyTable(p.freqs));
        const enc = new ArithmeticEncoder();
        const maxLen = Math.max(...parts.map((p) => p.message.length));
        for (let i = 0; i < maxLen; i++) parts.forEach((p, k) => i < p.message.length && tables[k].encode(enc, p.message[i]));
        const dec = new ArithmeticDecoder(enc.finish());
        for (let i = 0; i < maxLen; i++) parts.forEach((p, k) => i < p.message.length && expect(tables[k].decode(dec)).toBe(p.message[i]));
      }),
      { numRuns: 100 },
    );
  });

  it('decodes any bit string to symbols, and bounds the number decoded', () => {
    // A model with an end symbol (0, rare): a corrupted stream may never reach it.
    const table = new FrequencyTable([1, 400, 300, 200, 100]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 0, max: 7 }), (bytes, cut) => {
        const bitLength = Math.max(0, bytes.length * 8 - cut);
        const masked = bytes.slice();
        if (bitLength % 8 !== 0) masked[masked.length - 1] &= 0xff << (8 - (bitLength % 8));
        const dec = new ArithmeticDecoder({ bytes: masked, bitLength }, { maxSymbols: 500 });
        try {
          for (let i = 0; i < 10_000; i++) if (table.decode(dec) === 0) break;
        } catch (e) {
          expect(e).toBeInstanceOf(SemcomError);
          expect((e as SemcomError).code).toBe('MALFORMED_INPUT');
          expect(dec.symbolCount).toBe(500);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decodes a truncated stream as if the missing bits were zeros', () => {
    const table = new FrequencyTable([3, 1, 2, 7]);
    const message = [3, 3, 0, 1, 2, 2, 3, 0, 1, 1, 3];
    const coded = encodeAll(table, message);
    const bits = codedBitsToBitArray(coded);
    for (let keep = 0; keep <= bits.length; keep++) {
      const truncated = codedBitsFromBitArray(bits.subarray(0, keep));
      const padded = codedBitsFromBitArray(Uint8Array.from([...bits.subarray(0, keep), ...new Array(64).fill(0)]));
      expect(decodeAll(table, truncated, message.length)).toEqual(decodeAll(table, padded, message.length));
    }
  });

  it('rejects invalid intervals, totals and tables with INVALID_ARGUMENT', () => {
    const enc = new ArithmeticEncoder();
    const bad: [number, number, number][] = [[0, 0, 4], [2, 1, 4], [0, 5, 4], [-1, 1, 4], [0, 1, MAX_TOTAL + 1], [0.5, 1, 4], [0, 1, Number.NaN]];
    for (const [a, b, t] of bad) expect(() => enc.encode(a, b, t)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => new FrequencyTable([0, 0])).toThrow(SemcomError);
    expect(() => new FrequencyTable([MAX_TOTAL, 1])).toThrow(SemcomError);
    expect(() => new FrequencyTable([1, -1])).toThrow(SemcomError);
    expect(() => new FrequencyTable([1, 0]).encode(enc, 1)).toThrow(SemcomError);
    const dec = new ArithmeticDecoder({ bytes: new Uint8Array(0), bitLength: 0 });
    expect(() => dec.target(0)).toThrow(SemcomError);
    expect(() => new ArithmeticDecoder({ bytes: new Uint8Array(1), bitLength: 9 })).toThrow(SemcomError);
    enc.finish();
    expect(() => enc.encode(0, 1, 2)).toThrow(SemcomError);
  });
});

describe('bit buffers', () => {
  it('write MSB first, read zeros past the end, and convert to and from 0/1 arrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ max: 1, maxLength: 100 }), (bits) => {
        const w = new BitWriter(1);
        for (const b of bits) w.writeBit(b);
        const coded = w.toCodedBits();
        expect(coded.bitLength).toBe(bits.length);
        expect(codedBitsFromBitArray(bits)).toEqual(coded);
        const r = new BitReader(coded);
        const read: number[] = [];
        for (let i = 0; i < bits.length + 20; i++) read.push(r.readBit());
        expect(read).toEqual([...bits, ...new Array(20).fill(0)]);
      }),
    );
    const w = new BitWriter();
    w.writeBit(1);
    w.writeRepeated(0, 9);
    w.trimTrailingZeros();
    expect(w.toCodedBits()).toEqual({ bytes: Uint8Array.of(0x80), bitLength: 1 });
    expect(() => codedBitsFromBitArray(Uint8Array.of(2))).toThrow(SemcomError);
  });
});
