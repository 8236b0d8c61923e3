import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../core/rng.js';
import { SemcomError } from '../../core/errors.js';
import type { LdpcCode } from './types.js';
import { createRateMatcher, SHORTENED_LLR, type RateMatchOptions } from './rate-matching.js';
import { createEncoder } from './encoder.js';
import { ieee80211nCode } from './ieee80211n.js';
import { loadAlistFile } from './alist.js';
import { syndromeIsZero } from './syndrome.js';

const HAMMING = fileURLToPath(new URL('./fixtures/hamming-7-4.alist', import.meta.url));
const MAG = 4; // |LLR| of a noiseless BPSK observation, arbitrary

/**
 * Encode → noiseless LLRs (bit 0 → +MAG) → recover; checks every property of
 * the recovered decoder input against the reference codeword of the zero-padded payload.
 */
function roundTrip(code: LdpcCode, opts: RateMatchOptions, seed: number): void {
  const rm = createRateMatcher(code, opts);
  const { payloadBits: P, transmittedBits: T } = rm;
  const rng = Rng.stream(seed);
  const payload = new Uint8Array(P);
  rng.fillBits(payload);
  const tx = new Uint8Array(T);
  rm.encode(payload, tx);

  // Reference: the full codeword of [payload, 0 … 0].
  const info = new Uint8Array(code.k);
  info.set(payload);
  const ref = new Uint8Array(code.n);
  createEncoder(code).encode(info, ref);
  expect(syndromeIsZero(code, ref)).toBe(true);
  for (let i = P; i < code.k; i++) expect(ref[code.infoPositions[i]]).toBe(0);
  for (let t = 0; t < T; t++) expect(tx[t]).toBe(ref[rm.transmittedPositions[t]]);

  const rx = Float32Array.from(tx, (b) => (b ? -MAG : MAG));
  const llr = new Float32Array(code.n);
  rm.recoverLlr(rx, llr);
  const copies = new Uint16Array(code.n);
  for (const p of rm.transmittedPositions) copies[p]++;
  const shortened = new Set(Array.from(code.infoPositions.subarray(P)));
  let zeros = 0;
  const hard = new Uint8Array(code.n);
  for (let p = 0; p < code.n; p++) {
    if (shortened.has(p)) {
      expect(llr[p]).toBe(opts.shortenedLlr ?? SHORTENED_LLR);
      expect(copies[p]).toBe(0);
    } else if (copies[p] === 0) {
      expect(llr[p]).toBe(0);
      zeros++;
    } else {
      expect(llr[p]).toBe((ref[p] ? -MAG : MAG) * copies[p]);
    }
    // Hard decision where known; punctured bits taken from the reference.
    hard[p] = llr[p] === 0 ? ref[p] : llr[p] < 0 ? 1 : 0;
  }
  expect(zeros).toBe(rm.puncturedBits);
  expect(syndromeIsZero(code, hard)).toBe(true);
  const out = new Uint8Array(P);
  rm.extractPayload(hard, out);
  expect(Array.from(out)).toEqual(Array.from(payload));
  expect(rm.rate).toBeCloseTo(P / T, 12);
}

