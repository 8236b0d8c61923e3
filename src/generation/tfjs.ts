/**
 * TensorFlow.js for the embedded models: loading the library with its
 * WebAssembly backend, and saving/loading a model as two plain files
 * (`model.json` with the topology and weight manifest, `weights.bin`) under
 * `models/<name>/`.
 *
 * Why not `tf.io.fileSystem`: it lives in @tensorflow/tfjs-node, which cannot
 * be installed here (its install downloads libtensorflow). The pure-JS
 * package's memory IO handlers plus node:fs do the same job. The wasm backend
 * is about 10× faster than the pure-JS "cpu" backend for the small dense and
 * convolutional models of this project (measured: a 784-128-10 MLP on a batch
 * of 256, 12 ms against 142 ms on this project's 2-core machine).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SemcomError } from '../core/errors.js';

export type Tf = typeof import('@tensorflow/tfjs');
type LayersModel = import('@tensorflow/tfjs').LayersModel;

let tfPromise: Promise<Tf> | null = null;

/**
 * The tfjs module on the wasm backend (falling back to 'cpu' where wasm cannot
 * start). Loaded once per thread, on first use, so code paths that need no
 * model never pay for it.
 */
export function loadTf(): Promise<Tf> {
  tfPromise ??= (async () => {
    // tfjs prints a banner suggesting tfjs-node on first use in Node; it cannot be installed here.
    const tf = await import('@tensorflow/tfjs');
    tf.env().set('IS_NODE', true);
    try {
      await import('@tensorflow/tfjs-backend-wasm');
      if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend refused');
    } catch {
      await tf.setBackend('cpu');
    }
    await tf.ready();
    return tf;
  })();
  return tfPromise;
}

/** Writes `model` to `dir/model.json` and `dir/weights.bin`. */
export async function saveModel(model: LayersModel, dir: string): Promise<void> {
  const tf = await loadTf();
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData;
      if (!weights || Array.isArray(weights)) throw new SemcomError('INTERNAL', 'expected one weight buffer from tfjs');
      await mkdir(dir, { recursive: true });
      const json = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFile(join(dir, 'model.json'), JSON.stringify(json));
      await writeFile(join(dir, 'weights.bin'), new Uint8Array(weights));
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
}

/**
 * Loads a model saved by {@link saveModel}. A missing or corrupt file is a
 * `SemcomError` naming the file and what to do (run the training script).
 */
export async function loadModel(dir: string, trainScript: string): Promise<LayersModel> {
  const tf = await loadTf();
  const hint = `re-create it with \`${trainScript}\``;
  let json: { modelTopology?: unknown; weightsManifest?: { weights: unknown }[] };
  let bin: Uint8Array;
  try {
    json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    bin = readFileSync(join(dir, 'weights.bin'));
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read the model in ${dir}: ${(e as Error).message}; ${hint}`, { cause: e });
  }
  const specs = json.weightsManifest?.[0]?.weights;
  if (!json.modelTopology || !Array.isArray(specs)) {
    throw new SemcomError('MALFORMED_INPUT', `${join(dir, 'model.json')} is not a saved tfjs model; ${hint}`);
  }
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology as object, weightSpecs: specs as never, weightData: buffer }),
    );
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', `the model in ${dir} does not load (${(e as Error).message}); ${hint}`, { cause: e });
  }
}
