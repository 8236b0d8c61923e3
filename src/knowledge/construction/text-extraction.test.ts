import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { extractTriples, MAX_EXTRACTION_CHARS, type TextExtractionOptions } from './text-extraction.js';

/** The triples of `text` as `head relation tail` strings, without the `text:` prefix. */
function facts(text: string, options?: TextExtractionOptions): string[] {
  return extractTriples(text, options).triples.map((t) => `${t.head.slice(5)} ${t.relation} ${t.tail.slice(5)}`);
}

function kinds(text: string): Record<string, string> {
  return Object.fromEntries(extractTriples(text).entities.map((e) => [e.id, e.kind]));
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof SemcomError ? e.code : 'not a SemcomError';
  }
  return undefined;
}

describe('extractTriples: relation patterns', () => {
  it('reads "X is the Y of Z" as a relational noun, in either order', () => {
    expect(facts('Paris is the capital of France.')).toEqual(['paris capital_of france']);
    expect(facts('The capital of France is Paris.')).toEqual(['paris capital_of france']);
    expect(kinds('Paris is the capital of France.')).toEqual({ 'text:paris': 'place', 'text:france': 'place' });
  });

  it('reads "X is a Y" as class membership, negation included', () => {
    expect(facts('A dog is a domestic animal.')).toEqual(['dog is_a domestic_animal']);
    expect(facts('A whale is not a fish.')).toEqual(['whale not_is_a fish']);
    expect(facts('London, Paris and Rome are cities.')).toEqual(['london is_a city', 'paris is_a city', 'rome is_a city']);
  });

  it('names a relation by the verb lemma and its preposition, passives by the participle', () => {
    expect(facts('The cat eats fish.')).toEqual(['cat eat fish']);
    expect(facts('The Eiffel Tower is located in Paris.')).toEqual(['eiffel_tower located_in paris']);
    expect(facts('The book was written by Mark Twain.')).toEqual(['book written_by mark_twain']);
    expect(facts('Water consists of hydrogen and oxygen.')).toEqual(['water consist_of hydrogen', 'water consist_of oxygen']);
    expect(facts('John does not like cold coffee.')).toEqual(['john not_like cold_coffee']);
    expect(facts('The data were sent back to the server.')).toEqual(['datum sent_to server']);
  });

  it('attaches dates and passive agents after the object, and types named entities', () => {
    expect(facts('Barack Obama was born in Hawaii on August 4, 1961.')).toEqual([
      'barack_obama born_in hawaii',
      'barack_obama born_on august_4_1961',
    ]);
    expect(kinds('Barack Obama was born in Hawaii on August 4, 1961.')).toEqual({
      'text:barack_obama': 'person',
      'text:hawaii': 'place',
      'text:august_4_1961': 'date',
    });
    expect(facts('The company was founded in 1998 by two engineers.')).toEqual(['company founded_in 1998', 'company founded_by engineer']);
    expect(facts('The president of France visited Berlin in 2019.')).toEqual(['president visit berlin', 'president visit_in 2019']);
  });

  it('distributes coordinated subjects and objects, but not across clauses', () => {
    expect(facts('Cats and dogs eat meat.')).toEqual(['cat eat meat', 'dog eat meat']);
    expect(facts('Marie Curie discovered radium, polonium and thorium.')).toEqual([
      'marie_curie discover radium',
      'marie_curie discover polonium',
      'marie_curie discover thorium',
    ]);
    expect(facts('John eats fish and Mary eats meat.')).toEqual(['john eat fish', 'mary eat meat']);
  });

  it('keeps hyphenated compounds whole and reads possessives as determiners', () => {
    expect(facts('A well-known actor visited the e-mail server.')).toEqual(['well-known_actor visit e-mail_server']);
    expect(facts("Shrinkage is the retail trade's euphemism for shoplifting.")).toEqual(['shrinkage euphemism_for shoplifting']);
    // wink marks "evening" as a TIME entity; before a noun it is a modifier inside the chunk.
    expect(facts('hills defined against the evening sky')).toEqual(['hill define_against evening_sky']);
  });

  it('yields nothing where no noun phrase states a fact', () => {
    for (const text of ['It rains.', 'The sky is blue.', 'She picked up the book.', 'Close the door.', 'Is Paris the capital of France?', 'Hello!', '', '  \n ']) {
      expect(extractTriples(text), text).toEqual({ entities: [], relations: [], triples: [], dropped: 0 });
    }
  });

  it('documents a known miss: the tagger reads "lives" after a name as a noun', () => {
    expect(facts('John lives in Paris.')).toEqual([]);
    expect(facts('He lives in Paris.')).toEqual([]); // tagged right, but a pronoun is no entity
  });
});

describe('extractTriples: the graph', () => {
  const text = 'Paris is the capital of France. The Eiffel Tower is located in Paris.\nParis is the capital of France.';
  const g = extractTriples(text);

  it('holds each entity, relation and triple once, with provenance and scope', () => {
    expect(g.entities.map((e) => e.id)).toEqual(['text:paris', 'text:france', 'text:eiffel_tower']);
    expect(g.entities[2]).toEqual({ id: 'text:eiffel_tower', label: 'Eiffel Tower', kind: 'name', scope: 'common' });
    expect(g.relations).toEqual([
      { id: 'capital_of', label: 'capital of' },
      { id: 'located_in', label: 'located in' },
    ]);
    expect(g.triples).toEqual([
      { head: 'text:paris', relation: 'capital_of', tail: 'text:france', scope: 'common', source: 'text:wink-nlp' },
      { head: 'text:eiffel_tower', relation: 'located_in', tail: 'text:paris', scope: 'common', source: 'text:wink-nlp' },
    ]);
    const ids = new Set(g.entities.map((e) => e.id));
    expect(g.triples.every((t) => ids.has(t.head) && ids.has(t.tail))).toBe(true);
  });

  it('is deterministic', () => {
    expect(extractTriples(text)).toEqual(g);
  });

  it('follows sentences across line breaks and named entities split by one', () => {
    expect(facts('Paris is the capital\nof France.')).toEqual(['paris capital_of france']);
    expect(facts('Obama was born in Hawaii on\nAugust 4, 1961.')).toEqual(['obama born_in hawaii', 'obama born_on august_4_1961']);
  });

  it('drops a fact whose head is its tail', () => {
    const selfLoop = extractTriples('A dog is a dog.');
    expect(selfLoop.triples).toEqual([]);
    expect(selfLoop.dropped).toBe(1);
  });

  it('takes a scope and keeps isolated entities on request', () => {
    const mine = extractTriples('The cat eats fish.', { scope: 'user:alice' });
    expect(mine.triples.every((t) => t.scope === 'user:alice')).toBe(true);
    expect(mine.entities.every((e) => e.scope === 'user:alice')).toBe(true);
    expect(extractTriples('The sky is blue.', { keepIsolatedEntities: true }).entities.map((e) => e.id)).toEqual(['text:sky']);
  });

  it('refuses bad arguments with INVALID_ARGUMENT', () => {
    expect(codeOf(() => extractTriples(42 as unknown as string))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => extractTriples('x'.repeat(MAX_EXTRACTION_CHARS + 1)))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => extractTriples('The cat eats fish.', { scope: 'everyone' as 'common' }))).toBe('INVALID_ARGUMENT');
  });
});
