/**
 * Relation extraction by part-of-speech patterns within one sentence (seed
 * 000 Sec. VI-B1, "relation extraction to distill ... their connections from
 * unstructured data, forming a network of triples"). The patterns follow the
 * syntactic constraint of ReVerb (Fader, Soderland and Etzioni, "Identifying
 * relations for open information extraction", EMNLP 2011): a relation is a
 * verb group, optionally followed by a preposition, between two noun
 * phrases; the nearest noun phrase on the left is the subject, the one on
 * the right the object.
 *
 * Verb group: a run of AUX, VERB, PART and ADV tokens holding an AUX or VERB.
 * Its relation key is built from its verbs:
 * - the main verbs' lemmas, joined by `_` and by `to` where an infinitive
 *   marker sits between them ("wants to eat" → `want_to_eat`);
 * - a passive participle keeps its surface form (a form of "be" or "get"
 *   before a verb whose form is not its lemma and not an -ing form: "was
 *   born in" → `born_in`, "is located in" → `located_in`);
 * - auxiliaries and modals are dropped ("must be sedated" → `sedated`);
 * - a negation ("not", "n't", "never") prefixes `not_`;
 * - a preposition right after the group is appended ("lives in" → `live_in`,
 *   "picked up" → `pick_up`).
 *
 * Copula (a group whose only verb is "be"):
 * - "X is a Y" → (X, `is_a`, Y) when Y is a common-noun chunk;
 * - "X is the Y of Z" → (X, `<Y>_of`, Z), Y's head lemma ("Paris is the
 *   capital of France" → (paris, capital_of, france)); any preposition;
 * - "The Y of Z is X" with X a name → (X, `<Y>_of`, Z);
 * - "X is in Z" → (X, `be_in`, Z);
 * - "X is N" with N a name and no "of" on the left is equative ("The winner
 *   is John"): no triple, since `is_a` would be wrong.
 *
 * Arguments: the subject is the mention ending right before the group (ADV
 * tokens and one relative pronoun "who"/"which"/"that" may sit between); in
 * "the Y of Z" the subject is Y. The object is the mention starting right
 * after the group or its preposition (determiners, possessives and numbers
 * skipped), and "the Y of Z" as an object is Y. Coordinated mentions ("cats
 * and dogs", "radium and polonium") each take part; a comma list counts only
 * when it ends in "and"/"or" (so an apposition is not a list), and a left
 * conjunct that follows a verb or preposition belongs to the clause before
 * ("John eats fish and Mary eats meat" does not make fish eat meat).
 * After the object, a preposition phrase whose object is a date, time or
 * duration, or a passive agent "by Z", gives one more triple ("was born in
 * Hawaii on August 4, 1961" → also (…, born_on, august_4_1961)); other
 * preposition phrases after an object are not attached (their attachment
 * is ambiguous: "eats fish with a fork" / "with bones").
 *
 * Questions (a sentence ending in "?") state nothing and are skipped.
 */
import type { PartOfSpeech } from 'wink-nlp';
import { TEMPORAL_KINDS, type Mention, type TaggedTokens } from './mentions.js';
import { snakeKey } from './names.js';

