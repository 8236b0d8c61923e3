import { describe, expect, it } from 'vitest';
import { formatPersonLine, parsePersonAttributeLine, PERSON_ATTRIBUTES, renderPersonSentence } from './attributes.js';

describe('person attributes (seed 003 Sec. IV)', () => {
  it('parses the understanding reply, with or without brackets', () => {
    const e = parsePersonAttributeLine('[male], [white], [short], black, long, [brown]\n');
    expect(e).toEqual(PERSON_ATTRIBUTES.map((name, i) => ({ name, value: ['male', 'white', 'short', 'black', 'long', 'brown'][i] })));
  });

  it('rejects a reply with the wrong number of values, several lines or an empty value', () => {
    expect(() => parsePersonAttributeLine('male, white, short')).toThrow(/expected 6/);
    expect(() => parsePersonAttributeLine('male, white, short,\nblack, long, brown')).toThrow(/single line/);
    expect(() => parsePersonAttributeLine('male, , short, black, long, brown')).toThrow(/shirt color/);
  });

  it('formats the generating input in the prompt order and fills missing slots', () => {
    const entries = [...parsePersonAttributeLine('female, red, long, blue, short, white'), { name: 'location', value: 'gate 3' }];
    expect(formatPersonLine(entries)).toBe('unknown, gate 3, female, red, long, blue, short, white');
  });

  it('renders the sentence structure of the generating prompt', () => {
    const entries = [{ name: 'time', value: '10:32' }, { name: 'location', value: 'gate 3' }, ...parsePersonAttributeLine('male, white, short, black, long, brown')];
    expect(renderPersonSentence(entries)).toBe('This is a male person wearing a white short shirt, black long pants, and brown shoes. He appeared at gate 3 at 10:32.');
    expect(renderPersonSentence(parsePersonAttributeLine('female, red, long, blue, short, white'))).toMatch(/ She appeared at unknown at unknown\.$/);
  });
});
