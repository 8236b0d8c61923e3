/**
 * The domain part of the goal: which WordNet lexicographer file (lexname) the
 * topic of a sentence belongs to, predicted by a multinomial naive Bayes
 * classifier trained on the train split, where a sentence's label is the
 * lexname of the synset whose gloss quotes it.
 *
 * Features of a sentence (bag of weighted features):
 * - the lemma of every token (function words included: "a", "the", "to",
 *   "!" tell an adjective example from a verb example);
 * - per keyword: its part of speech (`#NOUN`) and, for each
 *   lexicographer file L where WordNet's dictionary lists a sense of that
 *   lemma under that part of speech, `@L` with weight (senses in L) / (all
 *   senses) — dictionary knowledge both ends share, not learned from the
 *   sentences;
 * - the number of keywords, capped at 8 (`#n3`).
 *
 * Class score: ln P(c) + Σ_f x_f ln P(f | c), with P(c) = (n_c + 1) / (N + C)
 * and P(f | c) = (x_{f,c} + α) / (Σ_f' x_{f',c} + α V) (additive smoothing
 * over the V features seen in training). α = 0.1 was chosen on the
 * validation split from {0.05, 0.1, 0.3, 1} (1 is Laplace smoothing, 0.40
 * accuracy with lemma features alone). The feature set was chosen there
 * too: keyword lemmas alone reach 0.42, adding POS 0.45, all tokens and
 * the sense-weighted lexnames 0.52, against a majority class (adj.all) of
 * 0.38. The held-out figures on the test split are in README.md.
 */
import { WORDNET_LEXNAMES } from '../../../datasets/wordnet.js';
import type { KeywordAnalysis } from './analysis.js';
import type { WordnetCategory, WordnetLexicon } from './wordnet-lexicon.js';

const CLASSES = WORDNET_LEXNAMES.length;
const CATEGORY: Readonly<Record<string, WordnetCategory>> = { NOUN: 'n', PROPN: 'n', VERB: 'v', ADJ: 'a', ADV: 'r' };
/** The additive smoothing constant α (see the module comment). */
export const DOMAIN_SMOOTHING = 0.1;
const MAX_COUNT_FEATURE = 8;

export interface DomainClassifier {
  /** Class scores (unnormalised log posteriors), indexed like `WORDNET_LEXNAMES`. */
  scores(a: KeywordAnalysis): Float64Array;
  /** Indices of the `k` best classes, best first; ties go to the lower index. */
  top(a: KeywordAnalysis, k: number): number[];
}

const LEXNAME_FEATURES = WORDNET_LEXNAMES.map((_, i) => `@${i}`);
const COUNT_FEATURES = Array.from({ length: MAX_COUNT_FEATURE + 1 }, (_, i) => `#n${i}`);
const POS_FEATURES = new Map<string, string>();

/** A bag of weighted features as parallel lists; a feature may repeat (its weights add up). */
export interface DomainFeatures {
  readonly names: string[];
  readonly weights: number[];
}

/** The weighted features of one analysed sentence (see the module comment). */
export function domainFeatures(a: KeywordAnalysis, lexicon: WordnetLexicon): DomainFeatures {
  const names: string[] = [...a.lemmas];
  const weights: number[] = names.map(() => 1);
  for (const i of a.keywordIndices) {
    const lemma = a.lemmas[i] as string;
    const pos = a.pos[i] as string;
    let posFeature = POS_FEATURES.get(pos);
    if (posFeature === undefined) POS_FEATURES.set(pos, (posFeature = `#${pos}`));
    names.push(posFeature);
    weights.push(1);
    const category = CATEGORY[pos];
    const senses = category ? (lexicon.senses(category, lemma) ?? lexicon.senses(category, (a.analysis.values[i] as string).toLowerCase())) : undefined;
    if (senses) {
      for (let j = 0; j < senses.lexnames.length; j++) {
        names.push(LEXNAME_FEATURES[senses.lexnames[j] as number] as string);
        weights.push((senses.senses[j] as number) / senses.total);
      }
    }
  }
  names.push(COUNT_FEATURES[Math.min(a.keywordIndices.length, MAX_COUNT_FEATURE)] as string);
  weights.push(1);
  return { names, weights };
}

/** Trains the classifier on labelled analyses (labels are `WORDNET_LEXNAMES` indices). */
export function trainDomainClassifier(
  examples: Iterable<{ readonly analysis: KeywordAnalysis; readonly label: number }>,
  lexicon: WordnetLexicon,
  alpha = DOMAIN_SMOOTHING,
): DomainClassifier {
  const classCount = new Float64Array(CLASSES);
  const featureTotal = new Float64Array(CLASSES);
  const counts = new Map<string, Float64Array>();
  let n = 0;
  for (const { analysis, label } of examples) {
    n++;
    classCount[label]++;
    const x = domainFeatures(analysis, lexicon);
    for (let k = 0; k < x.names.length; k++) {
      const f = x.names[k] as string;
      const w = x.weights[k] as number;
      let row = counts.get(f);
      if (!row) counts.set(f, (row = new Float64Array(CLASSES)));
      row[label] += w;
      featureTotal[label] += w;
    }
  }
  const v = counts.size;
  const logPrior = new Float64Array(CLASSES);
  const denominators = new Float64Array(CLASSES);
  for (let c = 0; c < CLASSES; c++) {
    logPrior[c] = Math.log((classCount[c] + 1) / (n + CLASSES));
    denominators[c] = Math.log(featureTotal[c] + alpha * v);
  }
  // ln P(f | c) of feature f at offset(f) · C + c of one flat table.
  const offset = new Map<string, number>();
  const logLikelihood = new Float64Array(v * CLASSES);
  for (const [f, row] of counts) {
    const o = offset.size * CLASSES;
    offset.set(f, o);
    for (let c = 0; c < CLASSES; c++) logLikelihood[o + c] = Math.log((row[c] as number) + alpha) - (denominators[c] as number);
  }
  const scores = (a: KeywordAnalysis): Float64Array => {
    const s = new Float64Array(logPrior);
    const x = domainFeatures(a, lexicon);
    for (let k = 0; k < x.names.length; k++) {
      const o = offset.get(x.names[k] as string);
      if (o === undefined) continue;
      const w = x.weights[k] as number;
      for (let c = 0; c < CLASSES; c++) s[c] += w * (logLikelihood[o + c] as number);
    }
    return s;
  };
  return {
    scores,
    top: (a, k) => {
      const s = scores(a);
      const out: number[] = [];
      // k passes of an arg-max (k is small): no sort of all 45 scores.
      for (let r = 0; r < Math.min(k, CLASSES); r++) {
        let best = -1;
        for (let c = 0; c < CLASSES; c++) if (!out.includes(c) && (best < 0 || (s[c] as number) > (s[best] as number))) best = c;
        out.push(best);
      }
      return out;
    },
  };
}
