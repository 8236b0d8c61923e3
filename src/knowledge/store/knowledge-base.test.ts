import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from './knowledge-base.js';
import { openTemp, smallGraph, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('KnowledgeBase', () => {
  it('stores records with provenance and timestamps, and reads them back', () => {
    const kb = openTemp(tmp.dir, 'basic.db');
    const r = kb.apply(smallGraph());
    expect(r.applied).toBe(smallGraph().length);
    expect(kb.counts()).toMatchObject({ entities: 9, relations: 3, triples: 7, items: 2, logEntries: 21 });
    const t = kb.triples({ head: 'rex', relation: 'lives_in' });
    expect(t).toEqual([{ head: 'rex', relation: 'lives_in', tail: 'paris', source: 'test', assertedAt: 1_700_000_000_000 }]);
    expect(kb.entity('dog')).toEqual({ id: 'dog', label: 'dog', kind: 'concept' });
    expect(kb.verify()).toEqual([]);
    kb.close();
  });

  it('does not log a put of an identical record, and the state hash depends on content only', () => {
    // A fixed clock: triples are stamped with the time of their batch, and the stamp is content.
    const a = openTemp(tmp.dir, 'hash-a.db', { clock: () => 5 });
    const b = openTemp(tmp.dir, 'hash-b.db', { clock: () => 5 });
    const changes = smallGraph();
    a.apply(changes);
    // Same records in another order, in two batches: same state hash.
    const reversed = [...changes.slice(0, 12)].reverse();
    b.apply(reversed);
    b.apply(changes.slice(12));
    expect(b.head().hash).toBe(a.head().hash);
    const again = a.apply(changes);
    expect(again.applied).toBe(0);
    expect(a.counts().logEntries).toBe(changes.length);
    // The same fact stamped at another time is another record.
    const c = openTemp(tmp.dir, 'hash-c.db', { clock: () => 6 });
    c.apply(changes);
    expect(c.head().hash).not.toBe(a.head().hash);
    c.close();
    a.close();
    b.close();
  });

  it('rejects a triple naming an unknown entity or relation, and leaves the store unchanged', () => {
    const kb = openTemp(tmp.dir, 'refs.db');
    kb.apply(smallGraph());
    const before = kb.head();
    const batch = [
      { kind: 'entity' as const, put: { id: 'wolf', label: 'wolf', kind: 'concept' } },
      { kind: 'triple' as const, put: { head: 'wolf', relation: 'hypernym', tail: 'nowhere' } },
    ];
    expect(() => kb.apply(batch)).toThrow(/unknown tail entity nowhere/);
    expect(() => kb.apply([{ kind: 'triple', put: { head: 'dog', relation: 'eats', tail: 'cat' } }])).toThrow(/unknown relation eats/);
    expect(kb.head()).toEqual(before);
    expect(kb.entity('wolf')).toBeUndefined();
    expect(() => kb.apply([{ kind: 'entity', delete: 'dog' }])).toThrow(/still used by triple/);
    expect(() => kb.apply([{ kind: 'triple', put: { head: 'dog', relation: 'hypernym', tail: 'cat', colour: 'red' } }])).toThrow(/no field 'colour'/);
    expect(() => kb.apply([{ kind: 'item', put: { id: 'x', text: '' } }])).toThrow(/non-empty string/);
    expect(() => kb.apply([{ kind: 'triple', put: { head: 'dog', relation: 'hypernym', tail: 'cat', scope: 'everyone' } }])).toThrow(/scope/);
    expect(kb.head()).toEqual(before);
    expect(kb.verify()).toEqual([]);
    kb.close();
  });

  it('keeps common and personal knowledge apart by scope', () => {
    const kb = openTemp(tmp.dir, 'scope.db');
    kb.apply(smallGraph());
    kb.apply([{ kind: 'triple', put: { head: 'rex', relation: 'lives_in', tail: 'london', scope: 'user:alice' } }]);
    expect(kb.triples({ head: 'rex', relation: 'lives_in', scope: 'common' }).map((t) => t.tail)).toEqual(['paris']);
    expect(kb.triples({ head: 'rex', relation: 'lives_in', scope: 'user:alice' }).map((t) => t.tail)).toEqual(['london']);
    expect(kb.triples({ head: 'rex', relation: 'lives_in' })).toHaveLength(2);
    kb.close();
  });

  it('keeps inferred triples apart from asserted facts', () => {
    const kb = openTemp(tmp.dir, 'inferred.db');
    kb.apply(smallGraph());
    kb.apply([{ kind: 'triple', put: { head: 'cat', relation: 'lives_in', tail: 'paris', inferred: true, score: 0.71, source: 'kge:transe' } }]);
    expect(kb.triples({ head: 'cat' }).map((t) => t.tail)).toEqual(['feline']);
    expect(kb.triples({ head: 'cat', onlyInferred: true })).toMatchObject([{ tail: 'paris', inferred: true, score: 0.71 }]);
    expect(kb.counts()).toMatchObject({ triples: 7, inferred: 1 });
    kb.close();
  });

  it('refuses a file that is not a knowledge base, and does not write into it', () => {
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just some text that is long enough to look like a file header'.repeat(20));
    expect(() => KnowledgeBase.open(junk)).toThrow(/is not a semcom knowledge base/);
    const foreign = join(tmp.dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE people (name TEXT)');
    db.close();
    expect(() => KnowledgeBase.open(foreign)).toThrow(/application_id is 0/);
    const check = new Database(foreign, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['people']);
    check.close();
    expect(() => KnowledgeBase.open(join(tmp.dir, 'missing.db'), { readonly: true })).toThrow(/does not exist; build one first/);
  });

  it('refuses writes through a read-only handle', () => {
    const path = join(tmp.dir, 'ro.db');
    KnowledgeBase.open(path).close();
    const kb = KnowledgeBase.open(path, { readonly: true });
    expect(() => kb.apply(smallGraph())).toThrow(/read-only/);
    kb.close();
  });

  it('detects a damaged store: a projection that disagrees with the records', () => {
    const path = join(tmp.dir, 'tampered.db');
    const kb = KnowledgeBase.open(path);
    kb.apply(smallGraph());
    kb.db.prepare("DELETE FROM triples WHERE head = 'rex'").run();
    expect(kb.verify().join('\n')).toMatch(/7 triple records but 5 rows in triples/);
    kb.close();
  });
});
