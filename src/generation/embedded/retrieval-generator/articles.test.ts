import { describe, expect, it } from 'vitest';
import { indefiniteArticle } from './articles.js';

describe('indefiniteArticle', () => {
  it('follows the first sound, not only the first letter', () => {
    const cases: [string, 'a' | 'an'][] = [
      ['apple', 'an'], ['orange', 'an'], ['dog', 'a'], ['hour', 'an'], ['honest', 'an'], ['house', 'a'],
      ['unit', 'a'], ['university', 'a'], ['umbrella', 'an'], ['unimportant', 'an'], ['euro', 'a'], ['one-way', 'a'],
      ['useful', 'a'], ['FBI', 'an'], ['MRI', 'an'], ['NATO', 'a'], ['8', 'an'], ['18th', 'an'], ['11', 'an'], ['7', 'a'], ['Apple', 'an'],
    ];
    for (const [word, article] of cases) expect(indefiniteArticle(word), word).toBe(article);
  });

  it('answers "a" for words without letters or digits and skips leading quotes', () => {
    expect(indefiniteArticle('')).toBe('a');
    expect(indefiniteArticle('—')).toBe('a');
    expect(indefiniteArticle('"owl"')).toBe('an');
  });
});
