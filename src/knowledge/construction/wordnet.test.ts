import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { fnv1a32, loadWordnetSentences, loadWordnetSynsets, wordnetSplitOf } from '../../datasets/wordnet.js';
import type { TripleRecord } from '../records.js';
import { buildWordnetGraph, wordnetEntityId, wordnetSentenceIds, type WordnetGraph } from './wordnet.js';
import { WORDNET_RELATIONS, wordnetRelationOf } from './wordnet-relations.js';

const graph = buildWordnetGraph({ includeSentences: true });
const entityIds = new Set(graph.entities.map((e) => e.id));
const tripleKeys = new Set(graph.triples.map((t) => `${t.head} ${t.relation} ${t.tail}`));

function countBy(triples: readonly TripleRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of triples) m.set(t.relation, (m.get(t.relation) ?? 0) + 1);
  return m;
}

/** Triples of `relation` whose reverse `(tail, reverse, head)` is missing. */
function unmatched(relation: string, reverse: string): TripleRecord[] {
  return graph.triples.filter((t) => t.relation === relation && !tripleKeys.has(`${t.tail} ${reverse} ${t.head}`));
}

function digest(g: WordnetGraph): string {
  const h = createHash('sha256');
  for (const e of g.entities) h.update(`${e.id}\t${e.label}\t${JSON.stringify(e.attributes)}\n`);
  for (const t of g.triples) h.update(`${t.head}\t${t.relation}\t${t.tail}\n`);
  for (const i of g.items) h.update(`${i.id}\t${i.text}\n`);
  return h.digest('hex');
}

