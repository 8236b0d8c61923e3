/**
 * Shared-model lossless text transmission: the "common knowledge" of seed 002
 * (Sec. II-C, III-A) made exact. Both ends hold the same byte-level PPM
 * language model, built from the WordNet train split; the transmitter
 * arithmetic-codes each message against it, about 2.1 bits per character
 * instead of brotli's 7.5 on a 34-character sentence, and the receiver
 * decodes the same message exactly. Each message is coded on its own with the
 * model frozen, so a lost message cannot desynchronise the two ends.
 */
import { isSemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { decodeText, encodeText, loadSharedLanguageModel } from '../../generation/embedded/language-model/index.js';
import { codedBitsFromBitArray, codedBitsToBitArray } from '../../semantic/arithmetic/index.js';
import { timed } from '../util.js';
import { checkMessages, TextLinks, type TextLinkOptions } from './text-link.js';
import type { LinkConditions, TextOutcome, TextScheme } from './types.js';

export interface SharedModelSchemeOptions extends TextLinkOptions {
  maxChars?: number;
}

/** A code of no bits (possible for the single most probable message) still needs one bit on the link; the decoder reads zeros past the end anyway. */
function atLeastOneBit(bits: Uint8Array): Uint8Array {
  return bits.length > 0 ? bits : new Uint8Array(1);
}

export function createSharedModelScheme(options: SharedModelSchemeOptions = {}): TextScheme {
  const links = new TextLinks(options);
  const maxBytes = 4 * (options.maxChars ?? 2000);
  return {
    name: 'shared-model',
    async transmit(messages: readonly string[], conditions: LinkConditions, rng: Rng): Promise<TextOutcome[]> {
      checkMessages(messages, options.maxChars);
      const model = loadSharedLanguageModel();
      return messages.map((text) => {
        const [bits, encodeMs] = timed(() => atLeastOneBit(codedBitsToBitArray(encodeText(model, text))));
        const rx = links.send(bits, conditions, rng);
        const [output, decodeMs] = timed(() => {
          if (!rx.payload) return null;
          try {
            return decodeText(model, codedBitsFromBitArray(rx.payload), { maxBytes });
          } catch (e) {
            if (isSemcomError(e)) return null;
            throw e;
          }
        });
        return { output: output ?? '', erased: output === null, payloadBits: bits.length, channelUses: rx.channelUses, encodeMs, decodeMs, info: { code: links.code, modulation: conditions.modulation } };
      });
    },
  };
}
