import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng.js';
import { decodeWordVectors, encodeWordVectors, fnv1a32Bytes, quantizeRows, WORD_VECTORS_HEADER_BYTES } from './format.js';

function sample(count: number, dims: number): { words: string[]; rows: Float32Array } {
  const rng = Rng.stream(4, 1);
  const rows = new Float32Array(count * dims);
  rng.fillNormal(rows, 0.5);
  return { words: Array.from({ length: count }, (_, i) => `w${i}`), rows };
}

function decode(vectors: Uint8Array, words: Uint8Array) {
  return decodeWordVectors(vectors, words, '/x/vectors.bin', 'npm run build:word-vectors');
}

describe('quantizeRows', () => {
  it('keeps every component within half a step of its float value and uses the full int8 range', () => {
    const dims = 16;
    const { rows } = sample(50, dims);
    const { scales, values } = quantizeRows(rows, dims);
    for (let i = 0; i < 50; i++) {
      let maxQ = 0;
      for (let d = 0; d < dims; d++) {
        const q = values[i * dims + d] as number;
        maxQ = Math.max(maxQ, Math.abs(q));
        expect(Math.abs((scales[i] as number) * q - (rows[i * dims + d] as number))).toBeLessThanOrEqual((scales[i] as number) / 2 + 1e-7);
      }
      expect(maxQ).toBe(127);
    }
  });

  it('maps a zero row to scale 0 and rejects partial rows', () => {
    const { scales, values } = quantizeRows(new Float32Array(4), 4);
    expect(scales[0]).toBe(0);
    expect(Array.from(values)).toEqual([0, 0, 0, 0]);
    expect(() => quantizeRows(new Float32Array(5), 4)).toThrow(/whole rows/);
  });
});

describe('encode / decode', () => {
  const dims = 8;
  const { words, rows } = sample(20, dims);
  const q = { words, dims, ...quantizeRows(rows, dims) };
  const files = encodeWordVectors(q);

  it('round-trips words, scales and values exactly', () => {
    expect(files.vectors.length).toBe(WORD_VECTORS_HEADER_BYTES + 20 * (4 + dims));
    const back = decode(files.vectors, files.words);
    expect(back.words).toEqual(words);
    expect(back.dims).toBe(dims);
    expect(Array.from(back.scales)).toEqual(Array.from(q.scales));
    expect(Array.from(back.values)).toEqual(Array.from(q.values));
  });

  it('rejects a bad magic, a wrong version, truncation and trailing bytes, naming the file and the fix', () => {
    const badMagic = files.vectors.slice();
    badMagic[0] = 0x58;
    expect(() => decode(badMagic, files.words)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT', message: expect.stringMatching(/\/x\/vectors\.bin: bad magic.*npm run build:word-vectors/) }));
    const badVersion = files.vectors.slice();
    badVersion[4] = 9;
    expect(() => decode(badVersion, files.words)).toThrow(/format version 9/);
    expect(() => decode(files.vectors.subarray(0, files.vectors.length - 1), files.words)).toThrow(/truncated/);
    expect(() => decode(files.vectors.subarray(0, 10), files.words)).toThrow(/shorter than the 32-byte header/);
    const padded = new Uint8Array(files.vectors.length + 3);
    padded.set(files.vectors);
    expect(() => decode(padded, files.words)).toThrow(/trailing bytes/);
  });

  it('rejects a flipped payload byte and a words file from another table', () => {
    const flipped = files.vectors.slice();
    flipped[flipped.length - 1] ^= 1;
    expect(() => decode(flipped, files.words)).toThrow(/checksum mismatch \(corrupted/);
    const otherWords = new TextEncoder().encode(words.map((w) => `${w}x\n`).join(''));
    expect(() => decode(files.vectors, otherWords)).toThrow(/does not belong/);
  });

  it('refuses words with white space, and FNV-1a matches its published test vector', () => {
    expect(() => encodeWordVectors({ ...q, words: ['a b', ...words.slice(1)] })).toThrow(/white space/);
    // FNV-1a 32 of "a" is 0xe40c292c (Fowler, Noll and Vo test vectors).
    expect(fnv1a32Bytes(new TextEncoder().encode('a'))).toBe(0xe40c292c);
  });
});
