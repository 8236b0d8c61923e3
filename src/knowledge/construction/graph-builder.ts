/**
 * What both extraction paths share: argument checks and a builder that
 * collects entities, relations and triples in first-seen order, keyed the
 * way the store keys them (src/knowledge/store/canonical.ts: ids for
 * entities and relations, `scope|head|relation|tail` for triples).
 */
import { SemcomError } from '../../core/errors.js';
import type { EntityRecord, KnowledgeGraphData, RelationRecord, Scope, TripleRecord } from '../records.js';
import { relationLabel } from './names.js';

/** A knowledge graph extracted from one text. */
export interface ExtractedGraph extends KnowledgeGraphData {
  /** Candidate triples left out: a head equal to its tail, a blank or over-long name, beyond a cap. Repeats of a kept triple are not counted. */
  readonly dropped: number;
}

const SCOPE = /^(common|user:[^\s|]{1,128})$/u;

/** Checks the scope option; shared with the model path. */
export function checkScope(scope: unknown, what: string): Scope {
  if (scope === undefined) return 'common';
  if (typeof scope !== 'string' || !SCOPE.test(scope)) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: scope must be 'common' or 'user:<name>', got ${JSON.stringify(scope)}`);
  }
  return scope as Scope;
}

/** Checks the text argument; shared with the model path. */
export function checkText(text: unknown, max: number, what: string): string {
  if (typeof text !== 'string') throw new SemcomError('INVALID_ARGUMENT', `${what}: text must be a string, got ${typeof text}`);
  if (text.length > max) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: text has ${text.length} characters, more than ${max}; split it into parts and merge the graphs with mergeGraphs`);
  }
  return text;
}

/** Collects records in first-seen order, keyed as the store keys them. */
export class GraphBuilder {
  private readonly entities = new Map<string, EntityRecord>();
  private readonly relations = new Map<string, RelationRecord>();
  private readonly triples = new Map<string, TripleRecord>();
  dropped = 0;

  constructor(
    private readonly scope: Scope,
    private readonly source: string,
  ) {}

  entity(id: string, label: string, kind: string): void {
    if (!this.entities.has(id)) this.entities.set(id, { id, label, kind, scope: this.scope });
  }

  /** Adds a triple (its entities must be added too); false when head = tail. */
  triple(head: string, relation: string, tail: string): boolean {
    if (head === tail) {
      this.dropped++;
      return false;
    }
    if (!this.relations.has(relation)) this.relations.set(relation, { id: relation, label: relationLabel(relation) });
    const key = `${head}|${relation}|${tail}`;
    if (!this.triples.has(key)) this.triples.set(key, { head, relation, tail, scope: this.scope, source: this.source });
    return true;
  }

  hasTriple(head: string, relation: string, tail: string): boolean {
    return this.triples.has(`${head}|${relation}|${tail}`);
  }

  get tripleCount(): number {
    return this.triples.size;
  }

  /** The graph; entities restricted to those in a triple unless `keepIsolated`. */
  build(keepIsolated: boolean): ExtractedGraph {
    const triples = [...this.triples.values()];
    let entities = [...this.entities.values()];
    if (!keepIsolated) {
      const used = new Set<string>();
      for (const t of triples) used.add(t.head).add(t.tail);
      entities = entities.filter((e) => used.has(e.id));
    }
    return { entities, relations: [...this.relations.values()], triples, dropped: this.dropped };
  }
}

