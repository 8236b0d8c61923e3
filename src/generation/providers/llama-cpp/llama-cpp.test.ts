import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SemcomError } from '../../../core/errors.js';
import { embed } from '../../helpers/embed.js';
import { generateObject } from '../../helpers/generate-object.js';
import { generateText } from '../../helpers/generate-text.js';
import { jsonSchemaOf } from '../../helpers/zod-json-schema.js';
import { isPeerInstalled } from '../peer-module.js';
import { createLlamaCppEmbeddingModel } from './embedding.js';
import { inspectGgufFile, LLAMA_CPP_PACKAGE, loadLlamaCpp, type LlamaChatHistoryItem, type LlamaCppModule } from './runtime.js';
import { createLlamaCppTextModel, finishReasonOf, toConversation } from './text.js';

let root: string;
let gguf: string;
let notGguf: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'semcom-llama-'));
  gguf = join(root, 'tiny.gguf');
  notGguf = join(root, 'fake.gguf');
  await writeFile(gguf, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(12)]));
  await writeFile(notGguf, '<html>not a model</html>');
});
afterAll(() => rm(root, { recursive: true, force: true }));

type Prompt = (prompt: string, options: Record<string, unknown>, history: LlamaChatHistoryItem[], systemPrompt?: string) => Promise<{ responseText: string; stopReason?: string }>;

/** A fake node-llama-cpp recording what semcom asks of it. */
function fakeModule(prompt: Prompt) {
  const log = {
    getLlama: [] as Record<string, unknown>[],
    loadModel: [] as string[],
    grammars: [] as unknown[],
    contexts: { created: 0, disposed: 0 },
    prompts: [] as { prompt: string; options: Record<string, unknown>; history: LlamaChatHistoryItem[]; systemPrompt?: string }[],
  };
  const mod: LlamaCppModule = {
    async getLlama(options) {
      log.getLlama.push(options);
      return {
        async loadModel({ modelPath }) {
          log.loadModel.push(modelPath);
          return {
            async createContext() {
              log.contexts.created++;
              return { getSequence: () => ({}), dispose: () => void log.contexts.disposed++ };
            },
            async createEmbeddingContext() {
              return { getEmbeddingFor: async (text: string) => ({ vector: [text.length, 0.5] }) };
            },
          };
        },
        async createGrammarForJsonSchema(schema) {
          log.grammars.push(schema);
          return { grammarFor: schema };
        },
      };
    },
    LlamaChatSession: class {
      private history: LlamaChatHistoryItem[] = [];
      private readonly systemPrompt?: string;
      constructor(options: { systemPrompt?: string }) {
        this.systemPrompt = options.systemPrompt;
      }
      setChatHistory(history: LlamaChatHistoryItem[]) {
        this.history = history;
      }
      promptWithMeta(p: string, options: Record<string, unknown>) {
        log.prompts.push({ prompt: p, options, history: this.history, systemPrompt: this.systemPrompt });
        return prompt(p, options, this.history, this.systemPrompt);
      }
    },
  };
  return { log, loader: async () => mod };
}

const messages = [
  { role: 'system' as const, content: 'You are the generating agent.' },
  { role: 'user' as const, content: 'first' },
  { role: 'assistant' as const, content: 'reply one' },
  { role: 'user' as const, content: 'second' },
];

describe('llama-cpp: conversation mapping', () => {
  it('system prompt, history and prompt', () => {
    expect(toConversation(messages, 'x')).toEqual({
      systemPrompt: 'You are the generating agent.',
      history: [
        { type: 'system', text: 'You are the generating agent.' },
        { type: 'user', text: 'first' },
        { type: 'model', response: ['reply one'] },
      ],
      prompt: 'second',
    });
    expect(toConversation([{ role: 'user', content: 'only' }], 'x')).toEqual({ systemPrompt: undefined, history: [], prompt: 'only' });
    expect(() => toConversation(messages.slice(0, 3), 'x')).toThrow(/last message must be a user message/);
  });

  it('stop reasons', () => {
    expect(finishReasonOf('maxTokens')).toBe('length');
    expect(finishReasonOf('eogToken')).toBe('stop');
    expect(finishReasonOf('customStopTrigger')).toBe('stop');
    expect(finishReasonOf('abort')).toBe('other');
  });
});

