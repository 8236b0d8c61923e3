import { describe, expect, it } from 'vitest';
import { toUnitLength } from './scaling.js';

describe('toUnitLength', () => {
  it('gives a unit vector in the same direction', () => {
    const v = Float32Array.of(3, -4, 0, 12);
    const u = toUnitLength(v)!;
    expect(Array.from(u)).toEqual([3 / 13, -4 / 13, 0, 12 / 13].map((x) => expect.closeTo(x, 15)));
    expect(u).not.toBe(v);
  });

  it('keeps its accuracy at extreme scales', () => {
    for (const s of [1e-300, 1e300]) {
      const u = toUnitLength([3 * s, 4 * s])!;
      expect(u[0]).toBeCloseTo(0.6, 15);
      expect(u[1]).toBeCloseTo(0.8, 15);
    }
  });

  it('returns null for a vector with no direction or a non-finite one', () => {
    expect(toUnitLength(new Float64Array(5))).toBeNull();
    expect(toUnitLength([])).toBeNull();
    expect(toUnitLength([1, Number.NaN])).toBeNull();
    expect(toUnitLength([1, Number.POSITIVE_INFINITY])).toBeNull();
  });
});
