import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { attemptSignal, raceWithDeadline, sleep } from './cancel.js';

const never = () => new Promise<never>(() => undefined);

describe('raceWithDeadline', () => {
  it('passes through a value or a rejection that comes first', async () => {
    await expect(raceWithDeadline(Promise.resolve(7), { timeoutMs: 1000, what: 'x' })).resolves.toBe(7);
    const boom = new Error('boom');
    await expect(raceWithDeadline(Promise.reject(boom), { timeoutMs: 1000, what: 'x' })).rejects.toBe(boom);
  });

  it('gives TIMEOUT for work that never settles', async () => {
    await expect(raceWithDeadline(never(), { timeoutMs: 20, what: 'the model' })).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('the model') });
  });

  it('gives ABORTED on abort, and at once for an aborted signal', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 10);
    await expect(raceWithDeadline(never(), { abortSignal: ac.signal, what: 'x' })).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(raceWithDeadline(never(), { abortSignal: ac.signal, what: 'x' })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('swallows the late rejection of abandoned work', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 30));
      await expect(raceWithDeadline(late, { timeoutMs: 5, what: 'x' })).rejects.toBeInstanceOf(SemcomError);
      await new Promise((r) => setTimeout(r, 60));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('sleep', () => {
  it('rejects with ABORTED when aborted mid-sleep', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 5);
    await expect(sleep(100_000, ac.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('attemptSignal', () => {
  it('tells the caller abort from the deadline', async () => {
    const ac = new AbortController();
    const a = attemptSignal(ac.signal, 10_000);
    expect(a.reason()).toBeNull();
    ac.abort();
    expect(a.signal.aborted).toBe(true);
    expect(a.reason()).toBe('aborted');
    const t = attemptSignal(undefined, 5);
    await new Promise((r) => t.signal.addEventListener('abort', r, { once: true }));
    expect(t.reason()).toBe('timeout');
  });
});
