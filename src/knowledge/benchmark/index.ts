export { benchmarkFromTriples, benchmarkStats, tripleCount, validateBenchmark, type KgBenchmark, type KgBenchmarkStats, type KgSplit } from './kg-benchmark.js';
export { TripleIndex } from './triple-index.js';
export {
  buildWordnetBenchmark,
  PUBLISHED_SIZES,
  WN18_RELATIONS,
  WN18RR_RELATIONS,
  type Wn18Relation,
  type WordnetBenchmark,
  type WordnetBenchmarkConstruction,
  type WordnetBenchmarkOptions,
} from './wordnet-benchmark.js';
