/**
 * The WordNet example sentences of one split, each with its keyword analysis
 * (./analysis.ts), computed once per process and split. Analysing the 38,923
 * train sentences takes about 1.5 s on one core; the term weights, the domain
 * classifier, the keyword vocabulary and the receiver's templates all read
 * this one cache.
 */
import { loadWordnetSentences, type WordnetSentence } from '../../../datasets/wordnet.js';
import { analyseKeywords, type KeywordAnalysis } from './analysis.js';

export interface AnalysedSentence {
  readonly sentence: WordnetSentence;
  readonly analysis: KeywordAnalysis;
}

export type CorpusSplit = 'train' | 'validation' | 'test';

const cache = new Map<CorpusSplit, readonly AnalysedSentence[]>();

/** The analysed sentences of `split`, in the dataset's fixed order. */
export function analysedCorpus(split: CorpusSplit): readonly AnalysedSentence[] {
  let out = cache.get(split);
  if (!out) {
    out = loadWordnetSentences(split).map((sentence) => ({ sentence, analysis: analyseKeywords(sentence.text) }));
    cache.set(split, out);
  }
  return out;
}
