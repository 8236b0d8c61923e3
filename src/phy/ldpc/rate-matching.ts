/**
 * Rate matching of a fixed LDPC code to a payload size and a channel budget:
 * shortening, puncturing and repetition (the three tools of the 802.11n HT
 * PHY's LDPC PPDU encoding process, clause 20, here with free choice of sizes).
 *
 * - Shortening: with payloadBits P < k, the last S = k − P information
 *   positions carry known zeros. They are not transmitted; the receiver sets
 *   their LLR to a large positive value (certain 0).
 * - Puncturing: with transmittedBits T < n − S, n − S − T parity bits are not
 *   sent (by default the last parity positions of the codeword); the receiver
 *   sets their LLR to 0 (no information).
 * - Repetition: with T > n − S, the transmitted sequence is extended
 *   cyclically from its start; the receiver adds the LLRs of the copies
 *   (maximum-ratio combining of independent observations).
 *
 * The rate seen on the channel is P / T.
 */
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode, LdpcEncoder } from './types.js';
import { createEncoder } from './encoder.js';
import { IEEE80211N_LENGTHS, IEEE80211N_RATES, rateFraction } from './ieee80211n.js';

/** LLR given to shortened (known zero) bits at the receiver, unless overridden. */
export const SHORTENED_LLR = 1000;

export interface RateMatchOptions {
  /** Information bits carried per codeword, 1..k. */
  payloadBits: number;
  /** Bits sent on the channel per codeword; default n − (k − payloadBits) (shortening only). */
  transmittedBits?: number;
  /**
   * Codeword positions to puncture, overriding the default (the last parity
   * positions). Must not include shortened positions; the count fixes
   * transmittedBits when that is not given.
   */
  puncturedPositions?: ArrayLike<number>;
  /** LLR for shortened bits at the receiver (default {@link SHORTENED_LLR}). */
  shortenedLlr?: number;
  /** Encoder to use (default `createEncoder(code)`). */
  encoder?: LdpcEncoder;
}

export interface RateMatcher {
  readonly code: LdpcCode;
  readonly payloadBits: number;
  readonly transmittedBits: number;
  /** payloadBits / transmittedBits. */
  readonly rate: number;
  readonly shortenedBits: number;
  readonly puncturedBits: number;
  /** Number of transmitted copies beyond the first of each bit (T − (n − S − punctured), or 0). */
  readonly repeatedBits: number;
  /** Codeword position sent as each transmitted bit (length transmittedBits). */
  readonly transmittedPositions: Int32Array;
  /** Encodes `payload` (payloadBits 0/1 bytes) into the transmitted bits `out` (transmittedBits). */
  encode(payload: Uint8Array, out: Uint8Array): void;
  /** Maps received LLRs (transmittedBits) to decoder-input LLRs (n). */
  recoverLlr(rxLlr: Float32Array, codewordLlr: Float32Array): void;
  /** Reads the payload (payloadBits) out of a decoded codeword (n). */
  extractPayload(codewordBits: Uint8Array, out: Uint8Array): void;
}

function suggestCode(payloadBits: number, code: LdpcCode): string {
  // Same rate first when the code is itself an 802.11n code, then the most robust rate.
  const same = /^80211n:\d+:(\d\/\d)$/.exec(code.name)?.[1];
  const rates = [...IEEE80211N_RATES].sort((x, y) => (x === same ? -1 : y === same ? 1 : 0));
  for (const rate of rates) {
    const [a, b] = rateFraction(rate);
    for (const n of IEEE80211N_LENGTHS) {
      if ((n * a) / b >= payloadBits) return `80211n:${n}:${rate} (k = ${(n * a) / b})`;
    }
  }
  return 'none of the 802.11n codes fits (largest k = 1620, 80211n:1944:5/6); split the payload over several codewords';
}

function lengthError(what: string, got: number, want: number): never {
  throw new SemcomError('LENGTH_MISMATCH', `${what} has length ${got}, expected ${want}`);
}

