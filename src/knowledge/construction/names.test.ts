import { describe, expect, it } from 'vitest';
import { nameKind } from './entity-kinds.js';
import { entityKey, MAX_KEY_CHARS, relationKey, snakeKey, textEntityId } from './names.js';

describe('entity and relation keys', () => {
  it('snake-cases, keeps in-word marks and refuses what the store reserves', () => {
    expect(snakeKey('  New York  ')).toBe('new_york');
    expect(snakeKey('a|b, c')).toBe('a_b_c');
    expect(snakeKey("$3.5 o'clock 20%")).toBe("$3.5_o'clock_20%");
    expect(snakeKey('-_.')).toBe('');
    expect(snakeKey('x'.repeat(MAX_KEY_CHARS))).toBe('x'.repeat(MAX_KEY_CHARS));
    expect(snakeKey('x'.repeat(MAX_KEY_CHARS + 1))).toBe('');
    expect(textEntityId('')).toBe('');
    expect(textEntityId('paris')).toBe('text:paris');
  });

  it('keys a name by its lemma phrase, without articles, as the sentence path does', () => {
    expect(entityKey('the cats')).toBe('cat');
    expect(entityKey('Cats')).toBe('cat');
    expect(entityKey('The Eiffel Tower')).toBe('eiffel_tower');
    expect(entityKey('domestic animals')).toBe('domestic_animal');
    expect(entityKey('his dog')).toBe('dog');
    expect(entityKey('self-destruction')).toBe('self-destruction');
    expect(entityKey('August 4, 1961')).toBe('august_4_1961');
    expect(entityKey('2 hours')).toBe('2_hours');
  });

  it('keys pronouns, articles, punctuation and blanks to nothing', () => {
    for (const name of ['', '   ', 'it', 'She', 'the', '...', '?!']) expect(entityKey(name), name).toBe('');
    expect(entityKey('word '.repeat(200))).toBe('');
  });

  it('keys relations in snake case, dropping a leading "be" except in "is a"', () => {
    expect(relationKey('is located in')).toBe('located_in');
    expect(relationKey('was born in')).toBe('born_in');
    expect(relationKey('is a')).toBe('is_a');
    expect(relationKey('IS AN')).toBe('is_a');
    expect(relationKey('is not a')).toBe('not_is_a');
    expect(relationKey('capital of')).toBe('capital_of');
    expect(relationKey('has part')).toBe('has_part');
    expect(relationKey('part-of')).toBe('part_of');
    expect(relationKey('be')).toBe('be');
    expect(relationKey(' ')).toBe('');
  });
});

describe('nameKind', () => {
  it('types names by the lexicographer file most of their WordNet senses share', () => {
    expect(nameKind(['Paris'])).toBe('place'); // 2 × noun.location, 1 × noun.person, 1 × noun.plant
    expect(nameKind(['Marie', 'Curie'])).toBe('person');
    expect(nameKind(['United', 'Nations'])).toBe('organization');
    expect(nameKind(['Eiffel', 'Tower'])).toBe('name'); // noun.artifact
    expect(nameKind(['Washington'])).toBe('place'); // 2 locations, 2 persons, 1 group: the tie goes to the place
  });

  it('falls back on the last word of a name WordNet lacks', () => {
    expect(nameKind(['Barack', 'Obama'])).toBe('person');
    expect(nameKind(['Zorblax'])).toBe('name');
    expect(nameKind(['Zorblax', 'Quux'])).toBe('name');
    expect(nameKind([])).toBe('name');
  });
});
