/**
 * The digital link as the text schemes use it: one fixed 802.11n LDPC code for
 * every text scheme (short messages, so the 648-bit codes at rate 1/2 by
 * default), the row's modulation and channel, and a noiseless shortcut for
 * `snrDb = +∞` (`semcom text send --snr inf`), where the bits arrive exactly
 * and only the channel uses are counted.
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { createDigitalLink, type DigitalLink, type DigitalReception } from '../../phy/link/digital-link.js';
import type { LinkConditions } from '../types.js';

/** The fixed channel code of the text schemes (see the module comment). */
export const TEXT_LINK_CODE = '80211n:648:1/2';

/** Largest message a text scheme accepts by default (characters, UTF-16 code units). */
export const DEFAULT_MAX_TEXT_CHARS = 2000;

export interface TextLinkOptions {
  code?: string;
  maxIterations?: number;
}

/** Digital links keyed by modulation and channel, built on first use. */
export class TextLinks {
  private readonly links = new Map<string, DigitalLink>();
  constructor(private readonly options: TextLinkOptions = {}) {}

  get code(): string {
    return this.options.code ?? TEXT_LINK_CODE;
  }

  private link(conditions: LinkConditions): DigitalLink {
    const key = `${conditions.modulation}|${conditions.channel}`;
    let link = this.links.get(key);
    if (!link) {
      link = createDigitalLink({ code: this.code, modulation: conditions.modulation, channel: conditions.channel, maxIterations: this.options.maxIterations ?? 20 });
      this.links.set(key, link);
    }
    return link;
  }

  /** Sends `bits` (one 0/1 per entry) under `conditions`; +∞ dB delivers them exactly. */
  send(bits: Uint8Array, conditions: LinkConditions, rng: Rng): DigitalReception {
    const link = this.link(conditions);
    if (conditions.snrDb === Number.POSITIVE_INFINITY) {
      return { payload: bits.slice(), decoded: bits.slice(), channelUses: link.channelUses(bits.length), codeBlocks: 0, iterations: 0 };
    }
    if (!Number.isFinite(conditions.snrDb)) throw new SemcomError('INVALID_SNR', `SNR must be a finite number of dB or +∞ (noiseless), got ${conditions.snrDb}`);
    return link.transmit(bits, conditions.snrDb, rng);
  }
}

/** Checks a batch of messages: each non-empty and at most `maxChars` characters. */
export function checkMessages(messages: readonly string[], maxChars = DEFAULT_MAX_TEXT_CHARS): void {
  if (messages.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'a text scheme needs at least one message');
  messages.forEach((m, i) => {
    if (typeof m !== 'string' || m.trim().length === 0) throw new SemcomError('INVALID_ARGUMENT', `message ${i + 1} is empty; give some text (blank lines are skipped by semcom text send)`);
    if (m.length > maxChars) {
      throw new SemcomError('INVALID_ARGUMENT', `message ${i + 1} has ${m.length} characters, more than the limit of ${maxChars}; split it or raise the limit (--max-chars)`);
    }
  });
}
