import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SemcomError } from '../../core/errors.js';
import { formatAlist, loadAlistFile, parseAlist } from './alist.js';
import { IEEE80211N_LENGTHS, IEEE80211N_RATES, ieee80211nCode } from './ieee80211n.js';

const HAMMING = fileURLToPath(new URL('./fixtures/hamming-7-4.alist', import.meta.url));
const hammingText = readFileSync(HAMMING, 'utf8');

function malformed(text: string): SemcomError {
  try {
    parseAlist(text);
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    expect((e as SemcomError).code).toBe('MALFORMED_ALIST');
    return e as SemcomError;
  }
  throw new Error('expected MALFORMED_ALIST');
}

/** The Hamming fixture with line `no` (1-based) replaced. */
function withLine(no: number, text: string): string {
  const lines = hammingText.split('\n');
  lines[no - 1] = text;
  return lines.join('\n');
}

describe('alist', () => {
  it('round trip: format then parse gives the identical H for all twelve 802.11n codes', () => {
    for (const n of IEEE80211N_LENGTHS) {
      for (const r of IEEE80211N_RATES) {
        const code = ieee80211nCode(n, r);
        const back = parseAlist(formatAlist(code), 'x');
        expect([back.n, back.m, back.k]).toEqual([code.n, code.m, code.k]);
        expect(Buffer.from(back.rowPtr.buffer).equals(Buffer.from(code.rowPtr.buffer))).toBe(true);
        expect(Buffer.from(back.colIdx.buffer).equals(Buffer.from(code.colIdx.buffer))).toBe(true);
        expect(Buffer.from(back.colPtr.buffer).equals(Buffer.from(code.colPtr.buffer))).toBe(true);
        expect(Buffer.from(back.rowIdx.buffer).equals(Buffer.from(code.rowIdx.buffer))).toBe(true);
      }
    }
  });

  it('formats MacKay layout: header, weights, zero-padded 1-based lists', () => {
    const code = loadAlistFile(HAMMING);
    expect(code.name).toBe(`alist:${HAMMING}`);
    expect(formatAlist(code)).toBe(hammingText);
    const lines = formatAlist(ieee80211nCode(648, '1/2')).split('\n');
    expect(lines[0]).toBe('648 324');
    // Block column 0 of Table R.1 (rate 1/2) is full: weight 12; block rows have 7 or 8 entries.
    expect(lines[1]).toBe('12 8');
  });

  it('accepts unpadded lists, padding zeros, CRLF line ends and blank lines', () => {
    const unpadded = hammingText.replace(/ 0/g, '');
    expect(parseAlist(unpadded).colIdx).toEqual(parseAlist(hammingText).colIdx);
    const crlf = '\n' + hammingText.replace(/\n/g, '\r\n\r\n');
    expect(parseAlist(crlf).rowIdx).toEqual(parseAlist(hammingText).rowIdx);
  });

  it('rejects non-numeric tokens and a bad header', () => {
    expect(malformed(withLine(1, '7 x')).message).toContain("line 1: 'x' is not a non-negative integer");
    expect(malformed(withLine(1, '7 3 1')).message).toContain('line 1');
    expect(malformed(withLine(3, '1 1 2 1 2 2 -3')).message).toContain('line 3');
    expect(malformed(withLine(2, '3 4.5')).message).toContain('line 2');
  });

  it('rejects wrong counts', () => {
    expect(malformed(withLine(3, '1 1 2 1 2 2')).message).toMatch(/line 3: expected 7 column weights, found 6/);
    expect(malformed(withLine(4, '4 4')).message).toMatch(/line 4: expected 3 row weights/);
    expect(malformed(withLine(2, '3 5')).message).toMatch(/line 4: largest row weight is 4 but line 2 declares 5/);
    expect(malformed(withLine(4, '4 4 3')).message).toMatch(/sum to 11 but column weights to 12/);
    expect(malformed(withLine(7, '1 2 3 0')).message).toMatch(/line 7: column 3 has weight 2/);
    expect(malformed(withLine(12, '1 3 5')).message).toMatch(/line 12: row 1 has weight 4/);
    expect(malformed(hammingText.split('\n').slice(0, 13).join('\n')).message).toMatch(/end of file: file ends where the column list of row 3/);
    expect(malformed(hammingText + '1 2\n').message).toMatch(/line 15: unexpected content/);
  });

  it('rejects indices out of range, zeros before the weight is reached, duplicates', () => {
    expect(malformed(withLine(7, '1 4 0')).message).toMatch(/line 7: column 3: index 4 outside 1..3/);
    expect(malformed(withLine(12, '1 3 5 8')).message).toMatch(/line 12: row 1: index 8 outside 1..7/);
    expect(malformed(withLine(7, '1 0 2')).message).toMatch(/line 7: column 3: expected 2 non-zero entries/);
    expect(malformed(withLine(7, '2 2 0')).message).toMatch(/line 7: column 3: duplicate entry 2/);
    expect(malformed(withLine(6, '1 5 0')).message).toMatch(/line 6: .*must be 0 padding/);
  });

  it('rejects row lists that disagree with the column lists', () => {
    // Row 1 lists column 2 instead of 3: same weights, different H.
    expect(malformed(withLine(12, '1 2 5 7')).message).toMatch(
      /line 12: row 1 lists column 2, but the list of column 2 does not contain row 1/,
    );
  });

  it('loadAlistFile turns IO failures into IO_ERROR', () => {
    try {
      loadAlistFile('/nonexistent/dir/none.alist');
      expect.unreachable();
    } catch (e) {
      expect((e as SemcomError).code).toBe('IO_ERROR');
      expect((e as SemcomError).message).toContain('/nonexistent/dir/none.alist');
    }
  });
});
