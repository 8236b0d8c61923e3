/**
 * The vocabulary of the word n-gram model: index 0 is `<unk>` (any word not
 * in the vocabulary, and the escape for it), index 1 is `</s>` (end of
 * sequence; also the padding before the first word), then the training words
 * of count ≥ minCount by descending count, ties in code-unit order of the
 * word (not locale order, so every machine builds the same list).
 */
import { SemcomError } from '../../../core/errors.js';

export const UNK = 0;
export const END = 1;
export const UNK_TOKEN = '<unk>';
export const END_TOKEN = '</s>';

/** Most entries of a vocabulary: the trigram keys (V^3) must stay exact doubles. */
export const MAX_VOCABULARY = 131072;

export class WordVocabulary {
  readonly words: readonly string[];
  private readonly index: Map<string, number>;

  constructor(words: readonly string[]) {
    if (words[UNK] !== UNK_TOKEN || words[END] !== END_TOKEN) {
      throw new SemcomError('INVALID_ARGUMENT', `vocabulary must start with ${UNK_TOKEN} and ${END_TOKEN}`);
    }
    if (words.length > MAX_VOCABULARY) {
      throw new SemcomError('INVALID_ARGUMENT', `vocabulary of ${words.length} words exceeds ${MAX_VOCABULARY}; raise minCount`);
    }
    this.words = Object.freeze(words.slice());
    this.index = new Map(words.map((w, i) => [w, i]));
    if (this.index.size !== words.length) throw new SemcomError('INVALID_ARGUMENT', 'vocabulary has duplicate words');
  }

  /** Builds the vocabulary of `sequences` (see the module comment). */
  static fromSequences(sequences: Iterable<readonly string[]>, minCount: number): WordVocabulary {
    if (!Number.isInteger(minCount) || minCount < 1) {
      throw new SemcomError('INVALID_ARGUMENT', `minCount must be an integer ≥ 1, got ${minCount}`);
    }
    const counts = new Map<string, number>();
    for (const seq of sequences) {
      if (!Array.isArray(seq)) throw new SemcomError('INVALID_ARGUMENT', 'every training sequence must be an array of strings');
      for (const w of seq) {
        if (typeof w !== 'string') throw new SemcomError('INVALID_ARGUMENT', `training words must be strings, got ${typeof w}`);
        if (w === END_TOKEN) throw new SemcomError('INVALID_ARGUMENT', `${END_TOKEN} is reserved for the end of a sequence; it cannot be a training word`);
        if (w === UNK_TOKEN) continue;
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
    const kept = [...counts].filter(([, c]) => c >= minCount);
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new WordVocabulary([UNK_TOKEN, END_TOKEN, ...kept.map(([w]) => w)]);
  }

  get size(): number {
    return this.words.length;
  }

  /** Index of `word`, UNK (0) when it is not in the vocabulary. */
  indexOf(word: string): number {
    return this.index.get(word) ?? UNK;
  }

  /** The word at `index`; INVALID_ARGUMENT when out of range. */
  word(index: number): string {
    const w = this.words[index];
    if (w === undefined || !Number.isInteger(index)) {
      throw new SemcomError('INVALID_ARGUMENT', `word index ${index} is not in 0..${this.words.length - 1}`);
    }
    return w;
  }
}