describe('rate matching', () => {
  it('no shortening or puncturing: transmits the codeword as is', () => {
    const code = ieee80211nCode(648, '1/2');
    const rm = createRateMatcher(code, { payloadBits: 324 });
    expect([rm.transmittedBits, rm.shortenedBits, rm.puncturedBits, rm.repeatedBits]).toEqual([648, 0, 0, 0]);
    expect(Array.from(rm.transmittedPositions)).toEqual(Array.from({ length: 648 }, (_, i) => i));
    roundTrip(code, { payloadBits: 324 }, 1);
  });

  it('shortening: 200 payload bits in 648 r1/2 sends 524 bits, rate 200/524', () => {
    const code = ieee80211nCode(648, '1/2');
    const rm = createRateMatcher(code, { payloadBits: 200 });
    expect(rm.shortenedBits).toBe(124);
    expect(rm.transmittedBits).toBe(524);
    expect(rm.rate).toBeCloseTo(200 / 524, 12);
    roundTrip(code, { payloadBits: 200 }, 2);
  });

  it('shortening and puncturing together, with the last parity bits punctured', () => {
    const code = ieee80211nCode(1944, '2/3');
    const rm = createRateMatcher(code, { payloadBits: 1000, transmittedBits: 1400 });
    expect(rm.shortenedBits).toBe(296);
    expect(rm.puncturedBits).toBe(1944 - 296 - 1400);
    const sent = new Set(rm.transmittedPositions);
    for (let p = 1944 - rm.puncturedBits; p < 1944; p++) expect(sent.has(p)).toBe(false);
    expect(sent.has(1944 - rm.puncturedBits - 1)).toBe(true);
    roundTrip(code, { payloadBits: 1000, transmittedBits: 1400 }, 3);
  });

  it('puncturing only, to the maximum (rate 1: only the payload is sent)', () => {
    const code = ieee80211nCode(1296, '3/4');
    roundTrip(code, { payloadBits: 972, transmittedBits: 1100 }, 4);
    const rm = createRateMatcher(code, { payloadBits: 972, transmittedBits: 972 });
    expect(rm.puncturedBits).toBe(324);
    roundTrip(code, { payloadBits: 972, transmittedBits: 972 }, 5);
  });

  it('repetition: extra bits repeat the sequence from its start and their LLRs add', () => {
    const code = ieee80211nCode(648, '5/6');
    const rm = createRateMatcher(code, { payloadBits: 500, transmittedBits: 1300 });
    expect(rm.repeatedBits).toBe(1300 - 608);
    expect(rm.transmittedPositions[608]).toBe(rm.transmittedPositions[0]);
    expect(rm.transmittedPositions[1299]).toBe(rm.transmittedPositions[(1300 - 1) % 608]);
    roundTrip(code, { payloadBits: 500, transmittedBits: 1300 }, 6);
  });

  it('explicit punctured positions and a custom shortened LLR on a generic (alist) code', () => {
    const code = loadAlistFile(HAMMING);
    const rm = createRateMatcher(code, { payloadBits: 3, puncturedPositions: [4], shortenedLlr: 50 });
    expect(rm.transmittedBits).toBe(5);
    expect(Array.from(rm.transmittedPositions)).toEqual([0, 1, 2, 5, 6]);
    roundTrip(code, { payloadBits: 3, puncturedPositions: [4], shortenedLlr: 50 }, 7);
    roundTrip(code, { payloadBits: 2, transmittedBits: 9 }, 8);
  });

  it('errors: payload too large names k and suggests a code; lengths are checked', () => {
    const code = ieee80211nCode(648, '3/4');
    try {
      createRateMatcher(code, { payloadBits: 600 });
      expect.unreachable();
    } catch (e) {
      expect((e as SemcomError).code).toBe('PAYLOAD_TOO_LARGE');
      expect((e as SemcomError).message).toContain('k = 486');
      expect((e as SemcomError).message).toContain('80211n:1296:3/4');
    }
    expect(() => createRateMatcher(ieee80211nCode(1944, '5/6'), { payloadBits: 5000 })).toThrow(/split the payload/);
    const rm = createRateMatcher(code, { payloadBits: 400, transmittedBits: 500 });
    const lengthErr = (f: () => void) => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect((e as SemcomError).code).toBe('LENGTH_MISMATCH');
      }
    };
    lengthErr(() => rm.encode(new Uint8Array(399), new Uint8Array(500)));
    lengthErr(() => rm.encode(new Uint8Array(400), new Uint8Array(501)));
    lengthErr(() => rm.recoverLlr(new Float32Array(499), new Float32Array(648)));
    lengthErr(() => rm.recoverLlr(new Float32Array(500), new Float32Array(647)));
    lengthErr(() => rm.extractPayload(new Uint8Array(648), new Uint8Array(10)));
    expect(() => createRateMatcher(code, { payloadBits: 400, transmittedBits: 399 })).toThrow(/≥ payloadBits/);
    expect(() => createRateMatcher(code, { payloadBits: 0 })).toThrow(SemcomError);
    expect(() => createRateMatcher(code, { payloadBits: 400, puncturedPositions: [485] })).toThrow(/not shortened/);
  });
});
