import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SemcomError } from '../../../core/errors.js';
import { embed } from '../../helpers/embed.js';
import { generateText } from '../../helpers/generate-text.js';
import { isPeerInstalled } from '../peer-module.js';
import { createTransformersEmbeddingModel, splitPooled } from './embedding.js';
import { inspectOnnxFolder, loadTransformers, TRANSFORMERS_PACKAGE, type TransformersModule, type TransformersPipeline } from './runtime.js';
import { createTransformersTextModel, generationOptions, replyOf } from './text.js';

let root: string;
let good: string;
let quantized: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'semcom-transformers-'));
  for (const [name, onnx] of [
    ['all-MiniLM-L6-v2', 'model.onnx'],
    ['q8-export', 'model_quantized.onnx'],
  ] as const) {
    const dir = join(root, name);
    await mkdir(dir);
    await mkdir(join(dir, 'onnx'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) await writeFile(join(dir, f), '{}');
    await writeFile(join(dir, 'onnx', onnx), 'not really onnx');
  }
  good = join(root, 'all-MiniLM-L6-v2');
  quantized = join(root, 'q8-export');
  await mkdir(join(root, 'incomplete'));
  await writeFile(join(root, 'incomplete', 'config.json'), '{}');
});
afterAll(() => rm(root, { recursive: true, force: true }));

interface FakeCall {
  task: string;
  model: string;
  options?: Record<string, unknown>;
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
}

/** A fake @huggingface/transformers whose pipelines are `run`; records pipeline() calls with the env at that moment. */
function fakeModule(run: (input: unknown, options?: Record<string, unknown>) => Promise<unknown>) {
  const calls: FakeCall[] = [];
  const runs: { input: unknown; options?: Record<string, unknown> }[] = [];
  const mod: TransformersModule = {
    env: { allowRemoteModels: true, allowLocalModels: false, localModelPath: '/models/' },
    async pipeline(task, model, options) {
      calls.push({ task, model, options, env: { ...mod.env } });
      const pipe: TransformersPipeline = (input, opts) => {
        runs.push({ input, options: opts });
        return run(input, opts);
      };
      return pipe;
    },
  };
  return { mod, calls, runs, loader: async () => mod };
}

/** What feature-extraction returns for n texts: an [n, 2] tensor. */
function pooled(texts: string[]): { dims: number[]; data: Float32Array } {
  return { dims: [texts.length, 2], data: Float32Array.from(texts.flatMap((t) => [t.length, 1])) };
}

describe('transformers: the folder', () => {
  it('picks the weight file and its dtype, and points localModelPath at the parent', async () => {
    const f = await inspectOnnxFolder(good);
    expect(f.modelId).toBe('all-MiniLM-L6-v2');
    expect(f.localModelPath).toBe(root + sep);
    expect(f.pipelineOptions).toEqual({ dtype: 'fp32', local_files_only: true });
    expect((await inspectOnnxFolder(quantized)).pipelineOptions).toEqual({ dtype: 'q8', local_files_only: true });
  });

  it('names the missing folder, or the missing files and what is expected', async () => {
    await expect(inspectOnnxFolder(join(root, 'nope'))).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('does not exist') });
    const err = (await inspectOnnxFolder(join(root, 'incomplete')).catch((e: unknown) => e)) as SemcomError;
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toContain('tokenizer.json, tokenizer_config.json, onnx/model.onnx');
    expect(err.message).toContain(join(root, 'incomplete'));
  });
});

