/**
 * Contract tests for failures: every one ends as a SemcomError with a stable
 * code, in bounded time. Durations are only checked against a loose bound
 * that a hang (the 60 s default deadline) would break.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SemcomError } from '../../../core/errors.js';
import { ProviderFailedError } from '../../helpers/failure.js';
import { generateText, type GenerateTextOptions } from '../../helpers/generate-text.js';
import { createOpenAICompatibleTextModel } from './chat.js';
import { chatReply, closedPortURL, sendJson, startFakeServer, type FakeServer } from './test-support.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const messages = [{ role: 'user' as const, content: 'hello' }];
const fast = { initialDelayMs: 1, maxDelayMs: 5 };

async function failure(options: Partial<GenerateTextOptions> = {}, baseURL = server.baseURL): Promise<SemcomError> {
  const model = createOpenAICompatibleTextModel({ baseURL, model: 'm' });
  const err = await generateText(model, { messages, retry: fast, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SemcomError);
  return err as SemcomError;
}

describe('openai-compatible: timeouts', () => {
  it('a server that never answers gives TIMEOUT within the deadline plus slack', async () => {
    server.handle(() => undefined);
    const t0 = performance.now();
    const err = await failure({ timeoutMs: 300, maxRetries: 0 });
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toContain('300 ms');
    expect(performance.now() - t0).toBeLessThan(30_000);
  });

  it('retries a timeout with a fresh deadline and says how many attempts it made', async () => {
    server.handle(() => undefined);
    const err = await failure({ timeoutMs: 200, maxRetries: 1 });
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toContain('after 2 attempts');
    expect(server.requests).toHaveLength(2);
  });
});

describe('openai-compatible: HTTP errors', () => {
  it('429 then success: retried, the wait taken from Retry-After', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? sendJson(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '0' }) : sendJson(res, 200, chatReply('ok'))));
    const delays: number[] = [];
    const model = createOpenAICompatibleTextModel({ baseURL: server.baseURL, model: 'm' });
    const out = await generateText(model, { messages, retry: { initialDelayMs: 60_000, onRetry: (i) => delays.push(i.delayMs) } });
    expect(out.text).toBe('ok');
    expect(out.attempts).toBe(2);
    // Retry-After: 0 replaced the 60 s backoff.
    expect(delays).toEqual([0]);
  });

  it('caps a long Retry-After at maxRetryAfterMs and carries it on the error', async () => {
    server.handle((_req, res) => sendJson(res, 429, { error: { message: 'quota' } }, { 'retry-after': '3600' }));
    const delays: number[] = [];
    const err = await failure({ maxRetries: 1, retry: { maxRetryAfterMs: 20, onRetry: (i) => delays.push(i.delayMs) } });
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(delays).toEqual([20]);
    expect((err as ProviderFailedError).retryAfterMs).toBe(3_600_000);
    expect((err as ProviderFailedError).status).toBe(429);
    expect(err.message).toContain('quota');
  });

  it('500 on every attempt gives PROVIDER_FAILED after maxRetries', async () => {
    server.handle((_req, res) => sendJson(res, 500, { error: { message: 'CUDA out of memory' } }));
    const err = await failure({ maxRetries: 2 });
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('HTTP 500');
    expect(err.message).toContain('CUDA out of memory');
    expect(err.message).toContain('after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('a 4xx is not retried; 404 says to check the URL and pull the model', async () => {
    server.handle((_req, res) => sendJson(res, 404, { error: "model 'm' not found" }));
    const err = await failure({ maxRetries: 3 });
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain("model 'm' not found");
    expect(err.message).toContain('ollama pull');
    expect(server.requests).toHaveLength(1);
  });

  it('401 says which variable holds the API key', async () => {
    server.handle((_req, res) => sendJson(res, 401, { error: { message: 'bad key' } }));
    const err = await failure();
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('SEMCOM_API_KEY');
  });
});

describe('openai-compatible: malformed replies', () => {
  it('a body that is not JSON gives MALFORMED_REPLY quoting it, not retried', async () => {
    server.handle((_req, res) => sendJson(res, 200, '<html>proxy error</html>'));
    const err = await failure({ maxRetries: 2 });
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('<html>proxy error</html>');
    expect(server.requests).toHaveLength(1);
  });

  it('JSON of the wrong shape gives MALFORMED_REPLY naming the field', async () => {
    server.handle((_req, res) => sendJson(res, 200, { choices: [] }));
    expect((await failure()).message).toMatch(/at choices: .*/);
    server.handle((_req, res) => sendJson(res, 200, { choices: [{ message: { content: 42 } }] }));
    const err = await failure();
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('at choices.0.message.content');
  });

  it('a null content gives MALFORMED_REPLY', async () => {
    server.handle((_req, res) => sendJson(res, 200, { choices: [{ message: { content: null }, finish_reason: 'tool_calls' }] }));
    expect((await failure()).code).toBe('MALFORMED_REPLY');
  });
});

describe('openai-compatible: the server goes away', () => {
  it('a closed port gives PROVIDER_UNAVAILABLE naming the URL and `ollama serve`, without retrying', async () => {
    const url = await closedPortURL();
    const delays: number[] = [];
    const err = await failure({ maxRetries: 3, retry: { onRetry: (i) => delays.push(i.delayMs) } }, url);
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toContain(`${url}/chat/completions`);
    expect(err.message).toContain('ollama serve');
    expect(delays).toEqual([]);
  });

  it('a connection dropped before the reply gives retryable PROVIDER_FAILED', async () => {
    server.handle((_req, _res, raw) => {
      raw.socket.destroy();
    });
    const err = await failure({ maxRetries: 1 });
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('broke');
    expect(server.requests).toHaveLength(2);
  });

  it('a socket destroyed mid-reply gives PROVIDER_FAILED while reading the reply', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"choices":[{"message":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const err = await failure({ maxRetries: 0 });
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('reading the reply');
    expect((err as ProviderFailedError).retryable).toBe(true);
  });
});

describe('openai-compatible: abort', () => {
  it('an AbortSignal ends a pending request with ABORTED', async () => {
    server.handle(() => undefined);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const err = await failure({ abortSignal: ac.signal, timeoutMs: 20_000 });
    expect(err.code).toBe('ABORTED');
  });

  it('an already aborted signal sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await failure({ abortSignal: ac.signal })).code).toBe('ABORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('an abort during a backoff sleep ends it at once', async () => {
    server.handle((_req, res) => sendJson(res, 503, { error: 'loading model' }));
    const ac = new AbortController();
    const err = await failure({ abortSignal: ac.signal, maxRetries: 5, retry: { initialDelayMs: 50_000, maxDelayMs: 50_000, onRetry: () => setTimeout(() => ac.abort(), 10) } });
    expect(err.code).toBe('ABORTED');
    expect(server.requests).toHaveLength(1);
  });
});
