/**
 * The sentence a receiver produces from a goal alone (no keywords arrived,
 * or the transmitter sent none): a fixed frame per mood around a plain
 * English name of the domain.
 */
import type { TextGoal } from '../text-understanding.js';

/** A plain name of each lexicographer file's topic (lexnames(5WN) descriptions, shortened). */
const TOPICS: Readonly<Record<string, string>> = {
  'adj.all': 'a quality',
  'adj.pert': 'a relation',
  'adv.all': 'a manner',
  'noun.Tops': 'things',
  'noun.act': 'an action',
  'noun.animal': 'animals',
  'noun.artifact': 'an object made by people',
  'noun.attribute': 'a property',
  'noun.body': 'the body',
  'noun.cognition': 'knowledge',
  'noun.communication': 'communication',
  'noun.event': 'an event',
  'noun.feeling': 'feelings',
  'noun.food': 'food',
  'noun.group': 'a group',
  'noun.location': 'a place',
  'noun.motive': 'a motive',
  'noun.object': 'a natural object',
  'noun.person': 'people',
  'noun.phenomenon': 'a natural phenomenon',
  'noun.plant': 'plants',
  'noun.possession': 'possessions',
  'noun.process': 'a process',
  'noun.quantity': 'an amount',
  'noun.relation': 'a relation',
  'noun.shape': 'a shape',
  'noun.state': 'a state',
  'noun.substance': 'a substance',
  'noun.time': 'time',
  'verb.body': 'the body',
  'verb.change': 'a change',
  'verb.cognition': 'thinking',
  'verb.communication': 'communication',
  'verb.competition': 'a competition',
  'verb.consumption': 'eating and drinking',
  'verb.contact': 'touching',
  'verb.creation': 'making something',
  'verb.emotion': 'feelings',
  'verb.motion': 'moving',
  'verb.perception': 'perception',
  'verb.possession': 'ownership',
  'verb.social': 'social life',
  'verb.stative': 'being',
  'verb.weather': 'the weather',
  'adj.ppl': 'a quality',
};

/** The default sentence for `goal` (its domain must be one of `WORDNET_LEXNAMES`). */
export function defaultSentence(goal: TextGoal): string {
  const topic = TOPICS[goal.domain] ?? 'something';
  switch (goal.mood) {
    case 'question':
      return `what about ${topic}?`;
    case 'command':
      return `think about ${topic}`;
    case 'exclamation':
      return `this is about ${topic}!`;
    default:
      return `this is about ${topic}`;
  }
}
