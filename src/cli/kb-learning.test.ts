/**
 * `semcom kb train | eval | complete | similar` on a store holding the
 * WordNet benchmark's entities (the full build takes a minute; the benchmark
 * needs only its entities), with the CI preset.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWordnetBenchmark } from '../knowledge/benchmark/wordnet-benchmark.js';
import { KnowledgeBase } from '../knowledge/store/index.js';
import { main } from './main.js';
import { captureOutput } from './test-support.js';

const io = captureOutput();

const db = join(mkdtempSync(join(tmpdir(), 'semcom-kb-learn-')), 'wn.db');
beforeAll(() => {
  const b = buildWordnetBenchmark();
  const kb = KnowledgeBase.open(db);
  kb.apply([
    ...b.entities.map((id) => ({ kind: 'entity' as const, put: { id, label: id === 'wn:02086723-n' ? 'dog' : id, kind: 'synset' } })),
    { kind: 'relation', put: { id: 'hypernym', label: 'hypernym' } },
  ]);
  kb.close();
});

describe('semcom kb train / eval / complete / similar', () => {
  it('trains TransE (CI preset), keeps it in the store, and prints the eval JSON contract', { timeout: 60_000 }, async () => {
    expect(await main(['kb', 'train', '--model', 'transe', '--preset', 'ci', '--db', db, '--val-limit', '100', '--quiet', '--json'])).toBe(0);
    const trained = JSON.parse(io.out());
    expect(trained).toMatchObject({ model: 'transe', preset: 'ci', benchmark: { relations: 11 } });
    io.reset();
    expect(await main(['kb', 'eval', '--db', db, '--limit', '200', '--json'])).toBe(0);
    const r = JSON.parse(io.out());
    expect(Object.keys(r).slice(0, 7)).toEqual(['model', 'mrr', 'hits1', 'hits3', 'hits10', 'split', 'filtered']);
    expect(r).toMatchObject({ model: 'transe', split: 'test', filtered: true, count: 200 });
    // Random embeddings rank the true entity near the middle of ~38,000: MRR ≈ 0.0003.
    expect(r.mrr).toBeGreaterThan(0.05);
    expect(r.hits1).toBeLessThanOrEqual(r.hits3);
    expect(r.hits3).toBeLessThanOrEqual(r.hits10);

    io.reset();
    expect(await main(['kb', 'complete', '--db', db, '--relation', 'hypernym', '--head', 'wn:02086723-n', '--k', '3', '--add', '--json'])).toBe(0);
    const c = JSON.parse(io.out());
    expect(c.triples).toHaveLength(3);
    for (const t of c.triples) expect(t).toMatchObject({ head: 'wn:02086723-n', relation: 'hypernym', inferred: true, source: 'kge:transe' });
    const kb = KnowledgeBase.open(db, { readonly: true });
    expect(kb.triples({ head: 'wn:02086723-n' })).toEqual([]);
    expect(kb.triples({ head: 'wn:02086723-n', onlyInferred: true })).toHaveLength(3);
    expect(kb.counts().vectors).toBeGreaterThan(37_000);
    kb.close();

    io.reset();
    expect(await main(['kb', 'similar', 'wn:02086723-n', '--db', db, '--k', '4', '--json'])).toBe(0);
    const s = JSON.parse(io.out());
    expect(s).toHaveLength(4);
    expect(s.map((h: { distance: number }) => h.distance)).toEqual([...s.map((h: { distance: number }) => h.distance)].sort((a: number, b: number) => a - b));
  });

  it('names what is missing', async () => {
    expect(await main(['kb', 'eval', '--db', db, '--model', 'rotate'])).toBe(2);
    expect(io.err()).toMatch(/holds no rotate model; train one with `semcom kb train --model rotate/);
    expect(await main(['kb', 'complete', '--db', db, '--relation', 'eats', '--head', 'wn:02086723-n'])).toBe(2);
    expect(io.err()).toMatch(/--relation got 'eats'; the benchmark's relations are hypernym, derivationally_related_form/);
    const empty = join(db, '..', 'empty.db');
    KnowledgeBase.open(empty).close();
    expect(await main(['kb', 'train', '--db', empty, '--preset', 'ci'])).toBe(2);
    expect(io.err()).toMatch(/lacks 3\d,\d{3}|lacks \d+ of the \d+ entities of the WordNet benchmark/);
    expect(await main(['kb', 'train', '--db', empty, '--model', 'complex'])).toBe(2);
    expect(io.err()).toMatch(/--model got 'complex'; it accepts transe, rotate/);
  });
});
