/**
 * The text task's weights for the knowledge-matching degree
 * (../store/matching.ts): how much each record matters to the semantic text
 * link. The two kinds of knowledge count equally, each summing to 1 on the
 * transmitter:
 *
 * - a vocabulary entry in proportion to how often the transmitter sends its
 *   word, counted on the train split (the understanding agent's keywords,
 *   at most `maxKeywords` per sentence), plus one (Laplace smoothing: a word
 *   the train split never sends may still be sent for a new sentence);
 * - a corpus item uniformly (every sentence is a candidate template; which
 *   one a message retrieves depends on its keywords).
 *
 * Other records weigh 0. Weights depend on the key (the transmitter's word
 * at that index), not on the record, so a stale entry on the receiver weighs
 * what the entry it replaces does.
 */
import { SemcomError } from '../../core/errors.js';
import { analysedCorpus, loadKeywordExtractor } from '../../generation/embedded/keywords/index.js';
import type { AnyRecord, KnowledgeBase, MatchingOptions, RecordKind } from '../store/index.js';
import { SENTENCE_PREFIX, vocabularyIndexOf, WORD_KIND } from './text-knowledge.js';

/** How often the transmitter sends each keyword over the train split (at most `maxKeywords` per sentence). */
export function keywordSendCounts(maxKeywords: number): Map<string, number> {
  if (!Number.isInteger(maxKeywords) || maxKeywords < 1) throw new SemcomError('INVALID_ARGUMENT', `maxKeywords must be an integer ≥ 1, got ${maxKeywords}`);
  const extractor = loadKeywordExtractor();
  const counts = new Map<string, number>();
  for (const s of analysedCorpus('train')) {
    for (const k of extractor.understand(s.analysis, { maxKeywords }).keywords) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** The weight function of the text task over `transmitter`'s knowledge (see the module doc). */
export function textTaskWeight(transmitter: KnowledgeBase, sendCounts: ReadonlyMap<string, number>): NonNullable<MatchingOptions['weight']> {
  const wordWeight = new Map<string, number>();
  let wordTotal = 0;
  let sentences = 0;
  transmitter.read(() => {
    for (const e of transmitter.records('entity')) {
      if (e.kind !== WORD_KIND || vocabularyIndexOf(e.id) === undefined) continue;
      const w = (sendCounts.get(e.label) ?? 0) + 1;
      wordWeight.set(e.id, w);
      wordTotal += w;
    }
    for (const it of transmitter.records('item')) if (it.id.startsWith(SENTENCE_PREFIX)) sentences++;
  });
  return (kind: RecordKind, key: string, record: AnyRecord): number => {
    if (kind === 'entity') {
      const e = record as { kind?: string; label?: string };
      if (e.kind !== WORD_KIND || vocabularyIndexOf(key) === undefined) return 0;
      // A key the transmitter lacks weighs what its word would.
      return (wordWeight.get(key) ?? (sendCounts.get(e.label ?? '') ?? 0) + 1) / Math.max(wordTotal, 1);
    }
    if (kind === 'item') return key.startsWith(SENTENCE_PREFIX) ? 1 / Math.max(sentences, 1) : 0;
    return 0;
  };
}
