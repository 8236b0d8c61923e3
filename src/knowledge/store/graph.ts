/**
 * Graph queries in recursive SQL: the neighbourhood of an entity within k
 * hops and a shortest path between two entities. Asserted triples only
 * unless asked; edges are followed in both directions unless `directed`.
 *
 * The recursive CTE enumerates (entity, depth) pairs with UNION, so it
 * stops after at most |V| · maxDepth rows however many paths the graph has;
 * a shortest path is then read back hop by hop from the depth table.
 */
import { SemcomError } from '../../core/errors.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface GraphWalkOptions {
  /** Hops (default 2 for neighbourhoods, 6 for paths; at most 12). */
  readonly maxDepth?: number;
  /** Follow head → tail only (default false: both directions). */
  readonly directed?: boolean;
  /** Only these relations (default all). */
  readonly relations?: readonly string[];
  readonly includeInferred?: boolean;
}

export interface Neighbour {
  readonly id: string;
  readonly label: string;
  /** Hops from the start. */
  readonly depth: number;
}

/** One hop of a path: `from` —relation→ `to` (reversed: the triple is (to, relation, from)). */
export interface PathStep {
  readonly from: string;
  readonly relation: string;
  readonly to: string;
  readonly reversed: boolean;
}

function depthOf(o: GraphWalkOptions, fallback: number): number {
  const d = o.maxDepth ?? fallback;
  if (!Number.isInteger(d) || d < 1 || d > 12) throw new SemcomError('INVALID_ARGUMENT', `maxDepth must be an integer from 1 to 12, got ${String(d)}`);
  return d;
}

function edgeFilter(o: GraphWalkOptions, alias: string, args: unknown[]): string {
  const parts: string[] = [];
  if (!o.includeInferred) parts.push(`${alias}.inferred = 0`);
  if (o.relations && o.relations.length > 0) {
    parts.push(`${alias}.relation IN (${o.relations.map(() => '?').join(', ')})`);
    args.push(...o.relations);
  }
  return parts.length ? ` AND ${parts.join(' AND ')}` : '';
}

function requireEntity(kb: KnowledgeBase, id: string): void {
  if (!kb.db.prepare('SELECT 1 FROM entities WHERE id = ?').get(id)) throw new SemcomError('INVALID_ARGUMENT', `unknown entity ${JSON.stringify(id)} in ${kb.path}`);
}

/** Minimum hop count of every entity within `maxDepth` of `start` (start itself excluded). */
function reach(kb: KnowledgeBase, start: string, maxDepth: number, o: GraphWalkOptions): Map<string, number> {
  const args: unknown[] = [start];
  const fwdArgs: unknown[] = [];
  const fwd = edgeFilter(o, 't', fwdArgs);
  const backArgs: unknown[] = [];
  const back = edgeFilter(o, 't', backArgs);
  const sql = `WITH RECURSIVE walk(id, depth) AS (
      SELECT ?, 0
      UNION
      SELECT t.tail, w.depth + 1 FROM walk w JOIN triples t ON t.head = w.id WHERE w.depth < ?${fwd}
      ${o.directed ? '' : `UNION SELECT t.head, w.depth + 1 FROM walk w JOIN triples t ON t.tail = w.id WHERE w.depth < ?${back}`}
    ) SELECT id, min(depth) AS depth FROM walk GROUP BY id`;
  args.push(maxDepth, ...fwdArgs);
  if (!o.directed) args.push(maxDepth, ...backArgs);
  const out = new Map<string, number>();
  for (const r of kb.db.prepare(sql).all(...args) as { id: string; depth: number }[]) out.set(r.id, r.depth);
  return out;
}

/** Entities within `maxDepth` hops of `entity`, nearest first, then by id. */
export function neighbourhood(kb: KnowledgeBase, entity: string, options: GraphWalkOptions & { readonly limit?: number } = {}): Neighbour[] {
  return kb.read(() => {
    requireEntity(kb, entity);
    const depths = reach(kb, entity, depthOf(options, 2), options);
    depths.delete(entity);
    const label = kb.db.prepare('SELECT label FROM entities WHERE id = ?').pluck();
    return [...depths]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, options.limit ?? Number.MAX_SAFE_INTEGER)
      .map(([id, depth]) => ({ id, depth, label: (label.get(id) as string | undefined) ?? id }));
  });
}

/** A shortest path from `from` to `to` (fewest hops; ties by smallest ids), or null when none within `maxDepth`. */
export function shortestPath(kb: KnowledgeBase, from: string, to: string, options: GraphWalkOptions = {}): PathStep[] | null {
  return kb.read(() => {
    requireEntity(kb, from);
    requireEntity(kb, to);
    if (from === to) return [];
    const depths = reach(kb, from, depthOf(options, 6), options);
    const d = depths.get(to);
    if (d === undefined) return null;
    // Walk back from `to`: at each hop pick a neighbour one hop nearer to `from`.
    const args: unknown[] = [];
    const filter = edgeFilter(options, 't', args);
    const into = kb.db.prepare(`SELECT t.head AS other, t.relation AS relation, 0 AS reversed FROM triples t WHERE t.tail = ?${filter}
      ${options.directed ? '' : `UNION ALL SELECT t.tail, t.relation, 1 FROM triples t WHERE t.head = ?${filter}`} ORDER BY other, relation`);
    const steps: PathStep[] = [];
    let at = to;
    for (let k = d; k > 0; k--) {
      const rows = into.all(...(options.directed ? [at, ...args] : [at, ...args, at, ...args])) as { other: string; relation: string; reversed: number }[];
      const prev = rows.find((r) => (r.other === from ? 0 : depths.get(r.other)) === k - 1);
      if (!prev) throw new SemcomError('INTERNAL', `path reconstruction lost its way at ${at}`);
      steps.push({ from: prev.other, relation: prev.relation, to: at, reversed: prev.reversed === 1 });
      at = prev.other;
    }
    return steps.reverse();
  });
}
