import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { getVector, nearestVectors, putVectors } from './vectors.js';
import { openTemp, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function cosineDistance(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return 1 - ab / Math.sqrt(aa * bb);
}

describe('vectors (sqlite-vec)', () => {
  it('returns the same k nearest neighbours as a brute-force scan, for cosine and L2', () => {
    const kb = openTemp(tmp.dir, 'vec.db');
    const rng = Rng.stream(7);
    const dim = 16;
    const vectors = Array.from({ length: 500 }, (_, i) => {
      const v = new Float32Array(dim);
      rng.fillNormal(v);
      return [`e${i}`, v] as const;
    });
    expect(putVectors(kb, 'entities:test', vectors, { dimension: dim })).toBe(500);
    const q = new Float32Array(dim);
    rng.fillNormal(q);
    const brute = vectors.map(([k, v]) => ({ key: k, d: cosineDistance(q, v) })).sort((a, b) => a.d - b.d).slice(0, 5);
    const hits = nearestVectors(kb, 'entities:test', q, 5, 'cosine');
    expect(hits.map((h) => h.key)).toEqual(brute.map((b) => b.key));
    hits.forEach((h, i) => expect(h.distance).toBeCloseTo(brute[i]!.d, 5));
    const l2 = vectors.map(([k, v]) => ({ key: k, d: Math.hypot(...v.map((x, i) => x - q[i]!)) })).sort((a, b) => a.d - b.d).slice(0, 3);
    expect(nearestVectors(kb, 'entities:test', q, 3, 'l2').map((h) => h.key)).toEqual(l2.map((b) => b.key));
    expect(Array.from(getVector(kb, 'entities:test', 'e3')!)).toEqual(Array.from(vectors[3]![1]));
    kb.close();
  });

  it('checks dimensions and values', () => {
    const kb = openTemp(tmp.dir, 'vec-bad.db');
    putVectors(kb, 's', [['a', [1, 0, 0]]], { dimension: 3 });
    expect(() => putVectors(kb, 's', [['b', [1, 0]]], { dimension: 3 })).toThrow(/has 2 components, the space has 3/);
    expect(() => putVectors(kb, 's', [['b', [1, 0]]], { dimension: 2 })).toThrow(/dimension 3, not 2/);
    expect(() => putVectors(kb, 's', [['b', [1, Number.NaN, 0]]], { dimension: 3 })).toThrow(/non-finite/);
    expect(() => nearestVectors(kb, 'nope', [1, 0, 0], 1)).toThrow(/no vector space named "nope"/);
    expect(nearestVectors(kb, 's', [0, 1, 0], 5)).toHaveLength(1);
    kb.close();
  });
});
