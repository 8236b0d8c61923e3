export { loadKeywordExtractor, DEFAULT_MAX_KEYWORDS, type EmbeddedKeywordExtractor } from './extractor.js';
export { buildKeywordVocabulary } from './vocabulary.js';
export { analyseKeywords, type KeywordAnalysis } from './analysis.js';
export { analysedCorpus, type AnalysedSentence, type CorpusSplit } from './corpus.js';
export { SLOT_TAGS, slotTag, slotClass, type SlotTag } from './content.js';
export { DOMAIN_SMOOTHING, type DomainClassifier } from './domain-classifier.js';
export type { TermWeights } from './term-weights.js';
