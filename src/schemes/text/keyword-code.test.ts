import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { TextUnderstanding } from '../../generation/embedded/text-understanding.js';
import { buildKeywordCodebook, calibrateFixed, decodeEntropy, decodeFixed, encodeEntropy, encodeFixed, FIXED_HEADER_BITS, readFixedFields } from './keyword-code.js';

const u = (keywords: string[], mood: TextUnderstanding['goal']['mood'] = 'statement', domain = 'noun.food'): TextUnderstanding => ({ keywords, goal: { mood, domain } });

// A small shared corpus of understandings: 'soup' follows 'hot' far more often than anything else.
const TRAIN: TextUnderstanding[] = [];
for (let i = 0; i < 40; i++) TRAIN.push(u(['hot', 'soup', 'served']));
for (let i = 0; i < 10; i++) TRAIN.push(u(['cold', 'beer', 'served'], 'question', 'noun.food'));
for (let i = 0; i < 5; i++) TRAIN.push(u(['dog', 'barked', 'loudly'], 'exclamation', 'noun.animal'));
const book = buildKeywordCodebook(TRAIN);

describe('keyword code', () => {
  it('round-trips keywords and goal in both layouts, spelling out-of-vocabulary words', () => {
    for (const x of [u(['hot', 'soup', 'served']), u(['dog', 'ate', 'the', 'Übersoup'], 'command', 'verb.motion'), u([], 'question', 'adj.all')]) {
      expect(decodeEntropy(book, encodeEntropy(book, x))).toEqual(x);
      expect(decodeFixed(book, encodeFixed(book, x))).toEqual(x);
    }
  });

  it('round-trips any keyword list (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 15 }), (kw) => {
        const x = u(kw.filter((k) => !k.includes('\uFFFD') && Buffer.from(k).toString() === k));
        expect(decodeEntropy(book, encodeEntropy(book, x))).toEqual(x);
        expect(decodeFixed(book, encodeFixed(book, x))).toEqual(x);
      }),
      { numRuns: 150 },
    );
  });

  it('spends about −log2 p bits on likely keywords in the entropy layout, and count × B + 12 in the fixed one', () => {
    const likely = encodeEntropy(book, u(['hot', 'soup', 'served'])).length;
    const unlikely = encodeEntropy(book, u(['served', 'dog', 'hot'], 'exclamation', 'verb.body')).length;
    expect(likely).toBeLessThan(8);
    expect(unlikely).toBeGreaterThan(likely + 5);
    expect(encodeFixed(book, u(['hot', 'soup', 'served'])).length).toBe(FIXED_HEADER_BITS + 3 * book.indexBits);
  });

  it('rejects what the format cannot carry, and never crashes on random bits', () => {
    expect(() => encodeEntropy(book, u(Array(16).fill('hot')))).toThrow(/at most 15/);
    expect(() => encodeFixed(book, u(['hot'], 'statement', 'noun.nothing'))).toThrow(/lexicographer/);
    const rng = Rng.stream(9);
    for (let t = 0; t < 300; t++) {
      const bits = new Uint8Array(1 + (rng.nextUint32() % 120));
      rng.fillBits(bits);
      for (const decode of [decodeEntropy, decodeFixed]) {
        try {
          const r = decode(book, bits);
          expect(r.keywords.length).toBeLessThanOrEqual(15);
        } catch (e) {
          expect(isSemcomError(e)).toBe(true);
        }
      }
      expect(calibrateFixed(book, bits.length >= FIXED_HEADER_BITS ? bits : new Uint8Array(FIXED_HEADER_BITS), 0.1).understanding.keywords.length).toBeLessThanOrEqual(15);
    }
  });

  it('calibrates a corrupted index back to the word the shared model expects', () => {
    const bits = encodeFixed(book, u(['hot', 'soup', 'served']));
    const f = readFixedFields(book, bits);
    // Flip one bit of the second index ('soup'): unless the flip lands on another word
    // that the model likes after 'hot', the MAP choice is 'soup' again.
    const at = FIXED_HEADER_BITS + book.indexBits + (book.indexBits - 1);
    const bad = bits.slice();
    bad[at] ^= 1;
    expect(readFixedFields(book, bad).indices[1]).not.toBe(f.indices[1]);
    const c = calibrateFixed(book, bad, 0.05);
    expect(c.understanding.keywords).toEqual(['hot', 'soup', 'served']);
    expect(c.corrected).toBe(1);
    // Without errors the calibration changes nothing.
    expect(calibrateFixed(book, bits, 0.05)).toEqual({ understanding: u(['hot', 'soup', 'served']), corrected: 0, dropped: 0 });
    // With bits no better than coin flips the prior alone decides, and here it is confident.
    expect(calibrateFixed(book, bad, 0.49).understanding.keywords).toEqual(['hot', 'soup', 'served']);
    // Where the prior is flat (twenty words, equally common) and the bits are noise, no word is believable: the slot is dropped.
    const flat = buildKeywordCodebook(Array.from({ length: 20 }, (_, i) => u([`word${i}`])));
    const r = calibrateFixed(flat, encodeFixed(flat, u(['word3'])), 0.49);
    expect(r).toMatchObject({ dropped: 1, understanding: { keywords: [] } });
    expect(calibrateFixed(flat, encodeFixed(flat, u(['word3'])), 0.01).understanding.keywords).toEqual(['word3']);
  });
});
