/**
 * BLEU (Papineni, Roukos, Ward and Zhu, "BLEU: a Method for Automatic
 * Evaluation of Machine Translation", ACL 2002): the geometric mean of the
 * modified n-gram precisions p_1..p_N with uniform weights 1/N, times the
 * brevity penalty,
 *
 *   BLEU = BP · exp(Σ_{n=1..N} (1/N) · log p_n),   BP = 1 if c > r, else exp(1 − r/c)
 *
 * (Sec. 2.3). p_n counts each hypothesis n-gram at most as often as it occurs
 * in any single reference (clipping, Sec. 2.1); c is the hypothesis length and
 * r the reference length closest to c, the shorter one on a tie (the "best
 * match length" of Sec. 2.2.2, as NLTK and sacreBLEU choose it).
 *
 * - Sentence BLEU scores one hypothesis. DeepSC-style text SemCom reports
 *   BLEU-1 (N = 1) per sentence, averaged over the test set
 *   ({@link meanSentenceBleuText}).
 * - Corpus BLEU sums the clipped counts, the n-gram totals and both lengths
 *   over all sentences before dividing (Sec. 2.2.2 and 2.3), as sacreBLEU and
 *   NLTK's `corpus_bleu` do; it is not the mean of sentence BLEU.
 *
 * Conventions for the edge cases (stated because implementations differ):
 * - No unigram match at all gives BLEU 0 whatever the smoothing (NLTK).
 * - A precision with no hypothesis n-grams (hypothesis shorter than n) is
 *   0 / 1, as NLTK's `modified_precision`. In corpus BLEU the totals are summed
 *   first and the floor of 1 is applied to the sum; NLTK floors each sentence
 *   before summing, so the two differ only when some hypothesis is shorter
 *   than N tokens.
 * - Without smoothing a zero precision gives BLEU exactly 0 (NLTK returns a
 *   value of order 1e-77 with a warning).
 * - An empty hypothesis has BP = 0.
 *
 * Smoothing for sentence-level zero counts (Chen and Cherry, "A Systematic
 * Comparison of Smoothing Techniques for Sentence-Level BLEU", WMT 2014):
 * - `'epsilon'`, their method 1: a precision with zero matches becomes
 *   ε / total (ε = 0.1 by default, NLTK `SmoothingFunction().method1`);
 * - `'add-one'`, their method 2 (Lin and Och, COLING 2004): p_n = (m + 1) /
 *   (total + 1) for n ≥ 2, p_1 unchanged (NLTK ≥ 3.6 `method2`; older NLTK
 *   also smoothed p_1).
 */
import { SemcomError } from '../core/errors.js';
import { tokenizeText, type TokenizeOptions } from './text.js';

/** Smoothing of zero n-gram counts (see the module comment). */
export type BleuSmoothing = 'none' | 'epsilon' | 'add-one';

export interface BleuOptions {
  /** Highest n-gram order N, 1..4, weights 1/N each (default 4: BLEU-4). */
  readonly maxOrder?: number;
  /** Default `'none'`. */
  readonly smoothing?: BleuSmoothing;
  /** ε of the `'epsilon'` smoothing, in matches (default 0.1). */
  readonly epsilon?: number;
  /**
   * sacreBLEU's `use_effective_order` (its default for sentence BLEU): orders
   * for which the hypothesis has no n-gram at all (it is shorter than n) are
   * left out of the geometric mean, whose weights become 1/N_eff. Without it
   * a perfect two-word sentence scores 0 in BLEU-4. Default false.
   */
  readonly effectiveOrder?: boolean;
}

/** A BLEU score with the counts it came from (sacreBLEU reports the same fields). */
export interface BleuScore {
  /** In [0, 1]. */
  readonly bleu: number;
  /** p_1..p_N as used in the geometric mean (after smoothing). */
  readonly precisions: readonly number[];
  /** Clipped n-gram matches per order 1..N (before smoothing). */
  readonly matches: readonly number[];
  /** Hypothesis n-grams per order 1..N (before smoothing and before the floor of 1). */
  readonly totals: readonly number[];
  readonly brevityPenalty: number;
  /** c: hypothesis tokens (summed over the corpus). */
  readonly hypothesisLength: number;
  /** r: closest reference length (summed over the corpus). */
  readonly referenceLength: number;
}

type Tokens = readonly string[];

/** Joins n tokens into one map key; U+0000 does not occur in text tokens. */
const SEP = '\u0000';

