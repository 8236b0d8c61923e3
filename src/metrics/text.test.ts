import { describe, expect, it } from 'vitest';
import { tokenize13a, tokenizeText } from './text.js';

describe('tokenize13a (mteval-v13a rules)', () => {
  it('splits symbols and sentence punctuation but keeps numbers, apostrophes and hyphens whole', () => {
    expect(tokenize13a('It costs $3.50, right?')).toEqual(['It', 'costs', '$', '3.50', ',', 'right', '?']);
    expect(tokenize13a("I don't like well-known (old) songs.")).toEqual(['I', "don't", 'like', 'well-known', '(', 'old', ')', 'songs', '.']);
    expect(tokenize13a('10,000 people; 1.5% of them')).toEqual(['10,000', 'people', ';', '1.5', '%', 'of', 'them']);
  });

  it('splits a dash after a digit only', () => {
    expect(tokenize13a('pages 10-20 and up-to-date')).toEqual(['pages', '10', '-', '20', 'and', 'up-to-date']);
  });

  it('splits a period or comma unless a digit is on the relevant side', () => {
    // "U.S." has non-digits on both sides of each period, so every period is split.
    expect(tokenize13a('U.S. 3.')).toEqual(['U', '.', 'S', '.', '3', '.']);
    expect(tokenize13a('a,b')).toEqual(['a', ',', 'b']);
  });

  it('unescapes the four HTML entities and drops line breaks as mteval does', () => {
    expect(tokenize13a('Tom &amp; Jerry &quot;hi&quot;')).toEqual(['Tom', '&', 'Jerry', '"', 'hi', '"']);
    expect(tokenize13a('hyphen-\nated\nline')).toEqual(['hyphenated', 'line']);
    expect(tokenize13a('   ')).toEqual([]);
  });
});

describe('tokenizeText', () => {
  it('folds case only when asked', () => {
    expect(tokenizeText('The Cat.')).toEqual(['The', 'Cat', '.']);
    expect(tokenizeText('The Cat.', { lowercase: true })).toEqual(['the', 'cat', '.']);
  });

  it('whitespace tokenizer keeps punctuation attached', () => {
    expect(tokenizeText(' a  b,\tc. ', { tokenizer: 'whitespace' })).toEqual(['a', 'b,', 'c.']);
  });

  it('rejects unknown tokenizers and non-strings', () => {
    expect(() => tokenizeText('x', { tokenizer: 'spacy' as never })).toThrow(/unknown tokenizer/);
    expect(() => tokenizeText(3 as never)).toThrow(/must be a string/);
  });
});
