import { describe, expect, it } from 'vitest';
import { loadMnist, mnistImage } from '../../datasets/mnist.js';
import { createSourceCodec } from './source-codec.js';

const test = loadMnist('test');
const images = Array.from({ length: 20 }, (_, i) => mnistImage(test, i * 97));

describe('source codecs', () => {
  it.each(['deflate', 'png'])('%s is lossless on MNIST digits', (name) => {
    const codec = createSourceCodec(name);
    for (const img of images) expect(codec.decode(codec.encode(img, 28, 28), 28, 28)).toEqual(img);
  });

  it('deflate costs about 200 bytes per digit (the issue quotes ~196)', () => {
    const codec = createSourceCodec('deflate');
    const mean = images.reduce((s, img) => s + codec.encode(img, 28, 28).length, 0) / images.length;
    expect(mean).toBeGreaterThan(120);
    expect(mean).toBeLessThan(260);
  });

  it('jpeg is lossy but close, and smaller at lower quality', () => {
    const q90 = createSourceCodec('jpeg:90');
    const q30 = createSourceCodec('jpeg:30');
    const img = images[0];
    const out = q90.decode(q90.encode(img, 28, 28), 28, 28);
    let mse = 0;
    for (let i = 0; i < img.length; i++) mse += (out[i] - img[i]) ** 2;
    expect(10 * Math.log10((255 * 255) / (mse / img.length))).toBeGreaterThan(25);
    expect(q30.encode(img, 28, 28).length).toBeLessThan(q90.encode(img, 28, 28).length);
  });

  it('rejects corrupt streams, wrong sizes and unknown names with SemcomError', () => {
    for (const name of ['deflate', 'png', 'jpeg:75']) {
      const codec = createSourceCodec(name);
      const bytes = codec.encode(images[1], 28, 28);
      expect(() => codec.decode(bytes.subarray(0, bytes.length >> 1), 28, 28)).toThrow(/does not decode|holds|expected/);
      expect(() => codec.decode(bytes, 27, 28)).toThrow();
      expect(() => codec.encode(images[1], 27, 28)).toThrow(/image must be/);
    }
    expect(() => createSourceCodec('webp')).toThrow(/accepted/);
    expect(() => createSourceCodec('jpeg:0')).toThrow(/accepted/);
  });
});
