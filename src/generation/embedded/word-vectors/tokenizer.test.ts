import { describe, expect, it } from 'vitest';
import { isPunctuationToken, vectorKeys, wordVectorTokens } from './tokenizer.js';

describe('wordVectorTokens', () => {
  it('splits clitics the Penn Treebank way and keeps case', () => {
    expect(wordVectorTokens("I don't know, can't you see? It's John's car.")).toEqual([
      'I', 'do', "n't", 'know', ',', 'ca', "n't", 'you', 'see', '?', 'It', "'s", 'John', "'s", 'car', '.',
    ]);
    expect(wordVectorTokens('WON’T they’ve')).toEqual(['WO', 'N’T', 'they', '’ve']);
  });

  it('keeps hyphenated words, numbers with separators and dotted abbreviations whole', () => {
    expect(wordVectorTokens('A well-known 19th-century U.S. city; 5:30 p.m. -- 3.5% of $10,000...')).toEqual([
      'A', 'well-known', '19th-century', 'U.S.', 'city', ';', '5:30', 'p.m.', '--', '3.5', '%', 'of', '$', '10,000', '...',
    ]);
  });

  it('splits a sentence-final period from a number and a possessive quote from its word', () => {
    expect(wordVectorTokens('in 1990. their parents\' "toys"')).toEqual(['in', '1990', '.', 'their', 'parents', "'", '"', 'toys', '"']);
    expect(wordVectorTokens('naïve café')).toEqual(['naïve', 'café']);
    expect(wordVectorTokens('  ')).toEqual([]);
  });
});

describe('vectorKeys', () => {
  const table = new Set(['not', 'are', 'well-known', 'century', 'well', '…', '-', 'cat', 'ca']);
  const has = (k: string): boolean => table.has(k);

  it('lower-cases and maps the clitics the table lacks', () => {
    expect(vectorKeys('CAT', has)).toEqual(['cat']);
    expect(vectorKeys("n't", has)).toEqual(['not']);
    expect(vectorKeys('N’T', has)).toEqual(['not']);
    expect(vectorKeys("'re", has)).toEqual(['are']);
    expect(vectorKeys("'s", has)).toEqual([]);
    expect(vectorKeys('ca', has)).toEqual(['ca']);
  });

  it('backs off from an unknown hyphenated word to its known parts', () => {
    expect(vectorKeys('Well-known', has)).toEqual(['well-known']);
    expect(vectorKeys('19th-century', has)).toEqual(['century']);
    expect(vectorKeys('-', has)).toEqual(['-']);
  });

  it('maps an ellipsis and dashes, and gives nothing for unknown tokens', () => {
    expect(vectorKeys('...', has)).toEqual(['…']);
    expect(vectorKeys('--', has)).toEqual(['-']);
    expect(vectorKeys('—', has)).toEqual(['-']);
    expect(vectorKeys('zzqx', has)).toEqual([]);
    expect(vectorKeys('3.5', has)).toEqual([]);
  });

  it('classifies punctuation tokens', () => {
    expect(isPunctuationToken('...')).toBe(true);
    expect(isPunctuationToken('$')).toBe(true);
    expect(isPunctuationToken("n't")).toBe(false);
    expect(isPunctuationToken('3')).toBe(false);
  });
});
