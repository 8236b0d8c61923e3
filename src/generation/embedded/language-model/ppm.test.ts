import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import { codedBitsFromBitArray, codedBitsToBitArray } from '../../../semantic/arithmetic/index.js';
import { CostMeter, PpmCursor, type PpmModel } from './ppm-model.js';
import { ALPHABET, EOM } from './ppm-trie.js';
import {
  codeLength,
  decodeBytes,
  decodeText,
  decodeTexts,
  encodeBytes,
  encodeText,
  encodeTexts,
  informationContent,
  PpmCoder,
  trainPpm,
} from './ppm.js';

const CORPUS = [
  'the cat sat on the mat',
  'the dog sat on the log',
  'a cat and a dog',
  'she sells sea shells by the sea shore',
  'the quick brown fox jumps over the lazy dog',
  'Café crème, naïve résumé',
];

/** Σ_x p(x) over the 257 symbols after `prefix` (static model): 1 if escapes and exclusion are right. */
function totalProbability(model: PpmModel, prefix: Uint8Array): number {
  const cursor = new PpmCursor(model);
  const sink = { encode: () => undefined };
  for (const b of prefix) {
    cursor.encode(sink, b);
    cursor.advance(b, false);
  }
  let sum = 0;
  for (let x = 0; x < ALPHABET; x++) {
    const meter = new CostMeter();
    cursor.encode(meter, x);
    sum += 2 ** -meter.bits;
  }
  return sum;
}

function snapshot(model: PpmModel): string {
  const t = model.trie;
  return [t.size, Buffer.from(t.count.buffer, 0, t.size * 4).toString('base64'), Buffer.from(t.child.buffer, 0, t.size * 4).toString('base64')].join(':');
}

