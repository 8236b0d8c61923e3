/**
 * The compact word-vector file format (models/word-vectors/):
 *
 * `vectors.bin`, little-endian:
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 4 | magic `SCWV` (ASCII) |
 * | 4 | 4 | u32 format version, 1 |
 * | 8 | 4 | u32 count: number of words |
 * | 12 | 4 | u32 dims: vector length |
 * | 16 | 4 | u32 FNV-1a of the bytes of `words.txt` |
 * | 20 | 4 | u32 FNV-1a of the bytes from offset 32 to the end |
 * | 24 | 8 | reserved, zero |
 * | 32 | 4·count | f32 scale of each vector |
 * | 32 + 4·count | dims·count | i8 components, row-major |
 *
 * A word's vector is `scale · q` with q in −127..127: symmetric int8
 * quantization with one scale per vector, scale = max |v_i| / 127 (per-vector
 * scales keep the relative error of every vector alike, where one scale per
 * dimension would spend the range on the largest vectors; the model card gives
 * the cosine error of both).
 *
 * `words.txt`: the words in row order, UTF-8, each ended by `\n`.
 *
 * The checksums tie the two files together and catch corruption beyond
 * truncation: any mismatch is `MALFORMED_INPUT`.
 */
import { SemcomError } from '../../../core/errors.js';

export const WORD_VECTORS_MAGIC = 'SCWV';
export const WORD_VECTORS_VERSION = 1;
export const WORD_VECTORS_HEADER_BYTES = 32;

/** A quantized table: `values[i·dims + d] · scales[i]` is component d of word i. */
export interface QuantizedWordVectors {
  readonly words: readonly string[];
  readonly dims: number;
  readonly scales: Float32Array;
  readonly values: Int8Array;
}

/** FNV-1a over bytes (32 bits). */
export function fnv1a32Bytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Quantizes float vectors (`count` rows of `dims`, row-major) to int8 with
 * one scale per row. A zero row gets scale 0 and zeros.
 */
export function quantizeRows(rows: Float32Array | Float64Array, dims: number): { scales: Float32Array; values: Int8Array } {
  const count = rows.length / dims;
  if (!Number.isInteger(count)) throw new SemcomError('INVALID_ARGUMENT', `quantizeRows: ${rows.length} values are not whole rows of ${dims}`);
  const scales = new Float32Array(count);
  const values = new Int8Array(rows.length);
  for (let i = 0; i < count; i++) {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(rows[i * dims + d] as number));
    const scale = Math.fround(max / 127);
    scales[i] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dims; d++) {
      values[i * dims + d] = Math.max(-127, Math.min(127, Math.round((rows[i * dims + d] as number) / scale)));
    }
  }
  return { scales, values };
}

/** Serializes a table into the two files' bytes. Words may not contain white space. */
export function encodeWordVectors(table: QuantizedWordVectors): { vectors: Uint8Array; words: Uint8Array } {
  const { words, dims, scales, values } = table;
  const count = words.length;
  if (scales.length !== count || values.length !== count * dims) {
    throw new SemcomError('INVALID_ARGUMENT', `encodeWordVectors: ${count} words need ${count} scales and ${count * dims} values, got ${scales.length} and ${values.length}`);
  }
  for (const w of words) {
    if (w === '' || /\s/.test(w)) throw new SemcomError('INVALID_ARGUMENT', `encodeWordVectors: word ${JSON.stringify(w)} is empty or contains white space`);
  }
  const wordBytes = new TextEncoder().encode(words.map((w) => `${w}\n`).join(''));
  const vectors = new Uint8Array(WORD_VECTORS_HEADER_BYTES + 4 * count + dims * count);
  const payload = vectors.subarray(WORD_VECTORS_HEADER_BYTES);
  const view = new DataView(vectors.buffer);
  for (let i = 0; i < count; i++) view.setFloat32(WORD_VECTORS_HEADER_BYTES + 4 * i, scales[i] as number, true);
  payload.set(new Uint8Array(values.buffer, values.byteOffset, values.length), 4 * count);
  for (let i = 0; i < 4; i++) vectors[i] = WORD_VECTORS_MAGIC.charCodeAt(i);
  view.setUint32(4, WORD_VECTORS_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, dims, true);
  view.setUint32(16, fnv1a32Bytes(wordBytes), true);
  view.setUint32(20, fnv1a32Bytes(payload), true);
  return { vectors, words: wordBytes };
}

/**
 * Parses and validates the two files. `where` names the files and `rebuild`
 * the command that re-creates them, for the error messages.
 *
 * @throws SemcomError `MALFORMED_INPUT` for a wrong magic or version, a size
 *   that does not match the header (truncated or padded file), a checksum
 *   mismatch, a word count that differs from the header, or a non-finite scale.
 */
export function decodeWordVectors(vectorBytes: Uint8Array, wordBytes: Uint8Array, where: string, rebuild: string): QuantizedWordVectors {
  const bad = (what: string): SemcomError => new SemcomError('MALFORMED_INPUT', `word-vector file ${where}: ${what}; re-create it with \`${rebuild}\``);
  if (vectorBytes.length < WORD_VECTORS_HEADER_BYTES) throw bad(`only ${vectorBytes.length} bytes, shorter than the ${WORD_VECTORS_HEADER_BYTES}-byte header`);
  const magic = String.fromCharCode(vectorBytes[0] as number, vectorBytes[1] as number, vectorBytes[2] as number, vectorBytes[3] as number);
  if (magic !== WORD_VECTORS_MAGIC) throw bad(`bad magic ${JSON.stringify(magic)}, expected "${WORD_VECTORS_MAGIC}"`);
  const view = new DataView(vectorBytes.buffer, vectorBytes.byteOffset, vectorBytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== WORD_VECTORS_VERSION) throw bad(`format version ${version}, this code reads version ${WORD_VECTORS_VERSION}`);
  const count = view.getUint32(8, true);
  const dims = view.getUint32(12, true);
  if (count === 0 || dims === 0) throw bad(`header says ${count} words of ${dims} dimensions`);
  const expected = WORD_VECTORS_HEADER_BYTES + count * (4 + dims);
  if (vectorBytes.length !== expected) {
    throw bad(`${vectorBytes.length} bytes, but ${count} words of ${dims} dimensions need ${expected} (${vectorBytes.length < expected ? 'truncated' : 'trailing bytes'})`);
  }
  const payload = vectorBytes.subarray(WORD_VECTORS_HEADER_BYTES);
  if (fnv1a32Bytes(payload) !== view.getUint32(20, true)) throw bad('vector checksum mismatch (corrupted file)');
  if (fnv1a32Bytes(wordBytes) !== view.getUint32(16, true)) throw bad('words.txt does not belong to vectors.bin (checksum mismatch)');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(wordBytes);
  if (!text.endsWith('\n')) throw bad('words.txt does not end with a newline');
  const words = text.slice(0, -1).split('\n');
  if (words.length !== count) throw bad(`words.txt has ${words.length} words, the header says ${count}`);
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const s = view.getFloat32(WORD_VECTORS_HEADER_BYTES + 4 * i, true);
    if (!(Number.isFinite(s) && s >= 0)) throw bad(`scale of word ${i} is ${s}`);
    scales[i] = s;
  }
  const values = new Int8Array(vectorBytes.buffer, vectorBytes.byteOffset + WORD_VECTORS_HEADER_BYTES + 4 * count, count * dims);
  return { words, dims, scales, values };
}
