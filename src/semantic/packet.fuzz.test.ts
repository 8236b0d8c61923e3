/**
 * Robustness of the decoder against hostile and corrupted input: every byte
 * sequence either decodes to a packet that re-encodes to exactly those bytes,
 * or throws a PacketError (code MALFORMED_PACKET) naming its byte offset;
 * nothing else escapes, and bit errors are detected.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PacketError } from './errors.js';
import { decodePacket, encodePacket } from './packet.js';
import { frame, packetArb, split } from './test-support.js';
import type { Field, SemanticPacket } from './types.js';

/**
 * Decodes `bytes`; returns the error, or null after checking that the packet
 * re-encodes to `bytes`. Plain checks instead of expect() in the hot path: these
 * run hundreds of thousands of times.
 */
function decodeOrError(bytes: Uint8Array): PacketError | null {
  let p: SemanticPacket;
  try {
    p = decodePacket(bytes);
  } catch (e) {
    const ok =
      e instanceof PacketError &&
      e.code === 'MALFORMED_PACKET' &&
      e.message.startsWith(`semantic packet, byte ${e.offset}: `) &&
      e.message.length > 40 &&
      e.offset >= 0 &&
      e.offset <= bytes.length;
    if (!ok) throw new Error(`decodePacket threw ${String(e)} for [${Array.from(bytes).join(',')}]`, { cause: e });
    return e;
  }
  // Decoding succeeded: it must have read every byte, canonically (no partial or lenient parse).
  expect(encodePacket(p)).toEqual(bytes);
  return null;
}

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; value: number }
  | { op: 'delete'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'extend'; tail: Uint8Array };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('extend' as const), tail: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  const a = Array.from(bytes);
  switch (m.op) {
    case 'flip':
      if (n) a[m.at % n] ^= 1 << m.bit;
      break;
    case 'set':
      if (n) a[m.at % n] = m.value;
      break;
    case 'insert':
      a.splice(m.at % (n + 1), 0, m.value);
      break;
    case 'delete':
      if (n) a.splice(m.at % n, 1);
      break;
    case 'truncate':
      a.length = n ? m.at % n : 0;
      break;
    case 'extend':
      a.push(...m.tail);
      break;
  }
  return Uint8Array.from(a);
}

describe('arbitrary bytes', () => {
  it('random byte arrays of many lengths: a PacketError or a canonical packet, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void decodeOrError(bytes)),
      { numRuns: 2000 },
    );
  });
});

describe('corrupted valid packets', () => {
  it('one to four mutations (flips, overwrites, insertions, deletions, truncation, extension) are rejected or decode canonically', () => {
    fc.assert(
      fc.property(packetArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (p, ms) => {
        const bytes = ms.reduce(mutate, encodePacket(p));
        decodeOrError(bytes);
      }),
      { numRuns: 1500 },
    );
  });

  it('truncation and extension are always detected, by the declared length', () => {
    fc.assert(
      fc.property(packetArb, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), (p, cut, tail) => {
        const bytes = encodePacket(p);
        const short = decodeOrError(bytes.subarray(0, cut % bytes.length));
        expect(short?.reason).toMatch(/^(truncated|length)$/);
        const long = decodeOrError(Uint8Array.from([...bytes, ...tail]));
        expect(long?.reason).toBe('length');
      }),
      { numRuns: 400 },
    );
  });

  it('a single flipped bit is always detected, whatever the packet and the bit', () => {
    fc.assert(
      fc.property(packetArb, fc.nat(), (p, k) => {
        const bytes = encodePacket(p);
        const bit = k % (8 * bytes.length);
        const e = decodeOrError(mutate(bytes, { op: 'flip', at: bit >>> 3, bit: bit & 7 }));
        expect(e).not.toBeNull();
      }),
      { numRuns: 1500 },
    );
  });

  const small: [string, Field[], 'crc16' | 'crc32'][] = [
    ['label only', [{ kind: 'label', classId: 7 }], 'crc16'],
    ['label + 8 × 4-bit latent', [{ kind: 'label', classId: 3 }, { kind: 'quantizedLatent', bits: 4, codes: Uint16Array.of(1, 2, 3, 4, 5, 6, 7, 8), range: { kind: 'preset', id: 4 } }], 'crc16'],
    ['label + latent, CRC-32', [{ kind: 'label', classId: 3 }, { kind: 'quantizedLatent', bits: 4, codes: Uint16Array.of(1, 2, 3, 4, 5, 6, 7, 8), range: { kind: 'preset', id: 4 } }], 'crc32'],
    ['keywords + text', [{ kind: 'keywords', indices: [12, 900] }, { kind: 'text', text: 'dog' }], 'crc16'],
  ];
  for (const [name, fields, crc] of small) {
    it(`${name}: every single and every double bit error is detected`, () => {
      const bytes = encodePacket({ version: 1, scheme: 2, contentType: 0, crc, fields });
      const nBits = 8 * bytes.length;
      const flip = (b: Uint8Array, i: number): void => void (b[i >>> 3] ^= 0x80 >>> (i & 7));
      for (let i = 0; i < nBits; i++) {
        const b = bytes.slice();
        flip(b, i);
        if (decodeOrError(b) === null) throw new Error(`bit ${i} flipped went undetected`);
        for (let j = i + 1; j < nBits; j++) {
          flip(b, j);
          if (decodeOrError(b) === null) throw new Error(`bits ${i} and ${j} flipped went undetected`);
          flip(b, j);
        }
      }
    });
  }
});

describe('structure behind an intact CRC', () => {
  it('mutated field bytes, re-framed with a right length and CRC: a structural error (never "crc") or a canonical packet', () => {
    fc.assert(
      fc.property(packetArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (p, ms) => {
        const parts = split(encodePacket(p));
        const bytes = frame({ ...parts, fields: ms.reduce(mutate, parts.fields) });
        const e = decodeOrError(bytes);
        if (e) expect(e.reason).toMatch(/^(varint|truncated|limit|unknown-critical|field|field-count)$/);
      }),
      { numRuns: 1200 },
    );
  });

  it('random field bytes, re-framed: the same', () => {
    fc.assert(
      fc.property(packetArb, fc.uint8Array({ maxLength: 80 }), (p, fields) => {
        const e = decodeOrError(frame({ ...split(encodePacket(p)), fields }));
        if (e) expect(e.reason).not.toMatch(/^(crc|header-parity|version|length)$/);
      }),
      { numRuns: 800 },
    );
  });
});
