/**
 * The records a knowledge base holds (seed 000 Sec. VI-B1): entities and
 * relations of a knowledge graph, (head, relation, tail) triples "organized
 * by the resource description framework", and free-text items (corpus
 * sentences). Common knowledge is shared by every node; personal knowledge
 * belongs to one user (seed 000 Sec. II-B, seed 002 Sec. II-C), so every
 * record carries a scope.
 *
 * Records are plain JSON-safe values: the store hashes their canonical JSON
 * for sync and logs them whole for diff and revert.
 */

/** `common`: shared by all nodes; `user:<name>`: one user's personal knowledge. */
export type Scope = 'common' | `user:${string}`;

export interface EntityRecord {
  /** Stable key, with a namespace prefix (`wn:02084071-n`, `text:paris`, `vocab:412`). */
  readonly id: string;
  /** Human-readable name (first lemma, surface form, word). */
  readonly label: string;
  /** What the entity is: `synset`, `word`, `person`, `place`, `concept`, ... */
  readonly kind: string;
  readonly scope?: Scope;
  /** Extra string attributes (gloss, part of speech, lexicographer file). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface RelationRecord {
  /** Stable key (`hypernym`, `member_meronym`, `derivationally_related_form`, `located_in`). */
  readonly id: string;
  readonly label: string;
  /** At most one tail per head: a second value is a contradiction an audit flags. */
  readonly functional?: boolean;
  readonly symmetric?: boolean;
  /** The relation that holds (t, inverse, h) whenever (h, this, t) holds, if the graph names one. */
  readonly inverseOf?: string;
}

export interface TripleRecord {
  readonly head: string;
  readonly relation: string;
  readonly tail: string;
  readonly scope?: Scope;
  /** Provenance: where the fact came from (`wordnet-3.1`, `text:wink-nlp`, `llm:<spec>`, `kge:transe`). */
  readonly source?: string;
  /** True for a triple inferred by completion (link prediction), never mixed silently with asserted facts. */
  readonly inferred?: boolean;
  /** The completion model's score (for inferred triples). */
  readonly score?: number;
  /** When the fact was asserted or last confirmed, ms since the Unix epoch (audits compare it with a freshness bound). */
  readonly assertedAt?: number;
}

export interface ItemRecord {
  readonly id: string;
  readonly text: string;
  readonly scope?: Scope;
  readonly source?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** A knowledge graph before it is stored: what construction produces. */
export interface KnowledgeGraphData {
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  readonly triples: readonly TripleRecord[];
}
