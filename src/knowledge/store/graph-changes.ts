/** A constructed knowledge graph as the changes that put it into a store. */
import type { ItemRecord, KnowledgeGraphData } from '../records.js';
import type { ChangeInput } from './knowledge-base.js';

/** Puts of every record of `g`, entities and relations before the triples that name them, items last: one `apply` batch. */
export function changesOfGraph(g: KnowledgeGraphData & { readonly items?: readonly ItemRecord[] }): ChangeInput[] {
  return [
    ...g.entities.map((put) => ({ kind: 'entity' as const, put })),
    ...g.relations.map((put) => ({ kind: 'relation' as const, put })),
    ...g.triples.map((put) => ({ kind: 'triple' as const, put })),
    ...(g.items ?? []).map((put) => ({ kind: 'item' as const, put })),
  ];
}