describe('PPM model', () => {
  it('gives the hand-computed PPMD probabilities on a one-message corpus', () => {
    // Trained on "aa" at order 1: root {a:2, EOM:1}, start {a:1}, "a" {a:1, EOM:1}.
    const m = trainPpm(['aa'], { order: 1 });
    // "a": p(a | start) = (2·1 − 1)/(2·1) = 1/2; p(EOM | a) = 1/4 (a:1, EOM:1 → freqs 1, 1, escape 2 of 4).
    expect(informationContent(m, 'a')).toBeCloseTo(1 + 2, 12);
    // "b": escape from start (1/2), escape from root with a excluded ({EOM:1}: 1/2), order −1 over 255;
    // then EOM at order 0 (no context "b"): {a:2, EOM:1} → freqs 3, 1, escape 2 → 1/6.
    expect(informationContent(m, 'b')).toBeCloseTo(1 + 1 + Math.log2(255) + Math.log2(6), 12);
    // Method C on the same counts: p(EOM | a) = 1/(1 + 1 + 2); for "b", EOM at order 0 costs 1/(3 + 2).
    const c = trainPpm(['aa'], { order: 1, escape: 'C' });
    expect(informationContent(c, 'a')).toBeCloseTo(1 + 2, 12);
    expect(informationContent(c, 'b')).toBeCloseTo(1 + 1 + Math.log2(255) + Math.log2(5), 12);
  });

  it('an empty model codes every symbol uniformly at order −1', () => {
    const m = trainPpm([], { order: 3 });
    expect(informationContent(m, '')).toBeCloseTo(Math.log2(257), 12);
    expect(informationContent(m, 'x')).toBeCloseTo(2 * Math.log2(257), 12);
  });

  it('assigns total probability 1 to the 257 symbols in every context (exclusion is exact)', () => {
    for (const escape of ['C', 'D'] as const) {
      const m = trainPpm(CORPUS, { order: 4, escape });
      for (const prefix of ['', 'the ', 'the cat s', 'sea sh', 'zzz', 'naï', 'qu']) {
        expect(totalProbability(m, new TextEncoder().encode(prefix))).toBeCloseTo(1, 10);
      }
    }
  });

  it('round-trips any text and any bytes, including bytes never seen in training', () => {
    const m = trainPpm(CORPUS, { order: 5 });
    for (const t of ['', 'the cat', 'THE CAT!', '\u0000\u0001 ctrl', 'emoji 🐈‍⬛ and 中文', 'the cat sat on the mat']) {
      const coded = encodeText(m, t);
      expect(decodeText(m, coded)).toBe(t);
      expect(codeLength(m, t)).toBe(coded.bitLength);
      expect(coded.bitLength).toBeLessThanOrEqual(informationContent(m, t) + 1 + 1e-6);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => {
        const wellFormed = new TextDecoder().decode(new TextEncoder().encode(t));
        expect(decodeText(m, encodeText(m, t))).toBe(wellFormed);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        expect(Array.from(decodeBytes(m, encodeBytes(m, bytes)))).toEqual(Array.from(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('codes seen text in far fewer bits than unseen symbols', () => {
    const m = trainPpm(CORPUS, { order: 5 });
    expect(codeLength(m, 'the cat sat on the mat')).toBeLessThan(30); // 22 characters, 176 bits raw
    expect(codeLength(m, 'QXZJ')).toBeGreaterThan(4 * 7);
  });

  it('does not change the model when coding statically, and adaptive coders stay in sync on their own copies', () => {
    const m = trainPpm(CORPUS, { order: 4 });
    const before = snapshot(m);
    const texts = ['the cat sat', 'the cat sat', 'new words here', 'new words here', '🐈 ok'];
    for (const t of texts) decodeText(m, encodeText(m, t));
    const coded = encodeTexts(m, texts, { adapt: true });
    expect(decodeTexts(m, coded, { adapt: true })).toEqual(texts);
    expect(snapshot(m)).toBe(before);
    // Adaptation pays off on a repeat; static coding does not change.
    expect(coded[1].bitLength).toBeLessThan(coded[0].bitLength);
    expect(coded[3].bitLength).toBeLessThan(coded[2].bitLength / 2);
    const staticCoded = encodeTexts(m, texts);
    expect(staticCoded[1].bitLength).toBe(staticCoded[0].bitLength);
    // A receiver that skips a message decodes the next one with other counts.
    const rx = new PpmCoder(m, { adapt: true });
    expect(rx.decodeText(coded[0])).toBe(texts[0]);
    let skipped: string | null = null;
    try {
      skipped = rx.decodeText(coded[2], { lenient: true, maxBytes: 100 });
    } catch (e) {
      expect(e).toBeInstanceOf(SemcomError);
      expect(() => rx.decodeText(coded[3])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(skipped).not.toBe(texts[2]);
    // After a failed adaptive decode the coder refuses further use.
    const rx2 = new PpmCoder(m, { adapt: true });
    expect(() => rx2.decodeText(codedBitsFromBitArray(new Uint8Array(2000).fill(1)), { maxBytes: 5 })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_INPUT' }),
    );
    expect(() => rx2.decodeText(coded[0])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('handles contexts whose totals exceed the coder limit (scaled frequencies)', () => {
    const long = 'a'.repeat(600_000); // the order-2 context "aa" sees ~600k a's: 2n > 2^20
    const m = trainPpm([long, 'ab'], { order: 2 });
    for (const t of ['aaaaaaaa', 'aab', 'b', 'aaac']) expect(decodeText(m, encodeText(m, t))).toBe(t);
    expect(totalProbability(m, new TextEncoder().encode('aaaa'))).toBeCloseTo(1, 6);
    // Four more a's in a context of ~600k a's cost almost nothing.
    expect(informationContent(m, 'aaaaaaaa') - informationContent(m, 'aaaa')).toBeLessThan(0.01);
  });

  it('never hangs or throws a foreign error on corrupted or truncated bits', () => {
    const m = trainPpm(CORPUS, { order: 4 });
    const rng = Rng.stream(5);
    for (let trial = 0; trial < 300; trial++) {
      const bits = codedBitsToBitArray(encodeText(m, CORPUS[trial % CORPUS.length]));
      const cut = rng.nextInt(3) === 0 ? bits.subarray(0, rng.nextInt(bits.length + 1)) : bits.slice();
      for (let f = 0; f < 1 + rng.nextInt(4) && cut.length > 0; f++) cut[rng.nextInt(cut.length)] ^= 1;
      try {
        decodeText(m, codedBitsFromBitArray(cut), { maxBytes: 200 });
      } catch (e) {
        expect(e).toBeInstanceOf(SemcomError);
        expect((e as SemcomError).code).toBe('MALFORMED_INPUT');
      }
    }
    // All ones: the decoder keeps finding symbols; the byte bound ends it.
    const ones = codedBitsFromBitArray(new Uint8Array(4000).fill(1));
    expect(() => decodeBytes(m, ones, { maxBytes: 50 })).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });

  it('rejects bad options and inputs with SemcomError', () => {
    expect(() => trainPpm(['x'], { order: -1 })).toThrow(SemcomError);
    expect(() => trainPpm(['x'], { order: 13 })).toThrow(SemcomError);
    expect(() => trainPpm(['x'], { escape: 'B' as 'C' })).toThrow(SemcomError);
    expect(() => trainPpm([3 as unknown as string])).toThrow(SemcomError);
    const m = trainPpm(['x']);
    expect(() => encodeText(m, null as unknown as string)).toThrow(SemcomError);
    expect(() => decodeText(m, { bytes: new Uint8Array(1), bitLength: 20 })).toThrow(SemcomError);
    expect(() => decodeText(m, encodeText(m, 'x'), { maxBytes: -1 })).toThrow(SemcomError);
    // Invalid UTF-8 decodes leniently or fails with MALFORMED_INPUT.
    const bad = encodeBytes(m, Uint8Array.of(0xff, 0xfe));
    expect(() => decodeText(m, bad)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
    expect(decodeText(m, bad, { lenient: true })).toBe('\ufffd\ufffd');
    expect(EOM).toBe(256);
  });
});
