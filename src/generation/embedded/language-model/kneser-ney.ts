/**
 * Interpolated Kneser–Ney word n-gram model (order 1..3), with the modified
 * discounts D1, D2, D3+ of Chen & Goodman (1998, "An empirical study of
 * smoothing techniques for language modeling", TR-10-98, Sec. 3.4–3.5):
 *
 *   p(w | h) = max(c(h w) − D(c(h w)), 0) / c(h ·) + γ(h) · p(w | h')
 *   γ(h)     = (D1 N1(h ·) + D2 N2(h ·) + D3+ N3+(h ·)) / c(h ·)
 *
 * where h' is h without its oldest word and N_r(h ·) counts the words seen
 * exactly r times (3+: at least 3 times) after h. At the highest order c is
 * the raw count; at lower orders it is the continuation count N1+(· h w),
 * the number of distinct words seen before h w (Kneser & Ney 1995). The
 * order-1 distribution is interpolated with the uniform 1/|V| over the whole
 * vocabulary, so every entry (`<unk>` and `</s>` included) has p > 0, and a
 * history never seen backs off with γ = 1. Discounts per order come from the
 * counts of counts n1..n4: Y = n1/(n1 + 2 n2), D1 = 1 − 2Y n2/n1,
 * D2 = 2 − 3Y n3/n2, D3+ = 3 − 4Y n4/n3; when some n_r is 0 (tiny corpora),
 * one D = Y (or 0.5) is used for all counts.
 *
 * A sequence w1..wn is modelled as w1..wn `</s>`, with `</s>` also as the
 * padding before w1, so p(w1 | `</s>` `</s>`) is the probability of starting
 * with w1. Histories are given oldest first; only the last order − 1 words
 * count, and missing ones are the start padding.
 */
import { SemcomError } from '../../../core/errors.js';
import { MAX_TOTAL } from '../../../semantic/arithmetic/constants.js';
import { END, WordVocabulary } from './word-vocabulary.js';

/** Options of {@link trainWordNgram}. */
export interface WordNgramOptions {
  /** n of the n-grams, 1..3 (default 3). */
  readonly order?: number;
  /** Words seen fewer times become `<unk>` (default 1: keep all). */
  readonly minCount?: number;
  /** One fixed discount in (0, 1] for every count and order instead of the modified KN estimates. */
  readonly discount?: number;
}

/** The counts of one order, grouped by history (typed arrays, sorted by word within a history). */
interface Level {
  /** history key → history id. */
  readonly histories: Map<number, number>;
  /** Successors of history i are words[start[i]..start[i+1]). */
  readonly start: Int32Array;
  readonly words: Int32Array;
  readonly counts: Float64Array;
  /** Σ counts of each history. */
  readonly total: Float64Array;
  /** D1 N1 + D2 N2 + D3+ N3+ of each history (γ · total). */
  readonly backoffMass: Float64Array;
  /** [D1, D2, D3+]. */
  readonly discounts: readonly [number, number, number];
}

export class WordNgramModel {
  /** Per order n = 1..N: levels[n − 1]. */
  private readonly levels: readonly Level[];
  private readonly scratch: Float64Array;

  /** @internal built by {@link trainWordNgram} */
  constructor(
    readonly vocabulary: WordVocabulary,
    readonly order: number,
    levels: readonly Level[],
  ) {
    this.levels = levels;
    this.scratch = new Float64Array(vocabulary.size);
  }

  /** |V|, `<unk>` and `</s>` included. */
  get size(): number {
    return this.vocabulary.size;
  }

  /** The discounts [D1, D2, D3+] of order n (1..order). */
  discounts(n: number): readonly [number, number, number] {
    return this.level(n).discounts;
  }

  /**
   * The count the model uses for `word` after `history` at order n = history
   * length + 1 (raw count at the highest order, continuation count below);
   * 0 if unseen. For inspection and tests.
   */
  count(history: readonly (string | number)[], word: string | number): number {
    const n = history.length + 1;
    const lvl = this.level(n);
    const id = lvl.histories.get(this.historyKey(this.toIndices(history), history.length));
    if (id === undefined) return 0;
    const i = findWord(lvl, id, this.toIndex(word));
    return i < 0 ? 0 : lvl.counts[i];
  }

  /** p(word | history); words as strings (unknown → `<unk>`) or indices. */
  probability(word: string | number, history: readonly (string | number)[] = []): number {
    const w = this.toIndex(word);
    const h = this.paddedHistory(history);
    let p = 1 / this.size;
    for (let n = 1; n <= this.order; n++) {
      const lvl = this.levels[n - 1];
      const id = lvl.histories.get(this.historyKey(h, n - 1));
      if (id === undefined) continue;
      const i = findWord(lvl, id, w);
      const c = i < 0 ? 0 : lvl.counts[i];
      const total = lvl.total[id];
      p = (c > 0 ? c - discountOf(lvl, c) : 0) / total + (lvl.backoffMass[id] / total) * p;
    }
    return p;
  }

