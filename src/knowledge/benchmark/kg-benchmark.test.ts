import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { benchmarkFromTriples, benchmarkStats, validateBenchmark } from './kg-benchmark.js';
import { TripleIndex } from './triple-index.js';

describe('benchmarkFromTriples and benchmarkStats', () => {
  const b = benchmarkFromTriples({
    train: [
      ['a', 'r', 'b'],
      ['b', 'r', 'c'],
      ['a', 's', 'c'],
    ],
    validation: [['c', 'r', 'a']],
    test: [['b', 's', 'a']],
  });

  it('indexes entities and relations by first appearance', () => {
    expect(b.entities).toEqual(['a', 'b', 'c']);
    expect(b.relations).toEqual(['r', 's']);
    expect([...b.train]).toEqual([0, 0, 1, 1, 0, 2, 0, 1, 2]);
    expect([...b.test]).toEqual([1, 1, 0]);
  });

  it('counts per split and relation', () => {
    expect(benchmarkStats(b)).toEqual({
      entities: 3,
      relations: 2,
      train: 3,
      validation: 1,
      test: 1,
      trainEntities: 3,
      perRelation: { r: { train: 2, validation: 1, test: 0 }, s: { train: 1, validation: 0, test: 1 } },
    });
  });

  it('refuses names outside a given list, and out-of-range arrays', () => {
    expect(() => benchmarkFromTriples({ train: [['a', 'r', 'z']], entities: ['a', 'b'] })).toThrow(/entity 'z'/);
    const bad = { ...b, train: Int32Array.of(0, 0, 3) };
    expect(() => validateBenchmark(bad)).toThrow(SemcomError);
    expect(() => validateBenchmark({ ...b, test: Int32Array.of(0, 1) })).toThrow(/multiple of 3/);
  });
});

describe('TripleIndex', () => {
  it('answers membership and neighbour lists, merging splits and duplicates', () => {
    const idx = new TripleIndex(5, 2, Int32Array.of(0, 0, 3, 0, 0, 1, 2, 1, 3), Int32Array.of(0, 0, 1, 4, 0, 3));
    expect(idx.size).toBe(4);
    expect([...idx.tails(0, 0)]).toEqual([1, 3]);
    expect([...idx.heads(0, 3)]).toEqual([0, 4]);
    expect([...idx.heads(1, 3)]).toEqual([2]);
    expect(idx.tails(1, 1).length).toBe(0);
    expect(idx.has(0, 0, 3)).toBe(true);
    expect(idx.has(0, 1, 3)).toBe(false);
    expect(idx.has(3, 0, 0)).toBe(false);
  });

  it('refuses out-of-range triples', () => {
    expect(() => new TripleIndex(2, 1, Int32Array.of(0, 0, 2))).toThrow(/out of range/);
  });
});
