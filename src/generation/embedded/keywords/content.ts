/**
 * Which tokens of a sentence are keywords, the form in which a keyword is
 * sent, and the slot tag (a part of speech with its inflection) that the
 * receiver uses to place a keyword in a template.
 *
 * Content tokens are nouns, proper nouns, verbs, numerals (always, even where
 * wink's stop-word list has them: "made", "two", "side" carry meaning) and
 * adjectives and adverbs that are not on wink's stop-word list (which drops
 * "very", "so", "many", "other", "when"). Negators ("not", "n't", "never",
 * "no") count as content because they flip the meaning of the sentence.
 */
import type { PartOfSpeech } from 'wink-nlp';

const ALWAYS_CONTENT = new Set<PartOfSpeech>(['NOUN', 'PROPN', 'VERB', 'NUM']);
const CONTENT_UNLESS_STOP = new Set<PartOfSpeech>(['ADJ', 'ADV']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `value` is a negator ("not", "n't", "never", "no", any case). */
export function isNegator(value: string): boolean {
  return NEGATORS.has(value.toLowerCase());
}

/** Whether a token is a keyword (see the module comment). Clitics ("'s", "'d") and symbols never are. */
export function isContentToken(value: string, pos: PartOfSpeech, stopWord: boolean): boolean {
  if (!HAS_LETTER_OR_DIGIT.test(value) || value.startsWith("'")) return isNegator(value);
  if (isNegator(value)) return true;
  if (ALWAYS_CONTENT.has(pos)) return true;
  return CONTENT_UNLESS_STOP.has(pos) && !stopWord;
}

/**
 * The keyword as sent: the surface form lower-cased, except where the case
 * carries meaning: proper nouns ("Paris"), capitalised words inside a
 * sentence ("French", "Marxist") and abbreviations ("DNA", even first in the
 * sentence). "n't" is sent as "not" so that "don't" and "do not" carry the
 * same keyword.
 */
export function keywordForm(value: string, pos: PartOfSpeech, sentenceInitial: boolean): string {
  if (value.toLowerCase() === "n't") return 'not';
  if (pos === 'PROPN') return value;
  if (/\p{Lu}/u.test(value) && (!sentenceInitial || /^\p{Lu}{2,}/u.test(value))) return value;
  return value.toLowerCase();
}

/**
 * Slot tags: the coarse part of speech plus the inflection that decides the
 * agreement of the words around it, so that a plural noun goes where the
 * template had a plural noun ("the dogs are") and an -ing form where it had
 * one ("is sleeping").
 *
 * N singular noun, Np plural noun, P proper noun, V verb base form, Vz third
 * person singular, Vg -ing form, Vd past tense or participle, A adjective,
 * R adverb, M numeral, X "not", Xv "never", Xd "no".
 */
export const SLOT_TAGS = ['N', 'Np', 'P', 'V', 'Vz', 'Vg', 'Vd', 'A', 'R', 'M', 'X', 'Xv', 'Xd'] as const;
export type SlotTag = (typeof SLOT_TAGS)[number];

/** The coarse class of a slot tag (N, P, V, A, R, M, X): tags of one class substitute for each other at a small cost. */
export function slotClass(tag: SlotTag): string {
  return tag[0] as string;
}

/** The slot tag of a keyword token from its value, (corrected) part of speech and lemma. */
export function slotTag(value: string, pos: PartOfSpeech, lemma: string): SlotTag {
  const lower = value.toLowerCase();
  if (lower === 'not' || lower === "n't") return 'X';
  if (lower === 'never') return 'Xv';
  if (lower === 'no') return 'Xd';
  switch (pos) {
    case 'PROPN':
      return 'P';
    case 'NOUN':
      return lemma !== lower && lower.endsWith('s') ? 'Np' : 'N';
    case 'VERB':
      if (lemma === lower) return 'V';
      if (lower.endsWith('ing')) return 'Vg';
      if (lower.endsWith('s')) return 'Vz';
      return 'Vd';
    case 'ADJ':
      return 'A';
    case 'ADV':
      return 'R';
    case 'NUM':
      return 'M';
    default:
      return 'N';
  }
}
