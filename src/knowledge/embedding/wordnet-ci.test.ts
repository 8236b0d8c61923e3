import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { buildWordnetBenchmark } from '../benchmark/wordnet-benchmark.js';
import { ciKgeConfig } from './configs.js';
import { evaluateLinkPrediction } from './evaluation.js';
import { createKgeModel, trainKge } from './trainer.js';

describe('TransE on the WordNet benchmark with the CI configuration', () => {
  it('reaches a filtered test MRR far above chance on 300 test triples', () => {
    const b = buildWordnetBenchmark();
    const config = ciKgeConfig('transe');
    // Chance: an untrained model ranks the answer about uniformly among 37,712 entities, MRR ≈ ln(n)/n ≈ 3·10⁻⁴.
    const untrained = createKgeModel(config, b.entities.length, b.relations.length, Rng.stream(1));
    const chance = evaluateLinkPrediction(untrained, b, 'test', { limit: 100 });
    expect(chance.mrr).toBeLessThan(0.01);
    const { model, epochs } = trainKge(b, config, Rng.stream(1));
    const r = evaluateLinkPrediction(model, b, 'test', { limit: 300 });
    expect(epochs[epochs.length - 1].loss).toBeLessThan(epochs[0].loss);
    // Measured MRR 0.125 and Hits@10 0.33 (configs.ts); a trainer with a wrong gradient sign or no update stays at chance.
    expect(r.mrr).toBeGreaterThan(0.06);
    expect(r.hits10).toBeGreaterThan(0.15);
  });
});
