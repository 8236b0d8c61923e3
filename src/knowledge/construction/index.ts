/** Knowledge construction (seed 000 Sec. VI-B1): WordNet as a graph, triples from text by wink-nlp or a language model, merging. */
export { buildWordnetGraph, wordnetEntityId, wordnetSentenceIds, WORDNET_ASSERTED_AT, WORDNET_SOURCE, type WordnetGraph, type WordnetGraphOptions } from './wordnet.js';
export { WORDNET_RELATIONS, wordnetRelationOf } from './wordnet-relations.js';
export { extractTriples, MAX_EXTRACTION_CHARS, WINK_SOURCE, type TextExtractionOptions } from './text-extraction.js';
export { extractTriplesWithModel, MAX_MODEL_TEXT_CHARS, TRIPLES_REPLY_SCHEMA, type ModelExtractionOptions } from './model-extraction.js';
export type { ExtractedGraph } from './graph-builder.js';
export { DEFAULT_MAX_MODEL_TRIPLES, ENTITY_TYPES, MAX_MODEL_TRIPLES, tripleExtractionPrompt } from './prompts.js';
export { entityKey, relationKey, textEntityId, MAX_KEY_CHARS, TEXT_ENTITY_PREFIX } from './names.js';
export { nameKind, type NameKind } from './entity-kinds.js';
export { mergeGraphs, type MergedGraph } from './merge.js';
