/**
 * The structured-attribute task of seed 003 Sec. IV (video retrieval): the
 * understanding agent turns a keyframe into six appearance attributes of a
 * person, the transmitter adds the keyframe's time and location, and the
 * generating agent expands the eight entries into a fixed sentence
 * ("This is a [gender] person wearing a ... He/She appeared at [location] at [time].").
 */
import { SemcomError } from '../core/errors.js';

/** One understanding entry of the structured task: an attribute name and its value. */
export interface AttributeEntry {
  readonly name: string;
  readonly value: string;
}

/** The six attributes the paper's understanding prompt extracts, in its order. */
export const PERSON_ATTRIBUTES = Object.freeze(['gender', 'shirt color', 'shirt length', 'pants color', 'pants length', 'shoe color'] as const);

/** The two entries the transmitter adds from the keyframe's metadata, first in the generating prompt's input. */
export const PERSON_CONTEXT_ATTRIBUTES = Object.freeze(['time', 'location'] as const);

/** Input order of the paper's generating prompt: [time], [location], then the six attributes. */
export const PERSON_ENTRY_ORDER: readonly string[] = Object.freeze([...PERSON_CONTEXT_ATTRIBUTES, ...PERSON_ATTRIBUTES]);

/** Value written for an entry the source did not give (the generating prompt expects every slot). */
export const UNKNOWN_VALUE = 'unknown';

/** Entries in the generating prompt's order, each slot filled (missing ones with {@link UNKNOWN_VALUE}). */
export function orderPersonEntries(entries: readonly AttributeEntry[]): AttributeEntry[] {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e.value]));
  return PERSON_ENTRY_ORDER.map((name) => ({ name, value: byName.get(name) ?? UNKNOWN_VALUE }));
}

/** The generating prompt's input line: the eight values in order, comma separated. */
export function formatPersonLine(entries: readonly AttributeEntry[]): string {
  return orderPersonEntries(entries)
    .map((e) => e.value)
    .join(', ');
}

/**
 * Parses the understanding prompt's reply, "[gender], [shirt color], ..., [shoe color]"
 * on one line, into the six entries. Square brackets around values are
 * dropped (models often copy them from the format). Throws `MALFORMED_REPLY`
 * naming what is wrong.
 */
export function parsePersonAttributeLine(text: string): AttributeEntry[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length !== 1) throw new SemcomError('MALFORMED_REPLY', `expected the attributes on a single line, got ${lines.length} non-empty lines`);
  const values = lines[0].split(',').map((v) => v.trim().replace(/^\[(.*)\]$/, '$1').trim());
  if (values.length !== PERSON_ATTRIBUTES.length) {
    throw new SemcomError('MALFORMED_REPLY', `expected ${PERSON_ATTRIBUTES.length} comma-separated values (${PERSON_ATTRIBUTES.join(', ')}), got ${values.length}`);
  }
  const empty = values.findIndex((v) => v === '');
  if (empty >= 0) throw new SemcomError('MALFORMED_REPLY', `the value of "${PERSON_ATTRIBUTES[empty]}" is empty`);
  return PERSON_ATTRIBUTES.map((name, i) => ({ name, value: values[i] }));
}

function pronoun(gender: string): string {
  const g = gender.toLowerCase();
  if (/^(male|man|boy|m)$/.test(g)) return 'He';
  if (/^(female|woman|girl|f)$/.test(g)) return 'She';
  return 'They';
}

/**
 * The sentence structure the paper's generating prompt asks for, filled in
 * directly: the embedded generative head of the structured task. The paper
 * leaves the pronoun to the model ("[He/She]"); here it follows the gender
 * entry, with "They" when the gender is neither (the verb "appeared" fits all three).
 */
export function renderPersonSentence(entries: readonly AttributeEntry[]): string {
  const v = new Map(orderPersonEntries(entries).map((e) => [e.name, e.value]));
  const g = (name: string): string => v.get(name) ?? UNKNOWN_VALUE;
  return (
    `This is a ${g('gender')} person wearing a ${g('shirt color')} ${g('shirt length')} shirt, ` +
    `${g('pants color')} ${g('pants length')} pants, and ${g('shoe color')} shoes. ` +
    `${pronoun(g('gender'))} appeared at ${g('location')} at ${g('time')}.`
  );
}
