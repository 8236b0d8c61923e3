import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryKnowledgeStore } from '../../agents/knowledge-store.js';
import { knowledgeBaseMemory } from './agent-memory.js';
import { listVersions } from './versions.js';
import { openTemp, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const facts = [
  { id: 'f1', text: 'The cat sat on the mat.' },
  { id: 'f2', text: 'A dog chased the cat across the garden.' },
  { id: 'f3', text: 'Paris is the capital of France.', metadata: { topic: 'geography' } },
  { id: 'f4', text: 'Cats and dogs are common pets.' },
];

describe('knowledgeBaseMemory', () => {
  it('ranks like the in-memory store and logs what it is given', async () => {
    const kb = openTemp(tmp.dir, 'mem.db');
    const db = knowledgeBaseMemory(kb);
    const mem = createMemoryKnowledgeStore();
    for (const f of facts) {
      await db.put(f);
      await mem.put(f);
    }
    for (const q of ['the cat', 'capital of France', 'dogs and cats', 'nothing relevant here']) {
      expect(await db.search(q, { limit: 3 })).toEqual(await mem.search(q, { limit: 3 }));
    }
    expect(await db.get('f3')).toEqual(facts[2]);
    expect(await db.size()).toBe(4);
    expect(kb.counts().logEntries).toBe(4);
    expect(listVersions(kb)).toEqual([]);
    kb.close();
  });

  it('keeps personal memory apart from common knowledge', async () => {
    const kb = openTemp(tmp.dir, 'scoped.db');
    const alice = knowledgeBaseMemory(kb, { scope: 'user:alice' });
    const common = knowledgeBaseMemory(kb);
    await alice.put({ id: 'a1', text: 'Alice prefers tea.' });
    await common.put({ id: 'c1', text: 'Tea is a drink.' });
    expect((await alice.search('tea')).map((h) => h.item.id)).toEqual(['a1']);
    expect((await common.search('tea')).map((h) => h.item.id)).toEqual(['c1']);
    expect(await common.get('a1')).toBeUndefined();
    await expect(alice.search('tea', { limit: 0 })).rejects.toThrow(/limit/);
    kb.close();
  });
});
