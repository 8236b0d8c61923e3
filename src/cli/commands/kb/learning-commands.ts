/**
 * `semcom kb train | eval | complete | similar`: knowledge representation
 * learning and knowledge-graph completion (seed 000 Sec. VI-B1) on the
 * WordNet knowledge base of a store.
 *
 * Training uses the WN18RR-style benchmark built from WordNet 3.1
 * (src/knowledge/benchmark): the same fixed split whatever the store, so a
 * test figure means the same thing on every machine; the store must hold
 * the benchmark's entities (`semcom kb build wordnet`). The trained model
 * goes into the store's `models` table and its entity embeddings into the
 * vector space `kge:<model>` (k-NN with sqlite-vec). Completion adds the
 * predicted triples as inferred, with their score and the model as source.
 */
import { Rng } from '../../../core/rng.js';
import { SemcomError } from '../../../core/errors.js';
import { TripleIndex } from '../../../knowledge/benchmark/triple-index.js';
import { buildWordnetBenchmark, WN18_RELATIONS, type WordnetBenchmark } from '../../../knowledge/benchmark/wordnet-benchmark.js';
import { wordnetRelationOf } from '../../../knowledge/construction/wordnet-relations.js';
import { predictTriples, toTripleRecords } from '../../../knowledge/embedding/completion.js';
import { ciKgeConfig, fullKgeConfig, type KgeConfig } from '../../../knowledge/embedding/configs.js';
import { evaluateLinkPrediction } from '../../../knowledge/embedding/evaluation.js';
import { KGE_MODEL_NAMES, type KgeModel, type KgeModelName } from '../../../knowledge/embedding/kge-model.js';
import { deserializeKgeModel } from '../../../knowledge/embedding/serialization.js';
import { trainKge } from '../../../knowledge/embedding/trainer.js';
import { getVector, nearestVectors, putVectors, type KnowledgeBase } from '../../../knowledge/store/index.js';
import { intFlag, UsageError } from '../../args.js';
import { dbFlag, jsonFlag, print, requireDb, withKb, type KbSubcommand } from './shared.js';

/** The store's relation id of a benchmark relation (WN18 names → the construction's pointer names). */
export function storeRelationOf(benchmarkRelation: string): string {
  const r = WN18_RELATIONS.find((x) => x.id === benchmarkRelation);
  if (!r) throw new SemcomError('INTERNAL', `no WN18 relation named ${benchmarkRelation}`);
  return wordnetRelationOf(r.symbol, 'n');
}

const modelFlag = { type: 'string', valueName: '<name>', help: KGE_MODEL_NAMES.join(' | '), default: 'transe' } as const;

/** Filtered ranking figures on one line. */
function formatRanking(r: { mrr: number; hits1: number; hits3: number; hits10: number }): string {
  return `MRR ${r.mrr.toFixed(4)}  H@1 ${r.hits1.toFixed(3)}  H@3 ${r.hits3.toFixed(3)}  H@10 ${r.hits10.toFixed(3)}`;
}

function modelName(raw: unknown): KgeModelName {
  const m = String(raw);
  if (!(KGE_MODEL_NAMES as readonly string[]).includes(m)) throw new UsageError(`--model got '${m}'; it accepts ${KGE_MODEL_NAMES.join(', ')}`);
  return m as KgeModelName;
}

/** Checks that the store holds the benchmark's entities; returns the benchmark. */
function benchmarkFor(kb: KnowledgeBase): WordnetBenchmark {
  const b = buildWordnetBenchmark();
  const has = kb.db.prepare('SELECT 1 FROM entities WHERE id = ?').pluck();
  const missing = b.entities.filter((id) => !has.get(id));
  if (missing.length > 0) {
    throw new SemcomError('INVALID_ARGUMENT', `${kb.path} lacks ${missing.length} of the ${b.entities.length} entities of the WordNet benchmark (e.g. ${missing[0]}); build the whole of WordNet into it with \`semcom kb build wordnet --db ${kb.path}\``);
  }
  return b;
}

function loadModel(kb: KnowledgeBase, name: KgeModelName): { model: KgeModel; metrics: Record<string, unknown> } {
  const row = kb.db.prepare('SELECT data, metrics FROM models WHERE name = ?').get(name) as { data: Buffer; metrics: string } | undefined;
  if (!row) throw new SemcomError('INVALID_ARGUMENT', `${kb.path} holds no ${name} model; train one with \`semcom kb train --model ${name} --db ${kb.path}\``);
  return { model: deserializeKgeModel(row.data.toString('utf8')).model, metrics: JSON.parse(row.metrics) as Record<string, unknown> };
}

/** Entity embeddings as stored vectors: TransE's rows, RotatE's complex rows as 2·dim reals. */
function storeEmbeddings(kb: KnowledgeBase, name: string, model: KgeModel, entities: readonly string[]): void {
  const w = model.params.entityWidth;
  const e = model.params.entities;
  putVectors(kb, `kge:${name}`, (function* () {
    for (let i = 0; i < entities.length; i++) yield [entities[i]!, e.subarray(i * w, (i + 1) * w)] as const;
  })(), { dimension: w, replace: true, note: `${name} entity embeddings (semcom kb train)` });
}

