/** Knowledge bases (seed 000 Sec. VI-B, seed 002 Sec. II-C): records, the SQLite store, construction, the WordNet benchmark, representation learning and completion. */
export type { EntityRecord, ItemRecord, KnowledgeGraphData, RelationRecord, Scope, TripleRecord } from './records.js';
export * from './store/index.js';
export * from './construction/index.js';
export * from './benchmark/index.js';
export * from './embedding/index.js';
