/**
 * Long-term memory (seed 003 Sec. III-D2 c): knowledge "distilled from
 * historical data and organised in a structured manner, such as knowledge
 * graphs and vector databases". The agents see it through the small
 * `KnowledgeStore` interface below; the knowledge-base layer (src/knowledge)
 * backs it with a database, and this file gives an in-memory implementation
 * for tests and small runs.
 *
 * Similarity, in-memory store:
 * - default, token overlap: the cosine of the two binary bags of lower-cased
 *   letter/digit tokens, |A ∩ B| / √(|A|·|B|) in [0, 1];
 * - with an injected EmbeddingModel: the cosine of the two embeddings, in [-1, 1].
 * Hits are ordered by score, then by id, so equal scores come back in a
 * stable order; a token-overlap score of 0 is no hit.
 */
import { SemcomError } from '../core/errors.js';
import type { EmbeddingModel } from '../generation/contracts/index.js';
import { cosineSimilarity } from '../metrics/similarity.js';

export interface KnowledgeItem {
  /** Unique key; `put` with an existing id replaces the item. */
  readonly id: string;
  readonly text: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface KnowledgeHit {
  readonly item: KnowledgeItem;
  /** Similarity to the query; larger is closer (scale depends on the store). */
  readonly score: number;
}

/** Items stored by id and found by text. All methods are async so a database or an embedding model can back them. */
export interface KnowledgeStore {
  put(item: KnowledgeItem): Promise<void>;
  get(id: string): Promise<KnowledgeItem | undefined>;
  /** Up to `limit` (default 5) items most similar to `query`, best first. */
  search(query: string, options?: { readonly limit?: number }): Promise<readonly KnowledgeHit[]>;
  size(): Promise<number>;
}

export interface MemoryKnowledgeStoreOptions {
  /** Ranks by embedding cosine instead of token overlap. */
  readonly embedding?: EmbeddingModel;
}

/** One text's embedding from `model`, checked to be a non-empty finite vector (MALFORMED_REPLY otherwise). */
export async function embedOne(model: EmbeddingModel, text: string): Promise<Float32Array> {
  const r = await model.doEmbed({ texts: [text] });
  const v = r?.embeddings?.[0];
  if (!(v instanceof Float32Array) || v.length === 0 || !v.every(Number.isFinite)) {
    throw new SemcomError('MALFORMED_REPLY', `embedding model ${model.provider}:${model.modelId} returned no finite vector`);
  }
  return v;
}

/** Lower-cased letter and digit runs of `text`, as a set. */
export function tokenSet(text: string): Set<string> {
  return new Set(text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** |A ∩ B| / √(|A|·|B|); 0 when either is empty. */
export function tokenOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / Math.sqrt(a.size * b.size);
}


function checkItem(item: KnowledgeItem): KnowledgeItem {
  if (item === null || typeof item !== 'object' || typeof item.id !== 'string' || item.id === '' || typeof item.text !== 'string') {
    throw new SemcomError('INVALID_ARGUMENT', 'a knowledge item needs a non-empty string id and a string text');
  }
  const metadata = item.metadata;
  if (metadata !== undefined) {
    if (metadata === null || typeof metadata !== 'object' || !Object.values(metadata).every((v) => typeof v === 'string')) {
      throw new SemcomError('INVALID_ARGUMENT', `knowledge item "${item.id}": metadata must map names to strings`);
    }
  }
  return Object.freeze({ id: item.id, text: item.text, ...(metadata ? { metadata: Object.freeze({ ...metadata }) } : {}) });
}

/** An in-memory KnowledgeStore (similarity in the module doc). */
export function createMemoryKnowledgeStore(options: MemoryKnowledgeStoreOptions = {}): KnowledgeStore {
  const items = new Map<string, { item: KnowledgeItem; tokens: Set<string>; vector?: Float32Array }>();
  const model = options.embedding;

  const embed = (text: string): Promise<Float32Array> => embedOne(model!, text);

  return {
    async put(raw) {
      const item = checkItem(raw);
      const entry: { item: KnowledgeItem; tokens: Set<string>; vector?: Float32Array } = { item, tokens: tokenSet(item.text) };
      if (model) entry.vector = await embed(item.text);
      items.set(item.id, entry);
    },
    async get(id) {
      return items.get(id)?.item;
    },
    async search(query, o = {}) {
      if (typeof query !== 'string') throw new SemcomError('INVALID_ARGUMENT', 'a knowledge search needs a string query');
      const limit = o.limit ?? 5;
      if (!Number.isInteger(limit) || limit < 1) throw new SemcomError('INVALID_ARGUMENT', `search limit must be an integer ≥ 1, got ${limit}`);
      const hits: KnowledgeHit[] = [];
      if (model) {
        if (items.size === 0) return [];
        const q = await embed(query);
        for (const { item, vector } of items.values()) {
          if (vector!.length !== q.length) {
            throw new SemcomError('MALFORMED_REPLY', `embedding model ${model.provider}:${model.modelId} returned vectors of lengths ${q.length} and ${vector!.length}`);
          }
          hits.push({ item, score: cosineSimilarity(q, vector!) });
        }
      } else {
        const q = tokenSet(query);
        for (const { item, tokens } of items.values()) {
          const score = tokenOverlap(q, tokens);
          if (score > 0) hits.push({ item, score });
        }
      }
      hits.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
      return hits.slice(0, limit);
    },
    async size() {
      return items.size;
    },
  };
}
