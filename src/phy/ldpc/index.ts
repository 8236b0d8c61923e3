/** LDPC codes: construction (802.11n, alist), encoding, rate matching, decoding. */
export type { LdpcCode, LdpcEncoder, LdpcDecoder, QcStructure, DecodeOptions, DecodeResult } from './types.js';
export {
  ieee80211nCode,
  ieee80211nBaseMatrix,
  rateFraction,
  IEEE80211N_LENGTHS,
  IEEE80211N_RATES,
  type Ieee80211nLength,
  type Ieee80211nRate,
} from './ieee80211n.js';
export { codeFromEdges, codeFromQcShifts, type EdgeListSpec } from './sparse.js';
export { createEncoder, createDualDiagonalEncoder, createGenericEncoder } from './encoder.js';
export { parseAlist, formatAlist, loadAlistFile } from './alist.js';
export { createRateMatcher, SHORTENED_LLR, type RateMatcher, type RateMatchOptions } from './rate-matching.js';
export { syndromeIsZero, syndromeWeight, syndrome } from './syndrome.js';
export { gf2Rank } from './gf2.js';
export { parseCodeSpec, resolveCode, listIeee80211nCodes, type CodeSpec } from './registry.js';
export * from './decoders/index.js';
