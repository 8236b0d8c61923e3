import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../core/errors.js';
import { crc16Ccitt, crc32 } from '../phy/crc/index.js';
import { bitsToBytes, bytesToBits } from './bits.js';
import { decodePacket, encodePacket, packetBits, packetLength } from './packet.js';
import { latentValues, quantizeLatent } from './quantizer.js';
import { fieldArb, frame, hex, packetArb, packetError, prefixFor } from './test-support.js';
import { ContentType, MAX_FIELDS, MAX_PACKET_BYTES, Scheme, type Field, type SemanticPacket } from './types.js';

const label7: Field = { kind: 'label', classId: 7 };
const latent8x4: Field = {
  kind: 'quantizedLatent',
  bits: 4,
  codes: Uint16Array.of(0, 1, 2, 3, 12, 13, 14, 15),
  range: { kind: 'preset', id: 4 },
};

function packet(fields: Field[], extra: Partial<SemanticPacket> = {}): SemanticPacket {
  return { version: 1, scheme: Scheme.generativeVae, contentType: ContentType.image, fields, ...extra };
}

function encodeError(p: unknown): SemcomError {
  try {
    encodePacket(p as SemanticPacket);
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    return e as SemcomError;
  }
  throw new Error('encodePacket accepted an invalid packet');
}

