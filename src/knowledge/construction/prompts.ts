/**
 * The role prompt that makes a language model a knowledge extractor (seed
 * 000 Sec. VI-B1: knowledge extraction by "named entity recognition and
 * relation extraction" to form (h, r, t) triples; seed 003 Sec. III-D2: a
 * role is given to a pretrained model by its system prompt). This project's
 * own wording. The relation naming it asks for is the naming the wink-nlp
 * path produces (./relation-patterns.ts), so both paths fill one graph.
 */

/** Default and largest number of triples asked for and kept. */
export const DEFAULT_MAX_MODEL_TRIPLES = 50;
export const MAX_MODEL_TRIPLES = 500;

/** Entity types the prompt offers; a model's other types are kept as written (normalised). */
export const ENTITY_TYPES: readonly string[] = Object.freeze([
  'person', 'place', 'organization', 'event', 'date', 'time', 'money', 'quantity', 'artifact', 'concept',
]);

/** The role prompt (system message) for at most `maxTriples` triples. */
export function tripleExtractionPrompt(maxTriples: number = DEFAULT_MAX_MODEL_TRIPLES): string {
  return (
    'You build a knowledge graph from text by named entity recognition and relation extraction. ' +
    'List the facts the text states as (head, relation, tail) triples.\n' +
    '1. head and tail: the two entities, each a short noun phrase taken from the text without articles: a name ' +
    '("Marie Curie", "New York") or a common noun with its modifiers ("domestic animal"). Replace a pronoun by the ' +
    'entity it refers to.\n' +
    '2. relation: a short lower-case phrase in snake_case, with the verb in its base form and its preposition kept ' +
    '("eat", "live_in", "discover", "capital_of"). Keep a passive participle with its preposition ("born_in", ' +
    '"located_in", "written_by"). Use "is_a" for membership in a class ("A dog is an animal" gives dog, is_a, animal). ' +
    'Prefix "not_" for a fact the text explicitly denies.\n' +
    `3. headType and tailType: one of ${ENTITY_TYPES.join(', ')}.\n` +
    'Only facts the text asserts: nothing from questions, wishes or conditions, and nothing from your own knowledge. ' +
    `At most ${maxTriples} triples, the most important first; an empty list if the text states no fact.\n` +
    'Reply with one JSON object and no other text: ' +
    '{"triples": [{"head": string, "relation": string, "tail": string, "headType": string, "tailType": string}]}'
  );
}
