import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureOutput } from './test-support.js';

const io = captureOutput();

const dir = mkdtempSync(join(tmpdir(), 'semcom-kb-cli-'));
function file(name: string, lines: readonly unknown[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.map((l) => JSON.stringify(l)).join('\n'));
  return p;
}
const put = (kind: string, record: unknown) => ({ kind, put: record });
const GRAPH = file('graph.jsonl', [
  ...['dog', 'canine', 'animal', 'cat', 'rex', 'paris', 'london'].map((id) => put('entity', { id, label: id, kind: 'concept' })),
  put('relation', { id: 'hypernym', label: 'is a kind of' }),
  put('relation', { id: 'lives_in', label: 'lives in', functional: true }),
  put('triple', { head: 'dog', relation: 'hypernym', tail: 'canine' }),
  put('triple', { head: 'canine', relation: 'hypernym', tail: 'animal' }),
  put('triple', { head: 'cat', relation: 'hypernym', tail: 'animal' }),
  put('triple', { head: 'rex', relation: 'lives_in', tail: 'paris' }),
]);
const UPDATE = file('update.jsonl', [put('triple', { head: 'rex', relation: 'lives_in', tail: 'london' }), { kind: 'triple', delete: 'common|cat|hypernym|animal' }]);

async function run(...args: string[]): Promise<number> {
  io.reset();
  return main(['kb', ...args]);
}

