/**
 * Metrics that judge a transmission: pixel fidelity (MSE, PSNR), structural
 * similarity (SSIM), task success (semantic accuracy with an exact interval)
 * and statistics over an SNR sweep (robustness, summary). Seeds 000 Sec. IV-D
 * and V, 002 Sec. IV, 003 Sec. IV-A4.
 */
export { meanSquaredError, psnr, psnrFromMse, PSNR_REPORT_CAP_DB, type PsnrOptions } from './psnr.js';
export {
  ssim,
  ssimMap,
  defaultSsimWindow,
  gaussianWindow1d,
  SSIM_PAPER_WINDOW,
  SSIM_SMALL_IMAGE_WINDOW,
  SSIM_SMALL_IMAGE_SIDE,
  SSIM_SIGMA,
  SSIM_K1,
  SSIM_K2,
  type SsimOptions,
  type SsimMapResult,
} from './ssim.js';
export { semanticAccuracy, type SemanticAccuracy } from './accuracy.js';
export { robustness, summarize, type Summary, type SpreadOptions, type Ddof } from './statistics.js';
export type { Pixels } from './validate.js';
export { sentenceBleu, corpusBleu, sentenceBleuText, corpusBleuText, meanSentenceBleuText, modifiedPrecision, closestReferenceLength, brevityPenalty, type BleuOptions, type BleuScore, type BleuSmoothing, type BleuTextOptions } from './bleu.js';
export { cosineSimilarity, semanticSimilarity, exactMatch, normalizeForMatch, type SemanticSimilarityOptions, type ExactMatchOptions } from './similarity.js';
export { tokenizeText, tokenize13a, type TextTokenizer, type TokenizeOptions } from './text.js';
export { AoiMeter, AoiiMeter, type AoiSummary, type AoiMeterOptions, type AoiiPenalty, type AoiiMeterOptions, type AoiiSummary } from './freshness.js';
export { distribution, sortedQuantile, SampleBuffer, type SampleDistribution } from './percentiles.js';
