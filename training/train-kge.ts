/**
 * Trains a knowledge-graph embedding model (TransE or RotatE) on the
 * project's WN18RR-style WordNet 3.1 benchmark and reports filtered
 * link-prediction metrics.
 *
 *   tsx training/train-kge.ts --model transe|rotate [--ci] [--dim N] [--gamma G] [--lr LR]
 *     [--batch B] [--negatives K] [--alpha A] [--epochs E] [--norm L1|L2] [--seed S]
 *     [--benchmark-seed S] [--eval-every E] [--val-limit N] [--no-test]
 *     [--out models/kge/<model>.json] [--metrics models/kge/<model>-metrics.json]
 *
 * Defaults: `fullKgeConfig(model)` (src/knowledge/embedding/configs.ts),
 * `--ci` starts from `ciKgeConfig(model)` instead; flags override either.
 *
 * Model selection uses the validation split only: every `--eval-every`
 * epochs (default 3; 0: never) validation MRR on a fixed sample of
 * `--val-limit` triples (default 500) is measured and the best snapshot is
 * kept (evaluation draws no training random numbers, so it does not change
 * the training run). At the end the script
 * measures the whole validation split, then (unless `--no-test`) the whole
 * test split once, prints progress and a final JSON line, and writes the
 * metrics file. `--out` writes the model itself (semcom-kge JSON, about
 * 4/3 × 4 bytes per parameter: too large to commit at full size).
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureDir } from '../src/core/fs.js';
import { Rng } from '../src/core/rng.js';
import { benchmarkStats } from '../src/knowledge/benchmark/kg-benchmark.js';
import { TripleIndex } from '../src/knowledge/benchmark/triple-index.js';
import { buildWordnetBenchmark } from '../src/knowledge/benchmark/wordnet-benchmark.js';
import { ciKgeConfig, fullKgeConfig, type KgeConfig } from '../src/knowledge/embedding/configs.js';
import { evaluateLinkPrediction, type LinkPredictionResult } from '../src/knowledge/embedding/evaluation.js';
import { KGE_MODEL_NAMES, type KgeModelName } from '../src/knowledge/embedding/kge-model.js';
import { trainKge } from '../src/knowledge/embedding/trainer.js';

/** Published WN18RR test figures (filtered): TransE as reported by Nguyen et al. 2018 (ConvKB) and Sun et al. 2019 Table 5; RotatE from Sun et al. 2019 Table 5 (dim 500). */
const PUBLISHED = {
  transe: { mrr: 0.226, hits10: 0.501, meanRank: 3384, source: 'Nguyen et al. 2018 (NAACL), via Sun et al. 2019 Table 5' },
  rotate: { mrr: 0.476, hits1: 0.428, hits3: 0.492, hits10: 0.571, meanRank: 3340, source: 'Sun et al. 2019 (ICLR) Table 5, dim 500' },
} as const;

interface Args {
  config: KgeConfig;
  seed: number;
  benchmarkSeed: number;
  evalEvery: number;
  valLimit: number;
  test: boolean;
  out: string | null;
  metrics: string;
  ci: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, def: number): number => {
    const v = get(name);
    if (v === undefined) return def;
    const x = Number(v);
    if (!Number.isFinite(x)) throw new Error(`--${name} must be a number, got ${v}`);
    return x;
  };
  const model = get('model');
  if (!model || !(KGE_MODEL_NAMES as readonly string[]).includes(model)) throw new Error(`--model must be one of ${KGE_MODEL_NAMES.join(', ')}`);
  const ci = argv.includes('--ci');
  const base = ci ? ciKgeConfig(model as KgeModelName) : fullKgeConfig(model as KgeModelName);
  const norm = get('norm') ?? base.norm;
  if (norm !== undefined && norm !== 'L1' && norm !== 'L2') throw new Error('--norm must be L1 or L2');
  const config: KgeConfig = {
    ...base,
    dim: num('dim', base.dim),
    gamma: num('gamma', base.gamma),
    lr: num('lr', base.lr),
    batchSize: num('batch', base.batchSize),
    negatives: num('negatives', base.negatives),
    alpha: num('alpha', base.alpha),
    epochs: num('epochs', base.epochs),
    ...(norm ? { norm } : {}),
  };
  return {
    config,
    seed: num('seed', 1),
    benchmarkSeed: num('benchmark-seed', 0),
    evalEvery: num('eval-every', 3),
    valLimit: num('val-limit', 500),
    test: !argv.includes('--no-test'),
    out: get('out') ?? null,
    metrics: get('metrics') ?? `models/kge/${model}${ci ? '-ci' : ''}-metrics.json`,
    ci,
  };
}

