/**
 * Understanding entries: the compact result of the understanding agent and
 * the input of the generating agent (seed 003 Sec. III-D1: the
 * "understanding embedding" that serves as the receiver's prompt). In the
 * paper's case study they are "a sequence of descriptive entries"; here they
 * are either a text understanding (keywords and goal) or the person
 * attributes of Sec. IV.
 */
import { formatPersonLine, type AttributeEntry } from './attributes.js';
import type { TextUnderstanding } from './text-understanding.js';

export type Entries =
  | { readonly task: 'text'; readonly understanding: TextUnderstanding }
  | { readonly task: 'attributes'; readonly attributes: readonly AttributeEntry[] };

/**
 * One line of text for the entries: the keywords separated by spaces (text),
 * or the generating prompt's comma-separated line (attributes). What tools
 * are queried with at the receiver and what an embedding model embeds.
 */
export function entriesText(e: Entries): string {
  return e.task === 'text' ? e.understanding.keywords.join(' ') : formatPersonLine(e.attributes);
}
