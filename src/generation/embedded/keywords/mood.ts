/**
 * The mood of a sentence from its final punctuation and the part-of-speech
 * pattern of its first words. The rules, in order (the first that fires wins):
 *
 * 1. question: the sentence ends with "?" (closing quotes and brackets aside);
 * 2. question: it does not end with "." or "!" and opens with subject-auxiliary
 *    inversion: an auxiliary followed by a subject ("is it raining", "can you
 *    help"), or a wh-word followed within three tokens by an auxiliary ("where
 *    is", "how long will", "which hinge is"), or "how many"/"how much";
 * 3. command: it opens (after "please", "kindly", "just", "always", "never",
 *    "do not", "don't") with the base form of a verb and no subject before it
 *    ("close the door", "be quiet", "never give up"). wink tags a sentence-
 *    initial verb as an adjective or proper noun now and then ("Open the
 *    window" → PROPN), so a word WordNet lists as a verb also counts when a
 *    determiner or object pronoun follows it;
 * 4. exclamation: it ends with "!", or opens with "what a(n)" or with "how"
 *    plus an adjective or adverb not followed by an auxiliary or verb ("how
 *    nice");
 * 5. statement otherwise.
 *
 * Most WordNet examples are fragments without final punctuation, so rules 2
 * and 3 decide most of their non-statement moods.
 */
import type { PartOfSpeech } from 'wink-nlp';
import type { Mood } from '../text-understanding.js';
import type { WordnetLexicon } from './wordnet-lexicon.js';

