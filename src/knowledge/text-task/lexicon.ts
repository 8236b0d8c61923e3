/**
 * The receiver's reading of decoded keywords through its own lexicon. The
 * keyword code is shared (both ends hold its probability model), so the
 * receiver recovers the code indices exactly on a clean link; which word an
 * index stands for it looks up in its knowledge base. An index its lexicon
 * lacks is a lost keyword; an index whose entry holds another word (stale
 * knowledge) becomes that wrong word. A keyword the transmitter spelled out
 * (outside the code's vocabulary) carries its own letters and needs no
 * lexicon.
 */

export interface LexiconReading {
  /** The keywords as the receiver reads them, in order, lost ones left out. */
  readonly keywords: string[];
  /** Keywords whose index the lexicon lacks. */
  readonly lost: number;
  /** Keywords read as another word than the one sent. */
  readonly stale: number;
}

/**
 * Reads `decoded` (the shared code's words, as decodeEntropy or decodeFixed
 * return them) through `lexicon` (code index → the receiver's word).
 * `codeIndex` gives a word's code index, undefined for a spelled-out keyword.
 * Counting a stale keyword compares with the word sent, which only a
 * simulation knows; the receiver itself cannot tell.
 */
export function readThroughLexicon(decoded: readonly string[], codeIndex: (word: string) => number | undefined, lexicon: ReadonlyMap<number, string>): LexiconReading {
  const keywords: string[] = [];
  let lost = 0;
  let stale = 0;
  for (const sent of decoded) {
    const index = codeIndex(sent);
    if (index === undefined) {
      keywords.push(sent);
      continue;
    }
    const word = lexicon.get(index);
    if (word === undefined) {
      lost++;
      continue;
    }
    if (word !== sent) stale++;
    keywords.push(word);
  }
  return { keywords, lost, stale };
}
