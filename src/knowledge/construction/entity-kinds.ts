/**
 * The kind of a proper name from WordNet: wink-nlp's lite model recognises
 * no persons, places or organisations, but WordNet 3.1 lists 40,417
 * distinct capitalised noun lemmas ("Paris", "Marie Curie", "United
 * Nations", but also "Canis familiaris") under lexicographer files that say
 * what they are. A name takes the lexicographer file most of its noun
 * synsets share (Paris: 2 × noun.location, 1 × noun.person, 1 × noun.plant
 * → place); ties go to location, then person, then group. A name of several
 * words that WordNet lacks is looked up by its last word, the family name
 * of most person names ("Barack Obama" → "Obama" → person).
 *
 * This is dictionary lookup, not recognition in context: "Michael Jordan"
 * is not in WordNet and "Jordan" is mostly a place there, so he is a place;
 * "Amazon" is a person (the mythical warrior) before it is a river or a
 * company; names WordNet lacks altogether ("Google", "Paris Hilton") stay
 * a plain `name`.
 */
import { loadWordnetSynsets } from '../../datasets/wordnet.js';

/** Kinds given to names; `name` when WordNet does not say. */
export type NameKind = 'person' | 'place' | 'organization' | 'name';

const KIND_OF_LEXNAME: Readonly<Record<string, NameKind>> = {
  'noun.location': 'place',
  'noun.person': 'person',
  'noun.group': 'organization',
};
const TIE_ORDER = ['noun.location', 'noun.person', 'noun.group'];

let cached: Map<string, NameKind> | null = null;

function nameKinds(): Map<string, NameKind> {
  if (cached) return cached;
  const counts = new Map<string, Map<string, number>>();
  for (const s of loadWordnetSynsets()) {
    if (s.pos !== 'n') continue;
    for (const lemma of s.lemmas) {
      if (lemma === lemma.toLowerCase()) continue;
      const key = lemma.toLowerCase();
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(s.lexname, (m.get(s.lexname) ?? 0) + 1);
    }
  }
  const kinds = new Map<string, NameKind>();
  for (const [key, m] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [lexname, c] of m) {
      const better = c > bestCount || (c === bestCount && rank(lexname) < rank(best));
      if (better) {
        best = lexname;
        bestCount = c;
      }
    }
    kinds.set(key, KIND_OF_LEXNAME[best] ?? 'name');
  }
  cached = kinds;
  return kinds;
}

function rank(lexname: string): number {
  const i = TIE_ORDER.indexOf(lexname);
  return i < 0 ? TIE_ORDER.length : i;
}

/** The kind of a proper name given as its words (any case), by the rules above. */
export function nameKind(words: readonly string[]): NameKind {
  if (words.length === 0) return 'name';
  const kinds = nameKinds();
  const whole = kinds.get(words.join(' ').toLowerCase());
  if (whole) return whole;
  if (words.length > 1) return kinds.get((words[words.length - 1] as string).toLowerCase()) ?? 'name';
  return 'name';
}
