/**
 * The cell runner of `knowledge-mismatch`: one cell sends the same test
 * sentences through the semantic text scheme to a receiver whose knowledge
 * base is the transmitter's, degraded to one level (src/knowledge/text-task),
 * either as it is (`semantic`) or after a knowledge sync from the transmitter
 * (`semantic+sync`), and scores what the receiver regenerates as the text
 * case studies do (semantic similarity, BLEU, exact match), with the
 * knowledge-matching degree of the two stores and the bytes the sync cost.
 *
 * Stores: each worker writes the transmitter's text knowledge once into a
 * temporary store, keeps the closed file's bytes in memory and removes it
 * (worker threads are terminated, so nothing on disk may outlive a cell);
 * each cell writes those bytes twice into a fresh temporary folder
 * (transmitter and receiver), degrades the receiver with the study's fixed
 * seed, so the two cells of a level see the same receiver, and removes the
 * folder when it is done.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { wordnetTestItems } from '../../datasets/wordnet.js';
import type { EmbeddingModel } from '../../generation/contracts/embedding-model.js';
import { resolveEmbeddingModel } from '../../generation/registry.js';
import { encodeDelta, KnowledgeBase, matchingDegree, reconcileDelta, syncKnowledge } from '../../knowledge/store/index.js';
import { degradeKnowledge, keywordSendCounts, textTaskWeight, writeTextKnowledge } from '../../knowledge/text-task/index.js';
import { exactMatch, meanSentenceBleuText, semanticSimilarity } from '../../metrics/index.js';
import type { ModulationName } from '../../phy/modulation/index.js';
import { loadKeywordCodebook } from '../../schemes/text/keyword-codebook.js';
import { createSemanticTextScheme, SEMANTIC_MAX_KEYWORDS } from '../../schemes/text/semantic-text-scheme.js';
import type { TextOutcome, TextScheme } from '../../schemes/text/types.js';
import { costRow } from '../cost-row.js';
import { transmitWithItemRetry } from '../item-retry.js';
import type { Cell, CellRunner, ResultRow } from '../types.js';

/** The scheme names of the two phases of a level. */
export const DEGRADED = 'semantic';
export const SYNCED = 'semantic+sync';

/** What one cell runs: a degradation level, and whether the receiver syncs first. */
export interface KnowledgeCellPlan {
  removeFraction: number;
  staleFraction: number;
  sync: boolean;
}

export interface KnowledgeCellConfig {
  /** Test sentences per cell. */
  items: number;
  /** One entry per cell of the study, by cell index. */
  plan: KnowledgeCellPlan[];
  /** Seed of every receiver's degradation (fixed, so both phases of a level see one receiver). */
  degradeSeed: number;
  /** Provider specs for the agents' models and the similarity model (default: the embedded ones). */
  models?: { understanding?: string; generating?: string; similarity?: string };
}

// sacreBLEU's effective order, as the text studies score.
const BLEU_OPTIONS = { lowercase: true, effectiveOrder: true } as const;
/** A reconcile bitmap naming every bucket: with no fingerprints from the receiver, the delta is the whole store. */
const ALL_BUCKETS = new Uint8Array(32).fill(0xff);

interface Shared {
  /** The transmitter's closed SQLite file. */
  master: Buffer;
  weight: ReturnType<typeof textTaskWeight>;
}

