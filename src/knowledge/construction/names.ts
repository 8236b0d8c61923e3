/**
 * Keys of extracted entities and relations, so that the same thing said
 * twice (or by two extractors) lands on one node of the graph.
 *
 * An entity key is its lower-cased lemma phrase in snake case, the way
 * WordNet writes collocations (`New_York` → `new_york`): "the Eiffel Tower"
 * → `eiffel_tower`, "domestic animals" → `domestic_animal` (only the head
 * noun, the last word, is lemmatised; "$3 billion" → `$3_billion`). The
 * entity id is `text:<key>`. A relation key is a snake-case phrase
 * (`located_in`, `capital_of`, `is_a`); a relation named by a model has its
 * hyphens turned into `_` as well.
 *
 * Keys keep letters, digits and the marks that are part of a token
 * (`$ % & . ' -`); anything else (spaces, commas, `|`, which the store
 * reserves) becomes `_`. A key longer than {@link MAX_KEY_CHARS} is not a
 * name but a passage, and is refused (empty string).
 */
import type { PartOfSpeech } from 'wink-nlp';
import { analyseKeywords } from '../../generation/embedded/keywords/index.js';
import { winkEntities } from './wink-entities.js';

/** Longest entity or relation key kept, in UTF-16 code units (the store allows 512 for a whole id). */
export const MAX_KEY_CHARS = 120;

/** Prefix of the ids of entities extracted from text. */
export const TEXT_ENTITY_PREFIX = 'text:';

/** The tokens of a phrase, as wink-nlp analyses them (parallel arrays). */
export interface PhraseTokens {
  readonly values: readonly string[];
  readonly pos: readonly PartOfSpeech[];
  readonly lemmas: readonly string[];
  /** Whitespace before each token; '' joins two tokens into one word ("$" + "3"). */
  readonly spaces: readonly string[];
  readonly types: readonly string[];
}

/** Lower case, runs of other characters → `_`, no `_`, `.`, `'` or `-` at either end; '' if empty or too long. */
export function snakeKey(text: string): string {
  const key = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$%&.'-]+/gu, '_')
    .replace(/^[_.'-]+|[_.'-]+$/g, '');
  return key.length > MAX_KEY_CHARS ? '' : key;
}

/**
 * The key of tokens [start, end) of `t`: punctuation dropped (a hyphen
 * inside a word kept), the last token lemmatised when it is a common noun
 * and `lemmatiseHead` (not for a named entity such as "2 hours"), words
 * joined by `_`.
 */
export function phraseKey(t: PhraseTokens, start: number, end: number, lemmatiseHead = true): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const gluedHyphen = t.values[i] === '-' && t.spaces[i] === '' && i + 1 < end && t.spaces[i + 1] === '';
    if (t.types[i] === 'punctuation' && !gluedHyphen) continue;
    const word = lemmatiseHead && i === end - 1 && t.pos[i] === 'NOUN' ? (t.lemmas[i] as string) : (t.values[i] as string);
    out += out !== '' && (t.spaces[i] as string) !== '' ? `_${word}` : word;
  }
  return snakeKey(out);
}

/** Surface text of tokens [start, end), whitespace folded to single spaces. */
export function phraseLabel(t: PhraseTokens, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += (i > start && (t.spaces[i] as string) !== '' ? ' ' : '') + (t.values[i] as string);
  return out.trim();
}

/** A name given in isolation as a label: whitespace folded, at most 200 characters. */
export function phraseLabelOf(name: string): string {
  const label = name.replace(/\s+/g, ' ').trim();
  return label.length > 200 ? `${label.slice(0, 199)}…` : label;
}

const LEADING_FUNCTION_POS = new Set<PartOfSpeech>(['DET', 'PRON', 'ADP', 'PUNCT', 'CCONJ', 'SCONJ', 'PART']);

/**
 * The key of an entity named in isolation (by a language model, a user): the
 * name is analysed by wink-nlp like text, leading function words ("the",
 * "his", "of") are dropped, and the rest keyed by {@link phraseKey}; a name
 * of function words only (a pronoun such as "it") keys to '' (no entity). So
 * "the cats" → `cat`, "Eiffel Tower" → `eiffel_tower`, "2 hours" (a named
 * entity, not lemmatised) → `2_hours`. Out of context the
 * tagger can read a word differently than inside a sentence; such a name
 * gets a different key than the sentence path gives it.
 */
export function entityKey(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 4 * MAX_KEY_CHARS) return '';
  const k = analyseKeywords(trimmed);
  const t: PhraseTokens = { values: k.analysis.values, pos: k.pos, lemmas: k.lemmas, spaces: k.analysis.spaces, types: k.analysis.types };
  let start = 0;
  while (start < t.values.length && LEADING_FUNCTION_POS.has(t.pos[start] as PartOfSpeech)) start++;
  let end = t.values.length;
  while (end > start && t.types[end - 1] === 'punctuation') end--;
  // Nothing but function words: a pronoun ("it", "she") or an article names no entity.
  if (end <= start) return '';
  // A name that is one named entity ("2 hours", "3 March 2020") keeps its words as written, as on the sentence path.
  const entity = winkEntities(trimmed, t.values.length).some((e) => e.start <= start && e.end >= end);
  return phraseKey(t, start, end, !entity);
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/**
 * The key of a relation named in isolation: snake case, a leading form of
 * "be" dropped ("is located in" → `located_in`, "was born in" → `born_in`)
 * except in "is a"/"is an" → `is_a`, which is how the sentence path names
 * class membership.
 */
export function relationKey(name: string): string {
  const words = snakeKey(name.replaceAll('-', ' ')).split('_').filter((w) => w !== '');
  if (words.length >= 2 && BE_FORMS.has(words[0] as string)) {
    if (words.length === 2 && (words[1] === 'a' || words[1] === 'an')) return 'is_a';
    words.shift();
  }
  if (words.length === 2 && words[0] === 'not' && (words[1] === 'a' || words[1] === 'an')) return 'not_is_a';
  return snakeKey(words.join('_'));
}

/** `text:<key>`, or '' when the key is empty. */
export function textEntityId(key: string): string {
  return key === '' ? '' : `${TEXT_ENTITY_PREFIX}${key}`;
}

/** A relation key read back as words (`located_in` → "located in", `is_a` → "is a"). */
export function relationLabel(key: string): string {
  return key.replaceAll('_', ' ');
}
