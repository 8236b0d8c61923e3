/**
 * A receiver whose knowledge does not match the transmitter's (seed 002
 * Sec. II-C; seed 000 Sec. VI-C, knowledge-matching degree): facts and
 * vocabulary it never received, and vocabulary entries it holds in an older
 * version.
 *
 * From a seeded permutation of the vocabulary entries, the first
 * ⌊removeFraction · V⌉ are deleted and the last ⌊staleFraction · V⌉ made
 * stale; from a second permutation of the corpus items, the first
 * ⌊removeFraction · C⌉ are deleted. A stale entry keeps its index but holds
 * another word of the vocabulary, drawn uniformly for that index (as after a
 * re-indexing the receiver missed: the index names a word it used to). With
 * one seed the degradations are nested: a larger fraction removes, and makes
 * stale, a superset of the entries a smaller one does, with the same stale
 * words, so a sweep over fractions degrades one receiver step by step.
 *
 * Every change goes through `kb.apply` in one batch (author `degrade`): it is
 * logged, and a version taken before it can be restored (`revertTo`) or the
 * store resynchronised (`syncKnowledge`).
 */
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { EntityRecord } from '../records.js';
import type { ChangeInput, KnowledgeBase } from '../store/index.js';
import { SENTENCE_PREFIX, vocabularyIndexOf, WORD_KIND } from './text-knowledge.js';

export interface DegradeOptions {
  /** Fraction of vocabulary entries and of corpus items deleted, in [0, 1]. */
  readonly removeFraction: number;
  /** Fraction of vocabulary entries made stale, in [0, 1 − removeFraction]. */
  readonly staleFraction: number;
  /** Seed of the permutations and of the stale words (an integer). */
  readonly seed: number;
}

export interface DegradeReport {
  readonly removedWords: number;
  readonly staleWords: number;
  readonly removedSentences: number;
  /** Vocabulary entries and corpus items the store held before. */
  readonly words: number;
  readonly sentences: number;
}

// Stream ids of Rng.stream(seed, id, ...): one per independent draw.
const WORD_ORDER = 1;
const SENTENCE_ORDER = 2;
const STALE_WORD = 3;

function fraction(v: unknown, what: string): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new SemcomError('INVALID_ARGUMENT', `${what} must be a number in [0, 1], got ${String(v)}`);
  return v;
}

/** Degrades the text-task knowledge of `kb` in place (see the module doc). */
export function degradeKnowledge(kb: KnowledgeBase, options: DegradeOptions): DegradeReport {
  const remove = fraction(options?.removeFraction, 'removeFraction');
  const staleShare = fraction(options?.staleFraction, 'staleFraction');
  if (remove + staleShare > 1 + 1e-12) throw new SemcomError('INVALID_ARGUMENT', `removeFraction + staleFraction must be at most 1 (an entry is removed or stale, not both), got ${remove} + ${staleShare}`);
  const seed = options.seed;
  if (!Number.isSafeInteger(seed)) throw new SemcomError('INVALID_ARGUMENT', `seed must be an integer, got ${String(seed)}`);

  const { words, sentences } = kb.read(() => {
    const w: { index: number; record: EntityRecord }[] = [];
    for (const e of kb.records('entity')) {
      const index = e.kind === WORD_KIND ? vocabularyIndexOf(e.id) : undefined;
      if (index !== undefined) w.push({ index, record: e });
    }
    const s: string[] = [];
    for (const it of kb.records('item')) if (it.id.startsWith(SENTENCE_PREFIX)) s.push(it.id);
    return { words: w.sort((a, b) => a.index - b.index), sentences: s };
  });

  const V = words.length;
  const removedWords = Math.round(remove * V);
  const staleWords = Math.min(V - removedWords, Math.round(staleShare * V));
  const order = Rng.stream(seed, WORD_ORDER).shuffle(words.map((_, i) => i));
  const changes: ChangeInput[] = [];
  for (const i of order.slice(0, removedWords)) changes.push({ kind: 'entity', delete: (words[i] as (typeof words)[number]).record.id });
  if (staleWords > 0) {
    const labels = words.map((w) => w.record.label);
    if (new Set(labels).size < 2) throw new SemcomError('INVALID_ARGUMENT', 'making entries stale needs a vocabulary of at least two different words');
    for (const i of order.slice(V - staleWords)) {
      const { index, record } = words[i] as (typeof words)[number];
      // Drawn per code index, so the same entry goes stale to the same word whatever the fractions.
      const rng = Rng.stream(seed, STALE_WORD, index);
      let label = record.label;
      while (label === record.label) {
        const j = rng.nextInt(V - 1);
        label = labels[j >= i ? j + 1 : j] as string;
      }
      changes.push({ kind: 'entity', put: { ...record, label } });
    }
  }
  const removedSentences = Math.round(remove * sentences.length);
  for (const id of Rng.stream(seed, SENTENCE_ORDER).shuffle([...sentences]).slice(0, removedSentences)) changes.push({ kind: 'item', delete: id });
  kb.apply(changes, { author: 'degrade' });
  return { removedWords, staleWords, removedSentences, words: V, sentences: sentences.length };
}
