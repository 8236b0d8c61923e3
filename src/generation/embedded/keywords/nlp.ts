/**
 * Tokenisation, sentence boundaries, part-of-speech tags and lemmas from
 * wink-nlp 2 with its English lite web model (wink-eng-lite-web-model 1.8):
 * a rule-based tokeniser (splits clitics: "don't" → "do" + "n't", "it's" →
 * "it" + "'s"; keeps "e-mail", "3.5", "p.m." whole), a sentence boundary
 * detector, a universal-dependencies POS tagger (17 UPOS tags) and a
 * WordNet-exception lemmatiser. Only the `sbd` and `pos` stages of the
 * pipeline run: named entities, negation scopes and sentiment are not used.
 *
 * The packages are CommonJS and loaded on first use (about 0.1 s), so that
 * importing this module costs nothing until text is analysed.
 */
import { createRequire } from 'node:module';
import type { ItemSentence, ItsFunction, PartOfSpeech, WinkMethods } from 'wink-nlp';
import { SemcomError } from '../../../core/errors.js';

/** One analysed text: parallel arrays, one entry per token. */
export interface TextAnalysis {
  readonly values: readonly string[];
  readonly pos: readonly PartOfSpeech[];
  /** wink's lemma, lower-cased ("sedated" → "sedate", "n't" → "not"). */
  readonly lemmas: readonly string[];
  /** wink's stop-word flag (its list is aggressive: it also lists "made", "two", "side", "serious"). */
  readonly stopWords: readonly boolean[];
  /** wink's token type: word, number, punctuation, symbol, ordinal, currency, email, url, emoji, ... */
  readonly types: readonly string[];
  /** Whitespace before each token (tabs and line breaks included), so `spaces[i] + values[i]` concatenated gives the text back (less trailing whitespace). */
  readonly spaces: readonly string[];
  /** Index of the first token of each sentence, ascending, starting at 0 (empty for a text without tokens). */
  readonly sentenceStarts: readonly number[];
}

const instances = new Map<string, WinkMethods>();

/**
 * A wink-nlp instance running the given pipeline stages over the English lite
 * model, one per distinct pipeline per process (Node's module cache holds one
 * copy of the model whatever the number of instances).
 */
export function winkPipeline(pipe: readonly string[], purpose = 'the embedded text model'): WinkMethods {
  const key = pipe.join(',');
  const existing = instances.get(key);
  if (existing) return existing;
  const require = createRequire(import.meta.url);
  let winkNLP: (model: unknown, pipe?: string[]) => WinkMethods;
  let model: unknown;
  try {
    winkNLP = require('wink-nlp') as typeof winkNLP;
    model = require('wink-eng-lite-web-model');
  } catch (e) {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `${purpose} needs the packages 'wink-nlp' and 'wink-eng-lite-web-model'; run \`npm install\` in the semcom folder`, { cause: e });
  }
  const instance = winkNLP(model, [...pipe]);
  instances.set(key, instance);
  return instance;
}

function wink(): WinkMethods {
  return winkPipeline(['sbd', 'pos']);
}

/** Runs wink-nlp on `text` (no length check: callers bound the input). */
export function analyse(text: string): TextAnalysis {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const sentenceStarts: number[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const t = s.tokens();
    if (t.length() > 0) sentenceStarts.push(t.itemAt(0).index());
  });
  const raw = {
    values: tokens.out(its.value) as string[],
    pos: tokens.out(its.pos) as PartOfSpeech[],
    // wink's typing of `its.lemma` (it takes the model's addons) does not fit `ItsFunction`; it works as documented.
    lemmas: (tokens.out(its.lemma as unknown as ItsFunction<string>) as string[]).map((l) => l.toLowerCase()),
    stopWords: tokens.out(its.stopWordFlag) as boolean[],
    types: tokens.out(its.type) as string[],
    spaces: tokens.out(its.precedingSpaces) as string[],
  };
  return withoutLineBreakTokens(raw, sentenceStarts);
}

/**
 * wink keeps tabs and line breaks as tokens of type `tabCRLF`; they are
 * folded into the next token's preceding whitespace so that every token is
 * a word, number, symbol or punctuation mark.
 */
function withoutLineBreakTokens(raw: Omit<TextAnalysis, 'sentenceStarts'>, sentenceStarts: number[]): TextAnalysis {
  if (!raw.types.includes('tabCRLF')) return { ...raw, sentenceStarts };
  const out = { values: [] as string[], pos: [] as PartOfSpeech[], lemmas: [] as string[], stopWords: [] as boolean[], types: [] as string[], spaces: [] as string[] };
  const newIndex: number[] = [];
  let pending = '';
  for (let i = 0; i < raw.values.length; i++) {
    newIndex.push(out.values.length);
    if (raw.types[i] === 'tabCRLF') {
      pending += (raw.spaces[i] as string) + (raw.values[i] as string);
      continue;
    }
    out.values.push(raw.values[i] as string);
    out.pos.push(raw.pos[i] as PartOfSpeech);
    out.lemmas.push(raw.lemmas[i] as string);
    out.stopWords.push(raw.stopWords[i] as boolean);
    out.types.push(raw.types[i] as string);
    out.spaces.push(pending + (raw.spaces[i] as string));
    pending = '';
  }
  const starts: number[] = [];
  for (const s of sentenceStarts) {
    const j = newIndex[s] as number;
    if (j < out.values.length && starts[starts.length - 1] !== j) starts.push(j);
  }
  return { ...out, sentenceStarts: starts };
}