describe('semcom kb', () => {
  it('imports, versions, diffs, audits, reverts, syncs, matches and queries', async () => {
    const db = join(dir, 'tx.db');
    expect(await run('import', GRAPH, '--db', db)).toBe(0);
    expect(io.out()).toMatch(/^13 changes applied/);
    expect(await run('version', 'create', 'v1', '--db', db, '--note', 'first')).toBe(0);
    copyFileSync(db, join(dir, 'rx.db'));
    expect(await run('import', UPDATE, '--db', db)).toBe(0);
    expect(await run('diff', 'v1', '--db', db)).toBe(0);
    expect(io.out().trim().split('\n')).toEqual(['2 records differ', '- triple common|cat|hypernym|animal', '+ triple common|rex|lives_in|london']);
    expect(await run('audit', '--db', db, '--json')).toBe(0);
    expect(JSON.parse(io.out()).contradictions).toHaveLength(1);
    expect(await run('path', 'dog', 'cat', '--db', db)).toBe(1);
    expect(await run('neighbours', 'dog', '--db', db, '--json')).toBe(0);
    expect(JSON.parse(io.out()).map((n: { id: string }) => n.id)).toEqual(['canine', 'animal']);
    expect(await run('match', db, join(dir, 'rx.db'), '--json')).toBe(0);
    expect(JSON.parse(io.out()).degree).toBeCloseTo(12 / 14, 12);
    expect(await run('sync', '--from', db, '--to', join(dir, 'rx.db'), '--since', 'v1', '--json')).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ mode: 'since-version', changes: 2, bytesUp: 2 });
    expect(await run('match', db, join(dir, 'rx.db'))).toBe(0);
    expect(io.out()).toMatch(/^matching degree 1\.0000/);
    expect(await run('revert', 'v1', '--db', db)).toBe(0);
    expect(await run('path', 'dog', 'cat', '--db', db)).toBe(0);
    expect(io.out().trim().split('\n')).toEqual(['dog —hypernym→ canine', 'canine —hypernym→ animal', 'animal —hypernym⁻¹→ cat']);
    expect(await run('check', '--db', db)).toBe(0);
    expect(await run('version', 'list', '--db', db, '--json')).toBe(0);
    expect(JSON.parse(io.out()).map((v: { name: string }) => v.name)).toEqual(['v1']);
  });

  it('builds a WordNet knowledge base (one lexicographer file) and two builds match exactly', async () => {
    const a = join(dir, 'wn-a.db');
    const b = join(dir, 'wn-b.db');
    for (const db of [a, b]) {
      expect(await run('build', 'wordnet', '--db', db, '--lexnames', 'verb.weather', '--sentences', '--json')).toBe(0);
    }
    const built = JSON.parse(io.out());
    expect(built).toMatchObject({ version: 'wordnet-3.1', relations: expect.any(Number) });
    expect(built.entities).toBeGreaterThan(50);
    expect(built.triples).toBeGreaterThan(50);
    expect(built.items).toBeGreaterThan(10);
    expect(await run('match', a, b)).toBe(0);
    expect(io.out()).toMatch(/^matching degree 1\.0000/);
    expect(await run('check', '--db', a)).toBe(0);
    // The rain synset (WordNet 3.1 offset 02762516, "rain, rain down") reaches precipitate through hypernymy.
    expect(await run('neighbours', 'wn:02762516-v', '--db', a, '--relations', 'hypernym', '--directed', '--json')).toBe(0);
    expect(JSON.parse(io.out()).map((n: { label: string }) => n.label)).toContain('precipitate');
    expect(await run('build', 'wordnet', '--db', a, '--lexnames', 'verb.weather')).toBe(2);
    expect(io.err()).toMatch(/already has a version named wordnet-3.1/);
    expect(await run('build', 'freebase', '--db', a)).toBe(2);
    const text = join(dir, 'facts.txt');
    writeFileSync(text, 'Paris is the capital of France. It rains.');
    expect(await run('extract', text, '--db', a, '--scope', 'user:alice', '--json')).toBe(0);
    expect(JSON.parse(io.out()).triples).toEqual([['text:paris', 'capital_of', 'text:france']]);
  });

  it('carries a delta across machines in a file, and refuses one for another base or altered', async () => {
    const tx = join(dir, 'delta-tx.db');
    const rx = join(dir, 'delta-rx.db');
    expect(await run('import', GRAPH, '--db', tx)).toBe(0);
    expect(await run('version', 'create', 'v1', '--db', tx)).toBe(0);
    copyFileSync(tx, rx);
    expect(await run('import', UPDATE, '--db', tx)).toBe(0);
    const file = join(dir, 'v1.delta');
    expect(await run('delta', 'export', '--since', 'v1', '--db', tx, '--out', file, '--json')).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ changes: 2 });
    // Altered in transit: one byte flipped.
    const bytes = readFileSync(file);
    const altered = join(dir, 'altered.delta');
    writeFileSync(altered, Buffer.concat([bytes.subarray(0, 10), Buffer.from([bytes[10]! ^ 0xff]), bytes.subarray(11)]));
    expect(await run('stats', '--db', rx, '--json')).toBe(0);
    const before = JSON.parse(io.out()).head;
    expect(await run('delta', 'apply', altered, '--db', rx)).toBe(2);
    expect(io.err()).toMatch(/knowledge delta (is not brotli-compressed JSON|is malformed|does not match its digest)/);
    expect(await run('delta', 'apply', file, '--db', rx)).toBe(0);
    expect(await run('match', tx, rx)).toBe(0);
    expect(io.out()).toMatch(/^matching degree 1\.0000/);
    // Applied twice: the receiver is no longer at the base.
    expect(await run('stats', '--db', rx, '--json')).toBe(0);
    const after = JSON.parse(io.out()).head;
    expect(after).not.toEqual(before);
    expect(await run('delta', 'apply', file, '--db', rx)).toBe(2);
    expect(io.err()).toMatch(/is not at the delta's base version v1/);
    expect(await run('stats', '--db', rx, '--json')).toBe(0);
    expect(JSON.parse(io.out()).head).toEqual(after);
  });

  it('refuses bad input with one line and leaves the store unchanged', async () => {
    const db = join(dir, 'bad.db');
    expect(await run('import', GRAPH, '--db', db)).toBe(0);
    expect(await run('stats', '--db', db, '--json')).toBe(0);
    const before = JSON.parse(io.out()).head;
    const bad = file('bad.jsonl', [put('triple', { head: 'dog', relation: 'hypernym', tail: 'wolf' })]);
    expect(await run('import', bad, '--db', db)).toBe(2);
    expect(io.err()).toMatch(/change on line 1: triple \(dog, hypernym, wolf\) names unknown tail entity wolf; add the entity first; nothing was imported/);
    const notJson = join(dir, 'nojson.jsonl');
    writeFileSync(notJson, '{"kind":"entity"}\n{oops');
    expect(await run('import', notJson, '--db', db)).toBe(2);
    expect(io.err()).toMatch(/line 2 is not JSON/);
    expect(await run('stats', '--db', db, '--json')).toBe(0);
    expect(JSON.parse(io.out()).head).toEqual(before);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'x'.repeat(5000));
    expect(await run('stats', '--db', junk)).toBe(2);
    expect(io.err()).toMatch(/is not a semcom knowledge base/);
    expect(await run('stats', '--db', join(dir, 'none.db'))).toBe(2);
    expect(io.err()).toMatch(/does not exist; build one first/);
    expect(await run('diff', 'v9', '--db', db)).toBe(2);
    expect(io.err()).toMatch(/no version named "v9"/);
    expect(await run('frobnicate')).toBe(2);
    expect(await run('diff', '--help')).toBe(0);
    expect(io.out()).toMatch(/^Usage: semcom kb diff FROM \[TO\]/);
  });
});
