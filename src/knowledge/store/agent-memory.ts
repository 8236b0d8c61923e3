/**
 * The agents' long-term memory (src/agents/knowledge-store.ts, seed 003
 * Sec. III-D2 c) backed by a knowledge base: `put` logs an item (so memory
 * is versioned and synced like every other record), `search` finds items by
 * full-text search (SQLite FTS5 candidates, ranked by the same token-overlap
 * cosine as the in-memory store, so the two rank alike) or, with an
 * embedding model, by cosine distance over stored embeddings (sqlite-vec).
 */
import { SemcomError } from '../../core/errors.js';
import type { KnowledgeHit, KnowledgeItem, KnowledgeStore } from '../../agents/knowledge-store.js';
import { embedOne, tokenOverlap, tokenSet } from '../../agents/knowledge-store.js';
import type { EmbeddingModel } from '../../generation/contracts/index.js';
import type { ItemRecord, Scope } from '../records.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { nearestVectors, putVectors, vectorSpaceDimension } from './vectors.js';

export interface AgentMemoryOptions {
  /** Items of this scope only (default `common`). */
  readonly scope?: Scope;
  /** Rank by embedding cosine instead of token overlap. */
  readonly embedding?: EmbeddingModel;
  /** FTS candidates scored per search (default 200). */
  readonly candidates?: number;
}

function toItem(r: ItemRecord): KnowledgeItem {
  return { id: r.id, text: r.text, ...(r.metadata ? { metadata: r.metadata } : {}) };
}

/** A KnowledgeStore over the items of `kb` in one scope. */
export function knowledgeBaseMemory(kb: KnowledgeBase, options: AgentMemoryOptions = {}): KnowledgeStore {
  const scope = options.scope ?? 'common';
  const model = options.embedding;
  const space = model ? `items:${model.provider}:${model.modelId}`.replace(/[^A-Za-z0-9._:-]/gu, '_') : '';
  const candidates = options.candidates ?? 200;
  const byRowid = kb.db.prepare("SELECT l.record FROM items i CROSS JOIN records r ON r.kind = 'item' AND r.key = i.id CROSS JOIN log l ON l.seq = r.seq WHERE i.rowid = ? AND i.scope = ?").pluck();

  const embed = (text: string): Promise<Float32Array> => embedOne(model!, text);

  return {
    async put(item) {
      if (item === null || typeof item !== 'object') throw new SemcomError('INVALID_ARGUMENT', 'a knowledge item must be an object { id, text }');
      const record: ItemRecord = { id: item.id, text: item.text, scope, ...(item.metadata ? { metadata: item.metadata } : {}) };
      const vector = model ? await embed(item.text) : undefined;
      kb.apply([{ kind: 'item', put: record }], { author: 'agent-memory' });
      if (vector) putVectors(kb, space, [[item.id, vector]], { dimension: vectorSpaceDimension(kb, space) ?? vector.length, note: 'agent memory item embeddings' });
    },
    async get(id) {
      const r = kb.item(id);
      return r && (r.scope ?? 'common') === scope ? toItem(r) : undefined;
    },
    async search(query, o = {}) {
      if (typeof query !== 'string') throw new SemcomError('INVALID_ARGUMENT', 'a knowledge search needs a string query');
      const limit = o.limit ?? 5;
      if (!Number.isInteger(limit) || limit < 1) throw new SemcomError('INVALID_ARGUMENT', `search limit must be an integer ≥ 1, got ${limit}`);
      if (model) {
        if (vectorSpaceDimension(kb, space) === undefined) return [];
        const q = await embed(query);
        const hits: KnowledgeHit[] = [];
        for (const h of nearestVectors(kb, space, q, limit * 4, 'cosine')) {
          const r = kb.item(h.key);
          if (r && (r.scope ?? 'common') === scope) hits.push({ item: toItem(r), score: 1 - h.distance });
          if (hits.length === limit) break;
        }
        return hits;
      }
      const tokens = tokenSet(query);
      if (tokens.size === 0) return [];
      // FTS5 query: any of the tokens, each quoted so no token is read as an operator.
      const match = [...tokens].map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');
      const rows = kb.read(() => kb.db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rank LIMIT ?').pluck().all(match, candidates) as number[]);
      const hits: KnowledgeHit[] = [];
      for (const rowid of rows) {
        const json = byRowid.get(rowid, scope) as string | undefined;
        if (!json) continue;
        const r = JSON.parse(json) as ItemRecord;
        const score = tokenOverlap(tokens, tokenSet(r.text));
        if (score > 0) hits.push({ item: toItem(r), score });
      }
      hits.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
      return hits.slice(0, limit);
    },
    async size() {
      return kb.db.prepare('SELECT count(*) FROM items WHERE scope = ?').pluck().get(scope) as number;
    },
  };
}
