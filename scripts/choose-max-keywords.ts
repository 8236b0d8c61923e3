/**
 * How many keywords the semantic text scheme sends (SEMANTIC_MAX_KEYWORDS in
 * src/schemes/text/semantic-text-scheme.ts): for K = 1..8, the mean payload of
 * the entropy-coded keywords and goal against brotli-q11's, as a ratio of mean
 * bits and as a mean of per-sentence ratios, on the validation split (never
 * the test split). Prints one JSON object.
 *
 * Usage: npx tsx scripts/choose-max-keywords.ts [--split validation|test]
 */
import { wordnetTexts } from '../src/datasets/wordnet.js';
import { loadKeywordExtractor } from '../src/generation/embedded/keywords/index.js';
import { encodeEntropy } from '../src/schemes/text/keyword-code.js';
import { loadKeywordCodebook } from '../src/schemes/text/keyword-codebook.js';
import { createTextCodec } from '../src/schemes/text/text-codec.js';

const i = process.argv.indexOf('--split');
const split = (i >= 0 ? process.argv[i + 1] : 'validation') as 'validation' | 'test';
if (split !== 'validation' && split !== 'test') {
  process.stderr.write('choose-max-keywords: --split takes validation or test\n');
  process.exit(2);
}
const texts = wordnetTexts(split);
const extractor = loadKeywordExtractor();
const book = await loadKeywordCodebook();
const brotli = createTextCodec('brotli');
const brotliBits = texts.map((t) => 8 * brotli.encode(t).length);
const analyses = texts.map((t) => extractor.analyse(t));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const rows = [];
for (let k = 1; k <= 8; k++) {
  const bits = analyses.map((a) => encodeEntropy(book, extractor.understand(a, { maxKeywords: k })).length);
  rows.push({
    maxKeywords: k,
    meanBits: mean(bits),
    ratioOfMeans: mean(bits) / mean(brotliBits),
    meanOfRatios: mean(bits.map((b, j) => b / brotliBits[j])),
  });
}
process.stdout.write(JSON.stringify({ split, sentences: texts.length, brotliMeanBits: mean(brotliBits), rows }, null, 2) + '\n');