export const trainCommand: KbSubcommand = {
  name: 'train',
  usage: 'train --model transe|rotate --db PATH [--preset full|ci] [--epochs E] [--dim D] [--seed S] [--json]',
  summary: "Trains a knowledge-graph embedding model on the WordNet benchmark of the store's WordNet graph, keeps it in the store (with its entity vectors), and reports validation figures.",
  flags: {
    db: dbFlag,
    model: modelFlag,
    preset: { type: 'string', valueName: '<name>', help: "'full' (the documented configuration, minutes) or 'ci' (seconds, lower accuracy)", default: 'full' },
    epochs: { type: 'string', valueName: '<E>', help: 'passes over the training triples (default: the preset)' },
    dim: { type: 'string', valueName: '<D>', help: 'embedding dimension (default: the preset)' },
    seed: { type: 'string', valueName: '<S>', help: 'seed of the initialisation and negative sampling', default: '1' },
    'val-limit': { type: 'string', valueName: '<N>', help: 'validation triples measured after training (a seeded sample; 0 for none)', default: '500' },
    quiet: { type: 'boolean', help: 'no per-epoch progress on stderr' },
    json: jsonFlag,
  },
  async run(f) {
    const name = modelName(f.model);
    const preset = String(f.preset);
    if (preset !== 'full' && preset !== 'ci') throw new UsageError(`--preset got '${preset}'; it accepts full, ci`);
    const base = preset === 'ci' ? ciKgeConfig(name) : fullKgeConfig(name);
    const config: KgeConfig = {
      ...base,
      ...(f.epochs !== undefined ? { epochs: intFlag('epochs', String(f.epochs), 1, 10_000) } : {}),
      ...(f.dim !== undefined ? { dim: intFlag('dim', String(f.dim), 1, 4096) } : {}),
    };
    const seed = intFlag('seed', String(f.seed), 0, 2 ** 31 - 1);
    const valLimit = intFlag('val-limit', String(f['val-limit']), 0);
    return withKb(requireDb(f), 'write', (kb) => {
      const bench = benchmarkFor(kb);
      const result = trainKge(bench, { ...config, onEpoch: (r) => void (f.quiet || process.stderr.write(`epoch ${r.epoch}/${config.epochs} loss ${r.loss.toFixed(4)} ${r.seconds.toFixed(0)} s\n`)) }, Rng.stream(seed, 0x6b6765));
      const validation = valLimit > 0 ? evaluateLinkPrediction(result.model, bench, 'validation', { filtered: true, limit: Math.min(valLimit, bench.validation.length / 3), sampleSeed: 0 }) : null;
      const metrics = {
        model: name,
        preset,
        config,
        seed,
        trainSeconds: result.seconds,
        benchmark: { entities: bench.entities.length, relations: bench.relations.length, train: bench.train.length / 3, validation: bench.validation.length / 3, test: bench.test.length / 3 },
        ...(validation ? { validation: { mrr: validation.mrr, hits1: validation.hits1, hits3: validation.hits3, hits10: validation.hits10, count: validation.count } } : {}),
      };
      kb.transaction(() => {
        kb.db.prepare('INSERT OR REPLACE INTO models (name, data, metrics, at) VALUES (?, ?, ?, ?)').run(name, Buffer.from(result.model.serialize({ preset, seed: String(seed) })), JSON.stringify(metrics), kb.clock());
        storeEmbeddings(kb, name, result.model, bench.entities);
      });
      print(metrics, Boolean(f.json), () =>
        `trained ${name} (${preset}: dim ${config.dim}, ${config.epochs} epochs) in ${result.seconds.toFixed(1)} s` +
        (validation ? `; validation (${validation.count} triples, filtered) ${formatRanking(validation)}` : ''),
      );
      return 0;
    });
  },
};

export const evalCommand: KbSubcommand = {
  name: 'eval',
  usage: 'eval --db PATH [--model transe|rotate] [--split test|validation] [--limit N] [--json]',
  summary: 'Filtered link-prediction figures (MRR, Hits@1/3/10) of the stored model on the WordNet benchmark, head and tail prediction, ties ranked in the middle.',
  flags: {
    db: dbFlag,
    model: modelFlag,
    split: { type: 'string', valueName: '<split>', help: 'test | validation', default: 'test' },
    limit: { type: 'string', valueName: '<N>', help: 'a seeded sample of N triples (default: the whole split)' },
    json: jsonFlag,
  },
  async run(f) {
    const name = modelName(f.model);
    const split = String(f.split);
    if (split !== 'test' && split !== 'validation') throw new UsageError(`--split got '${split}'; it accepts test, validation`);
    return withKb(requireDb(f), 'read', (kb) => {
      const { model } = loadModel(kb, name);
      const bench = benchmarkFor(kb);
      const r = evaluateLinkPrediction(model, bench, split, { filtered: true, ...(f.limit !== undefined ? { limit: intFlag('limit', String(f.limit), 1), sampleSeed: 0 } : {}) });
      const out = { model: name, mrr: r.mrr, hits1: r.hits1, hits3: r.hits3, hits10: r.hits10, split, filtered: true, count: r.count, meanRank: r.meanRank };
      print(out, Boolean(f.json), () => `${name} on ${split} (${r.count} triples, filtered): ${formatRanking(r)}  MR ${r.meanRank.toFixed(0)}`);
      return 0;
    });
  },
};