/** One extracted fact, with the mentions it joins. */
export interface PatternTriple {
  readonly head: Mention;
  readonly relation: string;
  readonly tail: Mention;
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'ought']);
const NEGATIONS = new Set(['not', "n't", 'never']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);
const GROUP_POS = new Set<PartOfSpeech>(['AUX', 'VERB', 'PART', 'ADV']);
const PASSIVE_AUXILIARIES = new Set(['be', 'get']);
const CONJUNCTIONS = new Set(['and', 'or']);
const CLOSING = /^["'”’)\]}»]+$/u;

interface NounPhraseList {
  readonly heads: Mention[];
  /** First token after the list. */
  readonly next: number;
}

interface VerbGroup {
  readonly start: number;
  /** Exclusive; a trailing infinitive marker "to" with no verb after it is left out, to be read as a preposition. */
  readonly end: number;
  /** `be` for a copula, else the verb part of the relation key ('' when the group has no usable verb). */
  readonly base: string;
  readonly copula: boolean;
  readonly negated: boolean;
  readonly passive: boolean;
}

class Sentence {
  private readonly byStart = new Map<number, Mention>();
  private readonly byEnd = new Map<number, Mention>();
  readonly out: PatternTriple[] = [];

  constructor(
    readonly t: TaggedTokens,
    readonly start: number,
    readonly end: number,
    mentions: readonly Mention[],
  ) {
    for (const m of mentions) {
      this.byStart.set(m.start, m);
      this.byEnd.set(m.end, m);
    }
  }

  /** Token i in lower case; '' outside the sentence. */
  lower(i: number): string {
    return i >= this.start && i < this.end ? (this.t.values[i] as string).toLowerCase() : '';
  }

  pos(i: number): PartOfSpeech | undefined {
    return i >= this.start && i < this.end ? this.t.pos[i] : undefined;
  }

  /** Whether token i is a determiner, possessive or number that may precede a mention. */
  isDeterminer(i: number): boolean {
    const p = this.pos(i);
    return p === 'DET' || (p === 'PRON' && POSSESSIVES.has(this.lower(i))) || (p === 'NUM' && !this.byStart.has(i));
  }

  /** Whether token i is a possessive ending ("'s", or "'" glued to a plural). */
  isPossessive(i: number): boolean {
    const v = this.lower(i);
    return (v === "'s" && this.pos(i) === 'PART') || (v === "'" && this.t.spaces[i] === '');
  }

  /** The mention at or after determiners from token i; "the trade's euphemism" gives the possessed noun. */
  mentionFrom(i: number): Mention | undefined {
    let k = i;
    for (;;) {
      while (k < this.end && this.isDeterminer(k) && !this.byStart.has(k)) k++;
      const m = this.byStart.get(k);
      if (!m || !this.isPossessive(m.end)) return m;
      k = m.end + 1;
    }
  }

  /** Token after "of Z" attachments of a noun phrase ending at `k`. */
  skipOf(k: number): number {
    let next = k;
    while (this.lower(next) === 'of' && this.pos(next) === 'ADP') {
      const z = this.mentionFrom(next + 1);
      if (!z) break;
      next = z.end;
    }
    return next;
  }

  /** Whether a verb group starts at token i (after adverbs): a mention there is the subject of a new clause. */
  verbFollows(i: number): boolean {
    let k = i;
    while (this.pos(k) === 'ADV') k++;
    return this.pos(k) === 'VERB' || this.pos(k) === 'AUX';
  }

  /**
   * A noun phrase and its coordinated conjuncts starting at token i. After
   * an "of Z" attachment a conjunction is ambiguous ("a mix of flour and
   * water") and is not followed; a conjunct followed by a verb starts a new
   * clause ("... fish and Mary eats ...").
   */
  nounPhrases(i: number): NounPhraseList | undefined {
    const first = this.mentionFrom(i);
    if (!first) return undefined;
    const heads = [first];
    let next = this.skipOf(first.end);
    if (next !== first.end) return { heads, next };
    let commaJoined = 0;
    let conjunction = false;
    for (;;) {
      let k = next;
      let sawComma = false;
      if (this.lower(k) === ',') {
        sawComma = true;
        k++;
      }
      if (this.pos(k) === 'CCONJ' && CONJUNCTIONS.has(this.lower(k))) {
        conjunction = true;
        k++;
      } else if (!sawComma) break;
      const m = this.mentionFrom(k);
      if (!m || this.verbFollows(m.end)) break;
      const after = this.skipOf(m.end);
      heads.push(m);
      if (sawComma && !conjunction) commaJoined++;
      next = after;
      if (conjunction || after !== m.end) break;
    }
    if (!conjunction && commaJoined > 0) return { heads: [first], next: first.end };
    return { heads, next };
  }

  /** Token before the determiners that precede token i (i - 1 when none). */
  beforeDeterminers(i: number): number {
    let k = i - 1;
    while (k >= this.start && this.isDeterminer(k)) k--;
    return k;
  }

  /** Subjects of a group starting at `groupStart`, with the "Y of Z" that named the first one, if any. */
  subjects(groupStart: number): { heads: Mention[]; genitive?: { y: Mention; z: Mention } } {
    let k = groupStart - 1;
    while (k >= this.start && this.pos(k) === 'ADV') k--;
    if (k >= this.start && RELATIVE_PRONOUNS.has(this.lower(k)) && this.pos(k) !== 'ADP') k--;
    let s = this.byEnd.get(k + 1);
    if (!s) return { heads: [] };
    // "the Y p Z" before the verb: Y is the subject ("the policeman on the beat got credit").
    let genitive: { y: Mention; z: Mention } | undefined;
    for (;;) {
      const p = this.beforeDeterminers(s.start);
      const y = this.pos(p) === 'ADP' ? this.byEnd.get(p) : undefined;
      if (!y) break;
      if (this.lower(p) === 'of') genitive ??= { y, z: s };
      s = y;
    }
    // A noun right after a verb is that verb's object, not this group's subject ("the horse that won the race is ...").
    const before = this.pos(this.beforeDeterminers(s.start));
    if (before === 'VERB' || before === 'AUX') return { heads: [] };
    // Left conjuncts: "A and B", "A, B and C", "A, B, and C"; a comma counts only inside a list closed by a conjunction.
    const heads = [s];
    let conjunction = false;
    let at = s;
    for (;;) {
      let k2 = this.beforeDeterminers(at.start);
      if (this.pos(k2) === 'CCONJ' && CONJUNCTIONS.has(this.lower(k2))) {
        conjunction = true;
        k2--;
        if (this.lower(k2) === ',') k2--;
      } else if (conjunction && this.lower(k2) === ',') {
        k2--;
      } else break;
      const m = this.byEnd.get(k2 + 1);
      if (!m) break;
      const before = this.pos(this.beforeDeterminers(m.start));
      if (before === 'VERB' || before === 'AUX' || before === 'ADP') break;
      heads.unshift(m);
      at = m;
    }
    return genitive ? { heads, genitive } : { heads };
  }

  /** The verb group starting at token i (an AUX or VERB). */
  verbGroup(i: number): VerbGroup {
    let j = i;
    while (j < this.end && GROUP_POS.has(this.t.pos[j] as PartOfSpeech) && !this.byStart.has(j)) j++;
    if (j > i + 1 && this.pos(j - 1) === 'PART' && this.lower(j - 1) === 'to') j--;
    const words: string[] = [];
    let negated = false;
    let passive = false;
    let sawPassiveAux = false;
    let lastAux = -1;
    let verbs = 0;
    for (let k = i; k < j; k++) {
      const p = this.t.pos[k];
      const lemma = this.t.lemmas[k] as string;
      const lower = this.lower(k);
      if (NEGATIONS.has(lower) || NEGATIONS.has(lemma)) negated = true;
      if (p === 'AUX') {
        if (!MODALS.has(lemma) && !MODALS.has(lower)) lastAux = k;
        if (PASSIVE_AUXILIARIES.has(lemma)) sawPassiveAux = true;
      } else if (p === 'VERB') {
        if (verbs > 0 && this.lower(k - 1) === 'to') words.push('to');
        const participle = sawPassiveAux && lower !== lemma && !lower.endsWith('ing');
        words.push(participle ? lower : lemma);
        passive = participle;
        verbs++;
      }
    }
    if (verbs === 0) {
      const lemma = lastAux >= 0 ? (this.t.lemmas[lastAux] as string) : '';
      return { start: i, end: j, base: lemma === 'do' ? '' : lemma, copula: lemma === 'be', negated, passive: false };
    }
    return { start: i, end: j, base: snakeKey(words.join('_')), copula: false, negated, passive };
  }

  emit(heads: readonly Mention[], relation: string, tails: readonly Mention[]): void {
    const key = snakeKey(relation);
    if (key === '') return;
    for (const h of heads) for (const t of tails) this.out.push({ head: h, relation: key, tail: t });
  }

  copula(g: VerbGroup, subj: ReturnType<Sentence['subjects']>): void {
    const not = g.negated ? 'not_' : '';
    const k = g.end;
    if (this.pos(k) === 'ADP') {
      const obj = this.nounPhrases(k + 1);
      if (obj) this.emit(subj.heads, `${not}be_${this.lower(k)}`, obj.heads);
      return;
    }
    const complement = this.mentionFrom(k);
    if (!complement) return;
    const after = complement.end;
    if (complement.kind === 'concept' && this.pos(after) === 'ADP') {
      const z = this.nounPhrases(after + 1);
      if (z) {
        this.emit(subj.heads, `${not}${this.t.lemmas[complement.head] as string}_${this.lower(after)}`, z.heads);
        return;
      }
    }
    const list = this.nounPhrases(k) as NounPhraseList;
    if (complement.kind === 'concept') {
      this.emit(subj.heads, `${not}is_a`, list.heads.filter((m) => m.kind === 'concept'));
    } else if (subj.genitive && subj.heads.length === 1 && subj.heads[0] === subj.genitive.y) {
      const { y, z } = subj.genitive;
      const of = this.beforeDeterminers(z.start);
      this.emit(list.heads, `${not}${this.t.lemmas[y.head] as string}_${this.lower(of)}`, [z]);
    }
  }

  verb(g: VerbGroup, subj: ReturnType<Sentence['subjects']>): void {
    const not = g.negated ? 'not_' : '';
    let k = g.end;
    let relation = `${not}${g.base}`;
    let obj: NounPhraseList | undefined;
    if (this.pos(k) === 'ADP' || (this.pos(k) === 'PART' && this.lower(k) === 'to')) {
      obj = this.nounPhrases(k + 1);
      relation = `${relation}_${this.lower(k)}`;
    } else {
      obj = this.nounPhrases(k);
    }
    if (!obj) return;
    this.emit(subj.heads, relation, obj.heads);
    k = obj.next;
    while (this.pos(k) === 'ADP') {
      const prep = this.lower(k);
      const pp = this.nounPhrases(k + 1);
      if (!pp) break;
      const tails = prep === 'by' && g.passive ? pp.heads : pp.heads.filter((m) => TEMPORAL_KINDS.has(m.kind));
      this.emit(subj.heads, `${not}${g.base}_${prep}`, tails);
      k = pp.next;
    }
  }

  isQuestion(): boolean {
    for (let i = this.end - 1; i >= this.start; i--) {
      const v = this.t.values[i] as string;
      if (CLOSING.test(v)) continue;
      return v === '?';
    }
    return false;
  }

  run(): PatternTriple[] {
    if (this.isQuestion()) return this.out;
    let i = this.start;
    while (i < this.end) {
      const p = this.t.pos[i];
      if ((p !== 'AUX' && p !== 'VERB') || this.byStart.has(i)) {
        i++;
        continue;
      }
      const g = this.verbGroup(i);
      i = Math.max(g.end, i + 1);
      if (g.base === '') continue;
      const subj = this.subjects(g.start);
      if (subj.heads.length === 0) continue;
      if (g.copula) this.copula(g, subj);
      else this.verb(g, subj);
    }
    return this.out;
  }
}

/** The triples of tokens [start, end) of `t` (one sentence) given its mentions, in text order. */
export function sentenceTriples(t: TaggedTokens, mentions: readonly Mention[], start: number, end: number): PatternTriple[] {
  return new Sentence(t, start, end, mentions).run();
}
