import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../../core/errors.js';
import { loadKeywordExtractor } from '../keywords/extractor.js';
import { loadRetrievalGenerator } from './generator.js';

const extractor = loadKeywordExtractor();
const generator = loadRetrievalGenerator();

/** Text that mixes words the models know with arbitrary Unicode, punctuation and line breaks. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('the', 'dog', 'Paris', "don't", 'run', 'quickly', 'a', 'hour', '3.5', '?', '!', '.', ',', '\n', '\t', '"', '(', 'Close', 'what'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

describe('extract, then generate, on arbitrary text', () => {
  it('never fails except on blank text, and the sentence holds every keyword in order', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 8 }), (t, max) => {
        let u;
        try {
          u = extractor.extract(t, { maxKeywords: max });
        } catch (e) {
          expect(e).toBeInstanceOf(SemcomError);
          expect((e as SemcomError).code).toBe('INVALID_ARGUMENT');
          expect(t.trim()).toBe('');
          return;
        }
        expect(u.keywords.length).toBeLessThanOrEqual(max);
        const out = generator.generate(u);
        expect(typeof out).toBe('string');
        let from = 0;
        for (const k of u.keywords) {
          // "not" may come back as the template's "n't": take whichever comes first.
          const places = [out.indexOf(k, from), k === 'not' ? out.indexOf("n't", from) : -1].filter((i) => i >= 0);
          const found = places.length ? Math.min(...places) : -1;
          expect(found, `${JSON.stringify(u)} -> ${out}`).toBeGreaterThanOrEqual(0);
          from = found + 1;
        }
        expect(generator.generate(u)).toBe(out);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