export const completeCommand: KbSubcommand = {
  name: 'complete',
  usage: 'complete --db PATH --relation R (--head ID | --tail ID) [--model transe|rotate] [--k 5] [--add] [--json]',
  summary: "Knowledge-graph completion: the stored model's k best new triples (h, R, ?) or (?, R, t), leaving out known facts; with --add they are stored as inferred triples with their score, never as asserted facts.",
  flags: {
    db: dbFlag,
    model: modelFlag,
    relation: { type: 'string', valueName: '<id>', help: 'a relation of the benchmark, named as in the store (hypernym, member_meronym, part_meronym, ...)' },
    head: { type: 'string', valueName: '<id>', help: 'predict tails of this entity' },
    tail: { type: 'string', valueName: '<id>', help: 'predict heads of this entity' },
    k: { type: 'string', valueName: '<k>', help: 'candidates', default: '5' },
    add: { type: 'boolean', help: 'store the candidates as inferred triples' },
    json: jsonFlag,
  },
  async run(f) {
    const name = modelName(f.model);
    if ((f.head === undefined) === (f.tail === undefined)) throw new UsageError('give exactly one of --head ID and --tail ID');
    if (typeof f.relation !== 'string') throw new UsageError('--relation R is required');
    const k = intFlag('k', String(f.k), 1, 1000);
    return withKb(requireDb(f), f.add ? 'write' : 'read', (kb) => {
      const { model } = loadModel(kb, name);
      const bench = benchmarkFor(kb);
      const storeRelations = bench.relations.map(storeRelationOf);
      const r = storeRelations.indexOf(f.relation as string);
      if (r < 0) throw new UsageError(`--relation got '${String(f.relation)}'; the benchmark's relations are ${storeRelations.join(', ')}`);
      const entityIndex = new Map(bench.entities.map((e, i) => [e, i]));
      const given = String(f.head ?? f.tail);
      const e = entityIndex.get(given);
      if (e === undefined) throw new UsageError(`${given} is not an entity of the WordNet benchmark (ids look like wn:02086723-n)`);
      const known = new TripleIndex(bench.entities.length, bench.relations.length, bench.train, bench.validation, bench.test);
      const asserted = (h: string, t: string): boolean => kb.triples({ head: h, relation: storeRelations[r]!, tail: t }).length > 0;
      const predictions = predictTriples(model, { ...(f.head !== undefined ? { head: e } : { tail: e }), relation: r, k: k + 50, exclude: known })
        .filter((p) => !asserted(bench.entities[p.head]!, bench.entities[p.tail]!))
        .slice(0, k);
      const records = toTripleRecords(predictions, { entities: bench.entities, relations: storeRelations }, { source: `kge:${name}` });
      if (f.add) kb.apply(records.map((put) => ({ kind: 'triple' as const, put })), { author: `complete:${name}` });
      const label = (id: string): string => kb.entity(id)?.label ?? id;
      print({ model: name, added: Boolean(f.add), triples: records }, Boolean(f.json), () =>
        records.map((t) => `${t.score!.toFixed(3)}  (${label(t.head)}, ${t.relation}, ${label(t.tail)})  ${t.head} ${t.tail}`).join('\n') + (f.add ? `\n${records.length} inferred triples stored` : ''),
      );
      return 0;
    });
  },
};

export const similarCommand: KbSubcommand = {
  name: 'similar',
  usage: 'similar ENTITY --db PATH [--model transe|rotate] [--k 10] [--json]',
  summary: 'The entities whose trained embeddings are nearest to ENTITY (L2 distance, sqlite-vec k-NN over the vector space kge:<model>).',
  flags: {
    db: dbFlag,
    model: modelFlag,
    k: { type: 'string', valueName: '<k>', help: 'neighbours', default: '10' },
    json: jsonFlag,
  },
  async run(f, p) {
    const name = modelName(f.model);
    const k = intFlag('k', String(f.k), 1, 1000);
    return withKb(requireDb(f), 'read', (kb) => {
      const v = getVector(kb, `kge:${name}`, p[0]!);
      if (!v) throw new SemcomError('INVALID_ARGUMENT', `no ${name} embedding for ${p[0]} in ${kb.path}: train the model first, or pick an entity of the WordNet benchmark`);
      const hits = nearestVectors(kb, `kge:${name}`, v, k + 1, 'l2').filter((h) => h.key !== p[0]).slice(0, k);
      const out = hits.map((h) => ({ ...h, label: kb.entity(h.key)?.label ?? h.key }));
      print(out, Boolean(f.json), () => out.map((h) => `${h.distance.toFixed(3)}  ${h.label}  ${h.key}`).join('\n'));
      return 0;
    });
  },
};
