/**
 * Vectors beside the records (seed 003 Sec. III-D2 c: long-term memory as
 * "knowledge graphs and vector databases"): entity embeddings from
 * knowledge representation learning, sentence embeddings for retrieval.
 *
 * A vector space has a name and a dimension; its vectors are float32 blobs
 * keyed by record key, searched with sqlite-vec's distance functions (exact
 * k-nearest-neighbour by a scan in C: sqlite-vec has no approximate index,
 * and a scan of 10⁵ vectors of 100 dimensions takes milliseconds).
 * Vectors are derived data: not logged, not versioned, not synced (each
 * node computes them with its own model).
 */
import { SemcomError } from '../../core/errors.js';
import type { KnowledgeBase } from './knowledge-base.js';

export type VectorMetric = 'cosine' | 'l2' | 'l1';

export interface VectorHit {
  readonly key: string;
  /** Distance under the metric (cosine distance = 1 − cosine similarity); smaller is nearer. */
  readonly distance: number;
}

const SPACE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/u;

function blob(v: ArrayLike<number>, dimension: number, what: string): Buffer {
  if (v.length !== dimension) throw new SemcomError('INVALID_ARGUMENT', `${what} has ${v.length} components, the space has ${dimension}`);
  const f = Float32Array.from(v);
  for (const x of f) if (!Number.isFinite(x)) throw new SemcomError('INVALID_ARGUMENT', `${what} has a non-finite component`);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength);
}

/** The dimension of space `name`, or undefined when it does not exist. */
export function vectorSpaceDimension(kb: KnowledgeBase, name: string): number | undefined {
  return kb.db.prepare('SELECT dimension FROM vector_spaces WHERE name = ?').pluck().get(name) as number | undefined;
}

/**
 * Stores vectors in space `name` (created with `dimension` if new; replaced
 * wholesale when `replace` is true), in one transaction.
 */
export function putVectors(kb: KnowledgeBase, name: string, entries: Iterable<readonly [string, ArrayLike<number>]>, options: { readonly dimension: number; readonly note?: string; readonly replace?: boolean }): number {
  if (!SPACE.test(name)) throw new SemcomError('INVALID_ARGUMENT', `vector space name ${JSON.stringify(name)} must be letters, digits, '.', '_', ':' or '-'`);
  const dimension = options.dimension;
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 8192) throw new SemcomError('INVALID_ARGUMENT', `vector dimension must be an integer from 1 to 8192, got ${String(dimension)}`);
  if (kb.readonly) throw new SemcomError('INVALID_ARGUMENT', `knowledge base ${kb.path} was opened read-only`);
  return kb.transaction(() => {
    const existing = vectorSpaceDimension(kb, name);
    if (options.replace) {
      kb.db.prepare('DELETE FROM vectors WHERE space = ?').run(name);
      kb.db.prepare('DELETE FROM vector_spaces WHERE name = ?').run(name);
    } else if (existing !== undefined && existing !== dimension) {
      throw new SemcomError('INVALID_ARGUMENT', `vector space ${name} has dimension ${existing}, not ${dimension}; pass replace to rebuild it`);
    }
    kb.db.prepare('INSERT OR IGNORE INTO vector_spaces (name, dimension, note) VALUES (?, ?, ?)').run(name, dimension, options.note ?? '');
    const put = kb.db.prepare('INSERT OR REPLACE INTO vectors (space, key, vector) VALUES (?, ?, ?)');
    let n = 0;
    for (const [key, v] of entries) {
      if (typeof key !== 'string' || key === '') throw new SemcomError('INVALID_ARGUMENT', 'a vector needs a non-empty key');
      put.run(name, key, blob(v, dimension, `vector ${key}`));
      n++;
    }
    return n;
  });
}

/** The vector stored under `key` in space `name`. */
export function getVector(kb: KnowledgeBase, name: string, key: string): Float32Array | undefined {
  const b = kb.db.prepare('SELECT vector FROM vectors WHERE space = ? AND key = ?').pluck().get(name, key) as Buffer | undefined;
  return b ? new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : undefined;
}

/** The `k` vectors of space `name` nearest to `query` under `metric`, nearest first (ties by key). */
export function nearestVectors(kb: KnowledgeBase, name: string, query: ArrayLike<number>, k: number, metric: VectorMetric = 'cosine'): VectorHit[] {
  const dimension = vectorSpaceDimension(kb, name);
  if (dimension === undefined) throw new SemcomError('INVALID_ARGUMENT', `no vector space named ${JSON.stringify(name)} in ${kb.path}`);
  if (!Number.isInteger(k) || k < 1) throw new SemcomError('INVALID_ARGUMENT', `k must be an integer ≥ 1, got ${String(k)}`);
  const fn = { cosine: 'vec_distance_cosine', l2: 'vec_distance_l2', l1: 'vec_distance_l1' }[metric];
  if (!fn) throw new SemcomError('INVALID_ARGUMENT', `metric must be cosine, l2 or l1, got ${String(metric)}`);
  const q = blob(query, dimension, 'the query vector');
  return kb.db.prepare(`SELECT key, ${fn}(vector, ?) AS distance FROM vectors WHERE space = ? ORDER BY distance, key LIMIT ?`).all(q, name, k) as VectorHit[];
}