  /** Natural logarithm of {@link probability}. */
  logProb(word: string | number, history: readonly (string | number)[] = []): number {
    return Math.log(this.probability(word, history));
  }

  /**
   * p(· | history) over the whole vocabulary, into `out` (length |V|; a new
   * array when omitted). O(|V|) per call.
   */
  probabilities(history: readonly (string | number)[] = [], out: Float64Array = new Float64Array(this.size)): Float64Array {
    if (out.length !== this.size) throw new SemcomError('LENGTH_MISMATCH', `probabilities: out must have ${this.size} entries, got ${out.length}`);
    const h = this.paddedHistory(history);
    out.fill(1 / this.size);
    for (let n = 1; n <= this.order; n++) {
      const lvl = this.levels[n - 1];
      const id = lvl.histories.get(this.historyKey(h, n - 1));
      if (id !== undefined) interpolate(lvl, id, out);
    }
    return out;
  }

  /**
   * p(· | history) as integer frequencies for the arithmetic coder: every
   * entry ≥ 1, total ≤ MAX_TOTAL (2^20): f(w) = max(1, round(p(w)·(2^20 − |V| − 16))).
   * The floor of 1 costs at most |V|/2^20 of the probability mass. Both ends
   * compute the same integers (same IEEE double operations in the same order).
   */
  distribution(history: readonly (string | number)[] = [], out: Uint32Array = new Uint32Array(this.size)): Uint32Array {
    if (out.length !== this.size) throw new SemcomError('LENGTH_MISMATCH', `distribution: out must have ${this.size} entries, got ${out.length}`);
    const p = this.probabilities(history, this.scratch);
    const budget = MAX_TOTAL - this.size - 16;
    for (let w = 0; w < out.length; w++) {
      const f = Math.round(p[w] * budget);
      out[w] = f > 0 ? f : 1;
    }
    return out;
  }

  /**
   * The words seen after `history` at the highest order (ascending indices;
   * empty for an unseen history). For them p(w | h) has its own discounted
   * term; every other word w has p(w | h) = γ(h) · p(w | h'), which is what
   * lets a coder split a distribution into a few seen words and a shared
   * lower-order remainder (see src/schemes/text/keyword-code.ts).
   */
  continuations(history: readonly (string | number)[] = []): Int32Array {
    const h = this.paddedHistory(history);
    const lvl = this.levels[this.order - 1];
    const id = lvl.histories.get(this.historyKey(h, this.order - 1));
    return id === undefined ? new Int32Array(0) : lvl.words.slice(lvl.start[id], lvl.start[id + 1]);
  }

  /**
   * p(· | h') of the order below the highest, for a history-independent
   * remainder: only defined for a bigram model, where it is the order-1
   * (continuation-count) distribution interpolated with the uniform one.
   */
  lowerOrderProbabilities(out: Float64Array = new Float64Array(this.size)): Float64Array {
    if (this.order !== 2) throw new SemcomError('UNSUPPORTED', `lowerOrderProbabilities needs a bigram model, this one has order ${this.order}`);
    if (out.length !== this.size) throw new SemcomError('LENGTH_MISMATCH', `lowerOrderProbabilities: out must have ${this.size} entries, got ${out.length}`);
    out.fill(1 / this.size);
    const lvl = this.levels[0];
    const id = lvl.histories.get(0);
    if (id !== undefined) interpolate(lvl, id, out);
    return out;
  }

  /** Index of a word or checked index (unknown word → 0). */
  toIndex(word: string | number): number {
    if (typeof word === 'string') return this.vocabulary.indexOf(word);
    if (!Number.isInteger(word) || word < 0 || word >= this.size) {
      throw new SemcomError('INVALID_ARGUMENT', `word index ${word} is not in 0..${this.size - 1}`);
    }
    return word;
  }

  private toIndices(history: readonly (string | number)[]): number[] {
    if (!Array.isArray(history)) throw new SemcomError('INVALID_ARGUMENT', 'history must be an array of words or indices');
    return history.map((w) => this.toIndex(w));
  }

  /** The last order − 1 words of the history, left-padded with `</s>`. */
  private paddedHistory(history: readonly (string | number)[]): number[] {
    const idx = this.toIndices(history.slice(Math.max(0, history.length - (this.order - 1))));
    while (idx.length < this.order - 1) idx.unshift(END);
    return idx;
  }

  /** Key of the last `len` words of h (len may be 0). */
  private historyKey(h: readonly number[], len: number): number {
    let key = 0;
    for (let i = h.length - len; i < h.length; i++) key = key * this.size + h[i];
    return key;
  }

  private level(n: number): Level {
    if (!Number.isInteger(n) || n < 1 || n > this.order) throw new SemcomError('INVALID_ARGUMENT', `order must be in 1..${this.order}, got ${n}`);
    return this.levels[n - 1];
  }
}

/** One step of the interpolation over the whole vocabulary: out ← γ(h)·out + discounted counts of h. */
function interpolate(lvl: Level, id: number, out: Float64Array): void {
  const total = lvl.total[id];
  const gamma = lvl.backoffMass[id] / total;
  for (let w = 0; w < out.length; w++) out[w] *= gamma;
  for (let i = lvl.start[id]; i < lvl.start[id + 1]; i++) {
    const c = lvl.counts[i];
    out[lvl.words[i]] += (c - discountOf(lvl, c)) / total;
  }
}

