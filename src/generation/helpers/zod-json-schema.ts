/**
 * A zod schema as the {@link JsonSchema} subset that structured output sends
 * to providers, by zod 4's `z.toJSONSchema` (draft 2020-12, output types).
 *
 * Kept: type, properties, required, additionalProperties: false, items,
 * enum (a string literal's `const` becomes a one-value enum), minimum and
 * maximum (zod's ±2^53−1 bounds of `.int()` are dropped as noise), minItems,
 * maxItems, maxLength, description. Other keywords (pattern, minLength,
 * format, ...) are dropped from what the server sees; zod still enforces them
 * when the reply is validated. Shapes outside the subset (unions, nullable,
 * tuples, records, recursion) throw `INVALID_ARGUMENT`: pass `jsonSchema`
 * yourself for those. Optional object fields are left out of `required`;
 * OpenAI's strict mode wants every field required, so prefer required fields.
 */
import { z } from 'zod';
import { SemcomError } from '../../core/errors.js';
import type { JsonSchema } from '../contracts/json-schema.js';

type Node = Record<string, unknown>;

function unsupported(path: string, why: string): SemcomError {
  return new SemcomError(
    'INVALID_ARGUMENT',
    `the zod schema at ${path} has no equivalent in semcom's JSON Schema subset (${why}); simplify it or pass jsonSchema explicitly`,
  );
}

function describe(node: Node): { description?: string } {
  return typeof node.description === 'string' ? { description: node.description } : {};
}

function finiteBound(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) !== Number.MAX_SAFE_INTEGER ? v : undefined;
}

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function narrow(value: unknown, path: string): JsonSchema {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unsupported(path, 'not a schema object');
  const node = value as Node;
  for (const k of ['anyOf', 'oneOf', 'allOf', 'not', '$ref', 'prefixItems']) {
    if (k in node) throw unsupported(path, `uses ${k}`);
  }
  const d = describe(node);
  switch (node.type) {
    case 'string': {
      const values = Array.isArray(node.enum) ? node.enum : typeof node.const === 'string' ? [node.const] : undefined;
      if (values && !values.every((v) => typeof v === 'string')) throw unsupported(path, 'a non-string enum value');
      const maxLength = count(node.maxLength);
      return { type: 'string', ...(values ? { enum: values as string[] } : {}), ...(maxLength !== undefined ? { maxLength } : {}), ...d };
    }
    case 'integer':
    case 'number': {
      const minimum = finiteBound(node.minimum);
      const maximum = finiteBound(node.maximum);
      return { type: node.type, ...(minimum !== undefined ? { minimum } : {}), ...(maximum !== undefined ? { maximum } : {}), ...d };
    }
    case 'boolean':
      return { type: 'boolean', ...d };
    case 'array': {
      if (node.items === undefined) throw unsupported(path, 'an array without items');
      const minItems = count(node.minItems);
      const maxItems = count(node.maxItems);
      return {
        type: 'array',
        items: narrow(node.items, `${path}[]`),
        ...(minItems !== undefined ? { minItems } : {}),
        ...(maxItems !== undefined ? { maxItems } : {}),
        ...d,
      };
    }
    case 'object': {
      const props = (node.properties ?? {}) as Node;
      if (typeof props !== 'object' || props === null) throw unsupported(path, 'malformed properties');
      if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
        throw unsupported(path, 'a record or passthrough object (additionalProperties)');
      }
      const properties: Record<string, JsonSchema> = {};
      for (const [key, child] of Object.entries(props)) properties[key] = narrow(child, `${path}.${key}`);
      const required = Array.isArray(node.required) ? (node.required as string[]) : undefined;
      return { type: 'object', properties, ...(required ? { required } : {}), additionalProperties: false, ...d };
    }
    default:
      throw unsupported(path, `type ${JSON.stringify(node.type)}`);
  }
}

/** The JSON Schema of `schema`'s output type, in semcom's subset. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let raw: unknown;
  try {
    raw = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', cycles: 'throw', reused: 'inline' });
  } catch (e) {
    throw new SemcomError('INVALID_ARGUMENT', `cannot turn the zod schema into JSON Schema: ${(e as Error).message}; pass jsonSchema explicitly`, {
      cause: e,
    });
  }
  return narrow(raw, '$');
}