/** Builds a rate matcher for `code`; see the module comment for the model. */
export function createRateMatcher(code: LdpcCode, options: RateMatchOptions): RateMatcher {
  const { n, k } = code;
  const P = options.payloadBits;
  if (!Number.isInteger(P) || P < 1) {
    throw new SemcomError('INVALID_ARGUMENT', `payloadBits must be a positive integer, got ${String(P)}`);
  }
  if (P > k) {
    throw new SemcomError(
      'PAYLOAD_TOO_LARGE',
      `payload of ${P} bits does not fit ${code.name}, which carries k = ${k} information bits; use a larger code, e.g. ${suggestCode(P, code)}`,
    );
  }
  const S = k - P;
  const shortened = new Uint8Array(n);
  for (let i = P; i < k; i++) shortened[code.infoPositions[i]] = 1;
  const isInfo = new Uint8Array(n);
  for (const p of code.infoPositions) isInfo[p] = 1;

  const punct = new Uint8Array(n);
  let nPunct: number;
  if (options.puncturedPositions) {
    const list = options.puncturedPositions;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (!Number.isInteger(p) || p < 0 || p >= n || punct[p] || shortened[p]) {
        throw new SemcomError('INVALID_ARGUMENT', `puncturedPositions must be distinct positions in 0..${n - 1} that are not shortened; bad entry ${p}`);
      }
      punct[p] = 1;
    }
    nPunct = list.length;
    if (options.transmittedBits !== undefined && options.transmittedBits !== n - S - nPunct) {
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `transmittedBits ${options.transmittedBits} disagrees with ${nPunct} punctured positions (n − shortened − punctured = ${n - S - nPunct})`,
      );
    }
  } else {
    const T0 = options.transmittedBits ?? n - S;
    if (!Number.isInteger(T0) || T0 < P) {
      throw new SemcomError('INVALID_ARGUMENT', `transmittedBits must be an integer ≥ payloadBits (${P}), got ${String(T0)}`);
    }
    nPunct = Math.max(0, n - S - T0);
    // Default: the last parity positions of the codeword. At most n − k exist,
    // and T0 ≥ P guarantees nPunct ≤ n − k.
    let left = nPunct;
    for (let p = n - 1; p >= 0 && left > 0; p--) {
      if (!isInfo[p]) {
        punct[p] = 1;
        left--;
      }
    }
  }
  const base = n - S - nPunct;
  const T = options.transmittedBits ?? base;
  const repeated = Math.max(0, T - base);
  const tx = new Int32Array(T);
  let t = 0;
  for (let p = 0; p < n && t < base; p++) if (!shortened[p] && !punct[p]) tx[t++] = p;
  for (let i = 0; t < T; i++) tx[t++] = tx[i % base];

  const encoder = options.encoder ?? createEncoder(code);
  if (encoder.code !== code) throw new SemcomError('INVALID_ARGUMENT', `encoder is for ${encoder.code.name}, not ${code.name}`);
  const info = new Uint8Array(k);
  const cw = new Uint8Array(n);
  const shortLlr = options.shortenedLlr ?? SHORTENED_LLR;
  if (!(shortLlr > 0) || !Number.isFinite(shortLlr)) {
    throw new SemcomError('INVALID_ARGUMENT', `shortenedLlr must be a finite positive number, got ${String(shortLlr)}`);
  }
  const shortList = Int32Array.from(code.infoPositions.subarray(P));
  const infoPos = code.infoPositions;

  return {
    code,
    payloadBits: P,
    transmittedBits: T,
    rate: P / T,
    shortenedBits: S,
    puncturedBits: nPunct,
    repeatedBits: repeated,
    transmittedPositions: tx,
    encode(payload: Uint8Array, out: Uint8Array): void {
      if (payload.length !== P) lengthError('payload', payload.length, P);
      if (out.length !== T) lengthError('transmitted-bit buffer', out.length, T);
      info.set(payload); // info[P..k) stay 0: the shortened bits
      encoder.encode(info, cw);
      for (let i = 0; i < T; i++) out[i] = cw[tx[i]];
    },
    recoverLlr(rxLlr: Float32Array, codewordLlr: Float32Array): void {
      if (rxLlr.length !== T) lengthError('received LLRs', rxLlr.length, T);
      if (codewordLlr.length !== n) lengthError('codeword LLR buffer', codewordLlr.length, n);
      codewordLlr.fill(0); // punctured bits: no information
      for (let i = 0; i < shortList.length; i++) codewordLlr[shortList[i]] = shortLlr;
      for (let i = 0; i < T; i++) codewordLlr[tx[i]] += rxLlr[i];
    },
    extractPayload(codewordBits: Uint8Array, out: Uint8Array): void {
      if (codewordBits.length !== n) lengthError('codeword', codewordBits.length, n);
      if (out.length !== P) lengthError('payload buffer', out.length, P);
      for (let i = 0; i < P; i++) out[i] = codewordBits[infoPos[i]];
    },
  };
}
