/**
 * What WordNet's dictionary (not its example sentences) says about a single
 * word: under which parts of speech it is a lemma, in which lexicographer
 * files its senses sit, and whether it is spelt with a capital (a proper
 * name such as "Paris"). This is the lexicon both ends share; nothing in it
 * is learned from the sentences, so it carries no information about the
 * held-out splits.
 */
import { loadWordnetSynsets, WORDNET_LEXNAMES } from '../../../datasets/wordnet.js';

/** WordNet's four syntactic categories (satellite adjectives `s` are folded into `a`). */
export type WordnetCategory = 'n' | 'v' | 'a' | 'r';

/** The lexicographer files of a lemma's senses: parallel arrays of `WORDNET_LEXNAMES` indices and sense counts. */
export interface LexnameSenses {
  readonly lexnames: Uint8Array;
  readonly senses: Uint16Array;
  readonly total: number;
}

export interface WordnetLexicon {
  /** Senses of `lemma` (lower-cased, one word) under `category`, or undefined when WordNet lacks it. */
  senses(category: WordnetCategory, lemma: string): LexnameSenses | undefined;
  /** Whether WordNet lists `word` (case-sensitive, e.g. "Paris", "John") as a lemma with a capital letter. */
  isCapitalisedLemma(word: string): boolean;
}

let cached: WordnetLexicon | null = null;

/** The lexicon, built once per process from `loadWordnetSynsets()` (about 0.3 s after the synsets are parsed). */
export function wordnetLexicon(): WordnetLexicon {
  if (cached) return cached;
  const lexIndex = new Map(WORDNET_LEXNAMES.map((l, i) => [l, i]));
  const counts = new Map<string, Map<number, number>>();
  const capitalised = new Set<string>();
  for (const synset of loadWordnetSynsets()) {
    const category: WordnetCategory = synset.pos === 's' ? 'a' : synset.pos;
    const lex = lexIndex.get(synset.lexname) as number;
    for (const lemma of synset.lemmas) {
      if (lemma.includes(' ')) continue;
      if (lemma !== lemma.toLowerCase()) capitalised.add(lemma);
      const key = `${category}:${lemma.toLowerCase()}`;
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(lex, (m.get(lex) ?? 0) + 1);
    }
  }
  const senses = new Map<string, LexnameSenses>();
  for (const [key, m] of counts) {
    const entries = [...m].sort((a, b) => a[0] - b[0]);
    let total = 0;
    for (const [, c] of entries) total += c;
    senses.set(key, {
      lexnames: Uint8Array.from(entries.map((e) => e[0])),
      senses: Uint16Array.from(entries.map((e) => e[1])),
      total,
    });
  }
  cached = {
    senses: (category, lemma) => senses.get(`${category}:${lemma}`),
    isCapitalisedLemma: (word) => capitalised.has(word),
  };
  return cached;
}
