import { describe, expect, it } from 'vitest';
import { SLOT_TAGS, type SlotTag } from '../keywords/content.js';
import { trainKeywordTagger } from './keyword-tagger.js';

const seq = (pairs: string): { keywords: string[]; tags: SlotTag[] } => {
  const items = pairs.split(' ').map((p) => p.split('/') as [string, SlotTag]);
  return { keywords: items.map((i) => i[0]), tags: items.map((i) => i[1]) };
};

describe('trainKeywordTagger', () => {
  const training = [
    seq('long/A run/N'),
    seq('long/A run/N ended/Vd'),
    seq('big/A dog/N barked/Vd'),
    seq('not/X run/V'),
    seq('not/X walk/V'),
    seq('not/X eat/V'),
    seq('dogs/Np barked/Vd loudly/R'),
    seq('cats/Np slept/Vd quietly/R'),
    seq('children/Np played/Vd happily/R'),
    seq('Paris/P beautiful/A'),
    seq('three/M dogs/Np'),
  ];
  const tagger = trainKeywordTagger(training);
  const tagsOf = (keywords: string[]): string[] => Array.from(tagger.tag(keywords), (t) => SLOT_TAGS[t] as string);

  it('gives known words their tags and resolves ambiguous ones by context', () => {
    expect(tagsOf(['big', 'dog', 'barked'])).toEqual(['A', 'N', 'Vd']);
    expect(tagsOf(['long', 'run'])).toEqual(['A', 'N']);
    expect(tagsOf(['not', 'run'])).toEqual(['X', 'V']);
  });

  it('guesses unknown words from digits, capitals and suffixes', () => {
    expect(tagsOf(['1896'])).toEqual(['M']);
    expect(tagsOf(['Zorblax'])).toEqual(['P']);
    // "-ly" was only ever an adverb, "-ed" a past form in the rare training words.
    expect(tagsOf(['dogs', 'barked', 'sadly'])).toEqual(['Np', 'Vd', 'R']);
    expect(tagsOf(['cats', 'jumped'])).toEqual(['Np', 'Vd']);
    expect(tagsOf(['ζ-function', '🙂'])).toHaveLength(2);
  });

  it('tags an empty sequence as empty', () => {
    expect(tagger.tag([])).toHaveLength(0);
  });
});
