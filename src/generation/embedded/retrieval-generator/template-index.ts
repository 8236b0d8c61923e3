/**
 * The receiver's templates: the train-split sentences with at least one
 * keyword, each with its content-word slots (the tokens the extractor would
 * send as keywords, with their slot tags), its mood and its domain, packed
 * into typed arrays, plus two indexes that keep retrieval fast:
 *
 * - by slot count: templates with n slots, for the search outward from the
 *   number of received keywords, grouped by their sequence of slot tags
 *   (templates of one sequence align with the keywords at one cost, so the
 *   search runs the alignment once per group);
 * - an inverted index from a keyword (lower-cased) to the templates that have
 *   it in a slot, so templates that share words with the message are always
 *   scored.
 */
import { WORDNET_LEXNAMES } from '../../../datasets/wordnet.js';
import type { Mood } from '../text-understanding.js';
import { SLOT_TAGS } from '../keywords/content.js';
import type { AnalysedSentence } from '../keywords/corpus.js';

export const MOODS: readonly Mood[] = ['statement', 'question', 'command', 'exclamation'];

export interface TemplateIndex {
  /** The template sentences; a template id indexes this array. */
  readonly templates: readonly AnalysedSentence[];
  /** Slots of template t are `slotStart[t] .. slotStart[t + 1]` in `slotTags` and `slotWords`. */
  readonly slotStart: Uint32Array;
  readonly slotTags: Uint8Array;
  readonly slotWords: Int32Array;
  /** Index into `MOODS`. */
  readonly moods: Uint8Array;
  /** Index into `WORDNET_LEXNAMES`. */
  readonly domains: Uint8Array;
  /** `bySlotCount[n]`: ids of the templates with n slots, grouped by slot-tag sequence, ascending within a group. */
  readonly bySlotCount: readonly Uint32Array[];
  /** `groupStarts[n]`: where each group starts in `bySlotCount[n]`, plus its length at the end. */
  readonly groupStarts: readonly Uint32Array[];
  /**
   * The lowest template id of group g of slot count n with a given mood and
   * domain, mood only or domain only, -1 if none: the search needs no more
   * to find a group's best template (see ./retrieve.ts).
   */
  lowestInGroup(n: number, g: number, mood: number, domain: number, match: 'both' | 'mood' | 'domain'): number;
  /** Word id (see `wordId`) → ids of the templates with that word in a slot, ascending. */
  readonly postings: ReadonlyMap<number, Uint32Array>;
  /** Id of a lower-cased keyword in the template dictionary, -1 if no template has it. */
  wordId(word: string): number;
}

/**
 * Builds the index. `domainOf` gives each sentence's domain as a
 * `WORDNET_LEXNAMES` index (the generator passes the shared domain
 * classifier's prediction).
 */
export function buildTemplateIndex(corpus: readonly AnalysedSentence[], domainOf: (s: AnalysedSentence) => number): TemplateIndex {
  const tagIndex = new Map<string, number>(SLOT_TAGS.map((t, i) => [t, i]));
  const moodIndex = new Map<Mood, number>(MOODS.map((m, i) => [m, i]));
  const dictionary = new Map<string, number>();
  const templates = corpus.filter((s) => s.analysis.keywords.length > 0);
  let slots = 0;
  for (const t of templates) slots += t.analysis.keywords.length;
  const slotStart = new Uint32Array(templates.length + 1);
  const slotTags = new Uint8Array(slots);
  const slotWords = new Int32Array(slots);
  const moods = new Uint8Array(templates.length);
  const domains = new Uint8Array(templates.length);
  const byCount: Map<string, number[]>[] = [];
  const postingLists = new Map<number, number[]>();
  let k = 0;
  templates.forEach((t, id) => {
    const a = t.analysis;
    slotStart[id] = k;
    const seen = new Set<number>();
    for (let i = 0; i < a.keywords.length; i++, k++) {
      const word = (a.keywords[i] as string).toLowerCase();
      let w = dictionary.get(word);
      if (w === undefined) dictionary.set(word, (w = dictionary.size));
      slotTags[k] = tagIndex.get(a.tags[i] as string) as number;
      slotWords[k] = w;
      if (!seen.has(w)) {
        seen.add(w);
        let list = postingLists.get(w);
        if (!list) postingLists.set(w, (list = []));
        list.push(id);
      }
    }
    moods[id] = moodIndex.get(a.mood) as number;
    const domain = domainOf(t);
    domains[id] = domain >= 0 && domain < WORDNET_LEXNAMES.length ? domain : 0;
    const n = a.keywords.length;
    while (byCount.length <= n) byCount.push(new Map());
    const key = String(slotTags.subarray(slotStart[id] as number, k));
    const groups = byCount[n] as Map<string, number[]>;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(id);
  });
  slotStart[templates.length] = k;
  const bySlotCount = byCount.map((groups) => Uint32Array.from([...groups.values()].flat()));
  const groupStarts = byCount.map((groups) => {
    const starts = [0];
    for (const g of groups.values()) starts.push((starts[starts.length - 1] as number) + g.length);
    return Uint32Array.from(starts);
  });
  // Key: ((n · G + g) · 256 + code), code = mood · D + domain, or M · D + mood, or M · D + M + domain.
  const D = WORDNET_LEXNAMES.length;
  const M = MOODS.length;
  const groupBase: number[] = [];
  let groupCount = 0;
  for (const starts of groupStarts) {
    groupBase.push(groupCount);
    groupCount += starts.length - 1;
  }
  const lowest = new Map<number, number>();
  const remember = (key: number, id: number): void => {
    if (!lowest.has(key)) lowest.set(key, id);
  };
  groupStarts.forEach((starts, n) => {
    const ids = bySlotCount[n] as Uint32Array;
    for (let g = 0; g + 1 < starts.length; g++) {
      const base = ((groupBase[n] as number) + g) * 256;
      for (let k = starts[g] as number; k < (starts[g + 1] as number); k++) {
        const id = ids[k] as number;
        remember(base + (moods[id] as number) * D + (domains[id] as number), id);
        remember(base + M * D + (moods[id] as number), id);
        remember(base + M * D + M + (domains[id] as number), id);
      }
    }
  });
  const postings = new Map<number, Uint32Array>();
  for (const [w, list] of postingLists) postings.set(w, Uint32Array.from(list));
  return {
    templates,
    slotStart,
    slotTags,
    slotWords,
    moods,
    domains,
    bySlotCount,
    groupStarts,
    lowestInGroup: (n, g, mood, domain, match) => {
      const base = ((groupBase[n] as number) + g) * 256;
      const code = match === 'both' ? mood * D + domain : match === 'mood' ? M * D + mood : M * D + M + domain;
      return lowest.get(base + code) ?? -1;
    },
    postings,
    wordId: (word) => dictionary.get(word) ?? -1,
  };
}
