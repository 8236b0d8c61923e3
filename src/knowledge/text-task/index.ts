/** The semantic text schemes' knowledge in a knowledge base: write it, degrade it, read it back as a receiver, weigh it. */
export { backgroundCorpus, sentenceItemIds, vocabularyEntityId, vocabularyIndexOf, writeTextKnowledge, FIRST_WORD_INDEX, SENTENCE_PREFIX, TEXT_KNOWLEDGE_SOURCE, VOCAB_PREFIX, WORD_KIND, type TextKnowledgeSummary } from './text-knowledge.js';
export { readThroughLexicon, type LexiconReading } from './lexicon.js';
export { receiverKnowledgeFrom, type ReceiverTextKnowledge } from './receiver.js';
export { degradeKnowledge, type DegradeOptions, type DegradeReport } from './degrade.js';
export { keywordSendCounts, textTaskWeight } from './weights.js';
export { copyClosedStore } from './store-copy.js';
