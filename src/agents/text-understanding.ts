/**
 * The understanding of a text message (keywords in order and the
 * communication goal), shared with the embedded text models: the types come
 * from src/generation/embedded/text-understanding.ts, so an embedded
 * KeywordExtractor or SentenceGenerator plugs into an embedded backbone as is.
 */
import type { Mood } from '../generation/embedded/text-understanding.js';

export type { KeywordExtractor, Mood, SentenceGenerator, TextGoal, TextUnderstanding } from '../generation/embedded/text-understanding.js';

/** The moods, in a fixed order (for JSON schemas, prompts and validation). */
export const MOODS: readonly Mood[] = Object.freeze(['statement', 'question', 'command', 'exclamation']);
