/**
 * Bits to send a whole set of sentences as one stream, for text-cost's
 * "over the whole test set" column: what a sender of a long document (rather
 * than of separate short messages) would pay. Lossless coders only; null for
 * the semantic schemes, which do not reproduce the text.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { encodeTexts, loadSharedLanguageModel } from '../../generation/embedded/language-model/index.js';

export function wholeSetBits(scheme: string, sentences: readonly string[]): number | null {
  const joined = Buffer.from(sentences.join('\n'), 'utf8');
  switch (scheme) {
    case 'raw':
      return 8 * joined.length;
    case 'gzip':
      return 8 * gzipSync(joined, { level: 9 }).length;
    case 'brotli':
      return 8 * brotliCompressSync(joined, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: joined.length } }).length;
    case 'shared-model':
      // Both ends update a copy of the shared model message by message (adaptive PPM); each message ends with its own EOM.
      return encodeTexts(loadSharedLanguageModel(), sentences, { adapt: true }).reduce((s, c) => s + c.bitLength, 0);
    default:
      return null;
  }
}
