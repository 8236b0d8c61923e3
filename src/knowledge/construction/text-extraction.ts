/**
 * Knowledge extraction from text, the first stage of knowledge-graph
 * creation (seed 000 Sec. VI-B1: "named entity recognition and relation
 * extraction to distill valuable entities and their connections from
 * unstructured data, forming a network of triples").
 *
 * `extractTriples` runs offline on wink-nlp: the keyword module's analysis
 * (tokens, sentences, tags and lemmas with its sentence-initial correction,
 * src/generation/embedded/keywords/analysis.ts), wink's named entities
 * (./wink-entities.ts), mentions (./mentions.ts) and relation patterns
 * (./relation-patterns.ts). It is deterministic and fast, and it is a
 * pattern matcher over a small tagger: it finds the facts that simple
 * declarative sentences state and misses or garbles the rest (see the
 * README for the failure modes). `extractTriplesWithModel`
 * (./model-extraction.ts) asks a language model instead.
 *
 * The first use in a process loads WordNet (about 1.5 s: the tag correction
 * and the name kinds read it).
 */
import { analyseKeywords } from '../../generation/embedded/keywords/index.js';
import type { Scope } from '../records.js';
import { checkScope, checkText, GraphBuilder, type ExtractedGraph } from './graph-builder.js';
import { findMentions, type Mention, type TaggedTokens } from './mentions.js';
import { textEntityId } from './names.js';
import { sentenceTriples } from './relation-patterns.js';
import { winkEntities } from './wink-entities.js';

export { extractTriplesWithModel, type ModelExtractionOptions } from './model-extraction.js';
export type { ExtractedGraph } from './graph-builder.js';

/** Provenance of the triples `extractTriples` finds. */
export const WINK_SOURCE = 'text:wink-nlp';

/** Longest text `extractTriples` takes, in UTF-16 code units (split longer documents and merge the graphs). */
export const MAX_EXTRACTION_CHARS = 100_000;

export interface TextExtractionOptions {
  /** Scope of the entities and triples; default `common`. */
  readonly scope?: Scope;
  /** Keep entity mentions that take part in no triple; default false (the graph holds only connected entities). */
  readonly keepIsolatedEntities?: boolean;
}

/**
 * Entities and (head, relation, tail) triples of `text` found by wink-nlp
 * and the patterns of ./relation-patterns.ts. Entity ids are `text:<key>`
 * (./names.ts); kinds are wink's entity type in lower case (`date`,
 * `money`, ...), a name kind from WordNet (`person`, `place`,
 * `organization`, `name`) or `concept`. Triples have source
 * {@link WINK_SOURCE}. A text without a fact gives an empty graph.
 */
export function extractTriples(text: string, options: TextExtractionOptions = {}): ExtractedGraph {
  const what = 'extractTriples';
  checkText(text, MAX_EXTRACTION_CHARS, what);
  const scope = checkScope(options.scope, what);
  const graph = new GraphBuilder(scope, WINK_SOURCE);
  if (text.trim() === '') return graph.build(false);
  const k = analyseKeywords(text);
  const a = k.analysis;
  const t: TaggedTokens = { values: a.values, pos: k.pos, lemmas: k.lemmas, spaces: a.spaces, types: a.types, stopWords: a.stopWords };
  const spans = winkEntities(text, a.values.length);
  const add = (m: Mention): string => {
    const id = textEntityId(m.key);
    graph.entity(id, m.label, m.kind);
    return id;
  };
  for (let s = 0; s < a.sentenceStarts.length; s++) {
    const start = a.sentenceStarts[s] as number;
    const end = s + 1 < a.sentenceStarts.length ? (a.sentenceStarts[s + 1] as number) : a.values.length;
    const mentions = findMentions(t, spans, start, end);
    if (options.keepIsolatedEntities) mentions.forEach(add);
    for (const p of sentenceTriples(t, mentions, start, end)) {
      const head = add(p.head);
      const tail = add(p.tail);
      graph.triple(head, p.relation, tail);
    }
  }
  return graph.build(options.keepIsolatedEntities === true);
}