const pick = (r: LinkPredictionResult) => ({ mrr: r.mrr, hits1: r.hits1, hits3: r.hits3, hits10: r.hits10, meanRank: r.meanRank, count: r.count });

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { config } = args;
  const b = buildWordnetBenchmark({ seed: args.benchmarkSeed });
  const stats = benchmarkStats(b);
  console.log(`benchmark: ${b.name}: ${stats.entities} entities, ${stats.relations} relations, ${stats.train}/${stats.validation}/${stats.test} triples`);
  console.log(`config: ${JSON.stringify(config)} seed ${args.seed}`);
  const known = new TripleIndex(b.entities.length, b.relations.length, b.train, b.validation, b.test);

  let best = { mrr: -1, epoch: 0, entities: null as Float32Array | null, relations: null as Float32Array | null };
  let evalSeconds = 0;
  const result = trainKge(
    b,
    {
      ...config,
      onEpoch: (report, model) => {
        let line = `epoch ${report.epoch}/${config.epochs} loss ${report.loss.toFixed(4)} lr ${report.lr.toExponential(1)} ${report.seconds.toFixed(0)} s`;
        if (args.evalEvery > 0 && (report.epoch % args.evalEvery === 0 || report.epoch === config.epochs)) {
          const t0 = performance.now();
          const v = evaluateLinkPrediction(model, b, 'validation', { limit: args.valLimit, known });
          evalSeconds += (performance.now() - t0) / 1000;
          line += ` | validation (${v.count} triples) MRR ${v.mrr.toFixed(4)} H@10 ${v.hits10.toFixed(3)}`;
          if (v.mrr > best.mrr) {
            best = { mrr: v.mrr, epoch: report.epoch, entities: Float32Array.from(model.params.entities), relations: Float32Array.from(model.params.relations) };
          }
        }
        console.log(line);
      },
    },
    Rng.stream(args.seed, 0x6b6765),
  );
  const model = result.model;
  // Evaluation time is not training time.
  const trainSeconds = result.seconds - evalSeconds;
  if (best.entities && best.relations && best.epoch !== result.epochs.length) {
    model.params.entities.set(best.entities);
    model.params.relations.set(best.relations);
    model.refresh();
    console.log(`restored the best validation snapshot (epoch ${best.epoch})`);
  }
  const t0 = performance.now();
  const validation = evaluateLinkPrediction(model, b, 'validation', { known });
  console.log(`validation (all ${validation.count}): MRR ${validation.mrr.toFixed(4)} H@1 ${validation.hits1.toFixed(3)} H@3 ${validation.hits3.toFixed(3)} H@10 ${validation.hits10.toFixed(3)} MR ${validation.meanRank.toFixed(0)}`);
  const test = args.test ? evaluateLinkPrediction(model, b, 'test', { known }) : null;
  const finalEvalSeconds = (performance.now() - t0) / 1000;

  const summary = {
    model: config.model,
    ...(test ? { ...pick(test), split: 'test' } : { ...pick(validation), split: 'validation' }),
    filtered: true,
    ties: 'realistic',
    trainSeconds: Math.round(trainSeconds),
    evalSeconds: Math.round(evalSeconds + finalEvalSeconds),
    epochs: result.epochs.length,
    bestEpoch: best.epoch || result.epochs.length,
    steps: result.steps,
    config,
    seed: args.seed,
    validation: pick(validation),
    ...(test ? { testPerRelation: Object.fromEntries(Object.entries(test.perRelation).map(([r, m]) => [r, { mrr: m.mrr, hits10: m.hits10, queries: m.queries }])) } : {}),
    benchmark: { name: b.name, ...stats, perRelation: undefined, construction: b.construction },
    published: PUBLISHED[config.model],
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    command: `tsx training/train-kge.ts ${process.argv.slice(2).join(' ')}`,
    finalLoss: result.epochs[result.epochs.length - 1]?.loss,
  };
  const metricsPath = resolve(args.metrics);
  await ensureDir(dirname(metricsPath));
  await writeFile(metricsPath, `${JSON.stringify(summary, null, 2)}\n`);
  if (args.out) {
    const outPath = resolve(args.out);
    await ensureDir(dirname(outPath));
    await writeFile(outPath, model.serialize({ benchmark: b.name ?? '', entities: String(stats.entities), relations: b.relations.join(',') }));
    console.log(`model written to ${outPath}`);
  }
  console.log(`metrics written to ${metricsPath}`);
  console.log(JSON.stringify({ model: summary.model, mrr: summary.mrr, hits1: summary.hits1, hits3: summary.hits3, hits10: summary.hits10, meanRank: summary.meanRank, split: summary.split, filtered: true, trainSeconds: summary.trainSeconds, epochs: summary.epochs, dim: config.dim }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
