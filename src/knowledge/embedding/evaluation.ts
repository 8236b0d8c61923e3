/**
 * Link-prediction evaluation by entity ranking (Bordes et al. 2013, Sec.
 * 4.2): for each held-out triple (h, r, t), score every entity as the tail
 * of (h, r, ?) and as the head of (?, r, t), and rank the true one.
 *
 * Filtered protocol (the "filtered" setting of Bordes et al., used by every
 * WN18RR result): a candidate e that forms another known triple — (h, r, e)
 * or (e, r, t) in train ∪ validation ∪ test — is left out of the ranking, so
 * a model is not penalised for ranking a different correct answer higher.
 * Raw protocol (`filtered: false`): every entity competes.
 *
 * Ties: rank = 1 + (#candidates scoring strictly higher) + (#candidates
 * scoring exactly the same)/2, the expected rank when ties are broken at
 * random (the "realistic" rank of Berrendorf et al. 2020, "Interpretable and
 * fair comparison of link prediction or entity alignment methods"). A model
 * scoring every entity alike therefore gets the rank (n + 1)/2, not 1.
 * `ties: 'optimistic' | 'pessimistic'` count ties as below or above instead.
 * A NaN score for the true entity ranks it last.
 *
 * Metrics: MRR = mean of 1/rank, Hits@k = share of ranks ≤ k, mean rank, over
 * both directions (2 ranking queries per triple), plus the same per
 * direction and per relation.
 */
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { KgBenchmark, KgSplit } from '../benchmark/kg-benchmark.js';
import { TripleIndex } from '../benchmark/triple-index.js';
import type { KgeModel } from './kge-model.js';

export type TieRule = 'realistic' | 'optimistic' | 'pessimistic';

export interface RankingMetrics {
  readonly mrr: number;
  readonly hits1: number;
  readonly hits3: number;
  readonly hits10: number;
  readonly meanRank: number;
  /** Ranking queries behind these figures. */
  readonly queries: number;
}

export interface LinkPredictionResult extends RankingMetrics {
  /** Triples evaluated (each gives a head and a tail query). */
  readonly count: number;
  readonly split: KgSplit;
  readonly filtered: boolean;
  readonly ties: TieRule;
  /** Predicting the tail of (h, r, ?) and the head of (?, r, t). */
  readonly tail: RankingMetrics;
  readonly head: RankingMetrics;
  readonly perRelation: Readonly<Record<string, RankingMetrics>>;
}

export interface EvaluateOptions {
  /** Filtered protocol (default true). */
  readonly filtered?: boolean;
  /** Evaluate a random sample of this many triples of the split (default: all). */
  readonly limit?: number;
  /** Seed of that sample (default 0). */
  readonly sampleSeed?: number;
  readonly ties?: TieRule;
  /** The known triples used for filtering (default: built from the benchmark's three splits). */
  readonly known?: TripleIndex;
  /** Called every 500 triples with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

class Accumulator {
  sumRr = 0;
  sumRank = 0;
  h1 = 0;
  h3 = 0;
  h10 = 0;
  n = 0;
  add(rank: number): void {
    this.sumRr += 1 / rank;
    this.sumRank += rank;
    if (rank <= 1) this.h1++;
    if (rank <= 3) this.h3++;
    if (rank <= 10) this.h10++;
    this.n++;
  }
  result(): RankingMetrics {
    const n = Math.max(1, this.n);
    return { mrr: this.sumRr / n, hits1: this.h1 / n, hits3: this.h3 / n, hits10: this.h10 / n, meanRank: this.sumRank / n, queries: this.n };
  }
}

/**
 * Rank of `target` among `scores[0..n)`, leaving out the `exclude` entities
 * other than the target (the filter), with the tie rule.
 */
export function rankOf(scores: Float32Array, n: number, target: number, exclude: Int32Array | null, ties: TieRule): number {
  const s = scores[target];
  if (Number.isNaN(s)) return n;
  let higher = 0;
  let equal = 0;
  for (let e = 0; e < n; e++) {
    const x = scores[e];
    if (x > s) higher++;
    else if (x === s) equal++;
  }
  equal--; // the target itself
  if (exclude) {
    for (let j = 0; j < exclude.length; j++) {
      const e = exclude[j];
      if (e === target) continue;
      const x = scores[e];
      if (x > s) higher--;
      else if (x === s) equal--;
    }
  }
  return ties === 'optimistic' ? 1 + higher : ties === 'pessimistic' ? 1 + higher + equal : 1 + higher + equal / 2;
}

/** Filtered (default) or raw ranking metrics of `model` on a split of `benchmark`. */
export function evaluateLinkPrediction(model: KgeModel, benchmark: KgBenchmark, split: KgSplit, options: EvaluateOptions = {}): LinkPredictionResult {
  const filtered = options.filtered ?? true;
  const ties = options.ties ?? 'realistic';
  const ne = benchmark.entities.length;
  const nr = benchmark.relations.length;
  if (model.entityCount !== ne || model.relationCount !== nr) {
    throw new SemcomError('INVALID_ARGUMENT', `evaluateLinkPrediction: the model covers ${model.entityCount} entities and ${model.relationCount} relations, the benchmark ${ne} and ${nr}`);
  }
  const triples = benchmark[split];
  const total = (triples.length / 3) | 0;
  let picked = Int32Array.from({ length: total }, (_, i) => i);
  if (options.limit !== undefined) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new SemcomError('INVALID_ARGUMENT', `evaluateLinkPrediction: limit must be a positive integer, got ${options.limit}`);
    if (options.limit < total) {
      const rng = Rng.stream(options.sampleSeed ?? 0, 0xe7a1);
      for (let i = 0; i < options.limit; i++) {
        const j = i + rng.nextInt(total - i);
        const tmp = picked[i];
        picked[i] = picked[j];
        picked[j] = tmp;
      }
      picked = picked.slice(0, options.limit).sort();
    }
  }
  const known = filtered ? (options.known ?? new TripleIndex(ne, nr, benchmark.train, benchmark.validation, benchmark.test)) : null;
  const scores = new Float32Array(ne);
  const all = new Accumulator();
  const tailAcc = new Accumulator();
  const headAcc = new Accumulator();
  const perRel = benchmark.relations.map(() => new Accumulator());
  for (let q = 0; q < picked.length; q++) {
    const i = picked[q];
    const h = triples[3 * i];
    const r = triples[3 * i + 1];
    const t = triples[3 * i + 2];
    model.scoreAllTails(h, r, scores);
    const tailRank = rankOf(scores, ne, t, known ? known.tails(h, r) : null, ties);
    model.scoreAllHeads(r, t, scores);
    const headRank = rankOf(scores, ne, h, known ? known.heads(r, t) : null, ties);
    tailAcc.add(tailRank);
    headAcc.add(headRank);
    all.add(tailRank);
    all.add(headRank);
    perRel[r].add(tailRank);
    perRel[r].add(headRank);
    if (options.onProgress && (q + 1) % 500 === 0) options.onProgress(q + 1, picked.length);
  }
  const perRelation: Record<string, RankingMetrics> = {};
  benchmark.relations.forEach((name, r) => {
    if (perRel[r].n > 0) perRelation[name] = perRel[r].result();
  });
  return { ...all.result(), count: picked.length, split, filtered, ties, tail: tailAcc.result(), head: headAcc.result(), perRelation };
}
