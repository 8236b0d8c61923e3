import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unicodeStringArb } from './test-support.js';
import { findInvalidUtf8, isWellFormedString } from './utf8.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
function whatwgValid(b: Uint8Array): boolean {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
}

describe('UTF-8 validation', () => {
  it('agrees with the WHATWG decoder in fatal mode on random bytes', () => {
    const utf8ish = fc.array(fc.oneof(fc.nat(0x7f), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff })), { maxLength: 12 });
    fc.assert(
      fc.property(utf8ish, (a) => {
        const b = Uint8Array.from(a);
        expect(findInvalidUtf8(b, 0, b.length) === null).toBe(whatwgValid(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every well-formed string, and names the first bad byte', () => {
    fc.assert(
      fc.property(unicodeStringArb, (s) => {
        const b = new TextEncoder().encode(s);
        return findInvalidUtf8(b, 0, b.length) === null;
      }),
      { numRuns: 300 },
    );
    const at = (bytes: number[]): number | undefined => findInvalidUtf8(Uint8Array.from(bytes), 0, bytes.length)?.offset;
    expect(at([0x41, 0xc0, 0x80])).toBe(1); // overlong NUL
    expect(at([0xe0, 0x80, 0x80])).toBe(1); // overlong 3-byte form
    expect(at([0xed, 0xa0, 0x80])).toBe(1); // surrogate U+D800
    expect(at([0xf4, 0x90, 0x80, 0x80])).toBe(1); // above U+10FFFF
    expect(at([0xf5, 0x80, 0x80, 0x80])).toBe(0);
    expect(at([0x41, 0xe2, 0x82])).toBe(1); // cut sequence
    expect(at([0xe2, 0x82, 0xac])).toBeUndefined(); // €
  });

  it('spots lone surrogates in strings', () => {
    expect(isWellFormedString('a😀b')).toBe(true);
    expect(isWellFormedString('a\uD800')).toBe(false);
    expect(isWellFormedString('\uDC00a')).toBe(false);
    expect(isWellFormedString('\uD800\uD800\uDC00')).toBe(false);
  });
});
