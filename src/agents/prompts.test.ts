import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORDNET_LEXNAMES } from '../datasets/wordnet.js';
import { PERSON_ATTRIBUTES, PERSON_ENTRY_ORDER } from './attributes.js';
import { SEED003_GENERATING_PROMPT, SEED003_UNDERSTANDING_PROMPT, TEXT_GENERATING_PROMPT, TEXT_UNDERSTANDING_PROMPT } from './prompts.js';
import { MOODS } from './text-understanding.js';

describe('role prompts', () => {
  it('the seed 003 prompts name the entries in the order the parsers use', () => {
    expect(SEED003_UNDERSTANDING_PROMPT).toContain(PERSON_ATTRIBUTES.map((a) => `[${a}]`).join(', '));
    expect(SEED003_GENERATING_PROMPT).toContain(PERSON_ENTRY_ORDER.map((a) => `[${a}]`).join(', '));
  });

  it('the text understanding prompt offers every mood and every WordNet domain the validator accepts', () => {
    for (const m of MOODS) expect(TEXT_UNDERSTANDING_PROMPT).toContain(m);
    expect(TEXT_UNDERSTANDING_PROMPT).toContain(WORDNET_LEXNAMES.join(', '));
  });

  it('the README shows the exact text prompts', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    expect(readme).toContain(TEXT_GENERATING_PROMPT);
    const abridged = TEXT_UNDERSTANDING_PROMPT.replace(WORDNET_LEXNAMES.join(', '), `${WORDNET_LEXNAMES[0]}, ${WORDNET_LEXNAMES[1]}, ..., ${WORDNET_LEXNAMES.at(-1)}`);
    expect(readme).toContain(abridged);
    expect(readme.replace(/\s+/g, ' ')).toContain(SEED003_UNDERSTANDING_PROMPT);
    expect(readme.replace(/\s+/g, ' ')).toContain(SEED003_GENERATING_PROMPT);
  });
});
