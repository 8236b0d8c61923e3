import { describe, expect, it } from 'vitest';
import { fnv1a32, loadWordnetSentences, loadWordnetSynsets, wordnetSplitOf, wordnetTestItems, WORDNET_LEXNAMES } from './wordnet.js';

describe('WordNet data', () => {
  it('parses every synset of WordNet 3.1 with its lemmas, lexname and pointers', () => {
    const synsets = loadWordnetSynsets();
    // WordNet 3.1: 117,791 synsets (82,192 noun, 13,789 verb, 18,185 adjective, 3,625 adverb).
    expect(synsets.length).toBe(117_791);
    const counts = { n: 0, v: 0, a: 0, s: 0, r: 0 };
    for (const s of synsets) counts[s.pos]++;
    expect(counts.n).toBe(82_192);
    expect(counts.v).toBe(13_789);
    expect(counts.a + counts.s).toBe(18_185);
    expect(counts.r).toBe(3_625);
    const sedate = synsets.find((s) => s.id === '00022309-v');
    expect(sedate).toMatchObject({ lexname: 'verb.body', lemmas: ['sedate', 'calm', 'tranquilize', 'tranquillize', 'tranquillise'], examples: ['The patient must be sedated before the operation'] });
    expect(sedate?.pointers[0]).toEqual({ symbol: '@', target: '00019441-v', sourceWord: 0, targetWord: 0 });
    expect(WORDNET_LEXNAMES.length).toBe(45);
  });

  it('splits the distinct example sentences 80/10/10 by a hash of their text', () => {
    const all = loadWordnetSentences();
    expect(all.length).toBe(48_459);
    expect(new Set(all.map((s) => s.text)).size).toBe(all.length);
    const sizes = ['train', 'validation', 'test'].map((sp) => loadWordnetSentences(sp as 'train').length);
    expect(sizes).toEqual([38_923, 4_725, 4_811]);
    for (const s of all.slice(0, 2000)) expect(s.split).toBe(wordnetSplitOf(s.text));
    // FNV-1a reference values (the empty string is the offset basis; "a" from the published test vectors).
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });

  it('gives the same shuffled test items every time, all from the test split', () => {
    const a = wordnetTestItems(50).map((s) => s.text);
    expect(wordnetTestItems(50).map((s) => s.text)).toEqual(a);
    expect(wordnetTestItems(10).map((s) => s.text)).toEqual(a.slice(0, 10));
    for (const s of wordnetTestItems(200)) expect(s.split).toBe('test');
    expect(new Set(wordnetTestItems(200).map((s) => s.lexname.split('.')[0])).size).toBeGreaterThanOrEqual(3);
    expect(() => wordnetTestItems(0)).toThrow(/asked for 0/);
  });
});
