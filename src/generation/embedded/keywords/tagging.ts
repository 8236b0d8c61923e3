/**
 * One correction to wink's tags: a capitalised common word at the start of a
 * sentence is often tagged as a proper noun ("Close the door." → PROPN, so
 * it would be sent as "Close" and classified as a name). When the word is
 * not a capitalised lemma of WordNet ("Paris", "John" are), the text is
 * analysed again with that letter in lower case, and when the second
 * analysis tags it as a common word whose lemma WordNet lists ("dogs" →
 * "dog"), the word takes that tag and lemma. Unknown capitalised words
 * ("Zorblax") stay proper nouns.
 */
import type { PartOfSpeech } from 'wink-nlp';
import { analyse, type TextAnalysis } from './nlp.js';
import type { WordnetCategory, WordnetLexicon } from './wordnet-lexicon.js';

const CATEGORY: Partial<Record<PartOfSpeech, WordnetCategory>> = { NOUN: 'n', VERB: 'v', ADJ: 'a', ADV: 'r' };
const CATEGORIES: readonly WordnetCategory[] = ['n', 'v', 'a', 'r'];
const INITIAL_CAPITAL = /^\p{Lu}[\p{Ll}'-]*$/u;

export interface CorrectedTags {
  readonly pos: PartOfSpeech[];
  readonly lemmas: string[];
}

function knownToWordnet(lexicon: WordnetLexicon, word: string): boolean {
  return CATEGORIES.some((c) => lexicon.senses(c, word) !== undefined);
}

/** First token of each sentence that is not punctuation, or -1. */
export function firstWordOfSentence(a: TextAnalysis, s: number): number {
  const start = a.sentenceStarts[s] as number;
  const end = s + 1 < a.sentenceStarts.length ? (a.sentenceStarts[s + 1] as number) : a.values.length;
  for (let i = start; i < end; i++) if (a.types[i] !== 'punctuation') return i;
  return -1;
}

/** The parts of speech and lemmas of `a` (an analysis of `text`) after the correction described above. */
export function correctTags(text: string, a: TextAnalysis, lexicon: WordnetLexicon): CorrectedTags {
  const pos = [...a.pos];
  const lemmas = [...a.lemmas];
  const candidates: number[] = [];
  for (let s = 0; s < a.sentenceStarts.length; s++) {
    const f = firstWordOfSentence(a, s);
    if (f < 0 || pos[f] !== 'PROPN') continue;
    const v = a.values[f] as string;
    if (INITIAL_CAPITAL.test(v) && !lexicon.isCapitalisedLemma(v)) candidates.push(f);
  }
  if (candidates.length === 0) return { pos, lemmas };
  // Tokens and their preceding spaces concatenate to the text, which gives each candidate's offset.
  let lowered = '';
  let last = 0;
  let offset = 0;
  let c = 0;
  for (let i = 0; i < a.values.length && c < candidates.length; i++) {
    offset += (a.spaces[i] as string).length;
    const v = a.values[i] as string;
    if (i === candidates[c]) {
      if (!text.startsWith(v, offset)) return { pos, lemmas };
      lowered += text.slice(last, offset) + v.toLowerCase();
      last = offset + v.length;
      c++;
    }
    offset += v.length;
  }
  lowered += text.slice(last);
  const b = analyse(lowered);
  if (b.values.length !== a.values.length) return { pos, lemmas };
  for (const f of candidates) {
    const p = b.pos[f] as PartOfSpeech;
    const category = CATEGORY[p];
    const lemma = b.lemmas[f] as string;
    if (p === 'PROPN' || !category || !knownToWordnet(lexicon, lemma)) continue;
    pos[f] = p;
    lemmas[f] = lemma;
  }
  return { pos, lemmas };
}
