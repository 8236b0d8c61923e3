/**
 * From a received understanding embedding back to entries, at the receiver.
 * Seed 003 Sec. III-D1 lets the generating agent work "by leveraging the
 * received understanding embedding" directly; a text-only model cannot read
 * a vector, so this receiver matches it against candidate entries it already
 * knows (shared knowledge: a codebook of entries with their embeddings) and
 * generates from the nearest one by cosine similarity.
 */
import { SemcomError } from '../core/errors.js';
import type { Entries } from './entries.js';
import type { AgentTask } from './prompts.js';

export interface EmbeddingInterpreter {
  interpret(embedding: Float64Array | Float32Array, task: AgentTask): Promise<{ readonly entries: Entries; readonly score: number }>;
}

export interface EntriesCandidate {
  readonly entries: Entries;
  readonly embedding: ArrayLike<number>;
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** Picks the candidate of the same task whose embedding has the largest cosine with the received one. */
export function createNearestEntriesInterpreter(candidates: readonly EntriesCandidate[]): EmbeddingInterpreter {
  if (candidates.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'the nearest-entries interpreter needs at least one candidate');
  const dims = candidates[0].embedding.length;
  const table = candidates.map((c, i) => {
    if (c.embedding.length !== dims) throw new SemcomError('INVALID_ARGUMENT', `candidate ${i} has an embedding of length ${c.embedding.length}, expected ${dims}`);
    const n = norm(c.embedding);
    if (!(n > 0) || !Number.isFinite(n)) throw new SemcomError('INVALID_ARGUMENT', `candidate ${i} has a zero or non-finite embedding`);
    return { entries: c.entries, embedding: Float64Array.from(c.embedding), norm: n };
  });
  return {
    async interpret(embedding, task) {
      if (embedding.length !== dims) throw new SemcomError('INVALID_ARGUMENT', `received embedding has length ${embedding.length}, the candidates ${dims}`);
      const n = norm(embedding);
      if (!Number.isFinite(n)) throw new SemcomError('INVALID_ARGUMENT', 'received embedding has non-finite values');
      let best: { entries: Entries; score: number } | null = null;
      for (const c of table) {
        if (c.entries.task !== task) continue;
        let dot = 0;
        for (let i = 0; i < dims; i++) dot += c.embedding[i] * embedding[i];
        const score = n > 0 ? dot / (n * c.norm) : 0;
        if (best === null || score > best.score) best = { entries: c.entries, score };
      }
      if (best === null) throw new SemcomError('UNSUPPORTED', `no candidate entries of task "${task}" to interpret the embedding with`);
      return best;
    },
  };
}