describe('sizes of the packets the generative scheme sends', () => {
  it('label only: 7 bytes (3 header, 2 field, 2 CRC), byte for byte', () => {
    const bytes = encodePacket(packet([label7], { scheme: Scheme.labelOnly }));
    // 0x21: version 1, CRC-16, image, parity 1; 0x41: scheme 4, 1 field; 0x04: 4 bytes follow;
    // 0x01 0x07: label 7; then CRC-16/CCITT-FALSE of the first 5 bytes, MSB first.
    expect(hex(bytes.subarray(0, 5))).toBe('21 41 04 01 07');
    const c = crc16Ccitt(bytes.subarray(0, 5));
    expect(Array.from(bytes.subarray(5))).toEqual([c >>> 8, c & 0xff]);
    expect(bytes.length).toBe(7);
    expect(packetBits(packet([label7]))).toBe(56);
  });

  it('label + 8 latents × 4 bits (preset range): 14 bytes, well under 16', () => {
    const bytes = encodePacket(packet([label7, latent8x4]));
    // 0x03: latent tag; 0x08: 8 dims; 0x34: 4 bits (3 << 4), preset range 4; then 4 bytes of codes.
    expect(hex(bytes.subarray(0, 12))).toBe('21 22 0b 01 07 03 08 34 01 23 cd ef');
    expect(bytes.length).toBe(14);
    expect(packetBits(packet([label7, latent8x4]))).toBe(112);
  });

  it('an explicit float32 range costs 8 more bytes; CRC-32 2 more; an empty packet is 5 bytes', () => {
    const explicit: Field = { ...latent8x4, range: { kind: 'explicit', lo: -2.5, hi: 2.5 } } as Field;
    expect(encodePacket(packet([label7, explicit])).length).toBe(22);
    expect(encodePacket(packet([label7, latent8x4], { crc: 'crc32' })).length).toBe(16);
    expect(encodePacket(packet([])).length).toBe(5);
  });

  it('the CRC over the whole packet is the catalogue residue (same byte order as src/phy)', () => {
    fc.assert(
      fc.property(packetArb, (p) => {
        const bytes = encodePacket(p);
        if (p.crc === 'crc32') expect(crc32(bytes)).toBe(0x2144df1c);
        else expect(crc16Ccitt(bytes)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('round trips', () => {
  it('every field kind alone', () => {
    const cases: Field[] = [
      { kind: 'label', classId: 0 },
      { kind: 'label', classId: 0xffffffff },
      { kind: 'labels', classIds: [3, 1000, 0] },
      { kind: 'labels', classIds: [] },
      latent8x4,
      { kind: 'quantizedLatent', bits: 16, codes: Uint16Array.of(65535, 0, 1), range: { kind: 'explicit', lo: -0.125, hi: 3.5 } },
      { kind: 'quantizedLatent', bits: 1, codes: Uint16Array.of(1, 0, 1), range: { kind: 'preset', id: 2 } },
      { kind: 'keywords', indices: [42, 7, 99999] },
      { kind: 'text', text: 'a dog on a beach, photorealistic — 犬 🐕' },
      { kind: 'text', text: '\uFEFFBOM kept' },
      { kind: 'text', text: '' },
      { kind: 'floats', values: Float32Array.of(-0, 1.5, Infinity, NaN, -3.4e38) },
      { kind: 'bytes', data: Uint8Array.of(0, 255, 128) },
      { kind: 'unknown', typeId: 40, data: Uint8Array.of(1, 2, 3) },
    ];
    for (const f of cases) {
      for (const crc of ['crc16', 'crc32'] as const) {
        const p = packet([f], { crc });
        expect(decodePacket(encodePacket(p)), f.kind).toStrictEqual(p);
      }
    }
  });

  it('random packets of every kind and combination decode to what was encoded, and re-encode to the same bytes', () => {
    fc.assert(
      fc.property(packetArb, (p) => {
        const bytes = encodePacket(p);
        const q = decodePacket(bytes);
        expect(q).toStrictEqual(p);
        expect(encodePacket(q)).toEqual(bytes);
      }),
      { numRuns: 600 },
    );
  });

  it('a missing crc means CRC-16 (decode always states it)', () => {
    const q = decodePacket(encodePacket({ version: 1, scheme: 0, contentType: 1, fields: [] }));
    expect(q.crc).toBe('crc16');
  });

  it('header extensions: scheme ids ≥ 15 and ≥ 15 fields', () => {
    const many = Array.from({ length: 300 }, (_, i): Field => ({ kind: 'label', classId: i }));
    for (const scheme of [14, 15, 16, 142, 65535]) {
      for (const fields of [many.slice(0, 14), many.slice(0, 15), many]) {
        const p = packet(fields, { scheme, crc: 'crc16' });
        expect(decodePacket(encodePacket(p))).toStrictEqual(p);
      }
    }
    const maxFields = Array.from({ length: MAX_FIELDS }, (): Field => ({ kind: 'label', classId: 1 }));
    expect(decodePacket(encodePacket(packet(maxFields))).fields.length).toBe(MAX_FIELDS);
  });

  it('a quantized latent survives the trip with its reconstruction', () => {
    const z = [0.3, -1.7, 2.9, -3.2, 0, 1.1, -0.4, 2.2];
    const f = quantizeLatent(z, 4, { kind: 'preset', id: 4 });
    const back = decodePacket(encodePacket(packet([label7, f]))).fields[1];
    expect(back.kind).toBe('quantizedLatent');
    const zHat = latentValues(back as typeof f);
    const step = 6 / 16;
    z.forEach((v, i) => expect(Math.abs(Math.max(-3, Math.min(3, v)) - zHat[i])).toBeLessThanOrEqual(step / 2 + 1e-12));
  });

  it('through the bit interface of the digital link and back', () => {
    fc.assert(
      fc.property(packetArb, (p) => {
        const bits = bytesToBits(encodePacket(p));
        expect(bits.length).toBe(packetBits(p));
        expect(decodePacket(bitsToBytes(bits))).toStrictEqual(p);
      }),
      { numRuns: 100 },
    );
  });

  it('packetLength cuts a packet out of a padded transport block', () => {
    const bytes = encodePacket(packet([label7, latent8x4]));
    const block = new Uint8Array(64);
    block.set(bytes);
    expect(packetLength(block)).toBe(bytes.length);
    expect(decodePacket(block.subarray(0, packetLength(block)))).toStrictEqual(packet([label7, latent8x4], { crc: 'crc16' }));
    expect(packetError(() => decodePacket(block)).reason).toBe('length');
  });

  it('decoded arrays are plain copies, not views of the input (a Buffer input too)', () => {
    const p = packet([{ kind: 'bytes', data: Uint8Array.of(1, 2, 3) }, { kind: 'floats', values: Float32Array.of(1, 2) }]);
    const input = Buffer.from(encodePacket(p));
    const q = decodePacket(input);
    expect(q).toStrictEqual({ ...p, crc: 'crc16' });
    input.fill(0);
    expect(q).toStrictEqual({ ...p, crc: 'crc16' });
    expect((q.fields[0] as { data: Uint8Array }).data.constructor).toBe(Uint8Array);
  });
});

describe('structural errors behind a valid CRC name the byte and the problem', () => {
  // Each case: fields bytes framed with a correct length and CRC-16, header declaring `count` fields.
  const cases: { name: string; count: number; fields: number[]; reason: string; offset: number; text: RegExp }[] = [
    { name: 'type id 0', count: 1, fields: [0x00, 0x01], reason: 'field', offset: 3, text: /type id 0 is reserved/ },
    { name: 'unknown critical', count: 1, fields: [0xc0 | 40, 0x01, 0xaa], reason: 'unknown-critical', offset: 3, text: /type 40 .*critical/ },
    { name: 'unknown without length', count: 1, fields: [40, 0x01], reason: 'field', offset: 3, text: /cannot be skipped/ },
    { name: 'known type marked critical', count: 1, fields: [0x81, 0x07], reason: 'field', offset: 3, text: /critical bit clear/ },
    { name: 'label with a length prefix', count: 1, fields: [0x41, 0x01, 0x07], reason: 'field', offset: 3, text: /length-prefix bit is set/ },
    { name: 'text without a length prefix', count: 1, fields: [0x05, 0x41], reason: 'field', offset: 3, text: /length-prefix bit is clear/ },
    { name: 'overlong varint', count: 1, fields: [0x01, 0x87, 0x00], reason: 'varint', offset: 5, text: /overlong/ },
    { name: 'varint above 2^32−1', count: 1, fields: [0x01, 0xff, 0xff, 0xff, 0xff, 0x1f], reason: 'varint', offset: 8, text: /2\^32/ },
    { name: 'varint cut by the field end', count: 1, fields: [0x01, 0x87], reason: 'truncated', offset: 5, text: /varint runs past/ },
    { name: 'field length past the end', count: 1, fields: [0x47, 0x05, 1, 2], reason: 'truncated', offset: 4, text: /length 5 runs past/ },
    { name: 'huge field length', count: 1, fields: [0x47, 0xff, 0xff, 0xff, 0xff, 0x0f], reason: 'truncated', offset: 4, text: /length 4294967295/ },
    { name: 'overlong UTF-8 (C0 80)', count: 1, fields: [0x45, 0x03, 0x41, 0xc0, 0x80], reason: 'field', offset: 6, text: /invalid UTF-8.*0xc0 cannot start/ },
    { name: 'UTF-8 surrogate (ED A0 80)', count: 1, fields: [0x45, 0x03, 0xed, 0xa0, 0x80], reason: 'field', offset: 6, text: /invalid UTF-8.*0xa0 is not a valid continuation/ },
    { name: 'cut UTF-8 sequence', count: 1, fields: [0x45, 0x02, 0xe2, 0x82], reason: 'field', offset: 5, text: /cut off/ },
    { name: 'floats not a multiple of 4', count: 1, fields: [0x46, 0x05, 0, 0, 0, 0, 0], reason: 'field', offset: 4, text: /multiple of 4/ },
    { name: 'latent with 0 dimensions', count: 1, fields: [0x03, 0x00, 0x34], reason: 'field', offset: 4, text: /zero dimensions/ },
    { name: 'latent range preset 9', count: 1, fields: [0x03, 0x01, 0x39, 0x10], reason: 'field', offset: 5, text: /preset 9 is not defined/ },
    { name: 'latent codes cut', count: 1, fields: [0x03, 0x08, 0x34, 0x01], reason: 'truncated', offset: 4, text: /need 4 bytes, 1 remain/ },
    { name: 'latent padding bits set', count: 1, fields: [0x03, 0x01, 0x34, 0x11], reason: 'field', offset: 6, text: /padding bits/ },
    { name: 'latent hi ≤ lo', count: 1, fields: [0x03, 0x01, 0x30, 0, 0, 0x80, 0x3f, 0, 0, 0x80, 0x3f, 0x10], reason: 'field', offset: 6, text: /lo < hi/ },
    { name: 'latent NaN bound', count: 1, fields: [0x03, 0x01, 0x30, 0, 0, 0xc0, 0x7f, 0, 0, 0x80, 0x3f, 0x10], reason: 'field', offset: 6, text: /not finite/ },
    { name: 'explicit range cut', count: 1, fields: [0x03, 0x01, 0x30, 0, 0, 0], reason: 'truncated', offset: 6, text: /needs 8 bytes/ },
    { name: 'more fields than declared', count: 1, fields: [0x01, 0x07, 0x01, 0x08], reason: 'field-count', offset: 5, text: /declares 1 fields/ },
    { name: 'fewer fields than declared', count: 3, fields: [0x01, 0x07, 0x01, 0x08], reason: 'field-count', offset: 7, text: /declares 3 fields, the packet holds 2/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const bytes = frame({ prefix: prefixFor(c.count), fields: Uint8Array.from(c.fields), crc: 'crc16' });
      const e = packetError(() => decodePacket(bytes));
      expect(e.reason).toBe(c.reason);
      expect(e.offset).toBe(c.offset);
      expect(e.message).toMatch(c.text);
    });
  }

  it('an unknown non-critical length-prefixed field is kept verbatim and forwarded', () => {
    const bytes = frame({ prefix: prefixFor(2), fields: Uint8Array.of(0x40 | 33, 0x02, 0xbe, 0xef, 0x01, 0x07), crc: 'crc16' });
    const p = decodePacket(bytes);
    expect(p.fields).toStrictEqual([{ kind: 'unknown', typeId: 33, data: Uint8Array.of(0xbe, 0xef) }, label7]);
    expect(encodePacket(p)).toEqual(bytes);
  });
});

describe('header errors', () => {
  const good = encodePacket(packet([label7]));

  it('empty input, a lone byte, a cut header', () => {
    expect(packetError(() => decodePacket(new Uint8Array(0))).reason).toBe('truncated');
    expect(packetError(() => decodePacket(good.subarray(0, 1))).offset).toBe(1);
    expect(packetError(() => decodePacket(good.subarray(0, 2))).reason).toBe('truncated');
  });

  it('parity of byte 0, then the version', () => {
    const b = good.slice();
    b[0] ^= 0x02; // content-type bit: parity now odd
    expect(packetError(() => decodePacket(b))).toMatchObject({ reason: 'header-parity', offset: 0 });
    b[0] = 0x41; // version 2, parity even
    expect(packetError(() => decodePacket(b))).toMatchObject({ reason: 'version', offset: 0 });
    expect(packetError(() => decodePacket(b)).message).toMatch(/version 2/);
  });

  it('declared length against the bytes present', () => {
    expect(packetError(() => decodePacket(good.subarray(0, 6)))).toMatchObject({ reason: 'truncated', offset: 6 });
    const longer = new Uint8Array(8);
    longer.set(good);
    expect(packetError(() => decodePacket(longer))).toMatchObject({ reason: 'length', offset: 7 });
    // A declared length too short for the CRC.
    expect(packetError(() => decodePacket(Uint8Array.of(0x21, 0x40, 0x01, 0x00)))).toMatchObject({ reason: 'length', offset: 2 });
  });

  it('CRC mismatch names the CRC offset', () => {
    const b = good.slice();
    b[4] ^= 0x01;
    const e = packetError(() => decodePacket(b));
    expect(e).toMatchObject({ reason: 'crc', offset: 5 });
    expect(e.message).toMatch(/CRC16 mismatch/);
  });

  it('caps: declared length, scheme id, field count, input size', () => {
    // Remaining length 2^32 − 1 declared in a 7-byte input.
    expect(packetError(() => decodePacket(Uint8Array.of(0x21, 0x41, 0xff, 0xff, 0xff, 0xff, 0x0f)))).toMatchObject({ reason: 'limit', offset: 2 });
    expect(packetError(() => decodePacket(Uint8Array.of(0x21, 0xf0, 0xf1, 0xff, 0x03, 0x02)))).toMatchObject({ reason: 'limit', offset: 2 });
    expect(packetError(() => decodePacket(Uint8Array.of(0x21, 0x2f, 0xf2, 0x1f, 0x02)))).toMatchObject({ reason: 'limit', offset: 2 });
    expect(packetError(() => decodePacket(new Uint8Array(MAX_PACKET_BYTES + 1)))).toMatchObject({ reason: 'limit' });
    expect(packetError(() => packetLength(Uint8Array.of(0x21, 0x41)))).toMatchObject({ reason: 'truncated', offset: 2 });
  });

  it('hostile sizes inside a CRC-valid packet are rejected by the bounds check, before any allocation', () => {
    // 2^32 − 1 dimensions of 16 bits (8 GiB of codes) declared in a 14-byte packet.
    const latent = frame({ prefix: prefixFor(1), fields: Uint8Array.of(0x03, 0xff, 0xff, 0xff, 0xff, 0x0f, 0xf4, 0, 0), crc: 'crc16' });
    const e = packetError(() => decodePacket(latent));
    expect(e).toMatchObject({ reason: 'truncated', offset: 4 });
    expect(e.message).toMatch(/4294967295 dimensions × 16 bits need 8589934590 bytes, 2 remain/);
    // 15 + 4081 labels declared with a 2-byte field region.
    const count = frame({ prefix: Uint8Array.of(0x21, 0x2f, 0xf1, 0x1f), fields: Uint8Array.of(0x01, 0x07), crc: 'crc16' });
    expect(packetError(() => decodePacket(count))).toMatchObject({ reason: 'field-count' });
  });

  it('non-byte input is an INVALID_ARGUMENT, not a TypeError', () => {
    for (const x of [null, undefined, 'abc', [1, 2, 3], new Uint16Array(4)]) {
      expect(() => decodePacket(x as unknown as Uint8Array)).toThrow(SemcomError);
      expect(() => packetLength(x as unknown as Uint8Array)).toThrow(SemcomError);
    }
  });
});

describe('encoder input checks', () => {
  const cases: [string, unknown, string][] = [
    ['version 2', packet([], { version: 2 }), 'INVALID_ARGUMENT'],
    ['scheme −1', packet([], { scheme: -1 }), 'INVALID_ARGUMENT'],
    ['scheme 65536', packet([], { scheme: 65536 }), 'INVALID_ARGUMENT'],
    ['content type 8', packet([], { contentType: 8 }), 'INVALID_ARGUMENT'],
    ['crc md5', { ...packet([]), crc: 'md5' }, 'INVALID_ARGUMENT'],
    ['class id 2^32', packet([{ kind: 'label', classId: 2 ** 32 }]), 'INVALID_ARGUMENT'],
    ['class id 1.5', packet([{ kind: 'labels', classIds: [1.5] }]), 'INVALID_ARGUMENT'],
    ['keyword −1', packet([{ kind: 'keywords', indices: [-1] }]), 'INVALID_ARGUMENT'],
    ['17 bits', packet([{ kind: 'quantizedLatent', bits: 17, codes: Uint16Array.of(1), range: { kind: 'preset', id: 1 } }]), 'INVALID_ARGUMENT'],
    ['code ≥ 2^bits', packet([{ kind: 'quantizedLatent', bits: 4, codes: Uint16Array.of(16), range: { kind: 'preset', id: 1 } }]), 'INVALID_ARGUMENT'],
    ['no dimensions', packet([{ kind: 'quantizedLatent', bits: 4, codes: new Uint16Array(0), range: { kind: 'preset', id: 1 } }]), 'INVALID_ARGUMENT'],
    ['preset 0', packet([{ kind: 'quantizedLatent', bits: 4, codes: Uint16Array.of(1), range: { kind: 'preset', id: 0 } }]), 'INVALID_ARGUMENT'],
    ['lo = hi', packet([{ kind: 'quantizedLatent', bits: 4, codes: Uint16Array.of(1), range: { kind: 'explicit', lo: 1, hi: 1 } }]), 'INVALID_ARGUMENT'],
    ['lo, hi collapse in float32', packet([{ kind: 'quantizedLatent', bits: 4, codes: Uint16Array.of(1), range: { kind: 'explicit', lo: 1, hi: 1 + 1e-12 } }]), 'INVALID_ARGUMENT'],
    ['lone surrogate', packet([{ kind: 'text', text: 'a\uD800b' }]), 'INVALID_ARGUMENT'],
    ['floats as number[]', packet([{ kind: 'floats', values: [1, 2] as unknown as Float32Array }]), 'INVALID_ARGUMENT'],
    ['unknown with a known id', packet([{ kind: 'unknown', typeId: 5, data: new Uint8Array(1) }]), 'INVALID_ARGUMENT'],
    ['unknown with id 64', packet([{ kind: 'unknown', typeId: 64, data: new Uint8Array(1) }]), 'INVALID_ARGUMENT'],
    ['no such kind', packet([{ kind: 'image' } as unknown as Field]), 'INVALID_ARGUMENT'],
    ['null field', packet([null as unknown as Field]), 'INVALID_ARGUMENT'],
    ['too many fields', packet(Array.from({ length: MAX_FIELDS + 1 }, (): Field => label7)), 'PAYLOAD_TOO_LARGE'],
    ['1 MiB of bytes', packet([{ kind: 'bytes', data: new Uint8Array(MAX_PACKET_BYTES) }]), 'PAYLOAD_TOO_LARGE'],
    ['not an object', 42, 'INVALID_ARGUMENT'],
  ];
  for (const [name, p, code] of cases) {
    it(name, () => expect(encodeError(p).code).toBe(code));
  }

  it('the largest packet the cap allows encodes and decodes', () => {
    const data = new Uint8Array(MAX_PACKET_BYTES - 11);
    const p = packet([{ kind: 'bytes', data }], { crc: 'crc16' });
    const bytes = encodePacket(p);
    expect(bytes.length).toBe(MAX_PACKET_BYTES);
    const back = decodePacket(bytes).fields[0] as { data: Uint8Array };
    // Buffer.compare, not toStrictEqual: element-wise diffing of 1 MiB takes seconds.
    expect(back.data.length).toBe(data.length);
    expect(Buffer.compare(back.data, data)).toBe(0);
  });

  it('explicit bounds are rounded to float32', () => {
    const f: Field = { kind: 'quantizedLatent', bits: 2, codes: Uint16Array.of(3), range: { kind: 'explicit', lo: -0.1, hi: 0.7 } };
    const back = decodePacket(encodePacket(packet([f]))).fields[0];
    expect(back).toStrictEqual({ ...f, range: { kind: 'explicit', lo: Math.fround(-0.1), hi: Math.fround(0.7) } });
  });

  it('every field arbitrary encodes (the generator only makes valid fields)', () => {
    fc.assert(fc.property(fieldArb, (f) => void encodePacket(packet([f]))), { numRuns: 300 });
  });
});

describe('code field (model-defined layout, runs to the end)', () => {
  it('round-trips and makes a label + 8 × 2-bit latent packet 9 bytes long', () => {
    // 4-bit label and eight 2-bit cells: 20 bits → 3 bytes; header 3 + tag 1 + 3 + CRC-16 2 = 9.
    const code = new Uint8Array([0x71, 0xb1, 0xe4]);
    const packet = { version: 1, scheme: 2, contentType: 0, fields: [{ kind: 'code', data: code }] } as const;
    const bytes = encodePacket(packet);
    expect(bytes.length).toBe(9);
    expect(decodePacket(bytes).fields).toEqual([{ kind: 'code', data: code }]);
  });

  it('must be the last field and non-empty', () => {
    const code = { kind: 'code', data: new Uint8Array([1]) } as const;
    expect(() => encodePacket({ version: 1, scheme: 2, contentType: 0, fields: [code, { kind: 'label', classId: 1 }] })).toThrow(/last field/);
    expect(() => encodePacket({ version: 1, scheme: 2, contentType: 0, fields: [{ kind: 'code', data: new Uint8Array(0) }] })).toThrow(/non-empty/);
  });

  it('follows other fields', () => {
    const fields = [{ kind: 'label', classId: 300 }, { kind: 'code', data: new Uint8Array([9, 8, 7]) }] as const;
    expect(decodePacket(encodePacket({ version: 1, scheme: 3, contentType: 0, fields })).fields).toEqual(fields);
  });
});
