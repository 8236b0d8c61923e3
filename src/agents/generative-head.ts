/**
 * Functional head of the generating agent (seed 003 Sec. III-D2 e): renders
 * the backbone's output into the task's content. Both tasks produce one
 * sentence of text; the head folds whitespace and rejects an empty result
 * (`MALFORMED_REPLY`) rather than deliver nothing as if it were content.
 * Other renderers (speech, images) would sit here as further heads.
 */
import { SemcomError } from '../core/errors.js';

export function generativeHead(raw: string): string {
  const text = typeof raw === 'string' ? raw.normalize('NFC').replace(/\s+/gu, ' ').trim() : '';
  if (text === '') throw new SemcomError('MALFORMED_REPLY', 'the generated content is empty');
  return text;
}
