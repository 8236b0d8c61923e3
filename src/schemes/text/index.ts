/** End-to-end text schemes: traditional (raw, gzip, brotli), shared-model lossless, semantic (keywords and goal). */
export type { TextOutcome, TextScheme } from './types.js';
export { createTextScheme, TEXT_SCHEME_NAMES, type TextSchemeModels, type TextSchemeOptions } from './registry.js';
export { createTraditionalTextScheme, type TraditionalTextSchemeOptions } from './traditional-text-scheme.js';
export { createSharedModelScheme, type SharedModelSchemeOptions } from './shared-model-scheme.js';
export { createSemanticTextScheme, residualBitErrorRate, SEMANTIC_MAX_KEYWORDS, type SemanticTextSchemeOptions } from './semantic-text-scheme.js';
export { createTextCodec, MAX_TEXT_BYTES, type TextCodec, type TextCodecName } from './text-codec.js';
export { TEXT_LINK_CODE, DEFAULT_MAX_TEXT_CHARS, TextLinks, checkMessages } from './text-link.js';
export {
  buildKeywordCodebook,
  encodeEntropy,
  decodeEntropy,
  encodeFixed,
  decodeFixed,
  calibrateFixed,
  domainTable,
  CALIBRATION_MIN_POSTERIOR,
  MAX_CODED_KEYWORDS,
  type KeywordCodebook,
  type CalibrationResult,
} from './keyword-code.js';
export { loadKeywordCodebook } from './keyword-codebook.js';
