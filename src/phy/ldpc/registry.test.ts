import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { SemcomError } from '../../core/errors.js';
import { listIeee80211nCodes, parseCodeSpec, resolveCode } from './registry.js';
import { ieee80211nCode } from './ieee80211n.js';

const HAMMING = fileURLToPath(new URL('./fixtures/hamming-7-4.alist', import.meta.url));

describe('code registry', () => {
  it('parses the three kinds of specification', () => {
    expect(parseCodeSpec('uncoded')).toEqual({ kind: 'uncoded' });
    expect(parseCodeSpec(' 80211n:1296:2/3 ')).toEqual({ kind: '80211n', n: 1296, rate: '2/3' });
    expect(parseCodeSpec('alist:/tmp/a b.alist')).toEqual({ kind: 'alist', path: '/tmp/a b.alist' });
  });

  it('resolves specifications to codes', () => {
    expect(resolveCode('uncoded')).toBeNull();
    expect(resolveCode('80211n:648:5/6')).toBe(ieee80211nCode(648, '5/6'));
    const h = resolveCode(`alist:${HAMMING}`);
    expect([h?.n, h?.k, h?.m]).toEqual([7, 4, 3]);
  });

  it('rejects anything else with UNKNOWN_CODE listing what is accepted', () => {
    for (const bad of ['', 'ldpc', '80211n:648', '80211n:640:1/2', '80211n:648:7/8', '80211n:648:1/2:x', 'alist:', 'UNCODED']) {
      try {
        parseCodeSpec(bad);
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(SemcomError);
        expect((e as SemcomError).code).toBe('UNKNOWN_CODE');
        expect((e as SemcomError).message).toContain('80211n:<648|1296|1944>:<1/2|2/3|3/4|5/6>');
      }
    }
  });

  it('a missing alist file is an IO_ERROR', () => {
    expect(() => resolveCode('alist:/no/such/file.alist')).toThrow(expect.objectContaining({ code: 'IO_ERROR' }));
  });

  it('lists the twelve 802.11n codes by length then rate', () => {
    const list = listIeee80211nCodes();
    expect(list.map((c) => c.name)).toEqual([
      '80211n:648:1/2', '80211n:648:2/3', '80211n:648:3/4', '80211n:648:5/6',
      '80211n:1296:1/2', '80211n:1296:2/3', '80211n:1296:3/4', '80211n:1296:5/6',
      '80211n:1944:1/2', '80211n:1944:2/3', '80211n:1944:3/4', '80211n:1944:5/6',
    ]);
    expect(list.map((c) => c.k)).toEqual([324, 432, 486, 540, 648, 864, 972, 1080, 972, 1296, 1458, 1620]);
  });
});
