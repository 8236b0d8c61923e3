/**
 * The transmitter's reading of a text, before any learned weight: wink-nlp's
 * tokens and tags (./nlp.ts), the sentence-initial correction (./tagging.ts),
 * the mood of each sentence (./mood.ts) and the keyword tokens in sentence
 * order (./content.ts). The extractor, the term weights, the domain
 * classifier and the receiver's templates are all built on it, so both ends
 * read the shared corpus the same way.
 */
import type { PartOfSpeech } from 'wink-nlp';
import type { Mood } from '../text-understanding.js';
import { isContentToken, keywordForm, slotTag, type SlotTag } from './content.js';
import { combineMoods, sentenceMood } from './mood.js';
import { analyse, type TextAnalysis } from './nlp.js';
import { correctTags, firstWordOfSentence } from './tagging.js';
import { wordnetLexicon } from './wordnet-lexicon.js';

export interface KeywordAnalysis {
  readonly analysis: TextAnalysis;
  /** Parts of speech after the corrections (sentence-initial names, imperative verbs). */
  readonly pos: readonly PartOfSpeech[];
  /** Lower-cased lemmas after the same corrections. */
  readonly lemmas: readonly string[];
  readonly mood: Mood;
  /** Token index of each keyword, ascending. */
  readonly keywordIndices: readonly number[];
  /** Keywords as sent (./content.ts `keywordForm`), in sentence order, duplicates kept. */
  readonly keywords: readonly string[];
  /** Lemma of each keyword (the key of the term weights and of the classifier's features). */
  readonly keywordLemmas: readonly string[];
  readonly tags: readonly SlotTag[];
}

/** Analyses `text` (no length check: callers bound the input). */
export function analyseKeywords(text: string): KeywordAnalysis {
  const lexicon = wordnetLexicon();
  const a = analyse(text);
  const { pos, lemmas } = correctTags(text, a, lexicon);
  const tokens = { values: a.values, pos, lemmas, types: a.types };
  const moods: Mood[] = [];
  for (let s = 0; s < a.sentenceStarts.length; s++) {
    const start = a.sentenceStarts[s] as number;
    const end = s + 1 < a.sentenceStarts.length ? (a.sentenceStarts[s + 1] as number) : a.values.length;
    const m = sentenceMood(tokens, start, end, lexicon);
    moods.push(m.mood);
    if (m.imperativeVerb >= 0 && pos[m.imperativeVerb] !== 'AUX') {
      pos[m.imperativeVerb] = 'VERB';
      lemmas[m.imperativeVerb] = (a.values[m.imperativeVerb] as string).toLowerCase();
    }
  }
  const sentenceInitial = new Set<number>();
  for (let s = 0; s < a.sentenceStarts.length; s++) sentenceInitial.add(firstWordOfSentence(a, s));
  const keywordIndices: number[] = [];
  const keywords: string[] = [];
  const keywordLemmas: string[] = [];
  const tags: SlotTag[] = [];
  for (let i = 0; i < a.values.length; i++) {
    const v = a.values[i] as string;
    const p = pos[i] as PartOfSpeech;
    if (!isContentToken(v, p, a.stopWords[i] as boolean)) continue;
    keywordIndices.push(i);
    keywords.push(keywordForm(v, p, sentenceInitial.has(i)));
    keywordLemmas.push(lemmas[i] as string);
    tags.push(slotTag(v, p, lemmas[i] as string));
  }
  return { analysis: a, pos, lemmas, mood: combineMoods(moods), keywordIndices, keywords, keywordLemmas, tags };
}
