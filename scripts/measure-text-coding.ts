// Measures lossless text coding on the WordNet TEST split: per message, the bits of brotli q11,
// gzip -9, raw deflate -9, raw UTF-8 and the shared PPM model (static, termination included);
// over the whole split, brotli q11 (lgwin 22 and 24) and gzip -9 on the newline-joined text vs
// the PPM coding every message (static, and adaptive: counts updated after each message, on a
// copy). Also the word-level Kneser–Ney trigram (train split words) in bits per word, for the
// keyword coder. Prints one JSON object. Usage: npx tsx scripts/measure-text-coding.ts
import { brotliCompressSync, constants, deflateRawSync, gzipSync } from 'node:zlib';
import { wordnetTexts } from '../src/datasets/wordnet.js';
import {
  decodeText,
  encodeSequence,
  encodeText,
  encodeTexts,
  loadSharedLanguageModel,
  SHARED_PPM_OPTIONS,
  trainWordNgram,
} from '../src/generation/embedded/language-model/index.js';

const brotliBits = (data: Buffer, lgwin?: number): number =>
  8 *
  brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      ...(lgwin === undefined ? {} : { [constants.BROTLI_PARAM_LGWIN]: lgwin }),
    },
  }).length;
const gzipBits = (data: Buffer): number => 8 * gzipSync(data, { level: 9 }).length;
const deflateBits = (data: Buffer): number => 8 * deflateRawSync(data, { level: 9 }).length;
const round = (x: number, d = 4): number => Number(x.toFixed(d));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

// Load the data first so the model build time below is the training alone.
const test = wordnetTexts('test');
const trainTexts = wordnetTexts('train');

const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const model = loadSharedLanguageModel();
const buildMs = performance.now() - t0;
const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

// Per message.
const per = { brotli: [] as number[], gzip: [] as number[], deflate: [] as number[], raw: [] as number[], ppm: [] as number[] };
let encodeMs = 0;
let decodeMs = 0;
let chars = 0;
for (const text of test) {
  const data = Buffer.from(text, 'utf8');
  chars += [...text].length;
  per.brotli.push(brotliBits(data));
  per.gzip.push(gzipBits(data));
  per.deflate.push(deflateBits(data));
  per.raw.push(8 * data.length);
  const a = performance.now();
  const coded = encodeText(model, text);
  const b = performance.now();
  if (decodeText(model, coded) !== text) throw new Error(`round trip failed: ${text}`);
  decodeMs += performance.now() - b;
  encodeMs += b - a;
  per.ppm.push(coded.bitLength);
}
const n = test.length;
const meanBits = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, round(mean(v), 2)]));
const ratios = per.ppm.map((p, i) => p / per.brotli[i]);

// Whole set.
const joined = Buffer.from(test.join('\n'), 'utf8');
const t1 = performance.now();
const adaptive = encodeTexts(model, test, { adapt: true });
const adaptiveMs = performance.now() - t1;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const whole = {
  brotliQ11: brotliBits(joined),
  brotliQ11Lgwin24: brotliBits(joined, 24),
  gzip9: gzipBits(joined),
  raw: 8 * joined.length,
  ppmStatic: sum(per.ppm),
  ppmAdaptive: sum(adaptive.map((c) => c.bitLength)),
};
const bestBrotli = Math.min(whole.brotliQ11, whole.brotliQ11Lgwin24);

// Word-level Kneser–Ney trigram on lower-cased word tokens (letters, digits, apostrophes, hyphens).
const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];
const t2 = performance.now();
const kn = trainWordNgram(trainTexts.map(words), { order: 3, minCount: 2 });
const knBuildMs = performance.now() - t2;
let knBits = 0;
let knWords = 0;
let knUnk = 0;
for (const t of test) {
  const idx = words(t).map((w) => kn.vocabulary.indexOf(w));
  knUnk += idx.filter((i) => i === 0).length;
  knWords += idx.length + 1;
  knBits += encodeSequence(kn, idx).bitLength;
}

console.log(
  JSON.stringify(
    {
      data: { split: 'test', messages: n, utf8Bytes: joined.length - (n - 1), chars, meanCharsPerMessage: round(chars / n, 2), trainMessages: trainTexts.length },
      model: {
        ...SHARED_PPM_OPTIONS,
        trainSplit: 'train',
        nodes: model.trie.size,
        trieBytes: model.trie.byteLength,
        heapGrowthBytes: heapAfter - heapBefore,
        buildMs: Math.round(buildMs),
        encodeMsPerMessage: round(encodeMs / n, 4),
        decodeMsPerMessage: round(decodeMs / n, 4),
        adaptiveEncodeMsWholeSet: Math.round(adaptiveMs),
      },
      perMessage: {
        meanBits,
        bitsPerChar: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, round(sum(v) / chars)])),
        ppmOverBrotli: round(mean(per.ppm) / mean(per.brotli)),
        meanOfRatiosPpmOverBrotli: round(mean(ratios)),
        maxRatioPpmOverBrotli: round(Math.max(...ratios)),
        fractionPpmAtMostHalfBrotli: round(ratios.filter((r) => r <= 0.5).length / n),
        target: 'ppm ≤ 0.5 × brotli-q11 (mean bits per message)',
        targetMet: mean(per.ppm) <= 0.5 * mean(per.brotli),
      },
      wholeSet: {
        bits: whole,
        bitsPerJoinedByte: Object.fromEntries(Object.entries(whole).map(([k, v]) => [k, round(v / joined.length)])),
        ppmAdaptiveOverBestBrotli: round(whole.ppmAdaptive / bestBrotli),
        ppmStaticOverBestBrotli: round(whole.ppmStatic / bestBrotli),
        target: 'ppm adaptive ≤ 0.8 × brotli-q11 on the joined test split (best of lgwin 22, 24)',
        targetMet: whole.ppmAdaptive <= 0.8 * bestBrotli,
      },
      wordModel: {
        kind: 'interpolated modified Kneser–Ney trigram, train split, minCount 2',
        vocabulary: kn.size,
        buildMs: Math.round(knBuildMs),
        testWords: knWords,
        unknownRate: round(knUnk / (knWords - n)),
        bitsPerWordIncludingEnd: round(knBits / knWords),
      },
    },
    null,
    2,
  ),
);
