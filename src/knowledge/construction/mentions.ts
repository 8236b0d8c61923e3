/**
 * Entity mentions in a tagged sentence: the spans that can be the head or
 * tail of a triple (seed 000 Sec. VI-B1, "named entity recognition ... to
 * distill valuable entities").
 *
 * 1. wink-nlp's named entities (./wink-entities.ts), except emoji and
 *    emoticons. A leading preposition inside a span ("since 1999",
 *    DURATION) is left outside it, so it can still introduce the span. A
 *    CARDINAL or ORDINAL directly before a noun ("three cats", "the 2nd
 *    time") is a quantifier of that noun, not an entity; a span of nouns
 *    directly before a noun ("the evening sky") is a modifier inside the
 *    noun chunk.
 * 2. Noun chunks: maximal runs of ADJ, NOUN, PROPN tokens, cut after the last
 *    NOUN or PROPN, less leading adjectives on wink's stop-word list
 *    ("other", "many", "such"): the POS pattern (ADJ|NOUN|PROPN)* (NOUN|PROPN).
 *    A chunk of proper nouns only is a name, typed from WordNet
 *    (./entity-kinds.ts); any other chunk is a `concept`.
 *
 * Pronouns are never mentions: nothing here resolves "she" or "it" to a
 * name (no coreference), so a fact stated about a pronoun is lost.
 */
import type { PartOfSpeech } from 'wink-nlp';
import { nameKind } from './entity-kinds.js';
import { phraseKey, phraseLabel, type PhraseTokens } from './names.js';
import type { EntitySpan } from './wink-entities.js';

/** A tagged text: wink's tokens with the keyword module's corrected tags. */
export interface TaggedTokens extends PhraseTokens {
  readonly stopWords: readonly boolean[];
}

export interface Mention {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** Entity key (./names.ts), never empty. */
  readonly key: string;
  readonly label: string;
  /** `concept`, a name kind (`person`, `place`, `organization`, `name`) or a wink entity type in lower case (`date`, `money`, ...). */
  readonly kind: string;
  /** Index of the head token (the last noun, or the last token of a named-entity span). */
  readonly head: number;
}

const CHUNK_POS = new Set<PartOfSpeech>(['ADJ', 'NOUN', 'PROPN']);
const SKIPPED_ENTITY_TYPES = new Set(['EMOJI', 'EMOTICON']);
const QUANTIFIER_TYPES = new Set(['CARDINAL', 'ORDINAL']);
/** Entity types that say when or how long: a preposition phrase with one of them modifies the verb (./relation-patterns.ts). */
export const TEMPORAL_KINDS: ReadonlySet<string> = new Set(['date', 'time', 'duration']);

function isNounLike(p: PartOfSpeech | undefined): boolean {
  return p === 'NOUN' || p === 'PROPN';
}

/** Whether token i is a hyphen written without spaces between two words ("self-destruction"). */
export function isGluedHyphen(t: PhraseTokens, i: number, end: number): boolean {
  return t.values[i] === '-' && t.spaces[i] === '' && i > 0 && i + 1 < end && t.spaces[i + 1] === '' && t.types[i + 1] !== 'punctuation';
}

/**
 * Words joined by glued hyphens, as units: `end[i]` is the end of the unit
 * starting at token i, `pos[i]` its part of speech. A compound is a noun when
 * its last part is ("self-destruction") or when a noun or verb takes a
 * particle ("punch-up", "sit-in"), else an adjective ("well-known",
 * "tree-killing"). Tokens inside a compound are not unit starts.
 */
function compoundUnits(t: TaggedTokens, start: number, end: number): { end: number[]; pos: (PartOfSpeech | undefined)[] } {
  const unitEnd: number[] = [];
  const unitPos: (PartOfSpeech | undefined)[] = [];
  let i = start;
  while (i < end) {
    let j = i + 1;
    while (j < end && isGluedHyphen(t, j, end)) j += 2;
    unitEnd[i] = j;
    if (j === i + 1) {
      unitPos[i] = t.pos[i];
    } else {
      const firstPos = t.pos[i];
      const lastPos = t.pos[j - 1];
      const particle = lastPos === 'ADP' || lastPos === 'PART' || lastPos === 'ADV';
      unitPos[i] = isNounLike(lastPos) ? lastPos : particle && (firstPos === 'NOUN' || firstPos === 'VERB') ? 'NOUN' : 'ADJ';
    }
    i = j;
  }
  return { end: unitEnd, pos: unitPos };
}

/** A span of nouns only followed by a noun modifies it ("the evening sky": TIME "evening"); it is read as part of the noun chunk. */
function modifiesNextNoun(t: TaggedTokens, s: EntitySpan, end: number): boolean {
  for (let k = s.start; k < s.end; k++) if (!isNounLike(t.pos[k])) return false;
  return s.end < end && isNounLike(t.pos[s.end]);
}

/** The mentions of tokens [start, end) of `t`, in text order, not overlapping. */
export function findMentions(t: TaggedTokens, spans: readonly EntitySpan[], start: number, end: number): Mention[] {
  const spanAt = new Map<number, EntitySpan>();
  for (const s of spans) {
    if (s.start < start || s.end > end || SKIPPED_ENTITY_TYPES.has(s.type)) continue;
    if (modifiesNextNoun(t, s, end)) continue;
    let from = s.start;
    while (from < s.end - 1 && t.pos[from] === 'ADP') from++;
    spanAt.set(from, { start: from, end: s.end, type: s.type });
  }
  const units = compoundUnits(t, start, end);
  const out: Mention[] = [];
  let i = start;
  while (i < end) {
    const span = spanAt.get(i);
    if (span) {
      if (QUANTIFIER_TYPES.has(span.type) && span.end < end && CHUNK_POS.has(units.pos[span.end] as PartOfSpeech)) {
        i = span.end;
        continue;
      }
      const key = phraseKey(t, span.start, span.end, false);
      if (key !== '') {
        out.push({ start: span.start, end: span.end, key, label: phraseLabel(t, span.start, span.end), kind: span.type.toLowerCase(), head: span.end - 1 });
      }
      i = span.end;
      continue;
    }
    if (!CHUNK_POS.has(units.pos[i] as PartOfSpeech)) {
      i = units.end[i] ?? i + 1;
      continue;
    }
    // A run of chunk units, each unit a word or a hyphenated compound.
    let j = i;
    let lastEnd = -1;
    let first = -1;
    while (j < end && CHUNK_POS.has(units.pos[j] as PartOfSpeech) && (j === i || !spanAt.has(j))) {
      if (first < 0 && !(units.pos[j] === 'ADJ' && t.stopWords[j] && units.end[j] === j + 1)) first = j;
      if (isNounLike(units.pos[j])) lastEnd = units.end[j] as number;
      j = units.end[j] as number;
    }
    if (first >= 0 && lastEnd > first) {
      const key = phraseKey(t, first, lastEnd);
      if (key !== '') {
        let allNames = true;
        const words: string[] = [];
        for (let k = first; k < lastEnd; k++) {
          if (t.pos[k] !== 'PROPN') allNames = false;
          words.push(t.values[k] as string);
        }
        out.push({ start: first, end: lastEnd, key, label: phraseLabel(t, first, lastEnd), kind: allNames ? nameKind(words) : 'concept', head: lastEnd - 1 });
      }
    }
    i = j;
  }
  return out;
}
