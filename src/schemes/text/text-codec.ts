/**
 * Byte-oriented text source codecs of the traditional scheme: raw UTF-8, gzip
 * (RFC 1952, level 9) and brotli (RFC 7932, quality 11, the strongest setting,
 * with the size hint). Each message is coded on its own, as a real sender of
 * short messages must; both ends know the codec, so only its bytes cross the
 * link. Decoding is strict (invalid UTF-8 or a corrupt stream is a
 * `SemcomError`) and bounded, so a hostile stream cannot allocate more than
 * {@link MAX_TEXT_BYTES}.
 */
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { SemcomError } from '../../core/errors.js';

/** Largest decoded message a text codec accepts (bytes). */
export const MAX_TEXT_BYTES = 1 << 20;

export type TextCodecName = 'raw' | 'gzip' | 'brotli';

export interface TextCodec {
  readonly name: TextCodecName;
  encode(text: string): Uint8Array;
  decode(bytes: Uint8Array): string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toText(bytes: Uint8Array, codec: string): string {
  try {
    return utf8.decode(bytes);
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', `${codec}: the decoded bytes are not valid UTF-8`, { cause: e });
  }
}

function corrupt(codec: string, e: unknown): SemcomError {
  return new SemcomError('MALFORMED_INPUT', `${codec} stream does not decode: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

const raw: TextCodec = {
  name: 'raw',
  encode: (text) => new Uint8Array(Buffer.from(text, 'utf8')),
  decode: (bytes) => toText(bytes, 'raw'),
};

const gzip: TextCodec = {
  name: 'gzip',
  encode: (text) => new Uint8Array(gzipSync(Buffer.from(text, 'utf8'), { level: 9 })),
  decode(bytes) {
    let out: Buffer;
    try {
      out = gunzipSync(bytes, { maxOutputLength: MAX_TEXT_BYTES });
    } catch (e) {
      throw corrupt('gzip', e);
    }
    return toText(out, 'gzip');
  },
};

const brotli: TextCodec = {
  name: 'brotli',
  encode(text) {
    const input = Buffer.from(text, 'utf8');
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: input.length };
    return new Uint8Array(brotliCompressSync(input, { params }));
  },
  decode(bytes) {
    let out: Buffer;
    try {
      out = brotliDecompressSync(bytes, { maxOutputLength: MAX_TEXT_BYTES });
    } catch (e) {
      throw corrupt('brotli', e);
    }
    return toText(out, 'brotli');
  },
};

const CODECS: Readonly<Record<TextCodecName, TextCodec>> = { raw, gzip, brotli };

export function createTextCodec(name: string): TextCodec {
  const codec = CODECS[name as TextCodecName];
  if (!codec) throw new SemcomError('INVALID_ARGUMENT', `unknown text codec '${name}'; accepted: ${Object.keys(CODECS).join(', ')}`);
  return codec;
}