function discountOf(lvl: Level, c: number): number {
  return c >= 3 ? lvl.discounts[2] : lvl.discounts[c - 1];
}

/** Position of word w among the successors of history id, or −1 (binary search). */
function findWord(lvl: Level, id: number, w: number): number {
  let lo = lvl.start[id];
  let hi = lvl.start[id + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = lvl.words[mid];
    if (x === w) return mid;
    if (x < w) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Modified KN discounts from counts of counts (see the module comment). */
function estimateDiscounts(counts: Iterable<number>, fixed: number | undefined): [number, number, number] {
  if (fixed !== undefined) return [fixed, fixed, fixed];
  const n = [0, 0, 0, 0, 0];
  for (const c of counts) if (c >= 1 && c <= 4) n[c]++;
  const y = n[1] > 0 ? n[1] / (n[1] + 2 * n[2]) : 0.5;
  if (n[1] === 0 || n[2] === 0 || n[3] === 0 || n[4] === 0) {
    const d = n[1] > 0 && n[2] > 0 ? y : 0.5;
    return [d, d, d];
  }
  const clamp = (d: number, hi: number): number => Math.min(hi, Math.max(0.01, d));
  return [clamp(1 - (2 * y * n[2]) / n[1], 1), clamp(2 - (3 * y * n[3]) / n[2], 2), clamp(3 - (4 * y * n[4]) / n[3], 3)];
}

/** Groups n-gram counts (key = history key · V + word) by history. */
function buildLevel(counts: Map<number, number>, vocabSize: number, fixed: number | undefined): Level {
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const discounts = estimateDiscounts(counts.values(), fixed);
  const histories = new Map<number, number>();
  const words = new Int32Array(keys.length);
  const values = new Float64Array(keys.length);
  const starts: number[] = [];
  let prev = -1;
  for (let i = 0; i < keys.length; i++) {
    const h = Math.floor(keys[i] / vocabSize);
    if (h !== prev) {
      histories.set(h, starts.length);
      starts.push(i);
      prev = h;
    }
    words[i] = keys[i] - h * vocabSize;
    values[i] = counts.get(keys[i]) ?? 0;
  }
  starts.push(keys.length);
  const start = Int32Array.from(starts);
  const nh = starts.length - 1;
  const total = new Float64Array(nh);
  const backoffMass = new Float64Array(nh);
  for (let id = 0; id < nh; id++) {
    for (let i = start[id]; i < start[id + 1]; i++) {
      const c = values[i];
      total[id] += c;
      backoffMass[id] += c >= 3 ? discounts[2] : discounts[c - 1];
    }
  }
  return { histories, start, words, counts: values, total, backoffMass, discounts };
}

/**
 * Trains an interpolated Kneser–Ney model on token sequences (each a
 * message; tokens as given, no normalisation). Deterministic.
 */
export function trainWordNgram(sequences: readonly (readonly string[])[], options: WordNgramOptions = {}): WordNgramModel {
  const order = options.order ?? 3;
  if (!Number.isInteger(order) || order < 1 || order > 3) {
    throw new SemcomError('INVALID_ARGUMENT', `word n-gram order must be 1, 2 or 3, got ${order}`);
  }
  const d = options.discount;
  if (d !== undefined && !(d > 0 && d <= 1)) throw new SemcomError('INVALID_ARGUMENT', `discount must be in (0, 1], got ${d}`);
  const seqs: readonly (readonly string[])[] = sequences;
  if (!Array.isArray(sequences)) throw new SemcomError('INVALID_ARGUMENT', 'trainWordNgram: sequences must be an array of string arrays');
  const vocab = WordVocabulary.fromSequences(seqs, options.minCount ?? 1);
  const v = vocab.size;
  // Highest order: raw counts of (order − 1 history words, word), history padded with </s>.
  const top = new Map<number, number>();
  const pad = new Array<number>(order - 1).fill(END);
  for (const seq of seqs) {
    const idx = [...pad, ...seq.map((w) => vocab.indexOf(w)), END];
    for (let i = order - 1; i < idx.length; i++) {
      let key = 0;
      for (let j = i - order + 1; j <= i; j++) key = key * v + idx[j];
      top.set(key, (top.get(key) ?? 0) + 1);
    }
  }
  const maps: Map<number, number>[] = [top];
  // Lower orders: continuation counts N1+(· h w), one per distinct n-gram one order up.
  for (let n = order - 1; n >= 1; n--) {
    const up = maps[0];
    const mod = v ** n;
    const cont = new Map<number, number>();
    for (const key of up.keys()) {
      const suffix = key % mod;
      cont.set(suffix, (cont.get(suffix) ?? 0) + 1);
    }
    maps.unshift(cont);
  }
  return new WordNgramModel(vocab, order, maps.map((m) => buildLevel(m, v, d)));
}
