import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, loadTf, saveModel } from './tfjs.js';

describe('tfjs model files', () => {
  it('saves and loads a model with identical predictions', async () => {
    const tf = await loadTf();
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [6], units: 5, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'semcom-tf-'));
    await saveModel(model, dir);
    const again = await loadModel(dir, 'npm run train:x');
    const x = tf.tensor2d([[1, 2, 3, 4, 5, 6], [-1, 0, 1, 0, -1, 2]]);
    const a = (model.predict(x) as import('@tensorflow/tfjs').Tensor).dataSync();
    const b = (again.predict(x) as import('@tensorflow/tfjs').Tensor).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('names the file and the training command when a model is missing or corrupt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'semcom-tf-'));
    await expect(loadModel(dir, 'npm run train:x')).rejects.toMatchObject({ code: 'IO_ERROR' });
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": null}');
    writeFileSync(join(dir, 'weights.bin'), new Uint8Array(4));
    await expect(loadModel(dir, 'npm run train:x')).rejects.toThrow(/npm run train:x/);
  });
});