function ngramCounts(tokens: Tokens, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(SEP);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Clipped matches and total hypothesis n-grams of order `n` (the numerator
 * and denominator of the modified precision p_n, Papineni et al. Sec. 2.1).
 */
export function modifiedPrecision(references: readonly Tokens[], hypothesis: Tokens, n: number): { matches: number; total: number } {
  checkSentence(references, hypothesis, 'modifiedPrecision');
  if (!Number.isInteger(n) || n < 1) throw new SemcomError('INVALID_ARGUMENT', `modifiedPrecision: n must be a positive integer, got ${n}`);
  return clippedCounts(references, hypothesis, n);
}

function clippedCounts(references: readonly Tokens[], hypothesis: Tokens, n: number): { matches: number; total: number } {
  const counts = ngramCounts(hypothesis, n);
  const maxRef = new Map<string, number>();
  for (const ref of references) {
    for (const [key, c] of ngramCounts(ref, n)) {
      if (counts.has(key) && c > (maxRef.get(key) ?? 0)) maxRef.set(key, c);
    }
  }
  let matches = 0;
  for (const [key, c] of counts) matches += Math.min(c, maxRef.get(key) ?? 0);
  return { matches, total: Math.max(0, hypothesis.length - n + 1) };
}

/** The reference length closest to `hypothesisLength`; the shorter one on a tie (Sec. 2.2.2). */
export function closestReferenceLength(references: readonly Tokens[], hypothesisLength: number): number {
  if (references.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'closestReferenceLength: at least one reference is needed');
  let best = (references[0] as Tokens).length;
  for (const ref of references) {
    const d = Math.abs(ref.length - hypothesisLength);
    const bestD = Math.abs(best - hypothesisLength);
    if (d < bestD || (d === bestD && ref.length < best)) best = ref.length;
  }
  return best;
}

/** BP = 1 if c > r, exp(1 − r/c) if 0 < c ≤ r, 0 if c = 0 (Papineni et al. Sec. 2.2.2). */
export function brevityPenalty(referenceLength: number, hypothesisLength: number): number {
  if (!(referenceLength >= 0) || !(hypothesisLength >= 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `brevityPenalty: lengths must be non-negative, got r = ${referenceLength}, c = ${hypothesisLength}`);
  }
  if (hypothesisLength > referenceLength) return 1;
  if (hypothesisLength === 0) return 0;
  return Math.exp(1 - referenceLength / hypothesisLength);
}

function resolveOptions(options: BleuOptions, what: string): { maxOrder: number; smoothing: BleuSmoothing; epsilon: number; effectiveOrder: boolean } {
  const maxOrder = options.maxOrder ?? 4;
  const smoothing = options.smoothing ?? 'none';
  const epsilon = options.epsilon ?? 0.1;
  if (!Number.isInteger(maxOrder) || maxOrder < 1 || maxOrder > 4) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: maxOrder must be 1, 2, 3 or 4, got ${String(maxOrder)}`);
  }
  if (smoothing !== 'none' && smoothing !== 'epsilon' && smoothing !== 'add-one') {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: smoothing must be 'none', 'epsilon' or 'add-one', got '${String(smoothing)}'`);
  }
  if (!(Number.isFinite(epsilon) && epsilon > 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: epsilon must be a positive number, got ${String(epsilon)}`);
  }
  return { maxOrder, smoothing, epsilon, effectiveOrder: options.effectiveOrder === true };
}

function checkTokens(tokens: unknown, what: string, name: string): void {
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: ${name} must be an array of string tokens (tokenize text with tokenizeText first)`);
  }
}

