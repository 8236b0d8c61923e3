/**
 * Merging knowledge graphs built from several sources (seed 000 Sec. VI-B1:
 * KBs "compiled from an amalgamation of public and proprietary data
 * sources"): WordNet, the wink-nlp extraction of a corpus, a model's
 * extraction, a user's personal facts.
 */
import type { EntityRecord, ItemRecord, KnowledgeGraphData, RelationRecord, TripleRecord } from '../records.js';

export type MergedGraph = KnowledgeGraphData & { readonly items: readonly ItemRecord[] };

/**
 * One graph holding every record of `graphs`, each record once, keyed as the
 * store keys them: entities, relations and items by id, triples by
 * `scope|head|relation|tail` (so a fact asserted in two scopes stays two
 * facts). The first occurrence wins, whole: its label, kind, provenance
 * (`source`), score and `assertedAt` are kept and later duplicates are
 * dropped without comparing their fields. Order is first occurrence.
 */
export function mergeGraphs(...graphs: ReadonlyArray<KnowledgeGraphData & { readonly items?: readonly ItemRecord[] }>): MergedGraph {
  const entities = new Map<string, EntityRecord>();
  const relations = new Map<string, RelationRecord>();
  const triples = new Map<string, TripleRecord>();
  const items = new Map<string, ItemRecord>();
  for (const g of graphs) {
    for (const e of g.entities) if (!entities.has(e.id)) entities.set(e.id, e);
    for (const r of g.relations) if (!relations.has(r.id)) relations.set(r.id, r);
    for (const t of g.triples) {
      const key = `${t.scope ?? 'common'}|${t.head}|${t.relation}|${t.tail}`;
      if (!triples.has(key)) triples.set(key, t);
    }
    for (const i of g.items ?? []) if (!items.has(i.id)) items.set(i.id, i);
  }
  return { entities: [...entities.values()], relations: [...relations.values()], triples: [...triples.values()], items: [...items.values()] };
}
