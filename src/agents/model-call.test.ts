import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SemcomError } from '../core/errors.js';
import { callModel, jsonReply } from './model-call.js';
import { failingModel, hangingModel, scriptedModel } from './test-support.js';

const schema = z.object({ n: z.number().int() });
const req = {
  messages: [
    { role: 'system' as const, content: 'role prompt' },
    { role: 'user' as const, content: 'input' },
  ],
  parse: jsonReply(schema),
  schema: { type: 'object' as const, properties: { n: { type: 'integer' as const } }, required: ['n'] },
  formatHint: 'one JSON object {"n": integer}',
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof SemcomError ? e.code : `other: ${String(e)}`;
  }
}

describe('callModel', () => {
  it('sends the role prompt, the JSON schema and the options, and parses the reply', async () => {
    const model = scriptedModel(['{"n": 7}']);
    const r = await callModel(model, req, { temperature: 0, seed: 3, maxTokens: 50 });
    expect(r).toEqual({ value: { n: 7 }, attempts: 1 });
    const call = model.calls[0];
    expect(call.messages[0]).toEqual({ role: 'system', content: 'role prompt' });
    expect(call.responseFormat).toEqual({ type: 'json', schema: req.schema });
    expect([call.temperature, call.seed, call.maxTokens]).toEqual([0, 3, 50]);
    expect(call.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('accepts JSON wrapped in a fence or in prose', async () => {
    expect((await callModel(scriptedModel(['```json\n{"n": 1}\n```']), req)).value).toEqual({ n: 1 });
    expect((await callModel(scriptedModel(['Sure! {"n": 2} Hope that helps.']), req)).value).toEqual({ n: 2 });
  });

  it('retries a malformed reply with a corrective message, then succeeds', async () => {
    const model = scriptedModel(['not json', '{"n": "x"}', '{"n": 5}']);
    const r = await callModel(model, req, { maxRetries: 2 });
    expect(r).toEqual({ value: { n: 5 }, attempts: 3 });
    // Second call replays the bad reply and says what was wrong.
    const second = model.calls[1].messages;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: 'not json' });
    expect(second.at(-1)?.content).toMatch(/not a JSON object/);
    expect(model.calls[2].messages.at(-1)?.content).toMatch(/at n/);
  });

  it('gives MALFORMED_REPLY after maxRetries + 1 malformed replies, never a value', async () => {
    const model = scriptedModel(['{"m": 1}']);
    await expect(callModel(model, req, { maxRetries: 1 })).rejects.toMatchObject({ code: 'MALFORMED_REPLY', message: expect.stringMatching(/2 attempt/) });
    expect(model.calls).toHaveLength(2);
  });

  it('times out a model that never answers, aborts it, and does not retry', async () => {
    const model = hangingModel();
    expect(await codeOf(callModel(model, req, { timeoutMs: 30, maxRetries: 2 }))).toBe('TIMEOUT');
    expect(model.calls).toHaveLength(1);
    expect(model.aborted()).toBe(true);
    expect(model.calls[0].timeoutMs).toBe(30);
  });

  it('turns a caller abort into ABORTED', async () => {
    const ctl = new AbortController();
    const p = callModel(hangingModel(), req, { abortSignal: ctl.signal, timeoutMs: 10_000 });
    ctl.abort();
    expect(await codeOf(p)).toBe('ABORTED');
    const pre = new AbortController();
    pre.abort();
    expect(await codeOf(callModel(scriptedModel(['{"n": 1}']), req, { abortSignal: pre.signal }))).toBe('ABORTED');
  });

  it('wraps a backend error as PROVIDER_FAILED and rejects bad options', async () => {
    await expect(callModel(failingModel('boom'), req)).rejects.toMatchObject({ code: 'PROVIDER_FAILED', message: expect.stringMatching(/boom/) });
    expect(await codeOf(callModel(scriptedModel(['{}']), req, { maxRetries: -1 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(callModel(scriptedModel(['{}']), req, { timeoutMs: 0 }))).toBe('INVALID_ARGUMENT');
  });
});
