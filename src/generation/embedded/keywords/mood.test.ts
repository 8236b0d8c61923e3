import { describe, expect, it } from 'vitest';
import { analyseKeywords } from './analysis.js';
import { combineMoods } from './mood.js';

const moodOf = (text: string): string => analyseKeywords(text).mood;

describe('sentence mood', () => {
  it('reads questions from "?" and from inversion without final punctuation', () => {
    for (const q of ['Where did you put the keys?', 'is it raining', 'can you help me', 'how long will it take', 'which hinge is the squeaker', 'how many people came', 'the door is open?', 'do you like it']) {
      expect(moodOf(q), q).toBe('question');
    }
  });

  it('reads commands from a base-form verb with no subject before it', () => {
    for (const c of ['Close the door.', 'Open the window!', 'bring water', 'Be quiet!', "Don't touch the stove!", 'Please, send me the report.', 'never give up', 'do it now']) {
      expect(moodOf(c), c).toBe('command');
    }
  });

  it('reads exclamations from "!" and exclamative openings', () => {
    for (const e of ['What a day!', 'what a revolting development', 'How nice', 'I bungled it!']) expect(moodOf(e), e).toBe('exclamation');
  });

  it('leaves statements, including clauses that open with a wh-word or a verb-like noun', () => {
    for (const s of [
      'The patient must be sedated before the operation',
      'Paris is beautiful',
      'when a match is found an entry is made in the notebook',
      'what he said was true.',
      'block grants reduce federal responsibility for social welfare',
      'water boils at 100 degrees',
      'close friends are rare',
    ]) {
      expect(moodOf(s), s).toBe('statement');
    }
  });

  it('gives a text of several sentences its most demanding mood', () => {
    expect(moodOf('I am lost. Where is the station?')).toBe('question');
    expect(moodOf('The house is on fire. Run!')).toBe('command');
    expect(combineMoods(['statement', 'exclamation'])).toBe('exclamation');
    expect(combineMoods([])).toBe('statement');
  });

  it('sends a sentence-initial imperative in lower case and as a verb', () => {
    const a = analyseKeywords('Close the door.');
    expect(a.keywords).toEqual(['close', 'door']);
    expect(a.tags).toEqual(['V', 'N']);
  });
});
