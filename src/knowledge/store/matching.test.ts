import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from './knowledge-base.js';
import { matchingDegree } from './matching.js';
import { openTemp, smallGraph, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('knowledge-matching degree', () => {
  it('is the (weighted) Jaccard index of the two record sets, counting a stale record on both sides', () => {
    const a = openTemp(tmp.dir, 'a.db');
    a.apply(smallGraph());
    a.close();
    copyFileSync(join(tmp.dir, 'a.db'), join(tmp.dir, 'b.db'));
    const A = KnowledgeBase.open(join(tmp.dir, 'a.db'));
    const B = openTemp(tmp.dir, 'b.db', { clock: () => 9e12 });
    expect(matchingDegree(A, B).degree).toBe(1);
    // 21 records each. B loses one item and holds the other item stale: shared 19, only A 2, only B 1.
    B.apply([{ kind: 'item', delete: 's2' }, { kind: 'item', put: { id: 's1', text: 'An older sentence.' } }]);
    const m = matchingDegree(A, B);
    expect(m).toMatchObject({ shared: 19, onlyA: 2, onlyB: 1, staleKeys: 1 });
    expect(m.degree).toBeCloseTo(19 / 22, 12);
    // Only the items: 0 shared of 3 elements.
    expect(matchingDegree(A, B, { kinds: ['item'] }).degree).toBe(0);
    // Weights: items weigh 10 each, the rest 1 → (19) / (19 + 20 + 10).
    const w = matchingDegree(A, B, { weight: (kind) => (kind === 'item' ? 10 : 1) });
    expect(w.degree).toBeCloseTo(19 / 49, 12);
    // Re-asserting a fact later (new timestamp) does not change what B knows.
    B.apply([{ kind: 'triple', put: { head: 'dog', relation: 'hypernym', tail: 'canine', source: 'test' } }]);
    expect(matchingDegree(A, B).degree).toBeCloseTo(19 / 22, 12);
    expect(() => matchingDegree(A, B, { weight: () => -1 })).toThrow(/finite number ≥ 0/);
    A.close();
    B.close();
  });
});
