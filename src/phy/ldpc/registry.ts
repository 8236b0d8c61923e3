/**
 * Code specifications as strings (CLI flags, experiment files) and their
 * resolution into `LdpcCode` objects:
 *
 *   uncoded                              no channel code
 *   80211n:<648|1296|1944>:<1/2|2/3|3/4|5/6>   an IEEE 802.11n QC-LDPC code
 *   alist:<path>                         a parity-check matrix in MacKay's alist format
 */
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode } from './types.js';
import { IEEE80211N_LENGTHS, IEEE80211N_RATES, ieee80211nCode, type Ieee80211nLength, type Ieee80211nRate } from './ieee80211n.js';
import { loadAlistFile } from './alist.js';

export type CodeSpec =
  | { kind: 'uncoded' }
  | { kind: '80211n'; n: Ieee80211nLength; rate: Ieee80211nRate }
  | { kind: 'alist'; path: string };

const ACCEPTED = "accepted: 'uncoded', '80211n:<648|1296|1944>:<1/2|2/3|3/4|5/6>' or 'alist:<path>'";

function unknown(spec: string): never {
  throw new SemcomError('UNKNOWN_CODE', `unknown code '${spec}'; ${ACCEPTED}`);
}

/** Parses a code specification string (surrounding whitespace ignored). Throws UNKNOWN_CODE otherwise. */
export function parseCodeSpec(spec: string): CodeSpec {
  if (typeof spec !== 'string') unknown(String(spec));
  const s = spec.trim();
  if (s === 'uncoded') return { kind: 'uncoded' };
  if (s.startsWith('alist:')) {
    const path = s.slice('alist:'.length);
    if (path === '') throw new SemcomError('UNKNOWN_CODE', `'alist:' needs a file path, e.g. alist:codes/my.alist; ${ACCEPTED}`);
    return { kind: 'alist', path };
  }
  const m = /^80211n:(\d+):(\d\/\d)$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    const rate = m[2];
    if ((IEEE80211N_LENGTHS as readonly number[]).includes(n) && (IEEE80211N_RATES as readonly string[]).includes(rate)) {
      return { kind: '80211n', n: n as Ieee80211nLength, rate: rate as Ieee80211nRate };
    }
  }
  unknown(spec);
}

/** The code a specification names, or null for `uncoded`. alist files are read on each call. */
export function resolveCode(spec: string): LdpcCode | null {
  const p = parseCodeSpec(spec);
  switch (p.kind) {
    case 'uncoded':
      return null;
    case '80211n':
      return ieee80211nCode(p.n, p.rate);
    case 'alist':
      return loadAlistFile(p.path);
  }
}

/** The twelve IEEE 802.11n codes (the cached `LdpcCode` objects), by length then rate. */
export function listIeee80211nCodes(): LdpcCode[] {
  const out: LdpcCode[] = [];
  for (const n of IEEE80211N_LENGTHS) {
    for (const rate of IEEE80211N_RATES) out.push(ieee80211nCode(n, rate));
  }
  return out;
}
