/**
 * Traditional separation (the baseline of seeds 000, 002 and 003): source
 * coding (deflate, PNG or JPEG), a packet with its CRC, the digital link with
 * one fixed 802.11n LDPC code and one fixed modulation (no link adaptation, as
 * in the seeds' baselines), and source decoding. A failed link CRC, a failed
 * packet CRC or an undecodable stream all mean nothing usable arrived: the
 * receiver shows the mean image. That is the cliff effect.
 */
import { isSemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { createDigitalLink, type DigitalLink } from '../../phy/link/digital-link.js';
import { bitsToBytes, bytesToBits, ContentType, decodePacket, encodePacket, Scheme } from '../../semantic/index.js';
import { mnistMeanImage } from '../fallback.js';
import type { ImageItem, ImageScheme, LinkConditions, SchemeOutcome } from '../types.js';
import { checkMnistItems, timed } from '../util.js';
import { createSourceCodec } from './source-codec.js';

export interface TraditionalSchemeOptions {
  /** `deflate` (default), `png` or `jpeg:<quality>`. */
  codec?: string;
  /** The fixed channel code (default `80211n:1944:3/4`: the longest 802.11n codeword at a rate whose cliff, with BPSK or 16-QAM, falls inside the 0-35 dB range the seeds sweep). */
  code?: string;
}

export function createTraditionalScheme(options: TraditionalSchemeOptions = {}): ImageScheme {
  const codec = createSourceCodec(options.codec ?? 'deflate');
  const code = options.code ?? '80211n:1944:3/4';
  const links = new Map<string, DigitalLink>();
  return {
    name: `traditional-${codec.name}`,
    async transmit(items: readonly ImageItem[], conditions: LinkConditions, rng: Rng): Promise<SchemeOutcome[]> {
      checkMnistItems(items);
      const key = `${conditions.modulation}|${conditions.channel}`;
      let link = links.get(key);
      if (!link) {
        link = createDigitalLink({ code, modulation: conditions.modulation, channel: conditions.channel, maxIterations: 20 });
        links.set(key, link);
      }
      return items.map((item) => {
        const [bits, encodeMs] = timed(() => {
          const coded = codec.encode(item.pixels, item.width, item.height);
          // Long packets carry CRC-32: CRC-16's 2^-16 miss rate is too high at these sizes.
          const packet = encodePacket({ version: 1, scheme: Scheme.raw, contentType: ContentType.image, crc: 'crc32', fields: [{ kind: 'bytes', data: coded }] });
          return bytesToBits(packet);
        });
        const rx = link.transmit(bits, conditions.snrDb, rng);
        const [output, decodeMs] = timed(() => {
          if (!rx.payload) return null;
          try {
            const packet = decodePacket(bitsToBytes(rx.payload));
            const field = packet.fields.find((f) => f.kind === 'bytes');
            if (!field || field.kind !== 'bytes') return null;
            return codec.decode(field.data, item.width, item.height);
          } catch (e) {
            if (isSemcomError(e)) return null;
            throw e;
          }
        });
        return {
          output: output ?? mnistMeanImage(),
          erased: output === null,
          payloadBits: bits.length,
          channelUses: rx.channelUses,
          encodeMs,
          decodeMs,
          info: { modulation: conditions.modulation, code },
        };
      });
    },
  };
}
