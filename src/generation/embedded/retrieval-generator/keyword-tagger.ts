/**
 * The receiver's guess of the slot tag (part of speech and inflection, see
 * ../keywords/content.ts) of each received keyword: a first-order hidden
 * Markov model over keyword sequences decoded by Viterbi, learned on the
 * keyword sequences of the train split (the corpus both ends share). The
 * context resolves words of several classes: "run" after "not" is a verb,
 * "run" after "long" a noun.
 *
 * - transitions: P(t | t') = (c(t', t) + 1) / (c(t') + T), with a start state;
 * - emissions of a word seen in training: P(w | t) = c(w, t) / c(t), only over
 *   the tags it was seen with;
 * - a word never seen: numerals (a digit) are M; a capitalised word is P;
 *   otherwise P(t | suffix) / P(t) from the tags of the rare train keywords
 *   (at most 3 occurrences) with the same last three letters, backing off to
 *   two, one and none (Brants 2000, "TnT", Sec. 2.3 in spirit, without the
 *   interpolation).
 */
import { SLOT_TAGS, type SlotTag } from '../keywords/content.js';

const T = SLOT_TAGS.length;
const TAG_INDEX = new Map<string, number>(SLOT_TAGS.map((t, i) => [t, i]));
const RARE = 3;
const SUFFIX_LENGTHS = [3, 2, 1, 0] as const;

export interface KeywordTagger {
  /** The most probable slot tag of each keyword (indices into `SLOT_TAGS`). */
  tag(keywords: readonly string[]): Uint8Array;
}

/** Trains the tagger on (keywords, tags) sequences. */
export function trainKeywordTagger(sequences: Iterable<{ readonly keywords: readonly string[]; readonly tags: readonly SlotTag[] }>): KeywordTagger {
  const wordTag = new Map<string, Float64Array>();
  const tagCount = new Float64Array(T);
  const trans = new Float64Array((T + 1) * T);
  for (const { keywords, tags } of sequences) {
    let prev: number = T;
    for (let i = 0; i < keywords.length; i++) {
      const t = TAG_INDEX.get(tags[i] as string) as number;
      const w = keywords[i] as string;
      let row = wordTag.get(w);
      if (!row) wordTag.set(w, (row = new Float64Array(T)));
      row[t]++;
      tagCount[t]++;
      trans[prev * T + t]++;
      prev = t;
    }
  }
  const logTrans = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    let total = 0;
    for (let t = 0; t < T; t++) total += trans[p * T + t] as number;
    for (let t = 0; t < T; t++) logTrans[p * T + t] = Math.log(((trans[p * T + t] as number) + 1) / (total + T));
  }
  const totalTags = tagCount.reduce((a, b) => a + b, 0);
  // Suffix statistics of rare words, for words never seen.
  const suffixCounts = new Map<string, Float64Array>();
  for (const [w, row] of wordTag) {
    let n = 0;
    for (let t = 0; t < T; t++) n += row[t] as number;
    if (n > RARE || w !== w.toLowerCase()) continue;
    for (const k of SUFFIX_LENGTHS) {
      if (w.length < k) continue;
      const key = `${k}:${w.slice(w.length - k)}`;
      let s = suffixCounts.get(key);
      if (!s) suffixCounts.set(key, (s = new Float64Array(T)));
      for (let t = 0; t < T; t++) s[t] += row[t] as number;
    }
  }
  const NEG_INF = Number.NEGATIVE_INFINITY;
  const P = TAG_INDEX.get('P') as number;
  const M = TAG_INDEX.get('M') as number;
  const emissions = (word: string): Float64Array => {
    const out = new Float64Array(T).fill(NEG_INF);
    const row = wordTag.get(word) ?? wordTag.get(word.toLowerCase());
    if (row) {
      for (let t = 0; t < T; t++) if ((row[t] as number) > 0) out[t] = Math.log((row[t] as number) / (tagCount[t] as number));
      return out;
    }
    if (/\p{N}/u.test(word)) {
      out[M] = 0;
      return out;
    }
    if (/^\p{Lu}/u.test(word)) {
      out[P] = 0;
      return out;
    }
    const w = word.toLowerCase();
    for (const k of SUFFIX_LENGTHS) {
      if (w.length < k) continue;
      const s = suffixCounts.get(`${k}:${w.slice(w.length - k)}`);
      if (!s) continue;
      let n = 0;
      for (let t = 0; t < T; t++) n += s[t] as number;
      if (n < 1) continue;
      for (let t = 0; t < T; t++) if ((s[t] as number) > 0) out[t] = Math.log((s[t] as number) / n / ((tagCount[t] as number) / totalTags));
      return out;
    }
    out[TAG_INDEX.get('N') as number] = 0;
    return out;
  };
  return {
    tag(keywords) {
      const m = keywords.length;
      const out = new Uint8Array(m);
      if (m === 0) return out;
      const score = new Float64Array(m * T);
      const back = new Uint8Array(m * T);
      for (let i = 0; i < m; i++) {
        const e = emissions(keywords[i] as string);
        for (let t = 0; t < T; t++) {
          if (e[t] === NEG_INF) {
            score[i * T + t] = NEG_INF;
            continue;
          }
          if (i === 0) {
            score[t] = (logTrans[T * T + t] as number) + (e[t] as number);
            continue;
          }
          let best = NEG_INF;
          let arg = 0;
          for (let p = 0; p < T; p++) {
            const s = (score[(i - 1) * T + p] as number) + (logTrans[p * T + t] as number);
            if (s > best) {
              best = s;
              arg = p;
            }
          }
          score[i * T + t] = best + (e[t] as number);
          back[i * T + t] = arg;
        }
      }
      let best = NEG_INF;
      let arg = 0;
      for (let t = 0; t < T; t++) {
        if ((score[(m - 1) * T + t] as number) > best) {
          best = score[(m - 1) * T + t] as number;
          arg = t;
        }
      }
      for (let i = m - 1; i >= 0; i--) {
        out[i] = arg;
        arg = back[i * T + arg] as number;
      }
      return out;
    },
  };
}
