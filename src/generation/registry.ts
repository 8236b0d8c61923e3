/**
 * Model specs: one configuration string picks a provider and a model.
 *
 * | spec | provider |
 * |---|---|
 * | `openai-compatible:<baseURL>#<model>` | an OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio, OpenAI) |
 * | `transformers:<folder>` | transformers.js on a local folder of ONNX files (optional package @huggingface/transformers) |
 * | `llama-cpp:<file.gguf>` | node-llama-cpp on a local GGUF file (optional package node-llama-cpp) |
 * | `embedded:<name>` | a model of this project, registered with {@link registerEmbeddedModel} |
 *
 * Resolving is synchronous and cheap: it parses the spec (`INVALID_ARGUMENT`
 * listing the accepted forms), finds an embedded model (`INVALID_ARGUMENT`
 * listing the registered ones) and builds the model object. Nothing is
 * loaded or contacted until the first call, which is where a missing optional
 * package, model file or server shows up (`PROVIDER_UNAVAILABLE` saying what
 * to install, copy or start). {@link checkModelSpec} runs those checks up
 * front, without loading weights or contacting a server, for a CLI or
 * service that wants to fail at start-up.
 *
 * The embedded models this project ships are registered here (their modules
 * load nothing until first used), so `embedded:word-vectors` resolves from
 * any entry point; others can add their own with {@link registerEmbeddedModel}.
 */
import { SemcomError } from '../core/errors.js';
import type { EmbeddingModel } from './contracts/embedding-model.js';
import type { TextModel } from './contracts/text-model.js';
import type { VisionModel } from './contracts/vision-model.js';
import { createLlamaCppEmbeddingModel } from './providers/llama-cpp/embedding.js';
import { createLlamaCppTextModel } from './providers/llama-cpp/text.js';
import { createOpenAICompatibleTextModel } from './providers/openai-compatible/chat.js';
import { createOpenAICompatibleEmbeddingModel } from './providers/openai-compatible/embeddings.js';
import { apiKeyFromEnv } from './providers/openai-compatible/http.js';
import { createOpenAICompatibleVisionModel } from './providers/openai-compatible/vision.js';
import { createTransformersEmbeddingModel } from './providers/transformers/embedding.js';
import { createTransformersTextModel } from './providers/transformers/text.js';
import { inspectOnnxFolder, loadTransformers } from './providers/transformers/runtime.js';
import { inspectGgufFile, loadLlamaCpp } from './providers/llama-cpp/runtime.js';
import { wordVectorsRegistration } from './embedded/word-vectors/index.js';

export type ModelSpec =
  | { readonly provider: 'openai-compatible'; readonly baseURL: string; readonly model: string }
  | { readonly provider: 'transformers'; readonly folder: string }
  | { readonly provider: 'llama-cpp'; readonly file: string }
  | { readonly provider: 'embedded'; readonly name: string };

/** The spec forms, for error messages and help texts. */
export const MODEL_SPEC_FORMS: readonly string[] = Object.freeze([
  'openai-compatible:<baseURL>#<model> (e.g. openai-compatible:http://localhost:11434/v1#qwen2.5:0.5b)',
  'transformers:<folder> (e.g. transformers:./models/all-MiniLM-L6-v2)',
  'llama-cpp:<file.gguf> (e.g. llama-cpp:./models/qwen2.5-0.5b-instruct-q4_k_m.gguf)',
  'embedded:<name> (e.g. embedded:word-vectors)',
]);

const EMBEDDED_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function badSpec(spec: string, why: string): SemcomError {
  return new SemcomError('INVALID_ARGUMENT', `model spec ${JSON.stringify(spec)} ${why}; accepted forms: ${MODEL_SPEC_FORMS.join('; ')}`);
}