describe('transformers: embeddings with a fake module', () => {
  it('runs feature-extraction offline with mean pooling and normalization', async () => {
    const fake = fakeModule(async (input) => pooled(input as string[]));
    const model = createTransformersEmbeddingModel({ folder: good, loader: fake.loader });
    const out = await embed(model, ['a', 'bbb']);
    expect(out.embeddings.map((v) => [...v])).toEqual([
      [1, 1],
      [3, 1],
    ]);
    expect(fake.calls).toEqual([
      { task: 'feature-extraction', model: 'all-MiniLM-L6-v2', options: { dtype: 'fp32', local_files_only: true }, env: { allowRemoteModels: false, allowLocalModels: true, localModelPath: root + sep } },
    ]);
    expect(fake.runs[0]).toEqual({ input: ['a', 'bbb'], options: { pooling: 'mean', normalize: true } });
    await embed(model, ['c']);
    expect(fake.calls).toHaveLength(1); // the pipeline is loaded once
  });

  it('reports an incomplete folder on the first call, and works once it is complete', async () => {
    const dir = join(root, 'filled-later');
    await mkdir(dir);
    const fake = fakeModule(async (input) => pooled(input as string[]));
    const model = createTransformersEmbeddingModel({ folder: dir, loader: fake.loader });
    await expect(model.doEmbed({ texts: ['a'] })).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('config.json') });
    await mkdir(join(dir, 'onnx'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_fp16.onnx']) await writeFile(join(dir, f), '{}');
    expect((await model.doEmbed({ texts: ['abc'] })).embeddings.map((v) => [...v])).toEqual([[3, 1]]);
    expect(fake.calls[0].options).toEqual({ dtype: 'fp16', local_files_only: true });
  });

  it('rejects a tensor of the wrong shape', () => {
    expect(() => splitPooled({ dims: [2, 3], data: new Float32Array(5) }, 2, 'x')).toThrow(/shape \[2,3\]/);
    expect(() => splitPooled({ dims: [1, 3], data: new Float32Array(3) }, 2, 'x')).toThrow(SemcomError);
    expect(splitPooled({ dims: [2, 2], data: Float32Array.from([1, 2, 3, 4]) }, 2, 'x').map((v) => [...v])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('a pipeline that never finishes gives TIMEOUT; an abort gives ABORTED', async () => {
    const fake = fakeModule(() => new Promise(() => undefined));
    const model = createTransformersEmbeddingModel({ folder: good, loader: fake.loader });
    await expect(model.doEmbed({ texts: ['a'], timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    await expect(model.doEmbed({ texts: ['a'], abortSignal: ac.signal, timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('transformers: text generation with a fake module', () => {
  const messages = [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'Weather?' },
  ];

  it('maps the call to pipeline options and reads the appended assistant turn', async () => {
    const fake = fakeModule(async (input) => [{ generated_text: [...(input as object[]), { role: 'assistant', content: 'Rain.' }] }]);
    const model = createTransformersTextModel({ folder: good, loader: fake.loader });
    expect(model.supportsStructuredOutput).toBe(false);
    const out = await generateText(model, { messages, maxTokens: 12 });
    expect(out.text).toBe('Rain.');
    expect(fake.calls[0].task).toBe('text-generation');
    expect(fake.runs[0]).toEqual({ input: messages, options: { max_new_tokens: 12, do_sample: false, return_full_text: false } });
  });

  it('samples only at a positive temperature', () => {
    expect(generationOptions({ messages, temperature: 0.7 })).toEqual({ max_new_tokens: 256, do_sample: true, temperature: 0.7, return_full_text: false });
    expect(generationOptions({ messages, temperature: 0 }).do_sample).toBe(false);
  });

  it('a runtime error of the pipeline is PROVIDER_FAILED', async () => {
    const fake = fakeModule(async () => {
      throw new Error('ORT: invalid input');
    });
    const model = createTransformersTextModel({ folder: good, loader: fake.loader });
    await expect(model.doGenerate({ messages })).rejects.toMatchObject({ code: 'PROVIDER_FAILED', message: expect.stringContaining('ORT: invalid input') });
  });

  it('cuts the reply at the first stop sequence and rejects unknown output', () => {
    expect(replyOf([{ generated_text: 'one. two. three' }], ['three', ' two'], 'x')).toEqual({ text: 'one.', finishReason: 'stop' });
    expect(replyOf([{ generated_text: 'plain' }], undefined, 'x')).toEqual({ text: 'plain', finishReason: 'other' });
    expect(() => replyOf({ text: 'no' }, undefined, 'x')).toThrow(/generated_text/);
  });
});

describe('transformers: the package is optional', () => {
  it.skipIf(isPeerInstalled(TRANSFORMERS_PACKAGE))('without @huggingface/transformers, says how to install it', async () => {
    const err = (await loadTransformers().catch((e: unknown) => e)) as SemcomError;
    expect(err).toBeInstanceOf(SemcomError);
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toContain('npm install @huggingface/transformers');
    expect(err.message).toContain('onnxruntime-node-install=skip');
    const model = createTransformersEmbeddingModel({ folder: good });
    await expect(model.doEmbed({ texts: ['a'] })).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('npm install') });
  });
});
