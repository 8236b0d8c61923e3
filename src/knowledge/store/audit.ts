/**
 * Audits (seed 000 Sec. VI-B2: "periodic audits are employed to identify and
 * excise outdated or incorrect data"): facts older than a freshness bound,
 * and contradictions, i.e. a functional relation (at most one tail per head)
 * holding two or more tails for one head within a scope. An audit reports;
 * what to do about a finding (re-confirm, delete, keep) is the caller's.
 */
import { SemcomError } from '../../core/errors.js';
import type { TripleRecord } from '../records.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface Contradiction {
  readonly head: string;
  readonly relation: string;
  readonly scope: string;
  /** The triples in conflict, by key order. */
  readonly triples: readonly TripleRecord[];
}

export interface AuditReport {
  /** When the audit ran and the freshness bound it used (ms). */
  readonly now: number;
  readonly maxAgeMs: number;
  /** Asserted triples with assertedAt < now − maxAgeMs (up to `limit`), oldest first. */
  readonly stale: readonly TripleRecord[];
  readonly staleCount: number;
  readonly contradictions: readonly Contradiction[];
}

export function auditKnowledgeBase(kb: KnowledgeBase, options: { readonly maxAgeMs: number; readonly now?: number; readonly limit?: number }): AuditReport {
  const { maxAgeMs } = options;
  if (typeof maxAgeMs !== 'number' || !(maxAgeMs >= 0)) throw new SemcomError('INVALID_ARGUMENT', `the freshness bound must be a non-negative number of milliseconds, got ${String(maxAgeMs)}`);
  const now = options.now ?? kb.clock();
  const limit = options.limit ?? 1000;
  return kb.read(() => {
    const cutoff = now - maxAgeMs;
    const staleCount = kb.db.prepare('SELECT count(*) FROM triples WHERE inferred = 0 AND asserted_at < ?').pluck().get(cutoff) as number;
    const stale = (kb.db.prepare("SELECT l.record FROM triples t CROSS JOIN records r ON r.kind = 'triple' AND r.key = t.key CROSS JOIN log l ON l.seq = r.seq WHERE t.inferred = 0 AND t.asserted_at < ? ORDER BY t.asserted_at, t.key LIMIT ?").pluck().all(cutoff, limit) as string[]).map((j) => JSON.parse(j) as TripleRecord);
    const groups = kb.db
      .prepare('SELECT t.head, t.relation, t.scope FROM triples t JOIN relations rel ON rel.id = t.relation WHERE rel.functional = 1 AND t.inferred = 0 GROUP BY t.head, t.relation, t.scope HAVING count(*) > 1 ORDER BY t.head, t.relation, t.scope LIMIT ?')
      .all(limit) as { head: string; relation: string; scope: string }[];
    const members = kb.db.prepare("SELECT l.record FROM triples t CROSS JOIN records r ON r.kind = 'triple' AND r.key = t.key CROSS JOIN log l ON l.seq = r.seq WHERE t.head = ? AND t.relation = ? AND t.scope = ? AND t.inferred = 0 ORDER BY t.key").pluck();
    const contradictions = groups.map((g) => ({ ...g, triples: (members.all(g.head, g.relation, g.scope) as string[]).map((j) => JSON.parse(j) as TripleRecord) }));
    return { now, maxAgeMs, stale, staleCount, contradictions };
  });
}