function checkSentence(references: readonly Tokens[], hypothesis: Tokens, what: string): void {
  checkTokens(hypothesis, what, 'the hypothesis');
  if (!Array.isArray(references) || references.length === 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: each hypothesis needs an array of at least one reference`);
  }
  for (const ref of references) checkTokens(ref, what, 'each reference');
}

/** Combines summed counts into a score (shared by sentence and corpus BLEU). */
function score(matches: number[], totals: number[], c: number, r: number, opts: ReturnType<typeof resolveOptions>): BleuScore {
  const { smoothing, epsilon } = opts;
  let maxOrder = opts.maxOrder;
  if (opts.effectiveOrder) {
    while (maxOrder > 1 && (totals[maxOrder - 1] as number) === 0) maxOrder--;
  }
  const precisions: number[] = [];
  for (let i = 0; i < maxOrder; i++) {
    const m = matches[i] as number;
    const t = Math.max(1, totals[i] as number);
    if (smoothing === 'epsilon' && m === 0) precisions.push(epsilon / t);
    else if (smoothing === 'add-one' && i > 0) precisions.push((m + 1) / (t + 1));
    else precisions.push(m / t);
  }
  const brevity = brevityPenalty(r, c);
  let bleu = 0;
  if (matches[0] !== 0 && precisions.every((p) => p > 0)) {
    let logSum = 0;
    for (const p of precisions) logSum += Math.log(p);
    bleu = brevity * Math.exp(logSum / maxOrder);
  }
  return { bleu, precisions, matches, totals, brevityPenalty: brevity, hypothesisLength: c, referenceLength: r };
}

/**
 * Sentence BLEU-N of one tokenized hypothesis against one or more tokenized
 * references.
 *
 * @example sentenceBleu([['the', 'cat', 'sat']], ['the', 'cat', 'sat'], { maxOrder: 1 }).bleu // 1
 * @throws SemcomError `INVALID_ARGUMENT` for no reference, non-string tokens or bad options.
 */
export function sentenceBleu(references: readonly Tokens[], hypothesis: Tokens, options: BleuOptions = {}): BleuScore {
  return corpusBleuChecked([references], [hypothesis], resolveOptions(options, 'sentenceBleu'), 'sentenceBleu');
}

/**
 * Corpus BLEU-N: counts and lengths summed over all sentences before the
 * precisions and the brevity penalty are formed.
 *
 * @throws SemcomError `LENGTH_MISMATCH` when the number of reference sets and
 *   hypotheses differ; `INVALID_ARGUMENT` for an empty corpus or bad input.
 */
export function corpusBleu(references: readonly (readonly Tokens[])[], hypotheses: readonly Tokens[], options: BleuOptions = {}): BleuScore {
  return corpusBleuChecked(references, hypotheses, resolveOptions(options, 'corpusBleu'), 'corpusBleu');
}

function corpusBleuChecked(
  references: readonly (readonly Tokens[])[],
  hypotheses: readonly Tokens[],
  opts: ReturnType<typeof resolveOptions>,
  what: string,
): BleuScore {
  if (!Array.isArray(references) || !Array.isArray(hypotheses)) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: references and hypotheses must be arrays`);
  }
  if (references.length !== hypotheses.length) {
    throw new SemcomError('LENGTH_MISMATCH', `${what}: ${hypotheses.length} hypotheses but ${references.length} reference sets; pass one set of references per hypothesis`);
  }
  if (hypotheses.length === 0) throw new SemcomError('INVALID_ARGUMENT', `${what}: no sentences to score`);
  const matches = new Array<number>(opts.maxOrder).fill(0);
  const totals = new Array<number>(opts.maxOrder).fill(0);
  let c = 0;
  let r = 0;
  for (let s = 0; s < hypotheses.length; s++) {
    const refs = references[s] as readonly Tokens[];
    const hyp = hypotheses[s] as Tokens;
    checkSentence(refs, hyp, what);
    for (let n = 1; n <= opts.maxOrder; n++) {
      const k = clippedCounts(refs, hyp, n);
      matches[n - 1] += k.matches;
      totals[n - 1] += k.total;
    }
    c += hyp.length;
    r += closestReferenceLength(refs, hyp.length);
  }
  return score(matches, totals, c, r, opts);
}

/** Options of the text forms: BLEU options and the tokenizer (13a, case-sensitive by default). */
export type BleuTextOptions = BleuOptions & TokenizeOptions;

function referenceTexts(refs: string | readonly string[]): readonly string[] {
  return typeof refs === 'string' ? [refs] : refs;
}

/** {@link sentenceBleu} on raw text, tokenized with {@link tokenizeText}. */
export function sentenceBleuText(references: string | readonly string[], hypothesis: string, options: BleuTextOptions = {}): BleuScore {
  return sentenceBleu(referenceTexts(references).map((t) => tokenizeText(t, options)), tokenizeText(hypothesis, options), options);
}

/** {@link corpusBleu} on raw text: one reference text (or several) per hypothesis. */
export function corpusBleuText(references: readonly (string | readonly string[])[], hypotheses: readonly string[], options: BleuTextOptions = {}): BleuScore {
  if (!Array.isArray(references) || !Array.isArray(hypotheses)) {
    throw new SemcomError('INVALID_ARGUMENT', 'corpusBleuText: references and hypotheses must be arrays of strings');
  }
  return corpusBleu(
    references.map((refs) => referenceTexts(refs).map((t) => tokenizeText(t, options))),
    hypotheses.map((h) => tokenizeText(h, options)),
    options,
  );
}

/**
 * Sentence BLEU of each pair and their mean, the DeepSC convention (for
 * BLEU-1 pass `{ maxOrder: 1 }`).
 *
 * @throws SemcomError `LENGTH_MISMATCH` / `INVALID_ARGUMENT` as {@link corpusBleu}.
 */
export function meanSentenceBleuText(
  references: readonly (string | readonly string[])[],
  hypotheses: readonly string[],
  options: BleuTextOptions = {},
): { mean: number; perSentence: Float64Array } {
  if (!Array.isArray(references) || !Array.isArray(hypotheses)) {
    throw new SemcomError('INVALID_ARGUMENT', 'meanSentenceBleuText: references and hypotheses must be arrays of strings');
  }
  if (references.length !== hypotheses.length) {
    throw new SemcomError('LENGTH_MISMATCH', `meanSentenceBleuText: ${hypotheses.length} hypotheses but ${references.length} references; pass one per hypothesis`);
  }
  if (hypotheses.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'meanSentenceBleuText: no sentences to score');
  const perSentence = new Float64Array(hypotheses.length);
  let sum = 0;
  for (let i = 0; i < hypotheses.length; i++) {
    perSentence[i] = sentenceBleuText(references[i] as string | readonly string[], hypotheses[i] as string, options).bleu;
    sum += perSentence[i] as number;
  }
  return { mean: sum / hypotheses.length, perSentence };
}
