import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED003_GENERATING_PROMPT, SEED003_UNDERSTANDING_PROMPT, TEXT_GENERATING_PROMPT, TEXT_UNDERSTANDING_PROMPT } from './prompts.js';

describe('README role prompts', () => {
  it('shows the exact role prompts the agents send', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const p of [TEXT_UNDERSTANDING_PROMPT, TEXT_GENERATING_PROMPT, SEED003_UNDERSTANDING_PROMPT, SEED003_GENERATING_PROMPT]) {
      expect(readme).toContain(p);
    }
  });
});
