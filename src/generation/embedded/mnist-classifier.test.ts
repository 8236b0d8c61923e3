import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, MNIST_PIXELS, type MnistSet } from '../../datasets/mnist.js';
import { loadMnistClassifier, mnistClassifierDir, type MnistClassifier, type MnistClassifierKind } from './mnist-classifier.js';

/**
 * Correct answers of each committed model on the check subset (test images 0,
 * 10, ..., 1990: 200 images of all classes), as measured by
 * training/train-classifier.ts and written in each model card. The weights are
 * fixed, so the count is too: any change means the weights, the
 * preprocessing or the batching changed.
 */
const EXPECTED_CORRECT: Record<MnistClassifierKind, number> = { understanding: 195, evaluator: 194 };
const CHECK_STRIDE = 10;
const CHECK_COUNT = 200;

function checkSubset(test: MnistSet): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(CHECK_COUNT * MNIST_PIXELS);
  const labels = new Uint8Array(CHECK_COUNT);
  for (let k = 0; k < CHECK_COUNT; k++) {
    const i = k * CHECK_STRIDE;
    images.set(test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    labels[k] = test.labels[i];
  }
  return { images, labels };
}

describe('embedded MNIST classifiers', () => {
  let test: MnistSet;
  let subset: { images: Uint8Array; labels: Uint8Array };
  const models = {} as Record<MnistClassifierKind, MnistClassifier>;

  beforeAll(async () => {
    test = loadMnist('test');
    subset = checkSubset(test);
    models.understanding = await loadMnistClassifier('understanding');
    models.evaluator = await loadMnistClassifier('evaluator');
  });

  it('finds both models under models/ at the package root', () => {
    expect(mnistClassifierDir('understanding')).toMatch(/[/\\]models[/\\]mnist-classifier[/\\]?$/);
    expect(mnistClassifierDir('evaluator')).toMatch(/[/\\]models[/\\]mnist-evaluator[/\\]?$/);
    for (const kind of ['understanding', 'evaluator'] as const) {
      expect(existsSync(join(mnistClassifierDir(kind), 'weights.bin'))).toBe(true);
    }
  });

  for (const kind of ['understanding', 'evaluator'] as const) {
    it(`${kind}: gets the recorded number of the 200 check images right (≥ 90 %)`, () => {
      const { labels, probabilities } = models[kind].classify(subset.images, CHECK_COUNT);
      let correct = 0;
      for (let k = 0; k < CHECK_COUNT; k++) if (labels[k] === subset.labels[k]) correct++;
      expect(correct).toBe(EXPECTED_CORRECT[kind]);
      expect(correct / CHECK_COUNT).toBeGreaterThanOrEqual(0.9);
      // Each row is a distribution and the label is its arg-max.
      for (let k = 0; k < CHECK_COUNT; k++) {
        const row = probabilities.subarray(k * 10, (k + 1) * 10);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
        expect(row[labels[k]]).toBe(Math.max(...row));
      }
    });
  }

  it('gives the same answer for an image alone as inside a batch that crosses the internal batch size', () => {
    const count = 300;
    const images = test.images.subarray(0, count * MNIST_PIXELS);
    const batched = models.understanding.classify(images, count);
    for (const i of [0, 255, 256, 299]) {
      const alone = models.understanding.classify(images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), 1);
      expect(alone.labels[0]).toBe(batched.labels[i]);
      expect(alone.probabilities[alone.labels[0]]).toBeCloseTo(batched.probabilities[i * 10 + batched.labels[i]], 5);
    }
  });

  it('has two different models: their labels disagree on some test images', () => {
    const u = models.understanding.classify(test.images, test.count).labels;
    const e = models.evaluator.classify(test.images, test.count).labels;
    let disagree = 0;
    for (let i = 0; i < test.count; i++) if (u[i] !== e[i]) disagree++;
    // A copy of the understanding model would disagree nowhere.
    expect(disagree).toBeGreaterThan(0);
  });

  it('classifies an empty batch to empty outputs', () => {
    const r = models.evaluator.classify(new Uint8Array(0), 0);
    expect(r.labels.length).toBe(0);
    expect(r.probabilities.length).toBe(0);
  });

  it('rejects input that is not count × 784 bytes, naming the expected size', () => {
    expect(() => models.understanding.classify(new Uint8Array(783), 1)).toThrow(/784 bytes per image/);
    expect(() => models.evaluator.classify(new Uint8Array(784 * 2), 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => models.evaluator.classify(new Uint8Array(784), 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => models.evaluator.classify(new Float32Array(784) as unknown as Uint8Array, 1)).toThrow(/Uint8Array/);
  });

  it('rejects an unknown model name', async () => {
    await expect(loadMnistClassifier('decoder' as MnistClassifierKind)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
