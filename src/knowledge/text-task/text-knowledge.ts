/**
 * The background knowledge of the semantic text schemes, as records of a
 * knowledge base (seed 002 Sec. II-C: semantic communication works only when
 * both ends hold equivalent background knowledge; seed 000 Sec. II-B):
 *
 * - the **vocabulary** the keyword code indexes: each codebook word as an
 *   entity of kind `word`, id `vocab:<code index>`, label the word. The code
 *   (its probability model) is shared; which word an index stands for is
 *   knowledge the receiver looks up in its own store.
 * - the **background corpus** of the retrieval generator: each train-split
 *   sentence it can adapt (those with at least one keyword) as an item
 *   `wn-sentence:<FNV-1a 32 of the text, 8 hex digits>` (`-2`, `-3`, ... for
 *   the rare texts whose hash an earlier sentence already took, in train
 *   order), with its synset, part of speech and lexicographer file.
 *
 * Both in scope `common`, written in one batch (author `text-task`).
 */
import { SemcomError } from '../../core/errors.js';
import { fnv1a32 } from '../../datasets/wordnet.js';
import { analysedCorpus, type AnalysedSentence } from '../../generation/embedded/keywords/index.js';
import type { EntityRecord, ItemRecord } from '../records.js';
import type { ChangeInput, KnowledgeBase } from '../store/index.js';

export const VOCAB_PREFIX = 'vocab:';
export const SENTENCE_PREFIX = 'wn-sentence:';
/** Provenance of the corpus items. */
export const TEXT_KNOWLEDGE_SOURCE = 'wordnet-3.1/train';
/** Entity kind of a vocabulary entry. */
export const WORD_KIND = 'word';
/** Code indices below this are the code's own symbols (`<unk>`, `</s>`), not words: they have no entry. */
export const FIRST_WORD_INDEX = 2;

/** `vocab:<index>`. */
export function vocabularyEntityId(index: number): string {
  return `${VOCAB_PREFIX}${index}`;
}

/** The code index of a vocabulary entity id, or undefined for any other id. */
export function vocabularyIndexOf(id: string): number | undefined {
  if (!id.startsWith(VOCAB_PREFIX)) return undefined;
  const rest = id.slice(VOCAB_PREFIX.length);
  if (!/^(0|[1-9]\d{0,8})$/u.test(rest)) return undefined;
  return Number(rest);
}

/** The retrieval generator's background corpus: the train sentences with at least one keyword, in train order. */
export function backgroundCorpus(): readonly AnalysedSentence[] {
  return analysedCorpus('train').filter((s) => s.analysis.keywords.length > 0);
}

/** Item ids of `texts`, in order (see the module doc for collisions). */
export function sentenceItemIds(texts: readonly string[]): string[] {
  const taken = new Set<string>();
  return texts.map((text) => {
    const base = `${SENTENCE_PREFIX}${fnv1a32(text).toString(16).padStart(8, '0')}`;
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  });
}

export interface TextKnowledgeSummary {
  /** Vocabulary entries and corpus items the store holds after the write. */
  readonly words: number;
  readonly sentences: number;
  /** Records the write changed (0 when the store already held exactly this knowledge). */
  readonly applied: number;
}

/**
 * Makes `kb`'s text-task knowledge exactly `vocabulary` (the keyword code's
 * words by index: `loadKeywordCodebook().model.vocabulary.words`; indices 0
 * and 1 are skipped) and the background corpus (default
 * {@link backgroundCorpus}): puts every entry and item, and deletes `vocab:`
 * entities and `wn-sentence:` items the new knowledge no longer has. Other
 * records are left alone. One atomic batch.
 */
export function writeTextKnowledge(kb: KnowledgeBase, vocabulary: readonly string[], options: { readonly corpus?: readonly AnalysedSentence[] } = {}): TextKnowledgeSummary {
  if (!Array.isArray(vocabulary) || !vocabulary.every((w) => typeof w === 'string' && w.length > 0)) {
    throw new SemcomError('INVALID_ARGUMENT', 'the vocabulary must be an array of non-empty words by code index (the keyword codebook’s model.vocabulary.words)');
  }
  const corpus = options.corpus ?? backgroundCorpus();
  const changes: ChangeInput[] = [];
  const keepWords = new Set<string>();
  for (let i = FIRST_WORD_INDEX; i < vocabulary.length; i++) {
    const record: EntityRecord = { id: vocabularyEntityId(i), label: vocabulary[i] as string, kind: WORD_KIND, scope: 'common' };
    keepWords.add(record.id);
    changes.push({ kind: 'entity', put: record });
  }
  const ids = sentenceItemIds(corpus.map((s) => s.sentence.text));
  const keepItems = new Set(ids);
  corpus.forEach(({ sentence: s }, i) => {
    const record: ItemRecord = {
      id: ids[i] as string,
      text: s.text,
      scope: 'common',
      source: TEXT_KNOWLEDGE_SOURCE,
      metadata: { synset: s.synset, pos: s.pos, lexname: s.lexname },
    };
    changes.push({ kind: 'item', put: record });
  });
  for (const e of kb.records('entity')) if (vocabularyIndexOf(e.id) !== undefined && !keepWords.has(e.id)) changes.push({ kind: 'entity', delete: e.id });
  for (const it of kb.records('item')) if (it.id.startsWith(SENTENCE_PREFIX) && !keepItems.has(it.id)) changes.push({ kind: 'item', delete: it.id });
  const { applied } = kb.apply(changes, { author: 'text-task' });
  return { words: keepWords.size, sentences: keepItems.size, applied };
}