describe('buildWordnetGraph', () => {
  it('has one entity per synset, satellites written as adjectives', () => {
    const synsets = loadWordnetSynsets();
    expect(graph.entities.length).toBe(synsets.length);
    expect(graph.entities.length).toBe(117_791);
    expect(entityIds.size).toBe(graph.entities.length);
    const byPos = new Map<string, number>();
    for (const e of graph.entities) byPos.set(e.attributes?.pos as string, (byPos.get(e.attributes?.pos as string) ?? 0) + 1);
    expect(Object.fromEntries(byPos)).toEqual({ n: 82_192, v: 13_789, a: 7_468, s: 10_717, r: 3_625 });
    const bad = graph.entities.filter((e) => !/^wn:\d{8}-[nvar]$/.test(e.id) || e.kind !== 'synset' || e.label.length === 0 || e.scope !== 'common');
    expect(bad).toEqual([]);
  });

  it('keeps the synset data in the attributes', () => {
    const dog = graph.entities.find((e) => e.id === 'wn:02086723-n');
    expect(dog?.label).toBe('dog');
    expect(dog?.attributes).toMatchObject({ pos: 'n', lexname: 'noun.animal', lemmas: 'dog|domestic dog|Canis familiaris' });
    expect(dog?.attributes?.gloss).toMatch(/^a member of the genus Canis/);
    const emergent = graph.entities.find((e) => e.id === 'wn:00003552-a');
    expect(emergent?.attributes?.pos).toBe('s');
    const edges = graph.triples.filter((t) => t.head === 'wn:02086723-n' && t.relation === 'hypernym').map((t) => t.tail);
    expect(edges).toEqual(['wn:02085998-n', 'wn:01320032-n']); // canine, domestic animal
  });

  it('names 27 relations, every one used, none functional', () => {
    expect(graph.relations.length).toBe(27);
    expect(new Set(graph.relations.map((r) => r.id)).size).toBe(27);
    const counts = countBy(graph.triples);
    for (const r of graph.relations) {
      expect(r.functional).toBe(false);
      expect(counts.get(r.id) ?? 0).toBeGreaterThan(0);
      if (r.inverseOf) expect(graph.relations.find((x) => x.id === r.inverseOf)?.inverseOf).toBe(r.id);
    }
    expect(graph.relations.filter((r) => r.symmetric).map((r) => r.id).sort()).toEqual(
      ['antonym', 'attribute', 'derivationally_related_form', 'similar_to', 'verb_group'],
    );
  });

  it('has one triple per synset-level pointer, every end an entity', () => {
    expect(graph.triples.length).toBe(365_110);
    expect(tripleKeys.size).toBe(graph.triples.length);
    const relationIds = new Set(graph.relations.map((r) => r.id));
    const bad = graph.triples.filter(
      (t) => !entityIds.has(t.head) || !entityIds.has(t.tail) || !relationIds.has(t.relation) || t.head === t.tail ||
        t.source !== 'wordnet-3.1' || t.scope !== 'common' || t.assertedAt !== undefined,
    );
    expect(bad).toEqual([]);
    const counts = countBy(graph.triples);
    expect(counts.get('hypernym')).toBe(89_172);
    expect(counts.get('derivationally_related_form')).toBe(63_605);
    expect(counts.get('similar_to')).toBe(21_434);
    expect(counts.get('antonym')).toBe(7_604);
    expect((counts.get('pertainym') ?? 0) + (counts.get('derived_from_adjective') ?? 0)).toBe(6_707);
  });

  it('leaves no satellite pointer dangling', () => {
    let satellitePointers = 0;
    const dangling: string[] = [];
    for (const s of loadWordnetSynsets()) {
      for (const p of s.pointers) {
        if (!entityIds.has(wordnetEntityId(p.target))) dangling.push(`${s.id} ${p.symbol} ${p.target}`);
        if (s.pos === 's') satellitePointers++;
      }
    }
    expect(dangling).toEqual([]);
    expect(satellitePointers).toBeGreaterThan(10_000);
    // Each satellite is similar to its head adjective and back (the cluster structure of wninput(5WN)).
    const satellites = graph.entities.filter((e) => e.attributes?.pos === 's');
    const similarHeads = new Set(graph.triples.filter((t) => t.relation === 'similar_to').map((t) => t.head));
    expect(satellites.every((e) => similarHeads.has(e.id))).toBe(true);
  });

  it('is inverse-consistent where WordNet says a pointer is reflexive', () => {
    for (const r of WORDNET_RELATIONS) {
      if (r.inverseOf) expect(unmatched(r.id, r.inverseOf).length, r.id).toBe(0);
    }
    for (const id of ['antonym', 'similar_to', 'attribute', 'verb_group']) expect(unmatched(id, id).length, id).toBe(0);
    // Exceptions in WordNet 3.1 itself: 31 derivational links are stated one way only.
    const oneWay = unmatched('derivationally_related_form', 'derivationally_related_form');
    expect(oneWay.length).toBe(31);
    // Also see is not reflexive in wninput(5WN), and indeed often one-way.
    expect(unmatched('also_see', 'also_see').length).toBe(726);
  });

  it('splits the backslash pointer by the part of speech of its source', () => {
    expect(wordnetRelationOf('\\', 'a')).toBe('pertainym');
    expect(wordnetRelationOf('\\', 's')).toBe('pertainym');
    expect(wordnetRelationOf('\\', 'r')).toBe('derived_from_adjective');
    expect(wordnetRelationOf('@i', 'n')).toBe('instance_hypernym');
    expect(() => wordnetRelationOf('?x', 'n')).toThrow(SemcomError);
    try {
      wordnetRelationOf('?x', 'n');
    } catch (e) {
      expect((e as SemcomError).code).toBe('MALFORMED_INPUT');
    }
  });

  it('adds the example sentences as items with unique ids', () => {
    expect(buildWordnetGraph().items.length).toBe(0);
    const sentences = loadWordnetSentences('all');
    expect(graph.items.length).toBe(sentences.length);
    expect(graph.items.length).toBe(48_459);
    expect(new Set(graph.items.map((i) => i.id)).size).toBe(graph.items.length);
    const bad = graph.items.filter(
      (item) => !item.id.startsWith(`wn-sentence:${fnv1a32(item.text).toString(16).padStart(8, '0')}`) ||
        !entityIds.has(item.metadata?.synset as string) || item.metadata?.split !== wordnetSplitOf(item.text),
    );
    expect(bad).toEqual([]);
    // Two 32-bit hash collisions in WordNet 3.1; the later sentence of each pair takes a suffix.
    expect(graph.items.filter((i) => i.id.endsWith('-2')).map((i) => i.text)).toEqual([
      'uncompromising honesty',
      "`I would rather not touch,' he said squeamishly",
    ]);
  });

  it('numbers colliding sentence ids in order', () => {
    // "charges of opposite sign" and "uncompromising honesty" share an FNV-1a hash.
    expect(fnv1a32('charges of opposite sign')).toBe(fnv1a32('uncompromising honesty'));
    const ids = wordnetSentenceIds(['uncompromising honesty', 'x', 'charges of opposite sign', 'charges of opposite sign']);
    expect(ids[2]).toBe(`${ids[0]}-2`);
    expect(ids[3]).toBe(`${ids[0]}-3`);
  });

  it('is deterministic', () => {
    expect(digest(buildWordnetGraph({ includeSentences: true }))).toBe(digest(graph));
  });

  it('keeps only the given lexicographer files when asked, and stamps every triple with one time', () => {
    const g = buildWordnetGraph({ lexnames: ['verb.weather'], assertedAt: 5, includeSentences: true });
    const ids = new Set(g.entities.map((e) => e.id));
    expect(ids.size).toBeGreaterThan(50);
    expect(g.entities.every((e) => e.attributes?.lexname === 'verb.weather')).toBe(true);
    expect(g.triples.length).toBeGreaterThan(50);
    expect(g.triples.every((t) => ids.has(t.head) && ids.has(t.tail) && t.assertedAt === 5)).toBe(true);
    expect(new Set(g.triples.map((t) => t.relation))).toEqual(new Set(g.relations.map((r) => r.id)));
    expect(g.items.length).toBeGreaterThan(10);
    expect(g.items.every((i) => ids.has(i.metadata?.synset ?? ''))).toBe(true);
    expect(() => buildWordnetGraph({ lexnames: ['noun.unicorns'] })).toThrow(/match no synset/);
  });
});
