/**
 * An {@link ImageInput} as a PNG `data:` URL, the form OpenAI-compatible
 * vision models take in an `image_url` part. PNG because it is lossless (the
 * model sees the pixels the caller has) and every server decodes it; the
 * colour type follows the channels (0 grey, 2 RGB, 6 RGBA), so no bytes are
 * spent on channels the image does not have.
 */
import { PNG } from 'pngjs';
import type { ImageInput } from '../../contracts/vision-model.js';

const COLOR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;

/** The PNG file of `image` (8 bits per sample). */
export function encodePng(image: ImageInput): Buffer {
  const colorType = COLOR_TYPE[image.channels];
  const options = { width: image.width, height: image.height, colorType, inputColorType: colorType, bitDepth: 8 as const, inputHasAlpha: image.channels === 4 };
  const png = new PNG(options);
  png.data = Buffer.from(image.pixels.buffer, image.pixels.byteOffset, image.pixels.byteLength);
  return PNG.sync.write(png, options);
}

export function pngDataUrl(image: ImageInput): string {
  return `data:image/png;base64,${encodePng(image).toString('base64')}`;
}
