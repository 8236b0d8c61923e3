import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SemcomError } from '../core/errors.js';
import type { EmbeddingModel } from './contracts/embedding-model.js';
import type { TextModel } from './contracts/text-model.js';
import { embed } from './helpers/embed.js';
import { generateText } from './helpers/generate-text.js';
import { isPeerInstalled } from './providers/peer-module.js';
import { checkModelSpec, embeddedModelNames, MODEL_SPEC_FORMS, parseModelSpec, registerEmbeddedModel, resolveEmbeddingModel, resolveTextModel, resolveVisionModel } from './registry.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof SemcomError ? e.code : 'not a SemcomError';
  }
  return undefined;
}

describe('parseModelSpec', () => {
  it.each([
    ['openai-compatible:http://localhost:11434/v1#qwen2.5:0.5b', { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:0.5b' }],
    ['openai-compatible:https://api.openai.com/v1/#gpt-4o-mini', { provider: 'openai-compatible', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }],
    ['openai-compatible:http://127.0.0.1:8000/v1#meta-llama/Llama-3.2-1B-Instruct', { provider: 'openai-compatible', baseURL: 'http://127.0.0.1:8000/v1', model: 'meta-llama/Llama-3.2-1B-Instruct' }],
    ['  transformers:./models/all-MiniLM-L6-v2 ', { provider: 'transformers', folder: './models/all-MiniLM-L6-v2' }],
    ['transformers:/abs/with:colon', { provider: 'transformers', folder: '/abs/with:colon' }],
    ['llama-cpp:./models/qwen2.5-0.5b-instruct-q4_k_m.gguf', { provider: 'llama-cpp', file: './models/qwen2.5-0.5b-instruct-q4_k_m.gguf' }],
    ['llama-cpp:/m/Model.GGUF', { provider: 'llama-cpp', file: '/m/Model.GGUF' }],
    ['embedded:word-vectors', { provider: 'embedded', name: 'word-vectors' }],
  ])('%s', (spec, expected) => {
    expect(parseModelSpec(spec)).toEqual(expected);
  });

  it.each([
    ['', 'is empty'],
    ['qwen2.5', 'no provider prefix'],
    ['ollama:qwen2.5', 'unknown provider "ollama"'],
    ['openai-compatible:http://localhost:11434/v1', 'names no model'],
    ['openai-compatible:http://localhost:11434/v1#', 'empty model name'],
    ['openai-compatible:localhost:11434#m', 'http:// or https://'],
    ['openai-compatible:not a url#m', 'not a URL'],
    ['openai-compatible:http://h/v1?x=1#m', 'query string'],
    ['transformers:', 'names no folder'],
    ['llama-cpp:./model.bin', '.gguf'],
    ['embedded:', 'model name'],
    ['embedded:../etc', 'model name'],
  ])('rejects %j (%s) with INVALID_ARGUMENT listing the accepted forms', (spec, why) => {
    let err: unknown;
    try {
      parseModelSpec(spec);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SemcomError);
    expect((err as SemcomError).code).toBe('INVALID_ARGUMENT');
    expect((err as SemcomError).message).toContain(why);
    for (const form of MODEL_SPEC_FORMS) expect((err as SemcomError).message).toContain(form);
  });
});

describe('embedded registry', () => {
  const text: TextModel = {
    provider: 'embedded',
    modelId: 'echo-test',
    supportsStructuredOutput: false,
    doGenerate: async (call) => ({ text: call.messages[call.messages.length - 1].content, finishReason: 'stop' }),
  };
  const embedding: EmbeddingModel = { provider: 'embedded', modelId: 'echo-test', maxBatchSize: 8, doEmbed: async (c) => ({ embeddings: c.texts.map(() => new Float32Array(2)) }) };

  it('resolves a registered model of each kind it provides', async () => {
    const unregister = registerEmbeddedModel('echo-test', { text: () => text, embedding: () => embedding });
    try {
      expect(embeddedModelNames()).toContain('echo-test');
      expect(resolveTextModel('embedded:echo-test')).toBe(text);
      expect(resolveEmbeddingModel('embedded:echo-test')).toBe(embedding);
      expect(() => resolveVisionModel('embedded:echo-test')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED', message: expect.stringContaining('text, embedding') }));
      await expect(checkModelSpec('embedded:echo-test', 'embedding')).resolves.toBeUndefined();
      await expect(checkModelSpec('embedded:echo-test', 'vision')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
      expect(codeOf(() => registerEmbeddedModel('echo-test', { text: () => text }))).toBe('INVALID_ARGUMENT');
    } finally {
      unregister();
    }
    expect(embeddedModelNames()).not.toContain('echo-test');
  });

  it('an unknown name lists the registered ones', async () => {
    const unregister = registerEmbeddedModel('listed-test', { text: () => text });
    try {
      expect(() => resolveTextModel('embedded:nope')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('embedded:listed-test') }));
    } finally {
      unregister();
    }
  });

  it('rejects bad names, empty factories and factories that return no model', async () => {
    expect(codeOf(() => registerEmbeddedModel('bad name', { text: () => text }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => registerEmbeddedModel('empty-test', {}))).toBe('INVALID_ARGUMENT');
    const unregister = registerEmbeddedModel('broken-test', {
      text: () => ({}) as TextModel,
      embedding: () => {
        throw new Error('weights missing');
      },
    });
    try {
      expect(codeOf(() => resolveTextModel('embedded:broken-test'))).toBe('INTERNAL');
      expect(() => resolveEmbeddingModel('embedded:broken-test')).toThrow(expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('weights missing') }));
    } finally {
      unregister();
    }
  });
});

describe('resolving providers', () => {
  it('an openai-compatible spec gives models of each kind without contacting the server', async () => {
    const spec = 'openai-compatible:http://127.0.0.1:9/v1#m';
    expect(resolveTextModel(spec, { env: {} })).toMatchObject({ provider: 'openai-compatible', modelId: 'm', supportsStructuredOutput: true });
    expect(resolveEmbeddingModel(spec, { env: {} })).toMatchObject({ provider: 'openai-compatible', modelId: 'm', maxBatchSize: 64 });
    expect(resolveVisionModel(spec, { env: {} })).toMatchObject({ provider: 'openai-compatible', modelId: 'm' });
    await expect(checkModelSpec(spec, 'text')).resolves.toBeUndefined();
  });

  it('a local spec resolves at once, as an absolute path, and loads nothing yet', () => {
    expect(resolveEmbeddingModel('transformers:models/none')).toMatchObject({ provider: 'transformers', modelId: resolve('models/none'), maxBatchSize: 32 });
    expect(resolveTextModel('llama-cpp:models/none.gguf')).toMatchObject({ provider: 'llama-cpp', modelId: resolve('models/none.gguf'), supportsStructuredOutput: true });
  });

  it('transformers and llama-cpp have no vision models', async () => {
    expect(codeOf(() => resolveVisionModel('transformers:./x'))).toBe('UNSUPPORTED');
    expect(codeOf(() => resolveVisionModel('llama-cpp:./x.gguf'))).toBe('UNSUPPORTED');
    await expect(checkModelSpec('llama-cpp:./x.gguf', 'vision')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  it.skipIf(isPeerInstalled('@huggingface/transformers'))('transformers: without the package, the first call and checkModelSpec say what to install', async () => {
    const model = resolveEmbeddingModel('transformers:./models/all-MiniLM-L6-v2');
    const missing = { code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('npm install @huggingface/transformers') };
    await expect(embed(model, ['probe'])).rejects.toMatchObject(missing);
    await expect(checkModelSpec('transformers:./models/all-MiniLM-L6-v2', 'embedding')).rejects.toMatchObject(missing);
  });

  it.skipIf(isPeerInstalled('node-llama-cpp'))('llama-cpp: without the package, the first call and checkModelSpec say what to install', async () => {
    const model = resolveTextModel('llama-cpp:./models/x.gguf');
    const missing = { code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('npm install node-llama-cpp') };
    await expect(generateText(model, { messages: [{ role: 'user', content: 'probe' }] })).rejects.toMatchObject(missing);
    await expect(checkModelSpec('llama-cpp:./models/x.gguf', 'text')).rejects.toMatchObject(missing);
  });
});
