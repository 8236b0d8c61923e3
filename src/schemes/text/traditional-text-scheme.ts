/**
 * Traditional separation for text (the baseline of DeepSC and of seed 002):
 * UTF-8 → a byte codec (brotli by default, or gzip, or none) → the digital link
 * (CRC-24A, LDPC, QAM) → decoding. A failed CRC or an undecodable stream
 * means nothing usable arrived: the receiver shows nothing. That is the cliff.
 */
import { isSemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { bitsToBytes, bytesToBits } from '../../semantic/index.js';
import { timed } from '../util.js';
import { createTextCodec } from './text-codec.js';
import { checkMessages, TextLinks, type TextLinkOptions } from './text-link.js';
import type { LinkConditions, TextOutcome, TextScheme } from './types.js';

export interface TraditionalTextSchemeOptions extends TextLinkOptions {
  /** `brotli` (default), `gzip` or `raw`. */
  codec?: string;
  maxChars?: number;
}

export function createTraditionalTextScheme(options: TraditionalTextSchemeOptions = {}): TextScheme {
  const codec = createTextCodec(options.codec ?? 'brotli');
  const links = new TextLinks(options);
  return {
    name: codec.name,
    async transmit(messages: readonly string[], conditions: LinkConditions, rng: Rng): Promise<TextOutcome[]> {
      checkMessages(messages, options.maxChars);
      return messages.map((text) => {
        const [bits, encodeMs] = timed(() => bytesToBits(codec.encode(text)));
        const rx = links.send(bits, conditions, rng);
        const [output, decodeMs] = timed(() => {
          if (!rx.payload) return null;
          try {
            return codec.decode(bitsToBytes(rx.payload));
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