/** Parses a spec string (`INVALID_ARGUMENT` listing the accepted forms on anything else). */
export function parseModelSpec(spec: string): ModelSpec {
  if (typeof spec !== 'string' || spec.trim() === '') throw badSpec(String(spec), 'is empty');
  const s = spec.trim();
  const colon = s.indexOf(':');
  const provider = colon < 0 ? s : s.slice(0, colon);
  const rest = colon < 0 ? '' : s.slice(colon + 1).trim();
  switch (provider) {
    case 'openai-compatible': {
      const hash = rest.indexOf('#');
      if (hash < 0) throw badSpec(s, 'names no model: add #<model> after the base URL');
      const base = rest.slice(0, hash).trim();
      const model = rest.slice(hash + 1).trim();
      if (model === '') throw badSpec(s, 'has an empty model name after #');
      let url: URL;
      try {
        url = new URL(base);
      } catch {
        throw badSpec(s, `has a base URL ${JSON.stringify(base)} that is not a URL`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badSpec(s, 'needs an http:// or https:// base URL');
      if (url.search !== '') throw badSpec(s, 'has a query string in its base URL');
      return { provider, baseURL: base.replace(/\/+$/, ''), model };
    }
    case 'transformers':
      if (rest === '') throw badSpec(s, 'names no folder');
      return { provider, folder: rest };
    case 'llama-cpp':
      if (!/\.gguf$/i.test(rest)) throw badSpec(s, 'needs the path of a .gguf file');
      return { provider, file: rest };
    case 'embedded':
      if (!EMBEDDED_NAME.test(rest)) throw badSpec(s, 'needs a model name of letters, digits, ".", "_" or "-"');
      return { provider, name: rest };
    default:
      throw badSpec(s, colon < 0 ? 'has no provider prefix' : `has an unknown provider ${JSON.stringify(provider)}`);
  }
}

/** Makes a model of one kind; called at each resolve, so it should be cheap (load weights lazily, on first call). */
export type EmbeddedFactory<T> = () => T;

export interface EmbeddedModelFactories {
  readonly text?: EmbeddedFactory<TextModel>;
  readonly embedding?: EmbeddedFactory<EmbeddingModel>;
  readonly vision?: EmbeddedFactory<VisionModel>;
}

type Kind = keyof EmbeddedModelFactories;

/** The built-in embedded models: `embedded:word-vectors` (mean GloVe-derived word vectors, 100-d). */
const embedded = new Map<string, EmbeddedModelFactories>([[wordVectorsRegistration.name, wordVectorsRegistration.models]]);

/**
 * Makes `embedded:<name>` resolvable. Called by an embedded model's module
 * when it is imported. A name is registered once (`INVALID_ARGUMENT` on a
 * second registration); the returned function removes it again (for tests).
 */
export function registerEmbeddedModel(name: string, factories: EmbeddedModelFactories): () => void {
  if (!EMBEDDED_NAME.test(name)) throw new SemcomError('INVALID_ARGUMENT', `embedded model name ${JSON.stringify(name)} must be letters, digits, ".", "_" or "-"`);
  if (!factories || (!factories.text && !factories.embedding && !factories.vision)) {
    throw new SemcomError('INVALID_ARGUMENT', `embedded model ${name} must give at least one of the text, embedding, vision factories`);
  }
  if (embedded.has(name)) throw new SemcomError('INVALID_ARGUMENT', `embedded model ${name} is already registered`);
  embedded.set(name, factories);
  return () => {
    if (embedded.get(name) === factories) embedded.delete(name);
  };
}

/** Registered embedded model names, sorted. */
export function embeddedModelNames(): string[] {
  return [...embedded.keys()].sort();
}

const METHOD: Record<Kind, string> = { text: 'doGenerate', embedding: 'doEmbed', vision: 'doDescribe' };

function embeddedEntry(name: string): EmbeddedModelFactories {
  const entry = embedded.get(name);
  if (!entry) {
    const known = embeddedModelNames();
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `no embedded model named ${name}; registered: ${known.length > 0 ? known.map((n) => `embedded:${n}`).join(', ') : '(none; import the module that registers it)'}`,
    );
  }
  return entry;
}

function embeddedFactory<T>(name: string, kind: Kind): EmbeddedFactory<T> {
  const entry = embeddedEntry(name);
  const factory = entry[kind] as EmbeddedFactory<T> | undefined;
  if (!factory) {
    const has = (Object.keys(METHOD) as Kind[]).filter((k) => entry[k]);
    throw new SemcomError('UNSUPPORTED', `embedded:${name} has no ${kind} model (it provides: ${has.join(', ')})`);
  }
  return factory;
}

function resolveEmbedded<T>(name: string, kind: Kind): T {
  const factory = embeddedFactory<T>(name, kind);
  let model: T;
  try {
    model = factory();
  } catch (e) {
    if (e instanceof SemcomError) throw e;
    throw new SemcomError('PROVIDER_UNAVAILABLE', `embedded:${name} could not create its ${kind} model: ${(e as Error).message}`, { cause: e });
  }
  if (!model || typeof (model as Record<string, unknown>)[METHOD[kind]] !== 'function') {
    throw new SemcomError('INTERNAL', `embedded:${name}'s ${kind} factory returned no object with ${METHOD[kind]}()`);
  }
  return model;
}

export interface ResolveOptions {
  /** Where the API key is read from (SEMCOM_API_KEY, then OPENAI_API_KEY); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default per-call deadline of the provider, ms (60 000 unless set); a call's own timeoutMs wins. */
  readonly timeoutMs?: number;
}

function openAIOptions(spec: { baseURL: string; model: string }, options: ResolveOptions) {
  return { baseURL: spec.baseURL, model: spec.model, apiKey: apiKeyFromEnv(options.env ?? process.env), timeoutMs: options.timeoutMs };
}

function noVision(provider: string): SemcomError {
  return new SemcomError('UNSUPPORTED', `${provider} has no vision models in semcom; use openai-compatible with a vision model (e.g. Ollama's llava) or an embedded one`);
}

/** The text model a spec names. */
export function resolveTextModel(spec: string, options: ResolveOptions = {}): TextModel {
  const p = parseModelSpec(spec);
  switch (p.provider) {
    case 'openai-compatible':
      return createOpenAICompatibleTextModel(openAIOptions(p, options));
    case 'transformers':
      return createTransformersTextModel({ folder: p.folder, timeoutMs: options.timeoutMs });
    case 'llama-cpp':
      return createLlamaCppTextModel({ file: p.file, timeoutMs: options.timeoutMs });
    case 'embedded':
      return resolveEmbedded<TextModel>(p.name, 'text');
  }
}

/** The embedding model a spec names. */
export function resolveEmbeddingModel(spec: string, options: ResolveOptions = {}): EmbeddingModel {
  const p = parseModelSpec(spec);
  switch (p.provider) {
    case 'openai-compatible':
      return createOpenAICompatibleEmbeddingModel(openAIOptions(p, options));
    case 'transformers':
      return createTransformersEmbeddingModel({ folder: p.folder, timeoutMs: options.timeoutMs });
    case 'llama-cpp':
      return createLlamaCppEmbeddingModel({ file: p.file, timeoutMs: options.timeoutMs });
    case 'embedded':
      return resolveEmbedded<EmbeddingModel>(p.name, 'embedding');
  }
}

/** The vision model a spec names (openai-compatible or embedded). */
export function resolveVisionModel(spec: string, options: ResolveOptions = {}): VisionModel {
  const p = parseModelSpec(spec);
  switch (p.provider) {
    case 'openai-compatible':
      return createOpenAICompatibleVisionModel(openAIOptions(p, options));
    case 'transformers':
    case 'llama-cpp':
      throw noVision(p.provider);
    case 'embedded':
      return resolveEmbedded<VisionModel>(p.name, 'vision');
  }
}

/**
 * Runs the checks a first call would run, without loading weights or
 * contacting a server: the spec parses; an embedded model is registered with
 * that kind; the optional package imports and the ONNX folder or GGUF file is
 * complete. Rejects with the same `SemcomError` the first call would give.
 */
export async function checkModelSpec(spec: string, kind: 'text' | 'embedding' | 'vision'): Promise<void> {
  const p = parseModelSpec(spec);
  if (p.provider === 'embedded') {
    embeddedFactory(p.name, kind);
    return;
  }
  if (p.provider === 'openai-compatible') return;
  if (kind === 'vision') throw noVision(p.provider);
  if (p.provider === 'transformers') {
    await loadTransformers();
    await inspectOnnxFolder(p.folder);
  } else {
    await loadLlamaCpp();
    await inspectGgufFile(p.file);
  }
}
