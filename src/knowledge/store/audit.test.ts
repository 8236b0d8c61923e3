import { afterAll, describe, expect, it } from 'vitest';
import { auditKnowledgeBase } from './audit.js';
import { openTemp, smallGraph, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('audit', () => {
  it('flags facts older than the freshness bound and functional relations with two values', () => {
    let now = 1_000_000;
    const kb = openTemp(tmp.dir, 'audit.db', { clock: () => now });
    kb.apply(smallGraph());
    now = 5_000_000;
    kb.apply([
      { kind: 'triple', put: { head: 'rex', relation: 'lives_in', tail: 'london' } },
      { kind: 'triple', put: { head: 'cat', relation: 'lives_in', tail: 'london', scope: 'user:bob' } },
      { kind: 'triple', put: { head: 'cat', relation: 'lives_in', tail: 'paris', inferred: true, score: 0.3 } },
    ]);
    const r = auditKnowledgeBase(kb, { maxAgeMs: 3_000_000 });
    expect(r.staleCount).toBe(7);
    expect(r.stale.every((t) => t.assertedAt === 1_000_000)).toBe(true);
    expect(r.contradictions).toHaveLength(1);
    expect(r.contradictions[0]).toMatchObject({ head: 'rex', relation: 'lives_in', scope: 'common' });
    expect(r.contradictions[0]!.triples.map((t) => t.tail)).toEqual(['london', 'paris']);
    // Re-confirming the old facts makes them fresh.
    kb.apply(smallGraph().filter((c) => c.kind === 'triple'));
    expect(auditKnowledgeBase(kb, { maxAgeMs: 3_000_000 }).staleCount).toBe(0);
    expect(() => auditKnowledgeBase(kb, { maxAgeMs: -1 })).toThrow(/freshness bound/);
    kb.close();
  });
});
