import { describe, expect, it } from 'vitest';
import { loadMnist, mnistImage, MNIST_PIXELS } from './mnist.js';

describe('MNIST split', () => {
  const train = loadMnist('train');
  const test = loadMnist('test');
  const all = loadMnist('all');

  it('has the package’s 10,000 images, split 80/20 within every class', () => {
    expect(all.count).toBe(10_000);
    expect(train.count + test.count).toBe(10_000);
    for (let c = 0; c < 10; c++) {
      const nAll = all.labels.filter((l) => l === c).length;
      const nTrain = train.labels.filter((l) => l === c).length;
      expect(nTrain).toBe(Math.floor(0.8 * nAll));
      expect(test.labels.filter((l) => l === c).length).toBe(nAll - nTrain);
    }
  });

  it('keeps train and test disjoint, and the test split is the tail of each class', () => {
    for (let k = 0; k < test.count; k++) {
      const c = test.labels[k];
      const nAll = all.labels.filter((l) => l === c).length;
      expect(test.indexInClass[k]).toBeGreaterThanOrEqual(Math.floor(0.8 * nAll));
    }
    // Same pixels for the same (class, index) in `all` and in a split.
    const first = all.labels.indexOf(test.labels[0]);
    const inAll = first + test.indexInClass[0];
    expect(mnistImage(test, 0)).toEqual(mnistImage(all, inAll));
  });

  it('gives 8-bit images with dark background and bright ink', () => {
    const img = mnistImage(train, 0);
    expect(img.length).toBe(MNIST_PIXELS);
    expect(img[0]).toBe(0);
    expect(Math.max(...img)).toBeGreaterThan(200);
    expect(() => mnistImage(train, train.count)).toThrow(/index/);
  });
});
