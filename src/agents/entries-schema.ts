/**
 * Runtime check of entries that arrive from outside (a packet, a file, another
 * process): the generating agent validates them before use, so a malformed
 * one is an `INVALID_ARGUMENT` and never reaches a model.
 */
import { z } from 'zod';
import { SemcomError } from '../core/errors.js';
import { WORDNET_LEXNAMES } from '../datasets/wordnet.js';
import type { Entries } from './entries.js';
import { MOODS, type Mood } from './text-understanding.js';

const text = z.string().max(4000);

export const entriesSchema = z.discriminatedUnion('task', [
  z.object({
    task: z.literal('text'),
    understanding: z.object({
      // No keyword is legal: the goal alone still tells the generator what kind of sentence to write.
      keywords: z.array(text.min(1)).max(256),
      goal: z.object({ mood: z.enum(MOODS as readonly Mood[] as [Mood, ...Mood[]]), domain: z.enum(WORDNET_LEXNAMES as [string, ...string[]]) }),
    }),
  }),
  z.object({
    task: z.literal('attributes'),
    attributes: z.array(z.object({ name: text.min(1), value: text })).min(1).max(256),
  }),
]);

/** `value` as Entries, or `INVALID_ARGUMENT` naming the first problem. */
export function parseEntries(value: unknown): Entries {
  const r = entriesSchema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  throw new SemcomError('INVALID_ARGUMENT', `invalid understanding entries${where}: ${first?.message ?? 'invalid'}`);
}
