import { afterAll, describe, expect, it } from 'vitest';
import { createVersion, diffVersions, listVersions, revertTo } from './versions.js';
import { openTemp, smallGraph, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('versions', () => {
  it('names log positions, diffs any two and reverts by appending changes', () => {
    const kb = openTemp(tmp.dir, 'v.db');
    kb.apply(smallGraph());
    const v1 = createVersion(kb, 'v1', 'initial taxonomy');
    expect(v1).toMatchObject({ name: 'v1', seq: 21, hash: kb.head().hash });
    // An update: rex moves to london, the cat taxonomy is dropped, a sentence changes.
    kb.apply([
      { kind: 'triple', delete: 'common|rex|lives_in|paris' },
      { kind: 'triple', put: { head: 'rex', relation: 'lives_in', tail: 'london' } },
      { kind: 'triple', delete: 'common|cat|hypernym|feline' },
      { kind: 'item', put: { id: 's1', text: 'The dog chased the cat.' } },
    ]);
    kb.apply([{ kind: 'entity', delete: 'cat' }]);
    const v2 = createVersion(kb, 'v2');
    const d = diffVersions(kb, 'v1', 'v2');
    expect(d.map((e) => `${e.kind} ${e.key} ${e.before ? 'had' : '-'} ${e.after ? 'has' : '-'}`)).toEqual([
      'entity cat had -',
      'item s1 had has',
      'triple common|cat|hypernym|feline had -',
      'triple common|rex|lives_in|london - has',
      'triple common|rex|lives_in|paris had -',
    ]);
    // The reverse diff swaps before and after.
    expect(diffVersions(kb, 'v2', 'v1').map((e) => [e.key, e.before, e.after])).toEqual(d.map((e) => [e.key, e.after, e.before]));
    expect(diffVersions(kb, 'v2', 'head')).toEqual([]);
    const logBefore = kb.counts().logEntries;
    const r = revertTo(kb, 'v1');
    expect(r.changed).toBe(5);
    expect(kb.head().hash).toBe(v1.hash);
    expect(kb.counts().logEntries).toBe(logBefore + 5);
    expect(kb.triples({ head: 'rex', relation: 'lives_in' }).map((t) => t.tail)).toEqual(['paris']);
    // History is kept: v2 is still reachable.
    revertTo(kb, 'v2');
    expect(kb.head().hash).toBe(v2.hash);
    expect(listVersions(kb).map((v) => v.name)).toEqual(['v1', 'v2']);
    expect(kb.verify()).toEqual([]);
    kb.close();
  });

  it('rejects bad names and unknown versions with the names it has', () => {
    const kb = openTemp(tmp.dir, 'names.db');
    kb.apply(smallGraph());
    createVersion(kb, 'release-1');
    expect(() => createVersion(kb, 'release-1')).toThrow(/already exists/);
    expect(() => createVersion(kb, 'head')).toThrow(/version name/);
    expect(() => createVersion(kb, 'a b')).toThrow(/version name/);
    expect(() => diffVersions(kb, 'release-2', 'head')).toThrow(/no version named "release-2".*release-1/);
    expect(() => diffVersions(kb, 999, 'head')).toThrow(/outside 0\.\.21/);
    kb.close();
  });

  it('keeps the log append-only', () => {
    const kb = openTemp(tmp.dir, 'append.db');
    kb.apply(smallGraph());
    expect(() => kb.db.prepare('DELETE FROM log WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => kb.db.prepare("UPDATE log SET author = 'mallory'").run()).toThrow(/append-only/);
    kb.close();
  });
});
