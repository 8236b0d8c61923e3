/**
 * Strict UTF-8 validation with the offset of the first bad byte (TextDecoder's
 * fatal mode only says "invalid"). The well-formed byte sequences are those of
 * the Unicode Standard, Table 3-7: no overlong forms, no surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF.
 */

/** Where and why `bytes[start, end)` is not well-formed UTF-8, or null if it is. */
export function findInvalidUtf8(bytes: Uint8Array, start: number, end: number): { offset: number; what: string } | null {
  let i = start;
  while (i < end) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // Continuation count and the allowed range of the second byte (Table 3-7).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c === 0xe0) [n, lo] = [2, 0xa0];
    else if (c === 0xed) [n, hi] = [2, 0x9f];
    else if (c >= 0xe1 && c <= 0xef) n = 2;
    else if (c === 0xf0) [n, lo] = [3, 0x90];
    else if (c === 0xf4) [n, hi] = [3, 0x8f];
    else if (c >= 0xf1 && c <= 0xf3) n = 3;
    else return { offset: i, what: `0x${c.toString(16)} cannot start a UTF-8 sequence` };
    for (let k = 1; k <= n; k++) {
      const j = i + k;
      if (j >= end) return { offset: i, what: `UTF-8 sequence starting with 0x${c.toString(16)} is cut off by the end of the text` };
      const d = bytes[j];
      const [a, b] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (d < a || d > b) {
        return { offset: j, what: `0x${d.toString(16)} is not a valid continuation after 0x${c.toString(16)} (overlong, surrogate or truncated sequence)` };
      }
    }
    i += n + 1;
  }
  return null;
}

/** Whether `s` is well-formed UTF-16 (every surrogate paired), i.e. encodable to UTF-8 without replacement characters. */
export function isWellFormedString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const v = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (v < 0xdc00 || v > 0xdfff) return false;
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return false;
    }
  }
  return true;
}
