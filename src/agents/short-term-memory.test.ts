import { describe, expect, it } from 'vitest';
import { cacheKey, createShortTermMemory } from './short-term-memory.js';

describe('short-term memory', () => {
  it('keeps the last N exchanges, oldest first, per role and task', () => {
    const m = createShortTermMemory({ capacity: 2 });
    for (let i = 0; i < 5; i++) m.remember({ role: 'understanding', task: 'text', input: `in${i}`, output: `out${i}` });
    m.remember({ role: 'generating', task: 'text', input: 'g', output: 'G' });
    expect(m.recent({ role: 'understanding' }).map((e) => e.input)).toEqual(['in3', 'in4']);
    expect(m.recent({ role: 'generating' }).map((e) => e.input)).toEqual(['g']);
    expect(m.recent().map((e) => e.input)).toEqual(['in4', 'g']);
  });

  it('caches results, counts hits and misses, and evicts the least recently used', () => {
    const m = createShortTermMemory({ cacheSize: 2 });
    m.store('a', 1);
    m.store('b', 2);
    expect(m.lookup('a')).toBe(1); // a is now the most recent
    m.store('c', 3); // evicts b
    expect(m.lookup('b')).toBeUndefined();
    expect(m.lookup('c')).toBe(3);
    expect(m.stats()).toEqual({ hits: 2, misses: 1, size: 2 });
    m.clear();
    expect(m.stats()).toEqual({ hits: 0, misses: 0, size: 0 });
  });

  it('hashes key parts with separators, so different splits differ', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['x'])).toBe(cacheKey(['x']));
    expect(cacheKey(['x'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects negative sizes', () => {
    expect(() => createShortTermMemory({ capacity: -1 })).toThrow(/capacity/);
  });
});
