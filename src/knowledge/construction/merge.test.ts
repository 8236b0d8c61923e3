import { describe, expect, it } from 'vitest';
import type { KnowledgeGraphData } from '../records.js';
import { mergeGraphs } from './merge.js';

const a: KnowledgeGraphData = {
  entities: [
    { id: 'text:paris', label: 'Paris', kind: 'place' },
    { id: 'text:france', label: 'France', kind: 'place' },
  ],
  relations: [{ id: 'capital_of', label: 'capital of' }],
  triples: [{ head: 'text:paris', relation: 'capital_of', tail: 'text:france', source: 'text:wink-nlp' }],
};
const b = {
  entities: [
    { id: 'text:paris', label: 'paris', kind: 'name' },
    { id: 'text:seine', label: 'Seine', kind: 'place' },
  ],
  relations: [{ id: 'capital_of', label: 'capital' }, { id: 'on', label: 'on' }],
  triples: [
    { head: 'text:paris', relation: 'capital_of', tail: 'text:france', scope: 'common' as const, source: 'llm:fake:m', assertedAt: 5 },
    { head: 'text:paris', relation: 'capital_of', tail: 'text:france', scope: 'user:ann' as const, source: 'llm:fake:m' },
    { head: 'text:paris', relation: 'on', tail: 'text:seine', source: 'llm:fake:m' },
  ],
  items: [{ id: 'i1', text: 'one' }, { id: 'i1', text: 'other' }],
};

describe('mergeGraphs', () => {
  it('keeps each record once, the first occurrence whole, in first-seen order', () => {
    const m = mergeGraphs(a, b);
    expect(m.entities).toEqual([a.entities[0], a.entities[1], b.entities[1]]);
    expect(m.relations).toEqual([a.relations[0], b.relations[1]]);
    // A missing scope is `common`, so the first two triples are one fact; the user's copy is another.
    expect(m.triples).toEqual([a.triples[0], b.triples[1], b.triples[2]]);
    expect(m.items).toEqual([{ id: 'i1', text: 'one' }]);
  });

  it('is idempotent and has the empty graph as identity', () => {
    const m = mergeGraphs(a, b);
    expect(mergeGraphs(m, m)).toEqual(m);
    expect(mergeGraphs(m, { entities: [], relations: [], triples: [] })).toEqual(m);
    expect(mergeGraphs()).toEqual({ entities: [], relations: [], triples: [], items: [] });
  });

  it('prefers the order of its arguments', () => {
    expect(mergeGraphs(b, a).triples[0]?.source).toBe('llm:fake:m');
  });
});
