/**
 * Adapting a template: its content-word slots take the received keywords as
 * the alignment says (./alignment.ts), its function words stay.
 *
 * - A filled slot shows the keyword, with the template's spacing (a template
 *   "n't" filled by "not" stays "n't", so "don't" does not become "donot").
 * - Inserted keywords come in runs between two filled slots; the tail of a
 *   run that modifies what follows goes before the next filled slot, the
 *   rest after the previous one, so the keywords keep their order.
 * - A deleted slot goes, with the function words that lead up to it
 *   ("before the operation" goes whole), so no "the" is left dangling.
 *   A modifier is an adjective, numeral or negator; an adverb before a verb
 *   or adjective; a noun before a noun ("stone wall"). Nothing goes in front
 *   of a clitic slot ("n't", "'s"); a run with no filled slot on either side
 *   goes at the end, before the final punctuation.
 * - Every "a"/"an" is then chosen again for the word after it (./articles.ts).
 */
import type { PartOfSpeech } from 'wink-nlp';
import { SLOT_TAGS, slotClass, type SlotTag } from '../keywords/content.js';
import type { KeywordAnalysis } from '../keywords/analysis.js';
import type { AlignmentStep } from './alignment.js';
import { indefiniteArticle } from './articles.js';

const LEAD_IN = new Set<PartOfSpeech>(['DET', 'ADP', 'PART', 'AUX', 'CCONJ', 'SCONJ']);
const WORD_EDGE_END = /[\p{L}\p{N}]$/u;
const WORD_EDGE_START = /^[\p{L}\p{N}]/u;
const SEPARATOR = /^[,;:]$/;

interface Piece {
  text: string;
  space: string;
}

function modifies(inserted: string, next: string): boolean {
  if (inserted === 'A' || inserted === 'M' || inserted === 'X') return true;
  if (inserted === 'R') return next === 'V' || next === 'A';
  if (inserted === 'N' || inserted === 'P') return next === 'N' || next === 'P';
  return false;
}

/**
 * The sentence made from template `t` (its analysis) filled with `keywords`
 * (slot tags `tags`, indices into `SLOT_TAGS`) along `steps`.
 */
export function renderTemplate(t: KeywordAnalysis, steps: readonly AlignmentStep[], keywords: readonly string[], tags: Uint8Array): string {
  const a = t.analysis;
  const slotToken = t.keywordIndices;
  const n = slotToken.length;
  const fillOf = new Int32Array(n).fill(-1);
  const deleted = new Uint8Array(n);
  const before: string[][] = Array.from({ length: n }, () => []);
  const after: string[][] = Array.from({ length: n }, () => []);
  const atEnd: string[] = [];
  const classOf = (k: number): string => slotClass(SLOT_TAGS[tags[k] as number] as SlotTag);
  // Inserted keywords come in runs between two fills. The tail of a run that
  // modifies what follows it goes before the next fill; the rest goes after
  // the previous fill. Splitting a run once keeps the keywords in order.
  const isClitic = (slot: number): boolean => {
    const v = (a.values[slotToken[slot] as number] as string).toLowerCase();
    return v.startsWith("'") || v === "n't";
  };
  let prevFillSlot = -1;
  let run: number[] = [];
  const flush = (nextFill: { slot: number; keyword: number } | null): void => {
    let split = run.length;
    if (nextFill && !isClitic(nextFill.slot)) {
      let nextClass = classOf(nextFill.keyword);
      while (split > 0 && (prevFillSlot < 0 || modifies(classOf(run[split - 1] as number), nextClass))) {
        split--;
        nextClass = classOf(run[split] as number);
      }
    }
    const words = run.map((k) => keywords[k] as string);
    const tail = words.slice(split);
    const head = words.slice(0, split);
    if (nextFill) before[nextFill.slot]?.push(...tail);
    if (prevFillSlot >= 0) after[prevFillSlot]?.push(...head);
    else if (nextFill) before[nextFill.slot]?.unshift(...head);
    else atEnd.push(...head);
    run = [];
  };
  for (const step of steps) {
    if (step.op === 'fill') {
      flush(step);
      fillOf[step.slot] = step.keyword;
      prevFillSlot = step.slot;
    } else if (step.op === 'delete') {
      deleted[step.slot] = 1;
    } else {
      run.push(step.keyword);
    }
  }
  flush(null);
  // Tokens removed with deleted slots: the slot and the function words right before it.
  const removed = new Uint8Array(a.values.length);
  const isSlot = new Int32Array(a.values.length).fill(-1);
  slotToken.forEach((tok, i) => (isSlot[tok] = i));
  for (let i = 0; i < n; i++) {
    if (!deleted[i] || before[i]?.length || after[i]?.length) continue;
    const tok = slotToken[i] as number;
    removed[tok] = 1;
    for (let j = tok - 1; j >= 0 && isSlot[j] < 0 && LEAD_IN.has(t.pos[j] as PartOfSpeech); j--) removed[j] = 1;
  }
  const out: Piece[] = [];
  const push = (text: string, space: string): void => {
    if (SEPARATOR.test(text) && (out.length === 0 || SEPARATOR.test((out[out.length - 1] as Piece).text))) return;
    out.push({ text, space });
  };
  let lastWord = a.values.length - 1;
  while (lastWord >= 0 && a.types[lastWord] === 'punctuation') lastWord--;
  for (let tok = 0; tok < a.values.length; tok++) {
    const slot = isSlot[tok] as number;
    if (slot >= 0) {
      for (const w of before[slot] as string[]) push(w, ' ');
      const k = fillOf[slot] as number;
      if (k >= 0) {
        const word = keywords[k] as string;
        const templateWord = a.values[tok] as string;
        if (templateWord.toLowerCase() === "n't" && word === 'not' && (before[slot] as string[]).length === 0) push(templateWord, a.spaces[tok] as string);
        else push(word, a.spaces[tok] as string);
      } else if (!removed[tok]) {
        push(a.values[tok] as string, a.spaces[tok] as string);
      }
      for (const w of after[slot] as string[]) push(w, ' ');
    } else if (!removed[tok]) {
      push(a.values[tok] as string, a.spaces[tok] as string);
    }
    if (tok === lastWord) for (const w of atEnd) push(w, ' ');
  }
  if (lastWord < 0) for (const w of atEnd) push(w, ' ');
  // Trailing separators left by deletions.
  while (out.length > 0 && SEPARATOR.test((out[out.length - 1] as Piece).text)) out.pop();
  for (let i = 0; i < out.length; i++) {
    const p = out[i] as Piece;
    const lower = p.text.toLowerCase();
    if ((lower === 'a' || lower === 'an') && i + 1 < out.length && WORD_EDGE_START.test((out[i + 1] as Piece).text)) {
      const article = indefiniteArticle((out[i + 1] as Piece).text);
      p.text = p.text[0] === 'A' ? article[0]?.toUpperCase() + article.slice(1) : article;
    }
  }
  let text = '';
  out.forEach((p, i) => {
    let space = i === 0 ? '' : p.space;
    if (i > 0 && space === '' && WORD_EDGE_END.test(text) && WORD_EDGE_START.test(p.text) && !p.text.startsWith("n't")) space = ' ';
    text += space + p.text;
  });
  return text;
}
