import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn } from './json-position.js';

function parses(text: string): boolean {
  return v8Error(text) === null;
}

/** JSON.parse's error message for `text`, or null if it parses. */
function v8Error(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a":1,}', 7],
    ['{"a":1', 6],
    ['[1,2]x', 5],
    ['{\n"b": tru\n}', 10],
    ['', 0],
    ['{"a": "\u0001"}', 7],
    ['{"a": 01}', 7],
    ['[1, -]', 5],
    ['[1.]', 3],
    ['[1e]', 3],
    ['{"a" 1}', 5],
  ])('finds the first bad character of %j at %i', (text, offset) => {
    expect(parses(text)).toBe(false);
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with JSON.parse on valid documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, indent))).toBe(-1);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('says a text is valid exactly when JSON.parse accepts it, at the position it names, after random edits', () => {
    const edited = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', ' ', '-', '0', '{', '['), fc.boolean())
      .map(([value, at, insert, remove]) => {
        const text = JSON.stringify(value);
        const k = at % (text.length + 1);
        return text.slice(0, k) + insert + text.slice(remove ? k + 1 : k);
      });
    fc.assert(
      fc.property(edited, (text) => {
        const message = v8Error(text);
        const offset = jsonErrorOffset(text);
        expect(offset === -1).toBe(message === null);
        const v8Position = message && /at position (\d+)/.exec(message);
        if (v8Position) expect(offset).toBe(Number(v8Position[1]));
      }),
      { numRuns: 1000, seed: 4 },
    );
  });

  it('does not overflow on deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1);
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    const text = 'ab\ncde\n\nf';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn(text, 8)).toEqual({ line: 4, column: 1 });
  });
});
