import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { ProviderFailedError } from './failure.js';
import { backoffDelayMs, resolvePolicy, withRetries } from './retry.js';

const busy = () => new ProviderFailedError('HTTP 503', { retryable: true, status: 503 });

describe('backoffDelayMs', () => {
  it('without an rng: initial · factor^k, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => backoffDelayMs(k))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect([0, 1, 2].map((k) => backoffDelayMs(k, { initialDelayMs: 10, factor: 3, maxDelayMs: 50 }))).toEqual([10, 30, 50]);
  });

  it('with an rng: equal jitter in [d/2, d), the same for the same seed', () => {
    const draw = (seed: number) => {
      const rng = Rng.stream(seed);
      return Array.from({ length: 200 }, (_, i) => backoffDelayMs(i % 6, { rng }));
    };
    const a = draw(42);
    expect(draw(42)).toEqual(a);
    expect(draw(43)).not.toEqual(a);
    a.forEach((d, i) => {
      const full = backoffDelayMs(i % 6);
      expect(d).toBeGreaterThanOrEqual(full / 2);
      expect(d).toBeLessThan(full);
    });
  });

  it('rejects nonsense policies', () => {
    for (const p of [{ maxRetries: -1 }, { maxRetries: 1.5 }, { maxRetries: 1000 }, { initialDelayMs: Number.NaN }, { factor: 0.5 }]) {
      expect(() => resolvePolicy(p)).toThrow(SemcomError);
    }
  });
});

describe('withRetries', () => {
  const quick = { initialDelayMs: 1, maxDelayMs: 2 };

  it('retries retryable failures up to maxRetries, then reports the count', async () => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw busy();
      },
      { what: 'test', policy: { ...quick, maxRetries: 3 } },
    ).then(
      () => null,
      (e: unknown) => e as SemcomError,
    ) as SemcomError;
    expect(calls).toBe(4);
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('gave up after 4 attempts');
  });

  it('returns the value, the attempt count and one duration per attempt', async () => {
    let calls = 0;
    const run = await withRetries(
      async () => {
        if (++calls < 3) throw new SemcomError('TIMEOUT', 'slow');
        return 'ok';
      },
      { what: 'test', policy: quick },
    );
    expect(run).toMatchObject({ value: 'ok', attempts: 3 });
    expect(run.attemptMs).toHaveLength(3);
    expect(run.totalMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['INVALID_ARGUMENT', new SemcomError('INVALID_ARGUMENT', 'x')],
    ['PROVIDER_UNAVAILABLE', new SemcomError('PROVIDER_UNAVAILABLE', 'x')],
    ['ABORTED', new SemcomError('ABORTED', 'x')],
    ['unmarked PROVIDER_FAILED', new ProviderFailedError('HTTP 400', { retryable: false, status: 400 })],
    ['MALFORMED_REPLY', new SemcomError('MALFORMED_REPLY', 'x')],
  ])('does not retry %s', async (_name, error) => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw error;
      },
      { what: 'test', policy: { ...quick, maxRetries: 5 } },
    ).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(err).toBe(error);
  });

  it('wraps a foreign error as non-retryable PROVIDER_FAILED', async () => {
    const err = await withRetries(
      async () => {
        throw new TypeError('boom');
      },
      { what: 'third-party', policy: quick },
    ).then(
      () => null,
      (e: unknown) => e as SemcomError,
    ) as SemcomError;
    expect(err).toBeInstanceOf(ProviderFailedError);
    expect(err.message).toBe('third-party failed: boom');
  });

  it('uses the backoff schedule between retries and Retry-After when given', async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetries(
      async () => {
        calls++;
        if (calls === 1) throw busy();
        if (calls === 2) throw new ProviderFailedError('429', { retryable: true, retryAfterMs: 3 });
        if (calls === 3) throw busy();
        return null;
      },
      { what: 'test', policy: { initialDelayMs: 2, factor: 2, maxDelayMs: 100, maxRetries: 5, onRetry: (i) => delays.push(i.delayMs) } },
    );
    // The exponent counts every backoff retry, Retry-After ones included: 2 (k=0), 3 (Retry-After), 8 (k=2).
    expect(delays).toEqual([2, 3, 8]);
  });

  it('an abort during the backoff sleep rejects with ABORTED without another attempt', async () => {
    const ac = new AbortController();
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw busy();
      },
      { what: 'test', abortSignal: ac.signal, policy: { initialDelayMs: 100_000, maxDelayMs: 100_000, onRetry: () => setTimeout(() => ac.abort(), 5) } },
    ).then(
      () => null,
      (e: unknown) => e as SemcomError,
    ) as SemcomError;
    expect(err.code).toBe('ABORTED');
    expect(calls).toBe(1);
  });
});
