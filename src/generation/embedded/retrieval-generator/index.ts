export { createRetrievalGenerator, loadRetrievalGenerator, MAX_GENERATOR_KEYWORDS, type RetrievalGenerator } from './generator.js';
export { indefiniteArticle } from './articles.js';
export { defaultSentence } from './defaults.js';
export { MOOD_PENALTY, DOMAIN_PENALTY, type Retrieval } from './retrieve.js';
export type { TemplateIndex } from './template-index.js';
export type { KeywordTagger } from './keyword-tagger.js';
