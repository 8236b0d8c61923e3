/**
 * A text's vector: the mean of its tokens' word vectors, spaCy's `Doc.vector`
 * convention (seed 002 Sec. IV measures semantic similarity with spaCy).
 *
 * spaCy averages over every token, giving a token without a vector the zero
 * vector; this module averages over the tokens that have one. The two differ
 * only by a positive factor, so every cosine similarity is the same. Stop
 * words and punctuation count like any token, as in spaCy (punctuation can
 * be left out with `includePunctuation: false`). A text with no known token
 * gets the zero vector; the cosine similarity of a zero vector is 0 here
 * (metrics/similarity.ts), as spaCy's `Doc.similarity` returns 0.0 for it.
 */
import { isPunctuationToken, vectorKeys, wordVectorTokens } from './tokenizer.js';
import type { WordVectorLookup } from './table.js';

export interface MeanWordVectorOptions {
  /** Count punctuation and symbol tokens that have a vector (default true, as spaCy). */
  readonly includePunctuation?: boolean;
}

/** Result of {@link meanWordVector}: the vector and how many table rows went into it. */
export interface MeanWordVector {
  readonly vector: Float32Array;
  /** Rows averaged (a hyphenated word backed off to its parts counts each part). */
  readonly known: number;
  /** Tokens of the text. */
  readonly tokens: number;
}

/**
 * The mean word vector of `text` (see the module comment). `scratch`, when
 * given, is a reusable accumulator of length `lookup.dimensions`.
 */
export function meanWordVector(lookup: WordVectorLookup, text: string, options: MeanWordVectorOptions = {}, scratch?: Float64Array): MeanWordVector {
  const dims = lookup.dimensions;
  const sum = scratch ?? new Float64Array(dims);
  sum.fill(0);
  const includePunctuation = options.includePunctuation ?? true;
  const has = (key: string): boolean => lookup.indexOf(key) >= 0;
  const tokens = wordVectorTokens(text);
  let known = 0;
  for (const token of tokens) {
    if (!includePunctuation && isPunctuationToken(token)) continue;
    for (const key of vectorKeys(token, has)) {
      lookup.addRow(lookup.indexOf(key), sum);
      known++;
    }
  }
  const vector = new Float32Array(dims);
  if (known > 0) for (let d = 0; d < dims; d++) vector[d] = (sum[d] as number) / known;
  return { vector, known, tokens: tokens.length };
}
