/**
 * Statistical language models both ends of a link share, and the coding of
 * text and word sequences against them with the arithmetic coder of
 * src/semantic/arithmetic.
 */
export {
  trainPpm,
  encodeText,
  encodeBytes,
  decodeText,
  decodeBytes,
  codeLength,
  informationContent,
  encodeTexts,
  decodeTexts,
  PpmCoder,
  PpmModel,
  type PpmOptions,
  type PpmDecodeOptions,
  type PpmCoderOptions,
  type PpmEscapeMethod,
} from './ppm.js';
export { MAX_PPM_ORDER } from './ppm-model.js';
export { EOM } from './ppm-trie.js';
export { loadSharedLanguageModel, SHARED_PPM_OPTIONS } from './shared-model.js';
export { trainWordNgram, WordNgramModel, type WordNgramOptions } from './kneser-ney.js';
export { WordVocabulary, UNK, END, UNK_TOKEN, END_TOKEN, MAX_VOCABULARY } from './word-vocabulary.js';
export { encodeSequence, decodeSequence, sequenceLogProb, type DecodeSequenceOptions } from './word-coding.js';
