#!/usr/bin/env node
/**
 * Knowledge-base benchmark, on the compiled library (dist/): what the store
 * costs on the WordNet knowledge base (build, lookups, graph queries, vector
 * k-NN, versions, sync, matching, verification) on this machine.
 *
 * Usage: npm run bench:kb [-- --json] [-- --lexnames noun.animal,...]
 * Prints one JSON object { machine, node, kb, cases: [{ name, unit, value, ... }] }
 * with --json, a table otherwise. Per-query cases are the median of 3
 * rounds over a seeded sample of entities.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { machineInfo, median } from './common.js';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Rng } from '../dist/core/rng.js';
import { buildWordnetGraph, WORDNET_ASSERTED_AT } from '../dist/knowledge/construction/wordnet.js';
import {
  changesOfGraph,
  KnowledgeBase,
  createVersion,
  diffVersions,
  revertTo,
  neighbourhood,
  shortestPath,
  putVectors,
  nearestVectors,
  syncKnowledge,
  matchingDegree,
} from '../dist/knowledge/store/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const lexIdx = args.indexOf('--lexnames');
const lexnames = lexIdx >= 0 ? args[lexIdx + 1].split(',') : null;
const dir = mkdtempSync(join(tmpdir(), 'semcom-bench-kb-'));
const rng = Rng.stream(2026, 5);
const cases = [];
const ms = (f) => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};
/** Median over 3 rounds of the mean time of `op` over `sample`. */
function perQuery(name, sample, op) {
  const rounds = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const x of sample) op(x);
    rounds.push((performance.now() - t0) / sample.length);
  }
  cases.push({ name, unit: 'ms/query', value: median(rounds), queries: sample.length, rounds });
}

try {
  const g = buildWordnetGraph({ includeSentences: true, assertedAt: WORDNET_ASSERTED_AT, ...(lexnames ? { lexnames } : {}) });
  const changes = changesOfGraph(g);
  const path = join(dir, 'tx.db');
  const kb = KnowledgeBase.open(path);
  const [, buildMs] = ms(() => kb.apply(changes, { author: 'bench' }));
  createVersion(kb, 'v0');
  cases.push({ name: 'build-apply', unit: 'changes/s', value: changes.length / (buildMs / 1000), seconds: buildMs / 1000, changes: changes.length });
  const counts = kb.counts();

  const ids = g.entities.map((e) => e.id);
  const sample = Array.from({ length: 200 }, () => ids[rng.nextInt(ids.length)]);
  perQuery('entity-get', sample, (id) => kb.entity(id));
  perQuery('triples-by-head', sample, (id) => kb.triples({ head: id }));
  perQuery('neighbourhood-depth-2', sample.slice(0, 50), (id) => neighbourhood(kb, id, { maxDepth: 2 }));
  const hyper = { relations: ['hypernym', 'instance_hypernym'], maxDepth: 8 };
  perQuery('hypernym-path', sample.slice(0, 20).map((id, i) => [id, sample[i + 20]]), ([a, b]) => shortestPath(kb, a, b, hyper));

  const dim = 100;
  const vecCount = Math.min(40_000, ids.length);
  const v = new Float32Array(dim);
  const [, vecMs] = ms(() =>
    putVectors(kb, 'bench', (function* () {
      for (let i = 0; i < vecCount; i++) {
        rng.fillNormal(v);
        yield [ids[i], v];
      }
    })(), { dimension: dim }),
  );
  cases.push({ name: 'vectors-put', unit: 'vectors/s', value: vecCount / (vecMs / 1000), vectors: vecCount, dimension: dim });
  const queries = Array.from({ length: 20 }, () => {
    const q = new Float32Array(dim);
    rng.fillNormal(q);
    return q;
  });
  perQuery(`knn-cosine-k10-of-${vecCount}x${dim}`, queries, (q) => nearestVectors(kb, 'bench', q, 10, 'cosine'));

  // An update of 1,000 changes: new facts and retractions.
  const triples = g.triples;
  const update = [];
  for (let i = 0; i < 500; i++) {
    const t = triples[(i * 37) % triples.length];
    update.push({ kind: 'triple', delete: `common|${t.head}|${t.relation}|${t.tail}` });
  }
  for (let i = 0; i < 500; i++) update.push({ kind: 'item', put: { id: `bench:${i}`, text: `A new sentence number ${i} for the benchmark.` } });
  kb.close();
  copyFileSync(path, join(dir, 'rx.db'));
  const tx = KnowledgeBase.open(path);
  const rx = KnowledgeBase.open(join(dir, 'rx.db'));
  const [, updMs] = ms(() => tx.apply(update));
  cases.push({ name: 'apply-1000-changes', unit: 'ms', value: updMs });
  const [d, diffMs] = ms(() => diffVersions(tx, 'v0', 'head'));
  cases.push({ name: 'diff-1000-changes', unit: 'ms', value: diffMs, entries: d.length });
  const [s1, syncMs] = ms(() => syncKnowledge(tx, rx, { baseVersion: 'v0' }));
  cases.push({ name: 'sync-since-version-1000-changes', unit: 'ms', value: syncMs, bytesUp: s1.bytesUp, bytesDown: s1.bytesDown });
  // The receiver loses 1 % of its triples: reconcile.
  const lost = [];
  for (let i = 0; i < triples.length; i += 100) lost.push({ kind: 'triple', delete: `common|${triples[i].head}|${triples[i].relation}|${triples[i].tail}` });
  rx.apply(lost);
  const [m, matchMs] = ms(() => matchingDegree(tx, rx));
  cases.push({ name: 'matching-degree', unit: 'ms', value: matchMs, degree: m.degree });
  const [s2, recMs] = ms(() => syncKnowledge(tx, rx));
  cases.push({ name: `sync-reconcile-${lost.length}-lost-triples`, unit: 'ms', value: recMs, bytesUp: s2.bytesUp, bytesDown: s2.bytesDown, changes: s2.changes });
  const [, revMs] = ms(() => revertTo(tx, 'v0'));
  cases.push({ name: 'revert-1000-changes', unit: 'ms', value: revMs });
  const [problems, verMs] = ms(() => tx.verify());
  cases.push({ name: 'verify', unit: 'ms', value: verMs, problems: problems.length });
  tx.close();
  rx.close();
  const result = {
    machine: machineInfo(),
    node: process.version,
    kb: { source: lexnames ? `WordNet 3.1 (${lexnames.join(',')})` : 'WordNet 3.1 with example sentences', ...counts, fileMB: statSync(path).size / 1e6 },
    cases,
  };
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(`${result.kb.source}: ${counts.entities} entities, ${counts.triples} triples, ${counts.items} items, ${result.kb.fileMB.toFixed(0)} MB\n`);
    for (const c of cases) {
      const extra = Object.entries(c).filter(([k]) => !['name', 'unit', 'value', 'rounds'].includes(k)).map(([k, x]) => `${k}=${typeof x === 'number' ? +x.toFixed(4) : x}`).join(' ');
      process.stdout.write(`${c.name.padEnd(40)} ${c.value.toFixed(3).padStart(12)} ${c.unit.padEnd(10)} ${extra}\n`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
