/**
 * The shared contract of the embedded text understanding and generating
 * models (seed 002 Sec. III-A and IV): the transmitter's small local model
 * "extracts keywords of source information and identifies the communication
 * goal in only several words"; the receiver regenerates a sentence from those
 * keywords and that goal with knowledge both ends share.
 *
 * Implementations: ./keywords (the extractor) and ./retrieval-generator (the
 * generator that retrieves and adapts a sentence of the shared corpus).
 */

/** The speech act of a sentence: what the sender wants the receiver to do with it. */
export type Mood = 'statement' | 'question' | 'command' | 'exclamation';

/** The communication goal "in only several words" (seed 002 Sec. IV): a mood and a topic. */
export interface TextGoal {
  readonly mood: Mood;
  /** The topic, as one of `WORDNET_LEXNAMES` (src/datasets/wordnet.ts), e.g. `noun.food`, `verb.motion`. */
  readonly domain: string;
}

/** What the transmitter sends instead of the sentence: keywords in sentence order and the goal. */
export interface TextUnderstanding {
  readonly keywords: readonly string[];
  readonly goal: TextGoal;
}

/** The transmitter's understanding model for text. */
export interface KeywordExtractor {
  /**
   * Keywords (in sentence order) and goal of `text`. With `maxKeywords`, the
   * lowest-weight keywords are dropped and the survivors keep their order.
   */
  extract(text: string, options?: { maxKeywords?: number }): TextUnderstanding;
}

/** The receiver's generating model for text: one sentence from keywords and goal. */
export interface SentenceGenerator {
  generate(understanding: TextUnderstanding): string;
}

/** Every keyword the extractor emits over the train split, with counts (the shared model an entropy coder needs). */
export interface KeywordVocabulary {
  /** Ordered by descending count, then alphabetically (UTF-16 code units). */
  readonly words: readonly string[];
  /** `counts[i]` is the number of times `words[i]` was emitted. */
  readonly counts: Uint32Array;
  /** Index of `word` in `words` (case-sensitive), -1 if absent. */
  indexOf(word: string): number;
}

/** The longest text `extract` accepts, in UTF-16 code units (a few paragraphs; longer text should be split by the caller). */
export const MAX_TEXT_CHARS = 2000;
