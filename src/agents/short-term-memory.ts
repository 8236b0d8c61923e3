/**
 * Short-term memory (seed 003 Sec. III-D2 c): "contextual information from
 * instant communications to ensure content coherence, which is generally
 * implemented through caching". Two parts:
 *
 * - the last `capacity` exchanges (input → output), which an LLM backbone
 *   replays as earlier turns of the conversation so consecutive messages stay
 *   coherent (an embedded backbone has no context window and ignores them);
 * - a result cache keyed by a SHA-256 hash of what determines a result (the
 *   backbone, role, task, role prompt and perceived content), so a repeated
 *   input skips inference: the paper's "free-inference" for identical tasks.
 *   A hit returns the earlier result even if the exchange history has changed
 *   since: same input, same understanding. Least recently used entries go first.
 */
import { createHash } from 'node:crypto';
import { SemcomError } from '../core/errors.js';
import type { AgentRole, AgentTask } from './prompts.js';

/** One exchange of an agent: what its backbone read and what it answered (both as text). */
export interface Exchange {
  readonly role: AgentRole;
  readonly task: AgentTask;
  readonly input: string;
  readonly output: string;
}

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Results held now. */
  readonly size: number;
}

export interface ShortTermMemory {
  readonly capacity: number;
  /** The last exchanges (at most `capacity`), oldest first, optionally of one role and task only. */
  recent(filter?: { readonly role?: AgentRole; readonly task?: AgentTask }): readonly Exchange[];
  remember(exchange: Exchange): void;
  /** The cached result for `key`, counting a hit or a miss. */
  lookup<T>(key: string): T | undefined;
  store<T>(key: string, value: T): void;
  stats(): CacheStats;
  clear(): void;
}

export interface ShortTermMemoryOptions {
  /** Exchanges kept (default 4; 0 keeps none). */
  readonly capacity?: number;
  /** Results cached (default 256; 0 disables the cache). */
  readonly cacheSize?: number;
}

/** SHA-256 (hex) of the parts, separated by NUL so that ("ab", "c") and ("a", "bc") differ. */
export function cacheKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p, 'utf8');
    h.update('\u0000');
  }
  return h.digest('hex');
}

function checkCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new SemcomError('INVALID_ARGUMENT', `${what} must be an integer ≥ 0, got ${value}`);
  return value;
}

export function createShortTermMemory(options: ShortTermMemoryOptions = {}): ShortTermMemory {
  const capacity = checkCount(options.capacity ?? 4, 'short-term memory capacity');
  const cacheSize = checkCount(options.cacheSize ?? 256, 'short-term memory cacheSize');
  let exchanges: Exchange[] = [];
  // A Map iterates in insertion order; re-inserting on a hit makes it an LRU list.
  const cache = new Map<string, unknown>();
  let hits = 0;
  let misses = 0;

  return {
    capacity,
    recent(filter = {}) {
      const match = exchanges.filter((e) => (filter.role === undefined || e.role === filter.role) && (filter.task === undefined || e.task === filter.task));
      return match.slice(Math.max(0, match.length - capacity));
    },
    remember(exchange) {
      if (capacity === 0) return;
      exchanges.push(Object.freeze({ ...exchange }));
      // Keep enough for any filter to find `capacity` of its own kind among recent ones, bounded.
      if (exchanges.length > 4 * capacity) exchanges = exchanges.slice(exchanges.length - 4 * capacity);
    },
    lookup<T>(key: string): T | undefined {
      if (!cache.has(key)) {
        misses++;
        return undefined;
      }
      hits++;
      const v = cache.get(key);
      cache.delete(key);
      cache.set(key, v);
      return v as T;
    },
    store(key, value) {
      if (cacheSize === 0) return;
      cache.delete(key);
      cache.set(key, value);
      while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    },
    stats() {
      return { hits, misses, size: cache.size };
    },
    clear() {
      exchanges = [];
      cache.clear();
      hits = 0;
      misses = 0;
    },
  };
}
