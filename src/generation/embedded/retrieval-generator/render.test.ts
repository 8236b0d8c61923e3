import { describe, expect, it } from 'vitest';
import { SLOT_TAGS } from '../keywords/content.js';
import { analyseKeywords } from '../keywords/analysis.js';
import type { AlignmentStep } from './alignment.js';
import { renderTemplate } from './render.js';

const tagIds = (tags: string[]): Uint8Array => Uint8Array.from(tags, (t) => SLOT_TAGS.indexOf(t as never));
const fill = (slot: number, keyword: number): AlignmentStep => ({ op: 'fill', slot, keyword });

describe('renderTemplate', () => {
  it('fills slots, keeps function words and fixes the article before a new word', () => {
    const t = analyseKeywords('he ate a pear');
    expect(t.keywords).toEqual(['ate', 'pear']);
    expect(renderTemplate(t, [fill(0, 0), fill(1, 1)], ['ate', 'orange'], tagIds(['Vd', 'N']))).toBe('he ate an orange');
    expect(renderTemplate(t, [fill(0, 0), fill(1, 1)], ['bought', 'hour'], tagIds(['Vd', 'N']))).toBe('he bought an hour');
    const u = analyseKeywords('An apple fell');
    expect(renderTemplate(u, [fill(0, 0), fill(1, 1)], ['pear', 'dropped'], tagIds(['N', 'Vd']))).toBe('A pear dropped');
  });

  it('puts an inserted modifier before the next filled slot and re-chooses the article', () => {
    const t = analyseKeywords('he ate an orange');
    const steps: AlignmentStep[] = [fill(0, 0), { op: 'insert', keyword: 1 }, fill(1, 2)];
    expect(renderTemplate(t, steps, ['ate', 'juicy', 'orange'], tagIds(['Vd', 'A', 'N']))).toBe('he ate a juicy orange');
    // A trailing insert goes after the last filled slot.
    expect(renderTemplate(t, [fill(0, 0), fill(1, 1), { op: 'insert', keyword: 2 }], ['ate', 'apple', 'yesterday'], tagIds(['Vd', 'N', 'R']))).toBe(
      'he ate an apple yesterday',
    );
  });

  it('removes a deleted slot with the function words leading up to it', () => {
    const t = analyseKeywords('the patient must be sedated before the operation');
    expect(renderTemplate(t, [fill(0, 0), fill(1, 1), { op: 'delete', slot: 2 }], ['dog', 'washed'], tagIds(['N', 'Vd']))).toBe('the dog must be washed');
  });

  it('keeps the contraction when "not" fills a "n\'t" slot', () => {
    const t = analyseKeywords("I don't like it");
    expect(t.keywords).toEqual(['not', 'like']);
    expect(renderTemplate(t, [fill(0, 0), fill(1, 1)], ['not', 'want'], tagIds(['X', 'V']))).toBe("I don't want it");
  });
});
