/**
 * The term weight that ranks keywords for truncation: the smoothed inverse
 * document frequency of the keyword's lemma over the train split, each
 * sentence a document,
 *
 *   w(l) = ln((N + 1) / (df(l) + 1)) + 1,
 *
 * with N the number of train sentences and df(l) the number that contain a
 * keyword of lemma l (the "smooth_idf" form of scikit-learn's
 * TfidfTransformer). A lemma never seen in training gets the largest weight,
 * ln(N + 1) + 1: the rarer a word, the more of the sentence's meaning it
 * pins down. Within one sentence the term frequency is almost always 1, so
 * TF-IDF ranks as IDF does. Negators rank above every other keyword: they are
 * cheap to send and dropping one flips the meaning.
 */
import { isNegator } from './content.js';

export interface TermWeights {
  /** Number of documents (train sentences) the weights were learned on. */
  readonly documents: number;
  /** w(l) of a lower-cased lemma (see the module comment). */
  weight(lemma: string): number;
}

/** Learns the weights from the keyword lemmas of each document. */
export function learnTermWeights(documents: Iterable<readonly string[]>): TermWeights {
  const df = new Map<string, number>();
  let n = 0;
  for (const lemmas of documents) {
    n++;
    for (const l of new Set(lemmas)) df.set(l, (df.get(l) ?? 0) + 1);
  }
  const weightOf = (d: number): number => Math.log((n + 1) / (d + 1)) + 1;
  return { documents: n, weight: (lemma) => weightOf(df.get(lemma) ?? 0) };
}

/**
 * Indices of the `max` keywords to keep, ascending (sentence order): the
 * highest weights win, negators first, and of equal weights the earlier one.
 */
export function keepHighestWeights(keywords: readonly string[], lemmas: readonly string[], weights: TermWeights, max: number): number[] {
  if (keywords.length <= max) return keywords.map((_, i) => i);
  const score = keywords.map((k, i) => (isNegator(k) ? Number.POSITIVE_INFINITY : weights.weight(lemmas[i] as string)));
  const order = keywords.map((_, i) => i).sort((a, b) => {
    const sa = score[a] as number;
    const sb = score[b] as number;
    return sa === sb ? a - b : sb > sa ? 1 : -1;
  });
  return order.slice(0, max).sort((a, b) => a - b);
}
