/**
 * node-llama-cpp (an optional peer dependency) on a local GGUF file.
 *
 * `getLlama({ build: 'never', skipDownload: true })` uses a local build or the
 * prebuilt binary shipped with the package and otherwise throws
 * (NoBinaryFoundError): semcom never clones, downloads or compiles llama.cpp
 * at run time. One `Llama` and one loaded model per file and loader are
 * shared by every model object that names the file, so a text and an
 * embedding model on the same GGUF hold its weights once.
 *
 * Only the small surface used here is typed ({@link LlamaCppModule}), so a
 * test can inject a fake module through the loader parameter.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SemcomError } from '../../../core/errors.js';
import { lazy } from '../lazy.js';
import { importPeer, type ModuleLoader } from '../peer-module.js';

export const LLAMA_CPP = 'llama-cpp';
export const LLAMA_CPP_PACKAGE = 'node-llama-cpp';
export const LLAMA_CPP_INSTALL_HINT =
  'install it with `npm install node-llama-cpp`, which brings prebuilt llama.cpp binaries for Linux, macOS and Windows (x64 and arm64); semcom never builds llama.cpp at run time';

/** A chat history entry as node-llama-cpp's `setChatHistory` takes it. */
export type LlamaChatHistoryItem = { type: 'system'; text: string } | { type: 'user'; text: string } | { type: 'model'; response: string[] };

export interface LlamaChatSessionLike {
  setChatHistory(history: LlamaChatHistoryItem[]): void;
  promptWithMeta(prompt: string, options: Record<string, unknown>): Promise<{ responseText: string; stopReason?: string }>;
  dispose?(): void;
}

export interface LlamaContextLike {
  getSequence(): unknown;
  dispose(): Promise<void> | void;
}

export interface LlamaEmbeddingContextLike {
  getEmbeddingFor(text: string): Promise<{ readonly vector: readonly number[] }>;
  dispose?(): Promise<void> | void;
}

export interface LlamaModelLike {
  createContext(options?: Record<string, unknown>): Promise<LlamaContextLike>;
  createEmbeddingContext(options?: Record<string, unknown>): Promise<LlamaEmbeddingContextLike>;
}

export interface LlamaLike {
  loadModel(options: { modelPath: string }): Promise<LlamaModelLike>;
  createGrammarForJsonSchema(schema: unknown): Promise<unknown>;
}

/** The part of node-llama-cpp that semcom uses. */
export interface LlamaCppModule {
  getLlama(options: Record<string, unknown>): Promise<LlamaLike>;
  LlamaChatSession: new (options: { contextSequence: unknown; systemPrompt?: string; autoDisposeSequence?: boolean }) => LlamaChatSessionLike;
}

export const loadLlamaCpp: ModuleLoader<LlamaCppModule> = async () => {
  const mod = (await importPeer(LLAMA_CPP_PACKAGE, LLAMA_CPP_INSTALL_HINT)) as Partial<LlamaCppModule>;
  if (typeof mod.getLlama !== 'function' || typeof mod.LlamaChatSession !== 'function') {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `${LLAMA_CPP_PACKAGE} has no getLlama/LlamaChatSession exports; semcom needs version 3 or later: ${LLAMA_CPP_INSTALL_HINT}`);
  }
  return mod as LlamaCppModule;
};

/** The options semcom passes to `getLlama` (exported for tests): never build, never download. */
export const GET_LLAMA_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({ build: 'never', skipDownload: true, progressLogs: false });

/** Checks that `file` is a readable GGUF file (magic bytes "GGUF"); returns its absolute path. */
export async function inspectGgufFile(file: string): Promise<string> {
  const abs = resolve(file);
  const info = await stat(abs).catch(() => null);
  if (!info?.isFile()) {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `GGUF model file ${abs} does not exist; download a .gguf model (e.g. qwen2.5-0.5b-instruct-q4_k_m.gguf) and give its path`);
  }
  const magic = Buffer.alloc(4);
  const fh = await open(abs, 'r');
  try {
    await fh.read(magic, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (magic.toString('latin1') !== 'GGUF') {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `${abs} is not a GGUF file (it does not start with the bytes "GGUF"); llama-cpp needs a .gguf model`);
  }
  return abs;
}

export interface LoadedLlama {
  readonly mod: LlamaCppModule;
  readonly llama: LlamaLike;
  readonly model: LlamaModelLike;
}

const loaded = new WeakMap<ModuleLoader<LlamaCppModule>, Map<string, () => Promise<LoadedLlama>>>();

/**
 * The module, `Llama` and model for `file`, prepared once per loader and
 * file: the package is imported, the file checked, the weights loaded. A
 * failure is not kept (see ../lazy.ts).
 */
export function loadGguf(loader: ModuleLoader<LlamaCppModule>, file: string): Promise<LoadedLlama> {
  let byFile = loaded.get(loader);
  if (!byFile) loaded.set(loader, (byFile = new Map()));
  let load = byFile.get(file);
  if (!load) {
    load = lazy(async () => {
      const mod = await loader();
      await inspectGgufFile(file);
      let llama: LlamaLike;
      try {
        llama = await mod.getLlama({ ...GET_LLAMA_OPTIONS });
      } catch (e) {
        throw new SemcomError(
          'PROVIDER_UNAVAILABLE',
          `node-llama-cpp found no usable llama.cpp binary (${(e as Error).message}); semcom does not build one at run time: reinstall node-llama-cpp on a platform with prebuilt binaries, or build llama.cpp for it yourself as node-llama-cpp's documentation describes`,
          { cause: e },
        );
      }
      try {
        return { mod, llama, model: await llama.loadModel({ modelPath: file }) };
      } catch (e) {
        throw new SemcomError('PROVIDER_UNAVAILABLE', `node-llama-cpp could not load ${file}: ${(e as Error).message}`, { cause: e });
      }
    });
    byFile.set(file, load);
  }
  return load();
}
