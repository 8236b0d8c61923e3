/**
 * The keyword vocabulary both ends share: every keyword the extractor emits
 * over the train split with no truncation (so it holds whatever
 * `maxKeywords` a transmitter uses), with its count. An entropy coder for
 * keywords (seed 002 Sec. III: fewer bits for the same meaning) codes a
 * keyword by its index under these counts and spells out the rest.
 */
import type { KeywordVocabulary } from '../text-understanding.js';
import { analysedCorpus } from './corpus.js';

let cached: KeywordVocabulary | null = null;

/** Builds the vocabulary once per process (needs the analysed train split, see ./corpus.ts). */
export function buildKeywordVocabulary(): KeywordVocabulary {
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const { analysis } of analysedCorpus('train')) {
    for (const k of analysis.keywords) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = Object.freeze(entries.map((e) => e[0]));
  const index = new Map(words.map((w, i) => [w, i]));
  cached = Object.freeze({
    words,
    counts: Uint32Array.from(entries.map((e) => e[1])),
    indexOf: (word: string) => index.get(word) ?? -1,
  });
  return cached;
}
