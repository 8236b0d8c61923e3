/**
 * wink-nlp's named entities (wink-eng-lite-web-model 1.8): a rule-based
 * recogniser of DATE, TIME, DURATION, MONEY, PERCENT, CARDINAL, ORDINAL,
 * EMAIL, URL, HASHTAG, MENTION, EMOJI and EMOTICON spans. The lite model
 * does not recognise persons, places or organisations; those are found as
 * proper-noun chunks and typed from WordNet (./entity-kinds.ts).
 *
 * The keyword module's wink instance (src/generation/embedded/keywords/nlp.ts)
 * runs only the `sbd` and `pos` stages, so the entity recogniser is a second
 * instance from the same loader over the same model object (the instance
 * costs about 0.1 s once per process).
 */
import type { WinkMethods } from 'wink-nlp';
import { winkPipeline } from '../../generation/embedded/keywords/nlp.js';

/** A named-entity span in the token indices of src/generation/embedded/keywords/nlp.ts (line-break tokens folded away). */
export interface EntitySpan {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** wink's type, upper case (`DATE`, `MONEY`, ...). */
  readonly type: string;
}

function wink(): WinkMethods {
  return winkPipeline(['sbd', 'ner'], 'text extraction');
}

/**
 * The entity spans of `text`, re-indexed to the analysis that has
 * `tokenCount` tokens after line-break tokens are folded away; empty when
 * the two tokenisations disagree (they use the same tokeniser, so they
 * should not).
 */
export function winkEntities(text: string, tokenCount: number): EntitySpan[] {
  const nlp = wink();
  const doc = nlp.readDoc(text);
  const types = doc.tokens().out(nlp.its.type) as string[];
  const folded: number[] = [];
  let n = 0;
  for (const t of types) {
    folded.push(n);
    if (t !== 'tabCRLF') n++;
  }
  if (n !== tokenCount) return [];
  const spans: EntitySpan[] = [];
  const entities = doc.entities();
  const ranges = entities.out(nlp.its.span) as unknown as [number, number][];
  const kinds = entities.out(nlp.its.type) as string[];
  ranges.forEach(([s, e], i) => {
    const start = folded[s] as number;
    // The last raw token of a span is never a line break, so its folded index + 1 is the exclusive end.
    const end = (folded[e] as number) + 1;
    if (end > start) spans.push({ start, end, type: kinds[i] as string });
  });
  return spans;
}
