import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SemcomError } from '../../../core/errors.js';
import { generateObject } from '../../helpers/generate-object.js';
import { generateText } from '../../helpers/generate-text.js';
import { jsonSchemaOf } from '../../helpers/zod-json-schema.js';
import { resolveTextModel } from '../../registry.js';
import { createOpenAICompatibleTextModel } from './chat.js';
import { chatReply, sendJson, startFakeServer, type FakeServer } from './test-support.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('openai-compatible chat: success', () => {
  it('maps the call onto the wire and the reply back (text, usage, finish reason)', async () => {
    server.handle((_req, res) => sendJson(res, 200, chatReply('Rain tomorrow.', { usage: [21, 4], finish: 'stop' })));
    const model = createOpenAICompatibleTextModel({ baseURL: `${server.baseURL}/`, model: 'qwen2.5:0.5b' });
    const messages = [
      { role: 'system' as const, content: 'You are the generating agent.' },
      { role: 'user' as const, content: 'weather, tomorrow' },
    ];
    const out = await generateText(model, { messages, maxTokens: 16, temperature: 0, seed: 7, stop: ['\n\n'] });
    expect(out.text).toBe('Rain tomorrow.');
    expect(out.finishReason).toBe('stop');
    expect(out.usage).toEqual({ inputTokens: 21, outputTokens: 4 });
    expect(out.logprobs).toBeUndefined();
    expect(out.attempts).toBe(1);
    expect(out.timing.attemptMs).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({ model: 'qwen2.5:0.5b', messages, stream: false, max_tokens: 16, temperature: 0, seed: 7, stop: ['\n\n'] });
  });

  it('reports finish_reason length as length and unknown ones as other', async () => {
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    const messages = [{ role: 'user' as const, content: 'x' }];
    server.handle((_req, res) => sendJson(res, 200, chatReply('abc', { finish: 'length' })));
    expect((await generateText(model, { messages })).finishReason).toBe('length');
    server.handle((_req, res) => sendJson(res, 200, chatReply('abc', { finish: 'content_filter' })));
    expect((await generateText(model, { messages })).finishReason).toBe('other');
  });

  it('asks for and returns token log-probabilities', async () => {
    const lp: [string, number][] = [
      ['Rain', -0.25],
      [' tomorrow', -1.5],
    ];
    server.handle((_req, res) => sendJson(res, 200, chatReply('Rain tomorrow', { logprobs: lp })));
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    const out = await generateText(model, { messages: [{ role: 'user', content: 'x' }], logprobs: true });
    expect(server.requests[0].body.logprobs).toBe(true);
    expect(out.logprobs).toEqual([
      { token: 'Rain', logprob: -0.25 },
      { token: ' tomorrow', logprob: -1.5 },
    ]);
    const plain = await generateText(model, { messages: [{ role: 'user', content: 'x' }] });
    expect(server.requests[1].body.logprobs).toBeUndefined();
    expect(plain.logprobs).toBeUndefined();
  });
});

describe('openai-compatible chat: API key', () => {
  const messages = [{ role: 'user' as const, content: 'x' }];
  it('sends SEMCOM_API_KEY, else OPENAI_API_KEY, else no Authorization header', async () => {
    server.handle((_req, res) => sendJson(res, 200, chatReply('ok')));
    const spec = `openai-compatible:${server.baseURL}#m`;
    await generateText(resolveTextModel(spec, { env: { SEMCOM_API_KEY: 'sk-semcom', OPENAI_API_KEY: 'sk-openai' } }), { messages });
    await generateText(resolveTextModel(spec, { env: { OPENAI_API_KEY: 'sk-openai' } }), { messages });
    await generateText(resolveTextModel(spec, { env: {} }), { messages });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-semcom', 'Bearer sk-openai', undefined]);
  });
});

describe('openai-compatible chat: structured output through generateObject', () => {
  const schema = z.object({
    topic: z.enum(['weather', 'sport']),
    keywords: z.array(z.string()).max(3),
    urgency: z.number().int().min(0).max(5),
  });
  const messages = [{ role: 'user' as const, content: 'Storm warning for the coast tonight.' }];
  const valid = { topic: 'weather', keywords: ['storm', 'coast'], urgency: 4 };

  it('sends response_format json_schema (strict) and returns the validated object', async () => {
    server.handle((_req, res) => sendJson(res, 200, chatReply(JSON.stringify(valid))));
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    const out = await generateObject(model, { schema, schemaName: 'semantic', messages, temperature: 0 });
    expect(out.object).toEqual(valid);
    expect(out.attempts).toBe(1);
    const rf = server.requests[0].body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: unknown } };
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.name).toBe('semantic');
    expect(rf.json_schema.strict).toBe(true);
    expect(rf.json_schema.schema).toEqual(jsonSchemaOf(schema));
    expect(rf.json_schema.schema).toMatchObject({ type: 'object', properties: { topic: { type: 'string', enum: ['weather', 'sport'] } } });
    // The server enforces the schema, so the prompt is not rewritten.
    expect(server.requests[0].body.messages).toEqual(messages);
  });

  it('retries an invalid reply with the zod issue in the conversation, then succeeds', async () => {
    let n = 0;
    server.handle((_req, res) => sendJson(res, 200, chatReply(n++ === 0 ? JSON.stringify({ ...valid, topic: 'cooking' }) : JSON.stringify(valid))));
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    const out = await generateObject(model, { schema, messages, maxRetries: 2 });
    expect(out.object).toEqual(valid);
    expect(out.attempts).toBe(2);
    const second = server.requests[1].body.messages as { role: string; content: string }[];
    expect(second.slice(0, 1)).toEqual(messages);
    expect(second[1].role).toBe('assistant');
    expect(second[1].content).toContain('cooking');
    expect(second[2].role).toBe('user');
    expect(second[2].content).toContain('topic');
  });

  it('gives MALFORMED_REPLY naming the first zod issue once maxRetries is spent', async () => {
    server.handle((_req, res) => sendJson(res, 200, chatReply(JSON.stringify({ ...valid, urgency: 9 }))));
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    const err = await generateObject(model, { schema, messages, maxRetries: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SemcomError);
    expect((err as SemcomError).code).toBe('MALFORMED_REPLY');
    expect((err as SemcomError).message).toContain('at urgency');
    expect((err as SemcomError).message).toContain('after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('accepts a reply in a ```json fence', async () => {
    server.handle((_req, res) => sendJson(res, 200, chatReply(`Sure:\n\`\`\`json\n${JSON.stringify(valid)}\n\`\`\``)));
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    expect((await generateObject(model, { schema, messages })).object).toEqual(valid);
  });
});