const WH = new Set(['what', 'who', 'whom', 'whose', 'which', 'where', 'when', 'why', 'how']);
const SUBJECT_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'there', 'this', 'that', 'these', 'those']);
const OBJECT_PRONOUNS = new Set(['me', 'you', 'him', 'her', 'us', 'them', 'it', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'our', 'their', 'its', 'yourself', 'yourselves']);
const IMPERATIVE_LEAD_INS = new Set(['please', 'kindly', 'just', 'always', 'never']);
const NOT_BASE_FORMS = new Set(['am', 'is', 'are', 'was', 'were', 'been', 'being', 'has', 'had', 'does', 'did', "'s", "'re", "'m"]);
const OPENING_PUNCT = /^["'“‘([{«—–-]+$/u;
const CLOSING_PUNCT = /^["'”’)\]}»]+$/u;

/** Token arrays of one analysed text, with parts of speech after the corrections of ./tagging.ts. */
export interface MoodTokens {
  readonly values: readonly string[];
  readonly pos: readonly PartOfSpeech[];
  readonly lemmas: readonly string[];
  readonly types: readonly string[];
}

export interface SentenceMood {
  readonly mood: Mood;
  /** Token index of the imperative verb when `mood` is `command` (its tag becomes VERB), else -1. */
  readonly imperativeVerb: number;
}

function isWordToken(t: MoodTokens, i: number): boolean {
  return t.types[i] !== 'punctuation' && t.types[i] !== 'symbol' && t.types[i] !== 'emoji';
}

/** The final punctuation of tokens [start, end): the last token, skipping closing quotes and brackets ('' if it is a word). */
function finalPunctuation(t: MoodTokens, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) {
    const v = t.values[i] as string;
    if (CLOSING_PUNCT.test(v)) continue;
    return isWordToken(t, i) ? '' : v;
  }
  return '';
}

function lower(t: MoodTokens, i: number, end: number): string {
  return i < end ? (t.values[i] as string).toLowerCase() : '';
}

function isInvertedQuestion(t: MoodTokens, f: number, end: number): boolean {
  const w0 = lower(t, f, end);
  const next = lower(t, f + 1, end);
  if (WH.has(w0)) {
    if (w0 === 'how' && (next === 'many' || next === 'much')) return true;
    // The auxiliary comes right after the wh-word ("where is"), after the
    // adjective or adverb of "how" ("how long will"), or after the noun phrase
    // of "what/which/whose" ("which hinge is", "what kind of car is").
    // "when a match is found ..." is a clause, not a question.
    const p = (k: number): PartOfSpeech | '' => (f + k < end ? (t.pos[f + k] as PartOfSpeech) : '');
    if (p(1) === 'AUX') return true;
    if (w0 === 'how') return (p(1) === 'ADJ' || p(1) === 'ADV') && p(2) === 'AUX';
    if (w0 === 'what' || w0 === 'which' || w0 === 'whose') {
      return (p(1) === 'NOUN' && p(2) === 'AUX') || (p(1) === 'ADJ' && p(2) === 'NOUN' && p(3) === 'AUX');
    }
    return false;
  }
  if (t.pos[f] !== 'AUX' || f + 1 >= end) return false;
  const p1 = t.pos[f + 1];
  // "do it now", "do this" are commands; "do you", "do they" ask.
  if (t.lemmas[f] === 'do' && (next === 'it' || next === 'this' || next === 'that')) return false;
  return (p1 === 'PRON' && SUBJECT_PRONOUNS.has(next)) || p1 === 'PROPN' || p1 === 'DET';
}

function imperativeVerb(t: MoodTokens, f: number, end: number, lexicon: WordnetLexicon): number {
  let i = f;
  for (;;) {
    const w = lower(t, i, end);
    if (IMPERATIVE_LEAD_INS.has(w) || (i < end && t.types[i] === 'punctuation' && i > f)) i++;
    else if (w === 'do' && (lower(t, i + 1, end) === "n't" || lower(t, i + 1, end) === 'not')) i += 2;
    else break;
  }
  if (i >= end) return -1;
  const w = lower(t, i, end);
  const pos = t.pos[i];
  const next = i + 1 < end ? t.pos[i + 1] : 'PUNCT';
  const nextWord = lower(t, i + 1, end);
  if (NOT_BASE_FORMS.has(w) || t.lemmas[i] !== w || !lexicon.senses('v', w)) return -1;
  if (next === 'AUX' || nextWord === "'s") return -1;
  // "block grants reduce ...", "Grant won ...": a verb followed by another verb, directly or after a bare noun, has a subject.
  if (next === 'VERB' || ((next === 'NOUN' || next === 'PROPN') && i + 2 < end && (t.pos[i + 2] === 'VERB' || t.pos[i + 2] === 'AUX'))) return -1;
  if (pos === 'VERB') return i;
  if (pos === 'AUX') return w === 'be' || w === 'do' || w === 'have' ? (SUBJECT_PRONOUNS.has(nextWord) && nextWord !== 'it' && nextWord !== 'this' && nextWord !== 'that' ? -1 : i) : -1;
  if (pos === 'PROPN' || pos === 'NOUN' || pos === 'ADJ') {
    return next === 'DET' || (next === 'PRON' && OBJECT_PRONOUNS.has(nextWord)) ? i : -1;
  }
  return -1;
}

function isExclamative(t: MoodTokens, f: number, end: number): boolean {
  const w0 = lower(t, f, end);
  const next = lower(t, f + 1, end);
  if (w0 === 'what' && (next === 'a' || next === 'an')) return true;
  if (w0 === 'how' && (t.pos[f + 1] === 'ADJ' || t.pos[f + 1] === 'ADV') && f + 1 < end) {
    const p2 = f + 2 < end ? t.pos[f + 2] : 'PUNCT';
    return p2 !== 'AUX' && p2 !== 'VERB';
  }
  return false;
}

/** The mood of the sentence made of tokens [start, end) (see the module comment). */
export function sentenceMood(t: MoodTokens, start: number, end: number, lexicon: WordnetLexicon): SentenceMood {
  let f = start;
  while (f < end && (!isWordToken(t, f) || OPENING_PUNCT.test(t.values[f] as string))) f++;
  if (f >= end) return { mood: 'statement', imperativeVerb: -1 };
  const last = finalPunctuation(t, start, end);
  if (last.includes('?')) return { mood: 'question', imperativeVerb: -1 };
  const terminated = last.includes('.') || last.includes('!');
  if (!terminated && isInvertedQuestion(t, f, end)) return { mood: 'question', imperativeVerb: -1 };
  const verb = imperativeVerb(t, f, end, lexicon);
  if (verb >= 0) return { mood: 'command', imperativeVerb: verb };
  if (last.includes('!') || isExclamative(t, f, end)) return { mood: 'exclamation', imperativeVerb: -1 };
  return { mood: 'statement', imperativeVerb: -1 };
}

const MOOD_PRIORITY: readonly Mood[] = ['question', 'command', 'exclamation', 'statement'];

/**
 * The mood of a text of several sentences: the most demanding one present,
 * in the order question (asks for a reply), command (asks for an action),
 * exclamation, statement.
 */
export function combineMoods(moods: readonly Mood[]): Mood {
  for (const m of MOOD_PRIORITY) if (moods.includes(m)) return m;
  return 'statement';
}
