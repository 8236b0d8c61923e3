/**
 * The known triples of a graph, indexed for the questions link prediction
 * asks: is (h, r, t) a known fact, which tails does (h, r) have, which heads
 * does (r, t) have. Used by the filtered ranking protocol (Bordes et al.
 * 2013, Sec. 4.2), by the trainer to skip negatives that are true facts, and
 * by completion to leave known facts out of its proposals.
 *
 * Layout: two compressed-row tables (by (h, r) and by (r, t)), each a Map
 * from the pair to its row and a sorted, duplicate-free Int32Array of
 * entities, so a lookup is one Map access and a binary search.
 */
import { SemcomError } from '../../core/errors.js';

const EMPTY = new Int32Array(0);

class PairTable {
  private readonly rows = new Map<number, number>();
  private readonly start: Int32Array;
  private readonly values: Int32Array;

  /** `keys[i]` is the pair key of item i and `vals[i]` its entity. */
  constructor(keys: Float64Array, vals: Int32Array) {
    const n = keys.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || vals[a] - vals[b]);
    const values = new Int32Array(n);
    const starts: number[] = [];
    let m = 0;
    let prevKey = NaN;
    let prevVal = -1;
    for (const i of order) {
      const k = keys[i];
      const v = vals[i];
      if (k === prevKey && v === prevVal) continue;
      if (k !== prevKey) {
        this.rows.set(k, starts.length);
        starts.push(m);
      }
      values[m++] = v;
      prevKey = k;
      prevVal = v;
    }
    starts.push(m);
    this.start = Int32Array.from(starts);
    this.values = values.slice(0, m);
  }

  get size(): number {
    return this.values.length;
  }

  row(key: number): Int32Array {
    const r = this.rows.get(key);
    return r === undefined ? EMPTY : this.values.subarray(this.start[r], this.start[r + 1]);
  }
}

function contains(sorted: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** An immutable index of the distinct triples in one or more flat (h, r, t) arrays. */
export class TripleIndex {
  readonly entityCount: number;
  readonly relationCount: number;
  private readonly byHeadRelation: PairTable;
  private readonly byRelationTail: PairTable;

  constructor(entityCount: number, relationCount: number, ...splits: readonly Int32Array[]) {
    if (!Number.isInteger(entityCount) || entityCount < 1 || !Number.isInteger(relationCount) || relationCount < 1) {
      throw new SemcomError('INVALID_ARGUMENT', `TripleIndex needs positive integer entity and relation counts, got ${entityCount} and ${relationCount}`);
    }
    this.entityCount = entityCount;
    this.relationCount = relationCount;
    let n = 0;
    for (const s of splits) n += (s.length / 3) | 0;
    const hrKeys = new Float64Array(n);
    const rtKeys = new Float64Array(n);
    const heads = new Int32Array(n);
    const tails = new Int32Array(n);
    let j = 0;
    for (const s of splits) {
      for (let i = 0; i + 2 < s.length; i += 3, j++) {
        const h = s[i];
        const r = s[i + 1];
        const t = s[i + 2];
        if (h < 0 || h >= entityCount || t < 0 || t >= entityCount || r < 0 || r >= relationCount) {
          throw new SemcomError('MALFORMED_INPUT', `triple (${h}, ${r}, ${t}) is out of range for ${entityCount} entities and ${relationCount} relations`);
        }
        hrKeys[j] = h * relationCount + r;
        rtKeys[j] = r * entityCount + t;
        heads[j] = h;
        tails[j] = t;
      }
    }
    this.byHeadRelation = new PairTable(hrKeys, tails);
    this.byRelationTail = new PairTable(rtKeys, heads);
  }

  /** Number of distinct triples. */
  get size(): number {
    return this.byHeadRelation.size;
  }

  /** The known tails of (h, r), sorted ascending (a view; do not modify). */
  tails(h: number, r: number): Int32Array {
    return this.byHeadRelation.row(h * this.relationCount + r);
  }

  /** The known heads of (r, t), sorted ascending (a view; do not modify). */
  heads(r: number, t: number): Int32Array {
    return this.byRelationTail.row(r * this.entityCount + t);
  }

  /** Whether (h, r, t) is one of the indexed triples. */
  has(h: number, r: number, t: number): boolean {
    return contains(this.tails(h, r), t);
  }
}
