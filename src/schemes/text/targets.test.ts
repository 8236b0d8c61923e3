/**
 * The bit budgets issue 4 sets, checked on the whole WordNet test split (4,811
 * sentences never used to build any shared model): shared-model coding at most
 * half of brotli-q11's bits per message and 80 % over the whole set; the
 * semantic scheme at most a quarter of brotli's payload per sentence. The
 * source coders are run directly (no link): on a clean link the payload is
 * exactly these bits.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { wordnetTexts } from '../../datasets/wordnet.js';
import { encodeText, encodeTexts, loadSharedLanguageModel } from '../../generation/embedded/language-model/index.js';
import { loadKeywordExtractor } from '../../generation/embedded/keywords/index.js';
import { encodeEntropy } from './keyword-code.js';
import { loadKeywordCodebook } from './keyword-codebook.js';
import { SEMANTIC_MAX_KEYWORDS } from './semantic-text-scheme.js';
import { createTextCodec } from './text-codec.js';

const test = wordnetTexts('test');
const brotli = createTextCodec('brotli');
const brotliBits = test.map((t) => 8 * brotli.encode(t).length);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('bit budgets on the whole test split', () => {
  it('shared-model coding: ≤ 0.5 × brotli per message, ≤ 0.8 × brotli over the whole set', () => {
    const model = loadSharedLanguageModel();
    const ppmBits = test.map((t) => encodeText(model, t).bitLength);
    // Measured: 0.284 (ratio of means).
    expect(mean(ppmBits) / mean(brotliBits)).toBeLessThan(0.5);
    expect(mean(ppmBits.map((b, i) => b / brotliBits[i]))).toBeLessThan(0.5);
    const joined = Buffer.from(test.join('\n'), 'utf8');
    const brotliWhole = 8 * brotliCompressSync(joined, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: joined.length } }).length;
    const ppmWhole = encodeTexts(model, test, { adapt: true }).reduce((s, c) => s + c.bitLength, 0);
    // Measured: 0.706.
    expect(ppmWhole / brotliWhole).toBeLessThan(0.8);
  });

  it('semantic scheme: ≤ 0.25 × brotli per sentence', async () => {
    const extractor = loadKeywordExtractor();
    const book = await loadKeywordCodebook();
    const bits = test.map((t) => encodeEntropy(book, extractor.extract(t, { maxKeywords: SEMANTIC_MAX_KEYWORDS })).length);
    // Measured: 0.239 as a ratio of means, 0.246 as a mean of per-sentence ratios (K chosen on validation).
    expect(mean(bits) / mean(brotliBits)).toBeLessThan(0.25);
    expect(mean(bits.map((b, i) => b / brotliBits[i]))).toBeLessThan(0.25);
  });
});
