/**
 * Generative semantic communication of text (seed 002 Sec. III-B; seed 003
 * Sec. III-D): the understanding agent at the transmitter extracts keywords
 * and identifies the goal; they cross the digital link as indices into the
 * vocabulary both ends share (keyword-code.ts); the generating agent at the
 * receiver regenerates a sentence from them.
 *
 * - `semantic`: entropy-coded indices (fewest bits); a failed CRC is an
 *   erasure, as for every digital scheme.
 * - `semantic-calibrated`: fixed-length indices, and a receiver that does not
 *   discard a frame whose CRC failed: it takes the decoder's hard decisions
 *   and corrects each keyword to the most probable vocabulary word given the
 *   received bits and the shared keyword model (`calibrateFixed`), keeping
 *   only keywords whose posterior reaches one half (none kept: erasure), with the
 *   bit error probability ε of the decoder's output given a failed CRC,
 *   which the receiver measures once per link condition
 *   ({@link residualBitErrorRate}).
 *
 * With the embedded models (default) both agents are this project's small
 * models; with a text-model spec, the agents use that model under the role
 * prompts of src/agents/prompts.ts, falling back to the embedded models when
 * its replies stay malformed (counted in `info.fallbacks`).
 *
 * With `receiverKnowledge` (a knowledge base holding the text task's
 * knowledge, src/knowledge/text-task), the receiver uses its own knowledge
 * instead of the transmitter's (seed 002 Sec. II-C): it decodes the indices
 * with the shared code, reads each through its own lexicon (a missing entry
 * loses the keyword, a stale one gives the wrong word: `info.lostKeywords`,
 * `info.staleKeywords`), and the generating agent regenerates from the
 * templates of its own corpus, with the store as its long-term memory (an
 * LLM backbone consults it through the knowledgeLookup tool).
 */
