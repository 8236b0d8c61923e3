import { describe, expect, it } from 'vitest';
import { analysedCorpus } from './corpus.js';
import { loadKeywordExtractor } from './extractor.js';
import { buildKeywordVocabulary } from './vocabulary.js';

describe('buildKeywordVocabulary', () => {
  const vocabulary = buildKeywordVocabulary();

  it('is ordered by descending count, then alphabetically, with unique words', () => {
    const { words, counts } = vocabulary;
    expect(counts.length).toBe(words.length);
    expect(new Set(words).size).toBe(words.length);
    for (let i = 1; i < words.length; i++) {
      const prev = counts[i - 1] as number;
      const cur = counts[i] as number;
      expect(prev > cur || (prev === cur && (words[i - 1] as string) < (words[i] as string))).toBe(true);
    }
    expect(counts[counts.length - 1]).toBeGreaterThan(0);
  });

  it('counts every keyword the extractor emits over the train split, untruncated', () => {
    const extractor = loadKeywordExtractor();
    const train = analysedCorpus('train');
    let total = 0;
    for (const c of vocabulary.counts) total += c;
    let emitted = 0;
    for (const s of train) emitted += s.analysis.keywords.length;
    expect(total).toBe(emitted);
    const sample = train[123]?.sentence.text as string;
    for (const k of extractor.extract(sample, { maxKeywords: Infinity }).keywords) {
      const i = vocabulary.indexOf(k);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(vocabulary.words[i]).toBe(k);
    }
  });

  it('answers -1 for words it lacks and is case-sensitive', () => {
    expect(vocabulary.indexOf('qqqzzzx')).toBe(-1);
    expect(vocabulary.indexOf('not')).toBeGreaterThanOrEqual(0);
    expect(vocabulary.indexOf('NOT')).toBe(-1);
    expect(buildKeywordVocabulary()).toBe(vocabulary);
  });
});
