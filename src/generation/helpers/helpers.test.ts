/** The helpers against fake models: validation, the deadline backstop, prompting for structure, batching. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SemcomError } from '../../core/errors.js';
import type { EmbeddingModel } from '../contracts/embedding-model.js';
import type { TextGenerateCall, TextGenerateResult, TextModel } from '../contracts/text-model.js';
import type { VisionModel } from '../contracts/vision-model.js';
import { describeImage } from './describe-image.js';
import { embed } from './embed.js';
import { generateObject } from './generate-object.js';
import { generateText } from './generate-text.js';

function textModel(reply: (call: TextGenerateCall) => Promise<TextGenerateResult>, structured = false) {
  const calls: TextGenerateCall[] = [];
  const model: TextModel = {
    provider: 'fake',
    modelId: 'm',
    supportsStructuredOutput: structured,
    doGenerate: (call) => {
      calls.push(call);
      return reply(call);
    },
  };
  return { model, calls };
}

const user = [{ role: 'user' as const, content: 'hi' }];

describe('generateText', () => {
  it.each([
    ['no messages', { messages: [] }],
    ['a bad role', { messages: [{ role: 'tool', content: 'x' }] }],
    ['maxTokens 0', { messages: user, maxTokens: 0 }],
    ['a negative temperature', { messages: user, temperature: -1 }],
    ['a fractional seed', { messages: user, seed: 1.5 }],
    ['an empty stop sequence', { messages: user, stop: [''] }],
    ['timeoutMs 0', { messages: user, timeoutMs: 0 }],
    ['maxRetries -1', { messages: user, maxRetries: -1 }],
  ])('rejects %s with INVALID_ARGUMENT before calling the model', async (_name, options) => {
    const fake = textModel(async () => ({ text: 'x', finishReason: 'stop' }));
    await expect(generateText(fake.model, options as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fake.calls).toHaveLength(0);
  });

  it('passes the deadline down and cuts off a provider that ignores it', async () => {
    const fake = textModel(() => new Promise(() => undefined));
    const err = (await generateText(fake.model, { messages: user, timeoutMs: 30, maxRetries: 0 }).catch((e: unknown) => e)) as SemcomError;
    expect(err.code).toBe('TIMEOUT');
    expect(fake.calls[0].timeoutMs).toBe(30);
  });

  it('passes the default deadline of 60 s down when none is given', async () => {
    const fake = textModel(async () => ({ text: 'x', finishReason: 'stop' }));
    await generateText(fake.model, { messages: user });
    expect(fake.calls[0].timeoutMs).toBe(60_000);
  });

  it('turns a foreign throw into PROVIDER_FAILED and does not retry it', async () => {
    const fake = textModel(async () => {
      throw new RangeError('bad state');
    });
    await expect(generateText(fake.model, { messages: user })).rejects.toMatchObject({ code: 'PROVIDER_FAILED', message: 'fake:m generateText failed: bad state' });
    expect(fake.calls).toHaveLength(1);
  });
});

describe('generateObject', () => {
  const schema = z.object({ label: z.enum(['cat', 'dog']) });

  it('writes the schema into the system message when the model does not enforce it, and finds JSON in prose', async () => {
    const fake = textModel(async () => ({ text: 'The answer is {"label": "cat"}.', finishReason: 'stop' }));
    const out = await generateObject(fake.model, { schema, messages: [{ role: 'system', content: 'Classify.' }, ...user] });
    expect(out.object).toEqual({ label: 'cat' });
    const sent = fake.calls[0];
    expect(sent.messages[0].role).toBe('system');
    expect(sent.messages[0].content.startsWith('Classify.\n\n')).toBe(true);
    expect(sent.messages[0].content).toContain('"enum":["cat","dog"]');
    expect(sent.messages.slice(1)).toEqual(user);
    expect(sent.responseFormat).toEqual({ type: 'json', name: 'reply', schema: { type: 'object', properties: { label: { type: 'string', enum: ['cat', 'dog'] } }, required: ['label'], additionalProperties: false } });
  });

  it('rejects a schema that is not zod, and a bad schema name', async () => {
    const fake = textModel(async () => ({ text: '{}', finishReason: 'stop' }), true);
    await expect(generateObject(fake.model, { schema: {} as z.ZodType, messages: user })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(generateObject(fake.model, { schema, schemaName: 'has space', messages: user })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fake.calls).toHaveLength(0);
  });

  it('uses a given jsonSchema as is', async () => {
    const fake = textModel(async () => ({ text: '{"label":"dog"}', finishReason: 'stop' }), true);
    const jsonSchema = { type: 'object', properties: { label: { type: 'string' } } } as const;
    await generateObject(fake.model, { schema, jsonSchema, messages: user });
    expect(fake.calls[0].responseFormat?.schema).toBe(jsonSchema);
    expect(fake.calls[0].messages).toEqual(user);
  });

  it('says to raise maxTokens when an invalid reply was cut off', async () => {
    const fake = textModel(async () => ({ text: '{"label": "c', finishReason: 'length' }), true);
    const err = (await generateObject(fake.model, { schema, messages: user, maxRetries: 0 }).catch((e: unknown) => e)) as SemcomError;
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('raise it');
  });
});

describe('embed', () => {
  function embeddingModel(maxBatchSize: number, dimensions?: number, vector = (t: string) => [t.length, 1]) {
    const batches: string[][] = [];
    const model: EmbeddingModel = {
      provider: 'fake',
      modelId: 'e',
      maxBatchSize,
      dimensions,
      doEmbed: async (call) => {
        batches.push([...call.texts]);
        return { embeddings: call.texts.map((t) => Float32Array.from(vector(t))) };
      },
    };
    return { model, batches };
  }

  it('caps the batch size at the model maximum', async () => {
    const fake = embeddingModel(2);
    const out = await embed(fake.model, ['a', 'b', 'c', 'd', 'e'], { batchSize: 10 });
    expect(fake.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(out.embeddings).toHaveLength(5);
    expect(out.batches).toBe(3);
  });

  it('returns copies the caller owns', async () => {
    const shared = new Float32Array([1, 2]);
    const model: EmbeddingModel = { provider: 'fake', modelId: 'e', maxBatchSize: 4, doEmbed: async (c) => ({ embeddings: c.texts.map(() => shared) }) };
    const out = await embed(model, ['a', 'b']);
    out.embeddings[0][0] = 99;
    expect(shared[0]).toBe(1);
    expect(out.embeddings[1][0]).toBe(1);
  });

  it('makes no call for no texts', async () => {
    const fake = embeddingModel(2, 7);
    expect(await embed(fake.model, [])).toMatchObject({ embeddings: [], dimensions: 7, batches: 0, attempts: 0 });
    expect(fake.batches).toEqual([]);
  });

  it('checks vectors against the declared dimensions and for NaN', async () => {
    await expect(embed(embeddingModel(4, 3).model, ['a'])).rejects.toMatchObject({ code: 'MALFORMED_REPLY', message: expect.stringContaining('expected 3') });
    await expect(embed(embeddingModel(4, undefined, () => [0, Number.NaN]).model, ['a'])).rejects.toMatchObject({ code: 'MALFORMED_REPLY', message: expect.stringContaining('non-finite') });
  });

  it('rejects non-string texts and a bad batch size', async () => {
    await expect(embed(embeddingModel(2).model, ['a', 3 as unknown as string])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(embed(embeddingModel(2).model, ['a'], { batchSize: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('describeImage', () => {
  it('passes image, prompt and deadline to the model', async () => {
    const seen: unknown[] = [];
    const model: VisionModel = { provider: 'fake', modelId: 'v', doDescribe: async (c) => (seen.push(c), { text: 'a digit 7' }) };
    const image = { pixels: new Uint8Array(4), width: 2, height: 2, channels: 1 as const };
    const out = await describeImage(model, { image, prompt: 'What digit?', timeoutMs: 500 });
    expect(out).toMatchObject({ text: 'a digit 7', attempts: 1 });
    expect(seen[0]).toMatchObject({ image, prompt: 'What digit?', timeoutMs: 500 });
  });

  it('rejects an empty prompt and bad channels', async () => {
    const model: VisionModel = { provider: 'fake', modelId: 'v', doDescribe: async () => ({ text: '' }) };
    const image = { pixels: new Uint8Array(4), width: 2, height: 2, channels: 1 as const };
    await expect(describeImage(model, { image, prompt: ' ' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(describeImage(model, { image: { ...image, channels: 2 as 1 }, prompt: 'x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
