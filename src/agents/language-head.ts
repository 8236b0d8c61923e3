/**
 * Functional head of the understanding agent (seed 003 Sec. III-D2 e): the
 * "language modeling head" whose output is a compact language description,
 * here the understanding entries. It normalises what the backbone produced
 * and rejects what cannot be sent: keywords are whitespace-folded, empty
 * ones dropped, at most `maxKeywords` kept (the first ones, since the order
 * carries meaning); the person attributes are put in the generating prompt's
 * order with every slot filled.
 */
import { orderPersonEntries } from './attributes.js';
import type { Entries } from './entries.js';

function fold(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Normalised entries, or `MALFORMED_REPLY` when nothing usable is left. */
export function languageHead(raw: Entries, maxKeywords: number): Entries {
  if (raw.task === 'text') {
    const keywords = raw.understanding.keywords
      .map(fold)
      .filter((k) => k !== '')
      .slice(0, maxKeywords);
    // No keyword is a legal understanding (e.g. "I did it"): the goal still tells the receiver what kind of sentence to write.
    const domain = fold(raw.understanding.goal.domain);
    return Object.freeze({
      task: 'text',
      understanding: Object.freeze({ keywords: Object.freeze(keywords), goal: Object.freeze({ mood: raw.understanding.goal.mood, domain }) }),
    });
  }
  const attributes = orderPersonEntries(raw.attributes.map((e) => ({ name: fold(e.name).toLowerCase(), value: fold(e.value) })));
  return Object.freeze({ task: 'attributes', attributes: Object.freeze(attributes.map((e) => Object.freeze(e))) });
}
