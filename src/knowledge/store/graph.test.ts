import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from './knowledge-base.js';
import { neighbourhood, shortestPath } from './graph.js';
import { openTemp, smallGraph, tempDir } from './test-support.js';

const tmp = tempDir();
let kb: KnowledgeBase;
beforeAll(() => {
  kb = openTemp(tmp.dir, 'g.db');
  kb.apply(smallGraph());
  kb.apply([{ kind: 'triple', put: { head: 'cat', relation: 'lives_in', tail: 'london', inferred: true, score: 0.5 } }]);
});
afterAll(() => {
  kb.close();
  tmp.cleanup();
});

describe('graph queries', () => {
  it('finds the k-hop neighbourhood in both directions, nearest first', () => {
    expect(neighbourhood(kb, 'dog', { maxDepth: 1 }).map((n) => [n.id, n.depth])).toEqual([['canine', 1], ['rex', 1]]);
    expect(neighbourhood(kb, 'dog', { maxDepth: 2 }).map((n) => [n.id, n.depth])).toEqual([['canine', 1], ['rex', 1], ['carnivore', 2], ['paris', 2]]);
    expect(neighbourhood(kb, 'dog', { maxDepth: 3, directed: true }).map((n) => n.id)).toEqual(['canine', 'carnivore', 'animal']);
    expect(neighbourhood(kb, 'dog', { maxDepth: 4, relations: ['hypernym'] }).map((n) => n.id)).toEqual(['canine', 'carnivore', 'animal', 'feline', 'cat']);
  });

  it('finds a shortest path, following edges backwards when undirected', () => {
    const p = shortestPath(kb, 'rex', 'cat');
    expect(p?.map((s) => `${s.from} ${s.relation}${s.reversed ? '⁻¹' : ''} ${s.to}`)).toEqual([
      'rex instance_of dog',
      'dog hypernym canine',
      'canine hypernym carnivore',
      'carnivore hypernym⁻¹ feline',
      'feline hypernym⁻¹ cat',
    ]);
    expect(shortestPath(kb, 'rex', 'cat', { directed: true })).toBeNull();
    expect(shortestPath(kb, 'rex', 'cat', { maxDepth: 4 })).toBeNull();
    expect(shortestPath(kb, 'dog', 'dog')).toEqual([]);
  });

  it('uses inferred triples only when asked', () => {
    expect(shortestPath(kb, 'cat', 'london')).toBeNull();
    expect(shortestPath(kb, 'cat', 'london', { includeInferred: true })).toEqual([{ from: 'cat', relation: 'lives_in', to: 'london', reversed: false }]);
  });

  it('names an unknown entity', () => {
    expect(() => neighbourhood(kb, 'unicorn')).toThrow(/unknown entity "unicorn"/);
    expect(() => shortestPath(kb, 'dog', 'cat', { maxDepth: 40 })).toThrow(/maxDepth/);
  });
});
