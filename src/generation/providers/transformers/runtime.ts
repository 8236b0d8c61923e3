/**
 * transformers.js (@huggingface/transformers, an optional peer dependency) on
 * a local folder of ONNX files, with downloads switched off: `env.
 * allowRemoteModels = false`, `env.localModelPath` = the folder's parent, the
 * folder's name as the model id, `local_files_only: true`. Nothing is fetched
 * from the Hugging Face Hub, ever.
 *
 * The folder is what `optimum-cli export onnx` or the Xenova / onnx-community
 * repositories hold: config.json, tokenizer.json, tokenizer_config.json and
 * onnx/model.onnx (or a quantized variant, whose dtype is picked from its file
 * name: model_quantized.onnx → q8, model_fp16.onnx → fp16, model_q4.onnx → q4,
 * ...). Older decoder exports name it onnx/decoder_model_merged*.onnx.
 *
 * Only the small surface used here is typed ({@link TransformersModule}), so a
 * test can inject a fake module through the loader parameter.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { SemcomError } from '../../../core/errors.js';
import { ProviderFailedError } from '../../helpers/failure.js';
import { lazy } from '../lazy.js';
import { importPeer, type ModuleLoader } from '../peer-module.js';

export const TRANSFORMERS = 'transformers';
export const TRANSFORMERS_PACKAGE = '@huggingface/transformers';
export const TRANSFORMERS_INSTALL_HINT =
  'install it with `npm install @huggingface/transformers` (and set onnxruntime-node-install=skip in .npmrc first, so that its onnxruntime-node dependency does not download CUDA libraries)';

/** A tensor as transformers.js returns it: row-major `data` of shape `dims`. */
export interface TransformersTensor {
  readonly dims: readonly number[];
  readonly data: ArrayLike<number>;
}

/** A loaded pipeline: a function, plus `dispose` on real ones. */
export type TransformersPipeline = ((input: unknown, options?: Record<string, unknown>) => Promise<unknown>) & { dispose?: () => Promise<void> | void };

/** The part of @huggingface/transformers that semcom uses. */
export interface TransformersModule {
  readonly env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline(task: string, model: string, options?: Record<string, unknown>): Promise<TransformersPipeline>;
}

export const loadTransformers: ModuleLoader<TransformersModule> = async () => {
  const mod = (await importPeer(TRANSFORMERS_PACKAGE, TRANSFORMERS_INSTALL_HINT)) as Partial<TransformersModule>;
  if (typeof mod.pipeline !== 'function' || typeof mod.env !== 'object') {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `${TRANSFORMERS_PACKAGE} has no pipeline/env exports; semcom needs version 3 or later: ${TRANSFORMERS_INSTALL_HINT}`);
  }
  return mod as TransformersModule;
};

/** ONNX weight file names (without `.onnx`) after their base name, and the dtype transformers.js loads them by; preferred first. */
const DTYPE_SUFFIX: readonly (readonly [string, string])[] = [
  ['', 'fp32'],
  ['_quantized', 'q8'],
  ['_fp16', 'fp16'],
  ['_int8', 'int8'],
  ['_uint8', 'uint8'],
  ['_q4', 'q4'],
  ['_q4f16', 'q4f16'],
  ['_bnb4', 'bnb4'],
];
const ONNX_BASES = ['model', 'decoder_model_merged'];
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

export interface OnnxFolder {
  /** Absolute path. */
  readonly folder: string;
  /** `env.localModelPath`: the parent folder, with a trailing separator. */
  readonly localModelPath: string;
  /** The model id transformers.js resolves under localModelPath. */
  readonly modelId: string;
  /** Options for `pipeline(task, modelId, options)`. */
  readonly pipelineOptions: Readonly<Record<string, unknown>>;
}

function expected(folder: string): string {
  return `a transformers.js export in ${folder}: ${REQUIRED_FILES.join(', ')} and onnx/model.onnx (or a quantized variant such as onnx/model_quantized.onnx), e.g. a copy of Xenova/all-MiniLM-L6-v2`;
}

/** Checks the folder and picks the weight file; `PROVIDER_UNAVAILABLE` naming what is missing. */
export async function inspectOnnxFolder(folder: string): Promise<OnnxFolder> {
  const abs = resolve(folder);
  const info = await stat(abs).catch(() => null);
  if (!info?.isDirectory()) throw new SemcomError('PROVIDER_UNAVAILABLE', `transformers model folder ${abs} does not exist or is not a folder; expected ${expected(abs)}`);
  const present = new Set(await readdir(abs));
  const missing = REQUIRED_FILES.filter((f) => !present.has(f));
  const onnx = new Set(present.has('onnx') ? await readdir(join(abs, 'onnx')).catch(() => [] as string[]) : []);
  let choice: { base: string; dtype: string } | undefined;
  for (const base of ONNX_BASES) {
    for (const [suffix, dtype] of DTYPE_SUFFIX) {
      if (!choice && onnx.has(`${base}${suffix}.onnx`)) choice = { base, dtype };
    }
  }
  if (!choice) missing.push('onnx/model.onnx (or a variant)');
  if (missing.length > 0 || !choice) {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `transformers model folder ${abs} lacks ${missing.join(', ')}; expected ${expected(abs)}`);
  }
  return {
    folder: abs,
    localModelPath: dirname(abs) + sep,
    modelId: basename(abs),
    pipelineOptions: { dtype: choice.dtype, local_files_only: true, ...(choice.base !== 'model' ? { model_file_name: choice.base } : {}) },
  };
}

/** Sets the module's env for this folder: local files only. */
export function configureOffline(mod: TransformersModule, folder: OnnxFolder): void {
  mod.env.allowRemoteModels = false;
  mod.env.allowLocalModels = true;
  mod.env.localModelPath = folder.localModelPath;
}

/**
 * A pipeline for the folder, prepared on first use: the package is imported,
 * the folder checked, the weights loaded, once. transformers.js keeps `env`
 * global, so it is set right before the load. A failure is not kept (see
 * ../lazy.ts), so fixing the folder does not need a restart.
 */
export function lazyPipeline(loader: ModuleLoader<TransformersModule>, task: string, folderPath: string): () => Promise<TransformersPipeline> {
  return lazy(async () => {
    const mod = await loader();
    const folder = await inspectOnnxFolder(folderPath);
    configureOffline(mod, folder);
    try {
      const pipe = await mod.pipeline(task, folder.modelId, { ...folder.pipelineOptions });
      if (typeof pipe !== 'function') throw new Error('pipeline() did not return a function');
      return pipe;
    } catch (e) {
      throw new SemcomError('PROVIDER_UNAVAILABLE', `transformers.js could not load the ${task} model in ${folder.folder}: ${(e as Error).message}; expected ${expected(folder.folder)}`, {
        cause: e,
      });
    }
  });
}

/** Runs one pipeline call; a runtime error of transformers.js becomes non-retryable `PROVIDER_FAILED`. */
export async function runPipeline(pipe: () => Promise<TransformersPipeline>, input: unknown, options: Record<string, unknown>, what: string): Promise<unknown> {
  const run = await pipe();
  try {
    return await run(input, options);
  } catch (e) {
    throw new ProviderFailedError(`${what} failed in transformers.js: ${(e as Error).message}`, { retryable: false, cause: e });
  }
}
