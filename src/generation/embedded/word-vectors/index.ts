/** The embedded `word-vectors` embedding model: mean GloVe 100d vectors from the compact table in models/word-vectors/. */
export {
  createWordVectorEmbeddingModel,
  wordVectorsRegistration,
  WORD_VECTORS_MODEL_ID,
  WORD_VECTORS_DIMENSIONS,
  type WordVectorModelOptions,
} from './model.js';
export { meanWordVector, type MeanWordVector, type MeanWordVectorOptions } from './embed.js';
export { wordVectorTokens, vectorKeys, isPunctuationToken } from './tokenizer.js';
export {
  loadWordVectorTable,
  wordVectorTableFrom,
  wordVectorsDir,
  WORD_VECTORS_REBUILD,
  type WordVectorLookup,
  type WordVectorTable,
} from './table.js';
export {
  decodeWordVectors,
  encodeWordVectors,
  quantizeRows,
  WORD_VECTORS_MAGIC,
  WORD_VECTORS_VERSION,
  type QuantizedWordVectors,
} from './format.js';
