/**
 * The cell runner of the text case studies: one cell sends the same test
 * sentences (a fixed shuffled subset of the WordNet test split, identical for
 * every cell) through one text scheme under one link condition, and scores
 * what arrives: BLEU-1..4 (mean of sentence BLEU, lower-cased 13a tokens, as
 * DeepSC reports BLEU-1), semantic similarity (cosine of sentence embeddings,
 * embedded word vectors by default), exact match, payload bits per sentence
 * and per character, and the transmitter's and receiver's own time. A lost
 * message shows nothing and scores 0 on every metric; it is counted in the
 * erasure rate. Means are over the sentences that did not fail.
 */
import { wordnetTestItems } from '../../datasets/wordnet.js';
import type { EmbeddingModel } from '../../generation/contracts/embedding-model.js';
import { resolveEmbeddingModel } from '../../generation/registry.js';
import { exactMatch, meanSentenceBleuText, semanticSimilarity } from '../../metrics/index.js';
import type { ModulationName } from '../../phy/modulation/index.js';
import { createTextScheme, type TextSchemeModels } from '../../schemes/text/registry.js';
import type { TextScheme } from '../../schemes/text/types.js';
import { costRow } from '../cost-row.js';
import { transmitWithItemRetry } from '../item-retry.js';
import type { Cell, CellRunner, ResultRow } from '../types.js';
import { wholeSetBits } from './whole-set.js';

export interface TextCellConfig {
  /** Test sentences per cell. */
  items: number;
  /** Provider specs for the agents' models and the similarity model (default: the embedded ones). */
  models?: TextSchemeModels & { similarity?: string };
  /** Also code the cell's sentences as one stream (text-cost's whole-set figure). */
  wholeSet?: boolean;
}

// sacreBLEU's effective order: a sentence shorter than n is scored on the orders it has (a perfect 2-word sentence is 1, not 0).
const BLEU_OPTIONS = { lowercase: true, effectiveOrder: true } as const;

export async function createTextCellRunner(config: TextCellConfig): Promise<CellRunner> {
  const items = wordnetTestItems(config.items).map((s) => s.text);
  // The whole set is the sentences joined by newlines: its characters include the n − 1 separators.
  const wholeSetChars = items.reduce((a, s) => a + s.length, 0) + items.length - 1;
  const schemes = new Map<string, TextScheme>();
  let similarityModel: EmbeddingModel | null = null;
  return {
    async runCell(cell: Cell, seed: number): Promise<ResultRow> {
      let scheme = schemes.get(cell.scheme);
      if (!scheme) {
        scheme = await createTextScheme(cell.scheme, config.models ?? {});
        schemes.set(cell.scheme, scheme);
      }
      similarityModel ??= resolveEmbeddingModel(config.models?.similarity ?? 'embedded:word-vectors');
      const conditions = { channel: cell.channel, modulation: cell.modulation as ModulationName, snrDb: cell.snrDb };
      const outcomes = await transmitWithItemRetry(items, seed, (batch, rng) => scheme.transmit(batch, conditions, rng));
      const done = outcomes.flatMap((o, i) => (o ? [{ o, ref: items[i] }] : []));
      const n = done.length;
      const refs = done.map((d) => d.ref);
      const hyps = done.map((d) => d.o.output);
      const bleu = [1, 2, 3, 4].map((maxOrder) => meanSentenceBleuText(refs, hyps, { ...BLEU_OPTIONS, maxOrder: maxOrder as 1 | 2 | 3 | 4 }).mean);
      const sims = await semanticSimilarity(similarityModel, refs, hyps);
      const cost = costRow(cell, items.length, done.map((d) => d.o));
      let sim = 0;
      let exact = 0;
      let crcFailed = 0;
      let doneChars = 0;
      done.forEach(({ o, ref }, i) => {
        // An erased message shows nothing, which scores 0 (the embedding of an empty text is the zero vector).
        sim += o.erased ? 0 : sims[i];
        if (exactMatch(ref, o.output)) exact++;
        // Schemes that calibrate report failed CRCs apart from erasures; for the others the two are the same.
        crcFailed += o.info?.crcFailed !== undefined ? Number(o.info.crcFailed) : o.erased ? 1 : 0;
        doneChars += ref.length;
      });
      const extra: Record<string, number | string> = {
        bleu1: bleu[0],
        bleu2: bleu[1],
        bleu3: bleu[2],
        bleu4: bleu[3],
        similarity: sim / n,
        exactMatch: exact / n,
        erasureRate: cost.erasureRate,
        crcFailureRate: crcFailed / n,
        bitsPerChar: (cost.payloadBitsPerItem * n) / doneChars,
      };
      if (config.wholeSet) {
        const whole = wholeSetBits(cell.scheme, items);
        if (whole !== null) {
          extra.wholeSetBits = whole;
          extra.wholeSetBitsPerChar = whole / wholeSetChars;
        }
      }
      const { erasureRate: _erasureRate, ...common } = cost;
      return {
        ...common,
        psnr: null,
        ssim: null,
        semanticAccuracy: null,
        extra,
      };
    },
  };
}
