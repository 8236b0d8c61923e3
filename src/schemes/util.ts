/** Small helpers shared by the image schemes. */
import { SemcomError } from '../core/errors.js';
import type { ImageItem } from './types.js';

/** The items' pixels stacked (count × 784); every item must be a 28 × 28 grey image, as the embedded models take. */
export function checkMnistItems(items: readonly ImageItem[]): Uint8Array {
  if (items.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'a scheme needs at least one item');
  const out = new Uint8Array(items.length * 784);
  items.forEach((it, i) => {
    if (it.width !== 28 || it.height !== 28 || !(it.pixels instanceof Uint8Array) || it.pixels.length !== 784) {
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `item ${i}: the embedded models take 28 × 28 grey images (784 bytes); got ${it.width} × ${it.height} with ${it.pixels?.length} bytes`,
      );
    }
    out.set(it.pixels, i * 784);
  });
  return out;
}

/** Runs `f` and returns its value with the wall time in ms. */
export function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}
