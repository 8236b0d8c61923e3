/**
 * A link-prediction benchmark in the form the embedding models consume: an
 * entity list, a relation list and three splits of (head, relation, tail)
 * triples as flat index arrays, `[h0, r0, t0, h1, r1, t1, ...]`, so a
 * training loop reads them without allocating.
 */
import { SemcomError } from '../../core/errors.js';

/** The three splits of a benchmark. */
export type KgSplit = 'train' | 'validation' | 'test';

export interface KgBenchmark {
  /** Entity keys (`wn:02084071-n`); a triple names entity i by its index here. */
  readonly entities: readonly string[];
  /** Relation keys (`hypernym`, ...); indexed like the entities. */
  readonly relations: readonly string[];
  /** Flat (h, r, t) index triples: `length = 3 × triple count`. */
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
  /** A short name naming the data and construction (`wordnet-3.1-rr seed 0`). */
  readonly name?: string;
}

/** Triple counts of a benchmark, overall and per relation. */
export interface KgBenchmarkStats {
  readonly entities: number;
  readonly relations: number;
  readonly train: number;
  readonly validation: number;
  readonly test: number;
  /** Entities that occur in at least one training triple. */
  readonly trainEntities: number;
  readonly perRelation: Readonly<Record<string, { readonly train: number; readonly validation: number; readonly test: number }>>;
}

/** Number of triples in a flat (h, r, t) array. */
export function tripleCount(triples: Int32Array): number {
  return (triples.length / 3) | 0;
}

/** Counts of a benchmark (entities, relations, triples per split and per relation). */
export function benchmarkStats(b: KgBenchmark): KgBenchmarkStats {
  const perRelation: Record<string, { train: number; validation: number; test: number }> = {};
  for (const r of b.relations) perRelation[r] = { train: 0, validation: 0, test: 0 };
  for (const split of ['train', 'validation', 'test'] as const) {
    const a = b[split];
    for (let i = 1; i < a.length; i += 3) perRelation[b.relations[a[i]]][split]++;
  }
  const seen = new Uint8Array(b.entities.length);
  let trainEntities = 0;
  for (let i = 0; i < b.train.length; i += 3) {
    for (const e of [b.train[i], b.train[i + 2]]) {
      if (seen[e] === 0) {
        seen[e] = 1;
        trainEntities++;
      }
    }
  }
  return {
    entities: b.entities.length,
    relations: b.relations.length,
    train: tripleCount(b.train),
    validation: tripleCount(b.validation),
    test: tripleCount(b.test),
    trainEntities,
    perRelation,
  };
}

/**
 * Checks that every split is a whole number of triples with indices in range;
 * throws MALFORMED_INPUT naming the first bad triple. For benchmarks that come
 * from outside (a file, a caller's arrays).
 */
export function validateBenchmark(b: KgBenchmark): void {
  const ne = b.entities.length;
  const nr = b.relations.length;
  for (const split of ['train', 'validation', 'test'] as const) {
    const a = b[split];
    if (!(a instanceof Int32Array) || a.length % 3 !== 0) {
      throw new SemcomError('MALFORMED_INPUT', `benchmark split '${split}' must be an Int32Array of (h, r, t) triples (length a multiple of 3)`);
    }
    for (let i = 0; i < a.length; i += 3) {
      const h = a[i];
      const r = a[i + 1];
      const t = a[i + 2];
      if (h < 0 || h >= ne || t < 0 || t >= ne || r < 0 || r >= nr) {
        throw new SemcomError('MALFORMED_INPUT', `benchmark split '${split}' triple ${i / 3} is (${h}, ${r}, ${t}); entity indices must be in [0, ${ne}) and relation indices in [0, ${nr})`);
      }
    }
  }
}

/**
 * A benchmark from named triples (for hand-made graphs and tests): entities
 * and relations are indexed in order of first appearance (train, then
 * validation, then test) unless given.
 */
export function benchmarkFromTriples(splits: {
  readonly train: readonly (readonly [string, string, string])[];
  readonly validation?: readonly (readonly [string, string, string])[];
  readonly test?: readonly (readonly [string, string, string])[];
  readonly entities?: readonly string[];
  readonly relations?: readonly string[];
  readonly name?: string;
}): KgBenchmark {
  const entities: string[] = [...(splits.entities ?? [])];
  const relations: string[] = [...(splits.relations ?? [])];
  const eIndex = new Map(entities.map((e, i) => [e, i]));
  const rIndex = new Map(relations.map((r, i) => [r, i]));
  if (eIndex.size !== entities.length || rIndex.size !== relations.length) {
    throw new SemcomError('INVALID_ARGUMENT', 'benchmarkFromTriples: the entity and relation lists must not repeat a key');
  }
  const fixed = splits.entities !== undefined;
  const fixedRel = splits.relations !== undefined;
  const index = (map: Map<string, number>, list: string[], key: string, frozen: boolean, what: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      if (frozen) throw new SemcomError('INVALID_ARGUMENT', `benchmarkFromTriples: ${what} '${key}' is not in the given ${what} list`);
      i = list.length;
      list.push(key);
      map.set(key, i);
    }
    return i;
  };
  const encode = (triples: readonly (readonly [string, string, string])[] | undefined): Int32Array => {
    const list = triples ?? [];
    const out = new Int32Array(list.length * 3);
    list.forEach(([h, r, t], i) => {
      out[3 * i] = index(eIndex, entities, h, fixed, 'entity');
      out[3 * i + 1] = index(rIndex, relations, r, fixedRel, 'relation');
      out[3 * i + 2] = index(eIndex, entities, t, fixed, 'entity');
    });
    return out;
  };
  const train = encode(splits.train);
  const validation = encode(splits.validation);
  const test = encode(splits.test);
  return { entities, relations, train, validation, test, ...(splits.name ? { name: splits.name } : {}) };
}
