/**
 * Source codecs of the traditional (separation-based) scheme: lossless deflate
 * (RFC 1951, zlib level 9) or PNG of the 8-bit pixels, or JPEG at a chosen
 * quality (baseline JPEG via jpeg-js). The image size is shared knowledge of
 * both ends (as the semantic schemes' model input size is), so only the coded
 * bytes cross the link.
 *
 * Decoding is strict: a corrupt stream or one that does not hold exactly
 * width × height pixels is a `SemcomError`, never a crash, and inflation is
 * bounded so a hostile stream cannot allocate more than the image.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { SemcomError } from '../../core/errors.js';

export type SourceCodecName = 'deflate' | 'png' | `jpeg:${number}`;

export interface SourceCodec {
  readonly name: SourceCodecName;
  readonly lossless: boolean;
  encode(pixels: Uint8Array, width: number, height: number): Uint8Array;
  decode(bytes: Uint8Array, width: number, height: number): Uint8Array;
}

function checkImage(pixels: Uint8Array, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || pixels.length !== width * height) {
    throw new SemcomError('INVALID_ARGUMENT', `image must be width × height = ${width} × ${height} bytes of grey levels, got ${pixels.length} bytes`);
  }
}

function corrupt(codec: string, e: unknown): SemcomError {
  return new SemcomError('MALFORMED_INPUT', `${codec} stream does not decode: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

const deflate: SourceCodec = {
  name: 'deflate',
  lossless: true,
  encode(pixels, width, height) {
    checkImage(pixels, width, height);
    return new Uint8Array(deflateRawSync(pixels, { level: 9, memLevel: 9, strategy: 0 }));
  },
  decode(bytes, width, height) {
    let out: Buffer;
    try {
      out = inflateRawSync(bytes, { maxOutputLength: width * height });
    } catch (e) {
      throw corrupt('deflate', e);
    }
    if (out.length !== width * height) throw new SemcomError('MALFORMED_INPUT', `deflate stream holds ${out.length} bytes, not ${width * height}`);
    return new Uint8Array(out);
  },
};

const png: SourceCodec = {
  name: 'png',
  lossless: true,
  encode(pixels, width, height) {
    checkImage(pixels, width, height);
    const img = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
    img.data = Buffer.from(pixels);
    return new Uint8Array(PNG.sync.write(img, { colorType: 0, inputColorType: 0, inputHasAlpha: false, deflateLevel: 9 }));
  },
  decode(bytes, width, height) {
    let img: PNG;
    try {
      img = PNG.sync.read(Buffer.from(bytes));
    } catch (e) {
      throw corrupt('png', e);
    }
    if (img.width !== width || img.height !== height) {
      throw new SemcomError('MALFORMED_INPUT', `png is ${img.width} × ${img.height}, expected ${width} × ${height}`);
    }
    // pngjs always decodes to RGBA.
    const out = new Uint8Array(width * height);
    for (let i = 0; i < out.length; i++) out[i] = img.data[4 * i];
    return out;
  },
};

function jpegCodec(quality: number): SourceCodec {
  return {
    name: `jpeg:${quality}`,
    lossless: false,
    encode(pixels, width, height) {
      checkImage(pixels, width, height);
      const rgba = Buffer.alloc(4 * pixels.length);
      for (let i = 0; i < pixels.length; i++) {
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = pixels[i];
        rgba[4 * i + 3] = 255;
      }
      return new Uint8Array(jpeg.encode({ data: rgba, width, height }, quality).data);
    },
    decode(bytes, width, height) {
      let img: { width: number; height: number; data: Uint8Array };
      try {
        img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 1, maxMemoryUsageInMB: 16 });
      } catch (e) {
        throw corrupt('jpeg', e);
      }
      if (img.width !== width || img.height !== height) {
        throw new SemcomError('MALFORMED_INPUT', `jpeg is ${img.width} × ${img.height}, expected ${width} × ${height}`);
      }
      const out = new Uint8Array(width * height);
      for (let i = 0; i < out.length; i++) out[i] = img.data[4 * i];
      return out;
    },
  };
}

/** `deflate`, `png` or `jpeg:<quality 1..100>`. */
export function createSourceCodec(name: string): SourceCodec {
  if (name === 'deflate') return deflate;
  if (name === 'png') return png;
  const m = /^jpeg:(\d+)$/.exec(name);
  if (m) {
    const q = Number(m[1]);
    if (q >= 1 && q <= 100) return jpegCodec(q);
  }
  throw new SemcomError('INVALID_ARGUMENT', `unknown source codec '${name}'; accepted: deflate, png, jpeg:<quality 1..100>`);
}
