import { describe, expect, it } from 'vitest';
import { ProviderFailedError } from '../../helpers/failure.js';
import { apiKeyFromEnv, networkCodes, parseRetryAfter, postJson } from './http.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['0', 0],
    ['7', 7000],
    [' 120 ', 120_000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
  ])('%j → %i ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([null, 'soon', '-5', '1.5'])('%j → undefined', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('networkCodes', () => {
  it('collects codes through causes and AggregateErrors', () => {
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    const err = new TypeError('fetch failed', { cause: new AggregateError([refused, reset], 'all failed') });
    expect(networkCodes(err)).toEqual(['ECONNREFUSED', 'ECONNRESET']);
    expect(networkCodes('text')).toEqual([]);
  });
});

describe('apiKeyFromEnv', () => {
  it('prefers SEMCOM_API_KEY, ignores blanks', () => {
    expect(apiKeyFromEnv({ SEMCOM_API_KEY: 'a', OPENAI_API_KEY: 'b' })).toBe('a');
    expect(apiKeyFromEnv({ SEMCOM_API_KEY: '  ', OPENAI_API_KEY: 'b' })).toBe('b');
    expect(apiKeyFromEnv({})).toBeUndefined();
  });
});

describe('postJson', () => {
  it('a request fetch refuses outright (a blocked port) is PROVIDER_FAILED, not retryable, with the reason', async () => {
    const err = await postJson({ baseURL: 'http://127.0.0.1:1/v1' }, '/chat/completions', {}, { timeoutMs: 5000, what: 'probe' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderFailedError);
    expect((err as ProviderFailedError).retryable).toBe(false);
    expect((err as ProviderFailedError).message).toContain('bad port');
  });
});
