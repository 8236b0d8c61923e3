import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { matMul, secondMoment, solveSpd, symmetricEigen, transpose } from './linalg.js';

function randomSpd(n: number, rng: Rng): Float64Array {
  const g = new Float64Array(n * n);
  rng.fillNormal(g);
  const s = matMul(g, transpose(g, n, n), n, n, n);
  for (let i = 0; i < n; i++) s[i * n + i] += 0.1;
  return s;
}

describe('linalg', () => {
  it('symmetricEigen gives orthonormal eigenvectors with A v = λ v, eigenvalues descending', () => {
    const n = 12;
    const a = randomSpd(n, Rng.stream(1));
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    for (let i = 0; i < n; i++) {
      const v = vectors.subarray(i * n, i * n + n);
      const av = matMul(a, v, n, n, 1);
      for (let j = 0; j < n; j++) expect(av[j]).toBeCloseTo(values[i] * v[j], 9);
      for (let k = 0; k < n; k++) {
        let dot = 0;
        for (let j = 0; j < n; j++) dot += v[j] * vectors[k * n + j];
        expect(dot).toBeCloseTo(i === k ? 1 : 0, 10);
      }
    }
    // Trace is preserved.
    let tr = 0;
    for (let i = 0; i < n; i++) tr += a[i * n + i];
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(tr, 9);
  });

  it('solveSpd solves S X = B', () => {
    const n = 7;
    const rng = Rng.stream(2);
    const s = randomSpd(n, rng);
    const b = new Float64Array(n * 3);
    rng.fillNormal(b);
    const x = solveSpd(s, b, n, 3);
    const sx = matMul(s, x, n, n, 3);
    for (let i = 0; i < b.length; i++) expect(sx[i]).toBeCloseTo(b[i], 9);
    expect(() => solveSpd(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2, 1)).toThrow(/positive definite/);
  });

  it('secondMoment gives the mean and the covariance about a chosen center', () => {
    const rows = Float64Array.of(1, 2, 3, 6);
    const { mean, moment } = secondMoment(rows, 2, 2);
    expect([...mean]).toEqual([2, 4]);
    expect([...moment]).toEqual([1, 2, 2, 4]);
    const about0 = secondMoment(rows, 2, 2, new Float64Array(2)).moment;
    expect([...about0]).toEqual([5, 10, 10, 20]);
  });
});
