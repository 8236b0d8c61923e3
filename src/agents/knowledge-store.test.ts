import { describe, expect, it } from 'vitest';
import { createMemoryKnowledgeStore, tokenOverlap, tokenSet } from './knowledge-store.js';
import { letterEmbeddingModel } from './test-support.js';

describe('in-memory knowledge store', () => {
  it('ranks by token overlap, stably, and drops items with no common token', async () => {
    const s = createMemoryKnowledgeStore();
    await s.put({ id: 'b', text: 'the red car is fast' });
    await s.put({ id: 'a', text: 'a red car' });
    await s.put({ id: 'c', text: 'blue sky' });
    const hits = await s.search('Red CAR!');
    expect(hits.map((h) => h.item.id)).toEqual(['a', 'b']);
    expect(hits[0].score).toBeCloseTo(2 / Math.sqrt(2 * 3), 12);
    expect(await s.search('red car', { limit: 1 })).toHaveLength(1);
  });

  it('replaces an item with the same id and returns it by id', async () => {
    const s = createMemoryKnowledgeStore();
    await s.put({ id: 'x', text: 'old', metadata: { src: 'a' } });
    await s.put({ id: 'x', text: 'new' });
    expect(await s.size()).toBe(1);
    expect(await s.get('x')).toEqual({ id: 'x', text: 'new' });
    expect(await s.get('y')).toBeUndefined();
  });

  it('ranks by embedding cosine with an embedding model', async () => {
    const model = letterEmbeddingModel();
    const s = createMemoryKnowledgeStore({ embedding: model });
    await s.put({ id: 'abc', text: 'aabbcc' });
    await s.put({ id: 'xyz', text: 'xyz' });
    const hits = await s.search('abc');
    expect(hits.map((h) => h.item.id)).toEqual(['abc', 'xyz']);
    expect(hits[0].score).toBeCloseTo(1, 6);
    expect(hits[1].score).toBe(0);
    expect(model.calls).toBe(3);
  });

  it('rejects malformed items and limits', async () => {
    const s = createMemoryKnowledgeStore();
    await expect(s.put({ id: '', text: 'x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(s.put({ id: 'a', text: 'x', metadata: { n: 1 as unknown as string } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(s.search('x', { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('token overlap is the cosine of binary bags', () => {
    expect(tokenOverlap(tokenSet('a b c d'), tokenSet('c d e f'))).toBeCloseTo(0.5, 12);
    expect(tokenOverlap(tokenSet(''), tokenSet('a'))).toBe(0);
  });
});
