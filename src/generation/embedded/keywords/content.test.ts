import { describe, expect, it } from 'vitest';
import { isContentToken, keywordForm, slotClass, slotTag, SLOT_TAGS } from './content.js';

describe('isContentToken', () => {
  it('keeps nouns, verbs and numerals even when wink lists them as stop words', () => {
    expect(isContentToken('made', 'VERB', true)).toBe(true);
    expect(isContentToken('two', 'NUM', true)).toBe(true);
    expect(isContentToken('side', 'NOUN', true)).toBe(true);
  });

  it('drops stop-listed adjectives and adverbs and every function word', () => {
    expect(isContentToken('very', 'ADV', true)).toBe(false);
    expect(isContentToken('many', 'ADJ', true)).toBe(false);
    expect(isContentToken('quickly', 'ADV', false)).toBe(true);
    for (const [v, p] of [['the', 'DET'], ['must', 'AUX'], ['before', 'ADP'], ['he', 'PRON'], ['and', 'CCONJ']] as const) {
      expect(isContentToken(v, p, true)).toBe(false);
    }
  });

  it('counts negators and never clitics or symbols', () => {
    for (const v of ['not', "n't", 'never', 'No']) expect(isContentToken(v, 'PART', true)).toBe(true);
    expect(isContentToken("'s", 'VERB', true)).toBe(false);
    expect(isContentToken('$', 'NOUN', false)).toBe(false);
  });
});

describe('keywordForm', () => {
  it('lower-cases common words, keeps the case of names, inner capitals and abbreviations', () => {
    expect(keywordForm('Operation', 'NOUN', true)).toBe('operation');
    expect(keywordForm('Paris', 'PROPN', true)).toBe('Paris');
    expect(keywordForm('French', 'ADJ', false)).toBe('French');
    expect(keywordForm('French', 'ADJ', true)).toBe('french');
    expect(keywordForm('DNA', 'NOUN', true)).toBe('DNA');
    expect(keywordForm("n't", 'PART', false)).toBe('not');
  });
});

describe('slotTag', () => {
  it('separates inflections within a part of speech', () => {
    expect(slotTag('dog', 'NOUN', 'dog')).toBe('N');
    expect(slotTag('dogs', 'NOUN', 'dog')).toBe('Np');
    expect(slotTag('run', 'VERB', 'run')).toBe('V');
    expect(slotTag('runs', 'VERB', 'run')).toBe('Vz');
    expect(slotTag('running', 'VERB', 'run')).toBe('Vg');
    expect(slotTag('sedated', 'VERB', 'sedate')).toBe('Vd');
    expect(slotTag("n't", 'PART', 'not')).toBe('X');
    expect(slotTag('never', 'ADV', 'never')).toBe('Xv');
  });

  it('has one class letter per coarse part of speech', () => {
    expect(new Set(SLOT_TAGS.map(slotClass))).toEqual(new Set(['N', 'P', 'V', 'A', 'R', 'M', 'X']));
  });
});
