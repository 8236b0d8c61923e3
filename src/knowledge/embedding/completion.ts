/**
 * Knowledge-graph completion with a trained embedding model (seed 000 Sec.
 * VI-B: "knowledge completion" infers missing facts): the k best-scoring
 * tails of (h, r, ?) or heads of (?, r, t), optionally leaving out facts
 * already known, and their conversion to triple records flagged `inferred`
 * so they are never mixed silently with asserted facts.
 */
import { SemcomError } from '../../core/errors.js';
import type { TripleIndex } from '../benchmark/triple-index.js';
import type { TripleRecord } from '../records.js';
import type { KgeModel } from './kge-model.js';

export interface CompletionQuery {
  /** Give exactly one of head and tail: the other end is predicted. */
  readonly head?: number;
  readonly relation: number;
  readonly tail?: number;
  /** Number of candidates to return. */
  readonly k: number;
  /** Known triples to leave out (e.g. an index of the training graph). */
  readonly exclude?: TripleIndex;
  /** Allow the query entity itself as the answer (default false: no self-loops). */
  readonly allowSelf?: boolean;
}

export interface PredictedTriple {
  readonly head: number;
  readonly relation: number;
  readonly tail: number;
  /** The model's score (higher is more plausible; for the distance models γ − distance). */
  readonly score: number;
}

/** The k highest-scoring completions, best first (ties by lower entity index). */
export function predictTriples(model: KgeModel, query: CompletionQuery): PredictedTriple[] {
  const { head, tail, relation, k } = query;
  if ((head === undefined) === (tail === undefined)) throw new SemcomError('INVALID_ARGUMENT', 'predictTriples: give exactly one of head and tail');
  const given = (head ?? tail) as number;
  if (!Number.isInteger(given) || given < 0 || given >= model.entityCount) throw new SemcomError('INVALID_ARGUMENT', `predictTriples: entity ${given} is not in [0, ${model.entityCount})`);
  if (!Number.isInteger(relation) || relation < 0 || relation >= model.relationCount) throw new SemcomError('INVALID_ARGUMENT', `predictTriples: relation ${relation} is not in [0, ${model.relationCount})`);
  if (!Number.isInteger(k) || k < 1) throw new SemcomError('INVALID_ARGUMENT', `predictTriples: k must be a positive integer, got ${k}`);
  const n = model.entityCount;
  const scores = new Float32Array(n);
  const predictTail = head !== undefined;
  if (predictTail) model.scoreAllTails(head, relation, scores);
  else model.scoreAllHeads(relation, tail as number, scores);
  const known = query.exclude ? (predictTail ? query.exclude.tails(given, relation) : query.exclude.heads(relation, given)) : null;
  if (known) for (const e of known) scores[e] = Number.NaN;
  if (!query.allowSelf) scores[given] = Number.NaN;
  // Top-k by insertion into a sorted buffer of at most k (k is small next to n).
  const best: number[] = [];
  for (let e = 0; e < n; e++) {
    const s = scores[e];
    if (Number.isNaN(s)) continue;
    if (best.length === k && s <= scores[best[k - 1]]) continue;
    let pos = best.length;
    while (pos > 0 && scores[best[pos - 1]] < s) pos--;
    best.splice(pos, 0, e);
    if (best.length > k) best.pop();
  }
  return best.map((e) => (predictTail ? { head: given, relation, tail: e, score: scores[e] } : { head: e, relation, tail: given, score: scores[e] }));
}

/**
 * Predicted triples as knowledge-base records: entity and relation keys from
 * the benchmark's lists, `inferred: true`, the score, and a provenance
 * `source` (`kge:transe`, ...).
 */
export function toTripleRecords(
  predictions: readonly PredictedTriple[],
  vocabulary: { readonly entities: readonly string[]; readonly relations: readonly string[] },
  options: { readonly source: string; readonly assertedAt?: number },
): TripleRecord[] {
  return predictions.map((p) => {
    const head = vocabulary.entities[p.head];
    const tail = vocabulary.entities[p.tail];
    const relation = vocabulary.relations[p.relation];
    if (head === undefined || tail === undefined || relation === undefined) {
      throw new SemcomError('INVALID_ARGUMENT', `toTripleRecords: (${p.head}, ${p.relation}, ${p.tail}) is outside the vocabulary`);
    }
    return { head, relation, tail, source: options.source, inferred: true, score: p.score, ...(options.assertedAt !== undefined ? { assertedAt: options.assertedAt } : {}) };
  });
}
