#!/usr/bin/env node
/**
 * Text benchmark, on the compiled library (dist/): what the text schemes'
 * transmitter and receiver cost per message on one thread, the link excluded.
 *
 * Usage: npm run bench:text [-- --json] [-- --seconds S]
 * Prints one JSON object { machine, node, setup, cases: [{ name, unit, value, rounds }] }
 * with --json, a table otherwise. Each case codes WordNet test sentences in a
 * loop for about S seconds (default 2) after a warm-up, as three timed rounds
 * whose median is the value. `setup` is the one-time cost of building the
 * shared models from the train split (milliseconds, first use in the process).
 */
import { machineInfo, median } from './common.js';
import { performance } from 'node:perf_hooks';
import {
  wordnetTexts,
  loadSharedLanguageModel,
  encodeText,
  decodeText,
  loadKeywordCodebook,
  encodeEntropy,
  decodeEntropy,
  encodeFixed,
  calibrateFixed,
  createTextCodec,
  createWordVectorEmbeddingModel,
  SEMANTIC_MAX_KEYWORDS,
} from '../dist/index.js';
import { loadKeywordExtractor } from '../dist/generation/embedded/keywords/index.js';
import { loadRetrievalGenerator } from '../dist/generation/embedded/retrieval-generator/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const secIdx = args.indexOf('--seconds');
const seconds = secIdx >= 0 ? Number(args[secIdx + 1]) : 2;
if (!(seconds > 0)) {
  process.stderr.write('bench:text: --seconds needs a positive number\n');
  process.exit(2);
}
const ROUNDS = 3;

function timeMs(f) {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}
async function timeMsAsync(f) {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

const sentences = wordnetTexts('test');
const chars = sentences.reduce((s, t) => s + t.length, 0) / sentences.length;
const setup = {};
const [ppm, ppmMs] = timeMs(() => loadSharedLanguageModel());
setup.sharedPpmModelMs = ppmMs;
const [extractor, extractorMs] = timeMs(() => loadKeywordExtractor());
setup.keywordExtractorMs = extractorMs;
const [generator, generatorMs] = timeMs(() => loadRetrievalGenerator());
setup.retrievalGeneratorMs = generatorMs;
const [book, bookMs] = await timeMsAsync(() => loadKeywordCodebook());
setup.keywordCodebookMs = bookMs;
const embedding = createWordVectorEmbeddingModel();
const [, vecMs] = await timeMsAsync(() => embedding.doEmbed({ texts: ['warm up'] }));
setup.wordVectorsMs = vecMs;

const understandings = sentences.map((t) => extractor.extract(t, { maxKeywords: SEMANTIC_MAX_KEYWORDS }));
const entropyCodes = understandings.map((u) => encodeEntropy(book, u));
const fixedCodes = understandings.map((u) => encodeFixed(book, u));
const ppmCodes = sentences.map((t) => encodeText(ppm, t));
const brotli = createTextCodec('brotli');
const brotliCodes = sentences.map((t) => brotli.encode(t));

/** Runs `op(i)` over the sentences for `seconds`, ROUNDS times; value = messages per second (median). */
async function perMessage(name, op) {
  let i = 0;
  const run = async (ms) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      await op(i++ % sentences.length);
      n++;
    }
    return (n * 1000) / (performance.now() - t0);
  };
  await run(Math.min(500, (seconds * 1000) / 4));
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await run((seconds * 1000) / ROUNDS));
  const value = median(rounds);
  return { name, unit: 'messages/s', value, msPerMessage: 1000 / value, rounds };
}

const cases = [
  await perMessage('brotli-q11-encode', (i) => brotli.encode(sentences[i])),
  await perMessage('brotli-decode', (i) => brotli.decode(brotliCodes[i])),
  await perMessage('shared-ppm-encode', (i) => encodeText(ppm, sentences[i])),
  await perMessage('shared-ppm-decode', (i) => decodeText(ppm, ppmCodes[i])),
  await perMessage('keyword-extraction', (i) => extractor.extract(sentences[i], { maxKeywords: SEMANTIC_MAX_KEYWORDS })),
  await perMessage('keyword-entropy-encode', (i) => encodeEntropy(book, understandings[i])),
  await perMessage('keyword-entropy-decode', (i) => decodeEntropy(book, entropyCodes[i])),
  await perMessage('keyword-fixed-calibrate', (i) => calibrateFixed(book, fixedCodes[i], 0.03)),
  await perMessage('retrieval-generation', (i) => generator.generate(understandings[i])),
  await perMessage('word-vector-embed', (i) => embedding.doEmbed({ texts: [sentences[i]] })),
];

const result = {
  machine: machineInfo(),
  node: process.version,
  sentences: { split: 'test', count: sentences.length, meanChars: chars },
  setup,
  cases,
};
if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
else {
  process.stdout.write(`one-time setup (ms): ${Object.entries(setup).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}\n`);
  for (const c of cases) process.stdout.write(`${c.name.padEnd(26)} ${c.value.toFixed(0).padStart(9)} messages/s  ${c.msPerMessage.toFixed(3).padStart(8)} ms/message\n`);
}
