/**
 * Knowledge-matching degree between two knowledge bases (seed 000 Sec.
 * VI-C: "a knowledge-matching degree as a new metric to evaluate the
 * relevance of transceiver's KBs").
 *
 * Defined here as the weighted Jaccard index of the two stores' knowledge
 * elements:
 *
 *   M(A, B) = Σ_e min(w_A(e), w_B(e)) / Σ_e max(w_A(e), w_B(e))  ∈ [0, 1],
 *
 * where an element e is a record's (kind, key, content) (its content without
 * bookkeeping: when a fact was asserted and where it came from do not make
 * two nodes read it differently), and w(e) is the element's weight for the
 * task, 0 when the store lacks it. A record both hold with different content
 * (stale on one side) is two elements, one on each side: it counts against
 * the match as a missing record does. M = 1 for equal knowledge, 0 for
 * disjoint. With w ≡ 1 it is the plain Jaccard index of the record sets;
 * a task weights the records it uses by how much it uses them (the text case
 * study weights vocabulary entries by how often the transmitter sends them),
 * and gives 0 to records it never reads.
 */
import { SemcomError } from '../../core/errors.js';
import type { Scope } from '../records.js';
import { canonicalJson, contentOf, sha256, type AnyRecord, type RecordKind } from './canonical.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface MatchingOptions {
  /** Record kinds the task reads (default all). */
  readonly kinds?: readonly RecordKind[];
  /** Only records of this scope (default: all scopes). */
  readonly scope?: Scope;
  /** The task's weight of a record (≥ 0; default 1). */
  readonly weight?: (kind: RecordKind, key: string, record: AnyRecord) => number;
}

export interface MatchingDegree {
  /** M(A, B) as defined in the module doc. */
  readonly degree: number;
  /** Weight held by both, by A only, by B only. */
  readonly shared: number;
  readonly onlyA: number;
  readonly onlyB: number;
  /** Keys present in both with different content. */
  readonly staleKeys: number;
}

interface Element {
  readonly content: string;
  readonly weight: number;
}

function elements(kb: KnowledgeBase, o: MatchingOptions): Map<string, Element> {
  const kinds = o.kinds ?? (['entity', 'relation', 'triple', 'item'] as const);
  const out = new Map<string, Element>();
  kb.read(() => {
    for (const kind of kinds) {
      const rows = o.scope
        ? kb.db.prepare('SELECT key, record FROM current WHERE kind = ? AND scope = ?').iterate(kind, o.scope)
        : kb.db.prepare('SELECT key, record FROM current WHERE kind = ?').iterate(kind);
      for (const row of rows as Iterable<{ key: string; record: string }>) {
        const record = JSON.parse(row.record) as AnyRecord;
        const w = o.weight ? o.weight(kind, row.key, record) : 1;
        if (!(w >= 0) || !Number.isFinite(w)) throw new SemcomError('INVALID_ARGUMENT', `matching weight of ${kind} ${row.key} must be a finite number ≥ 0, got ${w}`);
        if (w === 0) continue;
        out.set(`${kind}\0${row.key}`, { content: sha256(canonicalJson(contentOf(kind, record))).toString('base64'), weight: w });
      }
    }
  });
  return out;
}

/** M(A, B) (see the module doc); 1 when neither store holds a weighted record. */
export function matchingDegree(a: KnowledgeBase, b: KnowledgeBase, options: MatchingOptions = {}): MatchingDegree {
  const ea = elements(a, options);
  const eb = elements(b, options);
  let shared = 0;
  let onlyA = 0;
  let onlyB = 0;
  let staleKeys = 0;
  for (const [k, x] of ea) {
    const y = eb.get(k);
    if (y && y.content === x.content) {
      shared += Math.min(x.weight, y.weight);
      const rest = Math.abs(x.weight - y.weight);
      if (x.weight > y.weight) onlyA += rest;
      else onlyB += rest;
    } else {
      onlyA += x.weight;
      if (y) {
        staleKeys++;
        onlyB += y.weight;
      }
    }
  }
  for (const [k, y] of eb) if (!ea.has(k)) onlyB += y.weight;
  const total = shared + onlyA + onlyB;
  return { degree: total === 0 ? 1 : shared / total, shared, onlyA, onlyB, staleKeys };
}
