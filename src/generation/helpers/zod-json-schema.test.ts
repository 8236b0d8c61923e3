import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemaOf } from './zod-json-schema.js';

describe('jsonSchemaOf', () => {
  it('maps the subset one to one', () => {
    const schema = z.object({
      label: z.enum(['cat', 'dog']).describe('the class'),
      kind: z.literal('image'),
      score: z.number().min(0).max(1),
      count: z.number().int().min(0),
      tags: z.array(z.string().max(20)).min(1).max(3),
      ok: z.boolean(),
      note: z.string().optional(),
      nested: z.object({ x: z.number() }),
    });
    expect(jsonSchemaOf(schema)).toEqual({
      type: 'object',
      properties: {
        label: { type: 'string', enum: ['cat', 'dog'], description: 'the class' },
        kind: { type: 'string', enum: ['image'] },
        score: { type: 'number', minimum: 0, maximum: 1 },
        count: { type: 'integer', minimum: 0 },
        tags: { type: 'array', items: { type: 'string', maxLength: 20 }, minItems: 1, maxItems: 3 },
        ok: { type: 'boolean' },
        note: { type: 'string' },
        nested: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'], additionalProperties: false },
      },
      required: ['label', 'kind', 'score', 'count', 'tags', 'ok', 'nested'],
      additionalProperties: false,
    });
  });

  it('drops keywords outside the subset (zod still checks them)', () => {
    expect(jsonSchemaOf(z.string().min(3).regex(/^a/))).toEqual({ type: 'string' });
  });

  it.each([
    ['a union', z.union([z.string(), z.number()])],
    ['nullable', z.object({ a: z.string().nullable() })],
    ['a record', z.record(z.string(), z.number())],
    ['a tuple', z.tuple([z.string(), z.number()])],
    ['a transform', z.string().transform((s) => s.length)],
  ])('refuses %s with INVALID_ARGUMENT', (_name, schema) => {
    expect(() => jsonSchemaOf(schema as z.ZodType)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