describe('llama-cpp: text with a fake module', () => {
  it('never builds or downloads, and maps the call onto the chat session', async () => {
    const fake = fakeModule(async () => ({ responseText: 'Rain.', stopReason: 'eogToken' }));
    const model = createLlamaCppTextModel({ file: gguf, loader: fake.loader });
    const out = await generateText(model, { messages, maxTokens: 20, temperature: 0, seed: 3, stop: ['\n'] });
    expect(out).toMatchObject({ text: 'Rain.', finishReason: 'stop', attempts: 1 });
    expect(fake.log.getLlama).toEqual([{ build: 'never', skipDownload: true, progressLogs: false }]);
    expect(fake.log.loadModel).toEqual([gguf]);
    const p = fake.log.prompts[0];
    expect(p.prompt).toBe('second');
    expect(p.systemPrompt).toBe('You are the generating agent.');
    expect(p.history).toHaveLength(3);
    expect(p.options).toMatchObject({ maxTokens: 20, temperature: 0, seed: 3, customStopTriggers: ['\n'] });
    expect(p.options.signal).toBeInstanceOf(AbortSignal);
    expect(p.options.grammar).toBeUndefined();
    expect(fake.log.contexts).toEqual({ created: 1, disposed: 1 });
  });

  it('turns responseFormat into a JSON-schema grammar', async () => {
    const schema = z.object({ label: z.enum(['cat', 'dog']) });
    const fake = fakeModule(async () => ({ responseText: '{"label":"dog"}', stopReason: 'eogToken' }));
    const model = createLlamaCppTextModel({ file: gguf, loader: fake.loader });
    expect(model.supportsStructuredOutput).toBe(true);
    const out = await generateObject(model, { schema, messages: [{ role: 'user', content: 'which?' }] });
    expect(out.object).toEqual({ label: 'dog' });
    expect(fake.log.grammars).toEqual([jsonSchemaOf(schema)]);
    expect(fake.log.prompts[0].options.grammar).toEqual({ grammarFor: jsonSchemaOf(schema) });
  });

  it('a generation that honours its signal ends as TIMEOUT or ABORTED, and the context is freed', async () => {
    const waitForAbort: Prompt = (_p, options) =>
      new Promise((_resolve, reject) => (options.signal as AbortSignal).addEventListener('abort', () => reject(new Error('AbortError')), { once: true }));
    const fake = fakeModule(waitForAbort);
    const model = createLlamaCppTextModel({ file: gguf, loader: fake.loader });
    await expect(model.doGenerate({ messages, timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    await expect(model.doGenerate({ messages, abortSignal: ac.signal, timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'ABORTED' });
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.log.contexts.created).toBe(fake.log.contexts.disposed);
  });

  it('a generation that ignores its signal is still cut off at the deadline', async () => {
    const fake = fakeModule(() => new Promise(() => undefined));
    const model = createLlamaCppTextModel({ file: gguf, loader: fake.loader });
    await expect(model.doGenerate({ messages, timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('a runtime error becomes PROVIDER_FAILED', async () => {
    const fake = fakeModule(async () => {
      throw new Error('context size exceeded');
    });
    const model = createLlamaCppTextModel({ file: gguf, loader: fake.loader });
    await expect(generateText(model, { messages })).rejects.toMatchObject({ code: 'PROVIDER_FAILED', message: expect.stringContaining('context size exceeded') });
  });
});

describe('llama-cpp: embeddings with a fake module', () => {
  it('embeds text by text', async () => {
    const fake = fakeModule(async () => ({ responseText: '' }));
    const model = createLlamaCppEmbeddingModel({ file: gguf, loader: fake.loader });
    const out = await embed(model, ['a', 'abc']);
    expect(out.embeddings.map((v) => [...v])).toEqual([
      [1, 0.5],
      [3, 0.5],
    ]);
  });
});

describe('llama-cpp: files and the package', () => {
  it('checks the file exists and is GGUF', async () => {
    expect(await inspectGgufFile(gguf)).toBe(gguf);
    await expect(inspectGgufFile(join(root, 'missing.gguf'))).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('missing.gguf') });
    await expect(inspectGgufFile(notGguf)).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('not a GGUF file') });
  });

  it('reports a file that is not GGUF on the first call, before asking for a binary', async () => {
    const fake = fakeModule(async () => ({ responseText: 'x' }));
    const model = createLlamaCppTextModel({ file: notGguf, loader: fake.loader });
    await expect(generateText(model, { messages })).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('not a GGUF file') });
    expect(fake.log.getLlama).toEqual([]);
  });

  it('reports a missing prebuilt binary as PROVIDER_UNAVAILABLE', async () => {
    const mod = {
      getLlama: async () => {
        throw new Error('NoBinaryFoundError');
      },
      LlamaChatSession: class {},
    } as unknown as LlamaCppModule;
    const model = createLlamaCppTextModel({ file: gguf, loader: async () => mod });
    const err = (await generateText(model, { messages }).catch((e: unknown) => e)) as SemcomError;
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toContain('does not build one at run time');
  });

  it.skipIf(isPeerInstalled(LLAMA_CPP_PACKAGE))('without node-llama-cpp, says how to install it', async () => {
    const err = (await loadLlamaCpp().catch((e: unknown) => e)) as SemcomError;
    expect(err).toBeInstanceOf(SemcomError);
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toContain('npm install node-llama-cpp');
    const model = createLlamaCppTextModel({ file: gguf });
    await expect(model.doGenerate({ messages })).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('npm install') });
  });
});