import { isSemcomError, SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { createEmbeddedBackbone, createGeneratingAgent, createLlmBackbone, createShortTermMemory, createUnderstandingAgent, type Backbone, type Entries } from '../../agents/index.js';
import { loadKeywordExtractor } from '../../generation/embedded/keywords/index.js';
import { END } from '../../generation/embedded/language-model/index.js';
import { loadRetrievalGenerator } from '../../generation/embedded/retrieval-generator/index.js';
import type { TextUnderstanding } from '../../generation/embedded/text-understanding.js';
import { resolveTextModel } from '../../generation/registry.js';
import type { KnowledgeBase } from '../../knowledge/store/index.js';
import type * as TextTask from '../../knowledge/text-task/index.js';
import { calibrateFixed, decodeEntropy, decodeFixed, encodeEntropy, encodeFixed } from './keyword-code.js';
import { loadKeywordCodebook } from './keyword-codebook.js';
import { checkMessages, TextLinks, type TextLinkOptions } from './text-link.js';
import type { LinkConditions, TextOutcome, TextScheme } from './types.js';

/**
 * Keywords sent per sentence by default. Chosen on the validation split as the
 * largest number whose payload stays within a quarter of brotli-q11's, both as
 * a ratio of mean bits and as a mean of per-sentence ratios (K = 3: 0.221 /
 * 0.232; K = 4: 0.239 / 0.246; K = 5: 0.247 / 0.252; `npm run
 * choose:max-keywords`). Each keyword more adds similarity and BLEU (see
 * src/generation/embedded/keywords/README.md).
 */
export const SEMANTIC_MAX_KEYWORDS = 4;

export interface SemanticTextSchemeOptions extends TextLinkOptions {
  /** `semantic-calibrated` when true. */
  calibrated: boolean;
  /** Provider specs of the agents' text models; the embedded models when absent. */
  models?: { understanding?: string; generating?: string };
  maxChars?: number;
  /** Most keywords sent per sentence (default {@link SEMANTIC_MAX_KEYWORDS}). */
  maxKeywords?: number;
  /**
   * The receiver's own knowledge base (see the module doc); read once, when
   * the scheme is created. Absent: the receiver holds exactly the
   * transmitter's knowledge, built in.
   */
  receiverKnowledge?: KnowledgeBase;
}

/**
 * Probability that a bit of the decoder's output is wrong given that the CRC
 * failed, at these link conditions: what calibration needs as ε. It is far
 * below the uncoded channel BER (a failed LDPC decoding is usually only
 * partly wrong: 0.02-0.07 near the 16-QAM cliff on AWGN against a channel BER
 * of 0.19-0.21), so the receiver measures it once per condition by Monte
 * Carlo on its own link with a fixed seed (its decoder's error statistics, a
 * property of the receiver, not of the message): frames of `frameBits`
 * random bits until 40 failures or 3,000 frames. Bounded to [10⁻³, 0.45].
 */
export function residualBitErrorRate(links: TextLinks, conditions: LinkConditions, frameBits = 96): number {
  const rng = Rng.stream(0xca11b, conditions.snrDb, frameBits);
  const bits = new Uint8Array(frameBits);
  let failures = 0;
  let errors = 0;
  for (let t = 0; t < 3000 && failures < 40; t++) {
    rng.fillBits(bits);
    const rx = links.send(bits, conditions, rng);
    if (rx.payload) continue;
    failures++;
    for (let i = 0; i < frameBits; i++) errors += bits[i] ^ rx.decoded[i];
  }
  const ber = failures > 0 ? errors / (failures * frameBits) : 1e-3;
  return Math.min(0.45, Math.max(1e-3, ber));
}

function backbone(spec: string | undefined, embedded: Backbone): Backbone {
  return spec ? createLlmBackbone({ model: resolveTextModel(spec), fallback: embedded }) : embedded;
}

export async function createSemanticTextScheme(options: SemanticTextSchemeOptions): Promise<TextScheme> {
  const links = new TextLinks(options);
  const keywordExtractor = await loadKeywordExtractor();
  const embedded = createEmbeddedBackbone({ keywordExtractor, sentenceGenerator: await loadRetrievalGenerator(), name: 'keywords+retrieval' });
  // Loaded only when asked for, so the default scheme does not load the database driver.
  let knowledge: TextTask.ReceiverTextKnowledge | null = null;
  let readThroughLexicon: typeof TextTask.readThroughLexicon | null = null;
  if (options.receiverKnowledge) {
    const textTask = await import('../../knowledge/text-task/index.js');
    knowledge = textTask.receiverKnowledgeFrom(options.receiverKnowledge);
    readThroughLexicon = textTask.readThroughLexicon;
  }
  const understanding = createUnderstandingAgent({
    backbone: backbone(options.models?.understanding, embedded),
    // Short-term memory (seed 003 Sec. III-D2 c): a message seen before is not understood again (info.cached).
    memory: { shortTerm: createShortTermMemory({ cacheSize: 4096 }) },
    maxKeywords: options.maxKeywords ?? SEMANTIC_MAX_KEYWORDS,
    perception: { maxChars: options.maxChars ?? 2000 },
  });
  const receiverBackbone = knowledge
    ? backbone(options.models?.generating, createEmbeddedBackbone({ keywordExtractor, sentenceGenerator: knowledge.generator, name: 'keywords+retrieval+kb' }))
    : backbone(options.models?.generating, embedded);
  const generating = createGeneratingAgent({ backbone: receiverBackbone, ...(knowledge ? { memory: { longTerm: knowledge.memory } } : {}) });
  const book = await loadKeywordCodebook();
  // A decoded word's index in the shared code; undefined for a keyword spelled out (outside the code's vocabulary).
  const codeIndex = (word: string): number | undefined => {
    const i = book.model.toIndex(word);
    return i > END ? i : undefined;
  };
  const calibrated = options.calibrated;
  // ε per link condition, measured once per scheme (not once per transmit call: a cell retried item by item calls it per item).
  const residualBer = new Map<string, number>();
  return {
    name: calibrated ? 'semantic-calibrated' : 'semantic',
    async transmit(messages: readonly string[], conditions: LinkConditions, rng: Rng): Promise<TextOutcome[]> {
      checkMessages(messages, options.maxChars);
      const out: TextOutcome[] = [];
      for (const text of messages) {
        const t0 = performance.now();
        const u = await understanding.understand({ modality: 'text', text }, { task: 'text' });
        if (u.entries.task !== 'text') throw new SemcomError('INTERNAL', 'the understanding agent returned non-text entries for text');
        const sent = u.entries.understanding;
        const bits = calibrated ? encodeFixed(book, sent) : encodeEntropy(book, sent);
        const encodeMs = performance.now() - t0;
        const rx = links.send(bits, conditions, rng);
        const t1 = performance.now();
        let received: TextUnderstanding | null = null;
        let corrected = 0;
        let dropped = 0;
        try {
          if (rx.payload) received = calibrated ? decodeFixed(book, rx.payload) : decodeEntropy(book, rx.payload);
          else if (calibrated) {
            const key = `${conditions.modulation}|${conditions.channel}|${conditions.snrDb}`;
            let eps = residualBer.get(key);
            if (eps === undefined) residualBer.set(key, (eps = residualBitErrorRate(links, conditions)));
            const c = calibrateFixed(book, rx.decoded, eps);
            corrected = c.corrected;
            dropped = c.dropped;
            // Nothing believable survived: that is an erasure, not a goal-only sentence.
            received = c.understanding.keywords.length > 0 ? c.understanding : null;
          }
        } catch (e) {
          if (!isSemcomError(e)) throw e;
          received = null;
        }
        let lost = 0;
        let stale = 0;
        if (received && knowledge && readThroughLexicon) {
          const read = readThroughLexicon(received.keywords, codeIndex, knowledge.lexicon);
          received = { ...received, keywords: read.keywords };
          lost = read.lost;
          stale = read.stale;
        }
        let output = '';
        let fallback = u.fallback;
        if (received) {
          const entries: Entries = { task: 'text', understanding: received };
          const g = await generating.generate(entries, { task: 'text' });
          output = g.content;
          fallback ||= g.fallback;
        }
        out.push({
          output,
          erased: received === null,
          payloadBits: bits.length,
          channelUses: rx.channelUses,
          encodeMs,
          decodeMs: performance.now() - t1,
          info: {
            keywords: sent.keywords.length,
            goal: `${sent.goal.mood} ${sent.goal.domain}`,
            crcFailed: rx.payload ? 0 : 1,
            corrected,
            dropped,
            cached: u.cached ? 1 : 0,
            fallbacks: fallback ? 1 : 0,
            ...(knowledge ? { lostKeywords: lost, staleKeywords: stale } : {}),
          },
        });
      }
      return out;
    },
  };
}
