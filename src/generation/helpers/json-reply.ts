/**
 * Finding the JSON value in a model's reply.
 *
 * Servers that enforce the schema (grammar, JSON-schema mode) reply with bare
 * JSON; models that were only asked for it often wrap it. Accepted, tried in
 * this order, first that parses wins:
 *  1. the whole reply, trimmed;
 *  2. the body of the first Markdown code fence (```json ... ``` or ``` ... ```);
 *  3. the span from the first `{` or `[` to the last matching `}` or `]`, which
 *     drops prose before and after ("Here is the JSON: {...} Hope it helps").
 * Nothing else is repaired (no trailing commas, no single quotes): a reply that
 * needs more is invalid and `generateObject` asks again.
 */

export type JsonReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

function tryParse(text: string): { ok: true; value: unknown } | null {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

const FENCE = /```[A-Za-z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/;

/** The JSON value in `text` by the rules above, or why there is none. */
export function parseJsonReply(text: string): JsonReply {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'the reply is empty' };
  const whole = tryParse(trimmed);
  if (whole) return whole;
  const fence = FENCE.exec(trimmed);
  if (fence) {
    const fenced = tryParse(fence[1].trim());
    if (fenced) return fenced;
  }
  const open = trimmed.search(/[{[]/);
  if (open >= 0) {
    const close = trimmed.lastIndexOf(trimmed[open] === '{' ? '}' : ']');
    if (close > open) {
      const span = tryParse(trimmed.slice(open, close + 1));
      if (span) return span;
    }
  }
  return { ok: false, reason: 'the reply holds no parseable JSON value' };
}

/** The first `max` characters of `text` on one line, for error messages. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}
