import { describe, expect, it } from 'vitest';
import { isSemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { createTextCodec } from './text-codec.js';
import { createTraditionalTextScheme } from './traditional-text-scheme.js';

const MESSAGES = ['the patient must be sedated before the operation', 'how big is that part compared to the whole?', 'naïve café — 東京 😀'];

describe('text codecs', () => {
  it.each(['raw', 'gzip', 'brotli'])('%s round-trips any Unicode text exactly', (name) => {
    const codec = createTextCodec(name);
    for (const m of MESSAGES) expect(codec.decode(codec.encode(m))).toBe(m);
  });

  it('brotli beats gzip on a short sentence (no 18-byte gzip header), raw is 8 bits per byte', () => {
    const s = MESSAGES[0];
    expect(createTextCodec('raw').encode(s).length).toBe(s.length);
    expect(createTextCodec('brotli').encode(s).length).toBeLessThan(createTextCodec('gzip').encode(s).length);
  });

  it('rejects a corrupt stream with a SemcomError, never a crash', () => {
    const bytes = createTextCodec('brotli').encode(MESSAGES[0]);
    bytes[2] ^= 0xff;
    bytes[3] ^= 0x55;
    for (const name of ['gzip', 'brotli']) {
      let err: unknown = null;
      let out: string | null = null;
      try {
        out = createTextCodec(name).decode(name === 'brotli' ? bytes : bytes.subarray(0, 5));
      } catch (e) {
        err = e;
      }
      // brotli may decode some corrupt streams to other valid text; it must never throw anything else.
      if (err !== null) expect(isSemcomError(err)).toBe(true);
      else expect(out).not.toBe(MESSAGES[0]);
    }
    expect(() => createTextCodec('raw').decode(new Uint8Array([0xff, 0xfe]))).toThrow(/UTF-8/);
    expect(() => createTextCodec('zstd')).toThrow(/accepted: raw, gzip, brotli/);
  });
});

describe('traditional text scheme', () => {
  it('delivers every message exactly above the cliff and counts the brotli bits', async () => {
    const scheme = createTraditionalTextScheme();
    const out = await scheme.transmit(MESSAGES, { channel: 'awgn', modulation: '16qam', snrDb: 15 }, Rng.stream(1));
    out.forEach((o, i) => {
      expect(o.output).toBe(MESSAGES[i]);
      expect(o.erased).toBe(false);
      expect(o.payloadBits).toBe(8 * createTextCodec('brotli').encode(MESSAGES[i]).length);
      expect(o.channelUses).toBeGreaterThan(o.payloadBits / 4);
    });
  });

  it('erases every message far below the cliff (nothing, never a wrong text)', async () => {
    const out = await createTraditionalTextScheme({ codec: 'raw' }).transmit(MESSAGES, { channel: 'awgn', modulation: '16qam', snrDb: -5 }, Rng.stream(2));
    for (const o of out) expect(o).toMatchObject({ output: '', erased: true });
  });

  it('treats +∞ dB as a noiseless link and rejects empty or over-long messages', async () => {
    const scheme = createTraditionalTextScheme({ codec: 'gzip', maxChars: 60 });
    const [o] = await scheme.transmit([MESSAGES[0]], { channel: 'rayleigh', modulation: 'bpsk', snrDb: Infinity }, Rng.stream(3));
    expect(o.output).toBe(MESSAGES[0]);
    await expect(scheme.transmit(['  '], { channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, Rng.stream(4))).rejects.toThrow(/empty/);
    await expect(scheme.transmit(['x'.repeat(61)], { channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, Rng.stream(4))).rejects.toThrow(/limit of 60/);
    await expect(scheme.transmit(['ok'], { channel: 'awgn', modulation: 'bpsk', snrDb: NaN }, Rng.stream(4))).rejects.toThrow(/SNR/);
  });
});
