/**
 * Tokenizers for the text metrics (BLEU, exact match).
 *
 * BLEU depends on the tokenization as much as on the formula (Post, "A Call
 * for Clarity in Reporting BLEU Scores", WMT 2018), so the tokenizer is a
 * named, documented choice that a caller states next to any figure:
 *
 * - `'13a'` (default): the tokenizer of mteval-v13a.pl, the reference NIST
 *   scorer, as sacreBLEU implements it (`tokenizers/tokenizer_13a.py`). It
 *   splits off ASCII punctuation and symbols, splits periods and commas
 *   except inside numbers (3.5, 10,000), splits a dash after a digit, and
 *   keeps apostrophes and hyphens inside words ("don't", "well-known").
 * - `'whitespace'`: split on runs of white space only, for text that is
 *   already tokenized (NLTK's examples pass token lists).
 *
 * `lowercase` folds case before tokenizing (sacreBLEU `-lc`). sacreBLEU is
 * case-sensitive by default and so is this module; DeepSC-style evaluations
 * lower-case.
 */
import { SemcomError } from '../core/errors.js';

/** Names of the tokenizers of {@link tokenizeText}. */
export type TextTokenizer = '13a' | 'whitespace';

export interface TokenizeOptions {
  /** Default `'13a'`. */
  readonly tokenizer?: TextTokenizer;
  /** Fold case first (default false, as sacreBLEU). */
  readonly lowercase?: boolean;
}

// The language-dependent rules of mteval-v13a.pl in sacreBLEU's order.
// Rule 1's class is { | } ~, [ \ ] ^ _ `, space ! " # $ % &, ( ) * +, : ; < = > ? @ and /.
const SYMBOLS = /([{-~[-` -&(-+:-@/])/g;
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/g;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/g;
const DASH_AFTER_DIGIT = /([0-9])(-)/g;

/**
 * The mteval-v13a tokenizer (see the module comment). Returns the tokens in
 * order; an empty or blank text gives `[]`.
 *
 * @example tokenize13a('It costs $3.50, right?') // ['It', 'costs', '$', '3.50', ',', 'right', '?']
 */
export function tokenize13a(text: string): string[] {
  let line = text.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  // Padding with spaces lets the period/comma rules see the ends of the line, as in the Perl original.
  line = ` ${line} `
    .replace(SYMBOLS, ' $1 ')
    .replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ')
    .replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2')
    .replace(DASH_AFTER_DIGIT, '$1 $2 ');
  return splitWhitespace(line);
}

function splitWhitespace(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/**
 * Tokenizes `text` with the named tokenizer, after folding case if asked.
 *
 * @throws SemcomError `INVALID_ARGUMENT` for a non-string text or an unknown tokenizer name.
 */
export function tokenizeText(text: string, options: TokenizeOptions = {}): string[] {
  if (typeof text !== 'string') {
    throw new SemcomError('INVALID_ARGUMENT', `tokenizeText: text must be a string, got ${typeof text}`);
  }
  const source = options.lowercase ? text.toLowerCase() : text;
  const tokenizer = options.tokenizer ?? '13a';
  if (tokenizer === '13a') return tokenize13a(source);
  if (tokenizer === 'whitespace') return splitWhitespace(source);
  throw new SemcomError('INVALID_ARGUMENT', `tokenizeText: unknown tokenizer '${String(tokenizer)}'; use '13a' or 'whitespace'`);
}