export async function createKnowledgeCellRunner(config: KnowledgeCellConfig): Promise<CellRunner> {
  if (!Array.isArray(config?.plan) || config.plan.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'knowledge cells need a plan with one entry per cell');
  const items = wordnetTestItems(config.items).map((s) => s.text);
  const models = config.models ?? {};
  const agentModels = { ...(models.understanding ? { understanding: models.understanding } : {}), ...(models.generating ? { generating: models.generating } : {}) };
  let shared: Shared | null = null;
  let reference: string[] | null = null;
  let fullCopyBytes: number | null = null;
  let similarityModel: EmbeddingModel | null = null;

  async function setUp(): Promise<Shared> {
    if (shared) return shared;
    const dir = mkdtempSync(join(tmpdir(), 'semcom-knowledge-'));
    try {
      const path = join(dir, 'transmitter.sqlite');
      const kb = KnowledgeBase.open(path);
      let weight: Shared['weight'];
      try {
        writeTextKnowledge(kb, (await loadKeywordCodebook()).model.vocabulary.words);
        weight = textTaskWeight(kb, keywordSendCounts(SEMANTIC_MAX_KEYWORDS));
      } finally {
        // Closing the last connection checkpoints the write-ahead log into the file.
        kb.close();
      }
      shared = { master: readFileSync(path), weight };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return shared;
  }

  return {
    async runCell(cell: Cell, seed: number): Promise<ResultRow> {
      const plan = config.plan[cell.index];
      if (!plan) throw new SemcomError('INVALID_ARGUMENT', `cell ${cell.index} has no entry in the plan (${config.plan.length} entries)`);
      const expected = plan.sync ? SYNCED : DEGRADED;
      if (cell.scheme !== expected) throw new SemcomError('INVALID_ARGUMENT', `cell ${cell.index} is planned as ${expected}, not ${cell.scheme}`);
      const { master, weight } = await setUp();
      similarityModel ??= resolveEmbeddingModel(models.similarity ?? 'embedded:word-vectors');
      const conditions = { channel: cell.channel, modulation: cell.modulation as ModulationName, snrDb: cell.snrDb };
      // What a receiver holding the transmitter's knowledge regenerates (the built-in scheme, noiseless link): "same as full" compares with it.
      reference ??= (await (await createSemanticTextScheme({ calibrated: false, models: agentModels })).transmit(items, { ...conditions, snrDb: Infinity }, Rng.stream(0))).map((o) => o.output);

      const cellDir = mkdtempSync(join(tmpdir(), 'semcom-knowledge-'));
      const stores: KnowledgeBase[] = [];
      const open = (name: string): KnowledgeBase => {
        writeFileSync(join(cellDir, name), master);
        const kb = KnowledgeBase.open(join(cellDir, name));
        stores.push(kb);
        return kb;
      };
      try {
        const tx = open('tx.sqlite');
        const rx = open('rx.sqlite');
        const degraded = degradeKnowledge(rx, { removeFraction: plan.removeFraction, staleFraction: plan.staleFraction, seed: config.degradeSeed });
        const before = matchingDegree(tx, rx, { weight });
        const extra: Record<string, number | string> = {
          removeFraction: plan.removeFraction,
          staleFraction: plan.staleFraction,
          removedWords: degraded.removedWords,
          staleWords: degraded.staleWords,
          removedSentences: degraded.removedSentences,
          degradedMatching: before.degree,
        };
        if (plan.sync) {
          const t0 = performance.now();
          const s = syncKnowledge(tx, rx);
          extra.syncMs = performance.now() - t0;
          extra.syncBytesUp = s.bytesUp;
          extra.syncBytesDown = s.bytesDown;
          extra.syncBytes = s.bytesUp + s.bytesDown;
          extra.syncChanges = s.changes;
          extra.syncMethod = s.method;
          extra.syncRounds = s.rounds;
          fullCopyBytes ??= encodeDelta(reconcileDelta(tx, ALL_BUCKETS, new Uint8Array(0))).length;
          extra.fullCopyBytes = fullCopyBytes;
          extra.syncShare = (s.bytesUp + s.bytesDown) / fullCopyBytes;
          // Equal state hashes mean equal record sets (sync.ts), hence M = 1 by definition; otherwise measure it.
          extra.matchingDegree = tx.head().hash === rx.head().hash ? 1 : matchingDegree(tx, rx, { weight }).degree;
        } else {
          extra.matchingDegree = before.degree;
          extra.degradedJaccard = matchingDegree(tx, rx).degree;
          extra.staleKeys = before.staleKeys;
        }
        const scheme: TextScheme = await createSemanticTextScheme({ calibrated: false, models: agentModels, receiverKnowledge: rx });
        const outcomes = await transmitWithItemRetry(items, seed, (batch, rng) => scheme.transmit(batch, conditions, rng));
        Object.assign(extra, await score(outcomes, items, reference, similarityModel));
        const done = outcomes.filter((o): o is TextOutcome => o !== null);
        const { erasureRate: _erasureRate, ...common } = costRow(cell, items.length, done);
        return { ...common, psnr: null, ssim: null, semanticAccuracy: null, extra };
      } finally {
        for (const kb of stores) kb.close();
        rmSync(cellDir, { recursive: true, force: true });
      }
    },
  };
}

/** The text studies' scores of a cell's outcomes (a lost message scores 0), and what the knowledge changed. */
async function score(outcomes: readonly (TextOutcome | null)[], items: readonly string[], reference: readonly string[], model: EmbeddingModel): Promise<Record<string, number>> {
  const done = outcomes.flatMap((o, i) => (o ? [{ o, ref: items[i] as string, full: reference[i] as string }] : []));
  const n = done.length;
  const refs = done.map((d) => d.ref);
  const hyps = done.map((d) => d.o.output);
  const bleu1 = meanSentenceBleuText(refs, hyps, { ...BLEU_OPTIONS, maxOrder: 1 }).mean;
  const bleu4 = meanSentenceBleuText(refs, hyps, { ...BLEU_OPTIONS, maxOrder: 4 }).mean;
  const sims = await semanticSimilarity(model, refs, hyps);
  let sim = 0;
  let exact = 0;
  let same = 0;
  let lost = 0;
  let stale = 0;
  let keywords = 0;
  let crcFailed = 0;
  done.forEach(({ o, ref, full }, i) => {
    sim += o.erased ? 0 : (sims[i] as number);
    if (exactMatch(ref, o.output)) exact++;
    if (o.output === full) same++;
    lost += Number(o.info?.lostKeywords ?? 0);
    stale += Number(o.info?.staleKeywords ?? 0);
    keywords += Number(o.info?.keywords ?? 0);
    crcFailed += Number(o.info?.crcFailed ?? 0);
  });
  return {
    similarity: sim / n,
    bleu1,
    bleu4,
    exactMatch: exact / n,
    sameAsFull: same / n,
    keywordsPerSentence: keywords / n,
    lostPerSentence: lost / n,
    stalePerSentence: stale / n,
    crcFailureRate: crcFailed / n,
  };
}
