/**
 * Checking one field, or one map of fields against its defaults: the generic
 * part of scenario validation. Every check records a problem and falls back
 * to the default, so validation goes on and reports everything at once.
 */
import { closest, describeValue, Problems, TOP_LEVEL } from './problems.js';
import { acceptsText, FIELD_RULES, numberOk, ruleKey, type FieldRule } from './rules.js';

export type Plain = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Validates a leaf value against its rule; returns the value, or undefined after recording a problem. */
function checkLeaf(value: unknown, path: string, rule: FieldRule, example: unknown, p: Problems): unknown {
  const eg = example === undefined ? '' : `, e.g. ${typeof example === 'string' ? example : JSON.stringify(example)}`;
  switch (rule.kind) {
    case 'number': {
      if (typeof value !== 'number') {
        p.add(path, `got ${describeValue(value)}; give ${acceptsText(rule)}${eg}`);
        return undefined;
      }
      if (!numberOk(rule, value)) {
        const what = !Number.isFinite(value) ? `got ${describeValue(value)}, which is not a finite number` : `got ${value}`;
        p.add(path, `${what}; give ${acceptsText(rule)}${eg}${rule.why ? ` (${rule.why})` : ''}`);
        return undefined;
      }
      return value;
    }
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') {
        p.add(path, `got ${describeValue(value)}; give a non-empty text${eg}`);
        return undefined;
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') {
        p.add(path, `got ${describeValue(value)}; give true or false`);
        return undefined;
      }
      return value;
    case 'enum': {
      const values = rule.valuesOf?.() ?? rule.values;
      if (typeof value !== 'string' || !values.includes(value)) {
        const guess = typeof value === 'string' ? closest(value, values) : undefined;
        p.add(path, `got ${describeValue(value)}; use one of: ${values.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`);
        return undefined;
      }
      return value;
    }
  }
}

/** Reports the keys of `input` that are not fields here. */
export function checkKeys(input: Plain, allowed: readonly string[], path: string, p: Problems, hint?: (key: string) => string | undefined): void {
  for (const key of Object.keys(input)) {
    if (allowed.includes(key)) continue;
    const extra = hint?.(key);
    const guess = closest(key, allowed);
    const where = path === '' ? 'the top level' : path;
    p.add(join(path, key), `unknown field${guess ? ` (did you mean ${guess}?)` : ''}${extra ? `: ${extra}` : ''}; the fields of ${where} are: ${allowed.join(', ')}`);
  }
}

/**
 * Merges `input` over `defaults` (a plain tree of the default values),
 * checking every field given; nested maps recurse. Keys in `skip` are left to
 * the caller.
 */
export function mergeTree(input: unknown, defaults: Plain, path: string, p: Problems, skip: readonly string[] = []): Plain {
  const out: Plain = {};
  const keys = Object.keys(defaults);
  let given: Plain = {};
  if (input !== undefined) {
    if (isPlainObject(input)) given = input;
    else p.add(path === '' ? TOP_LEVEL : path, `got ${describeValue(input)}; give a map of fields (${keys.join(', ')})`);
  }
  checkKeys(given, [...new Set([...keys, ...skip])], path, p);
  for (const key of keys) {
    if (skip.includes(key)) continue;
    const d = defaults[key];
    const v = given[key];
    const here = join(path, key);
    if (isPlainObject(d)) {
      out[key] = mergeTree(v, d, here, p);
      continue;
    }
    if (v === undefined) {
      out[key] = structuredClone(d);
      continue;
    }
    const rule = FIELD_RULES[ruleKey(here)];
    if (!rule) throw new Error(`internal: no rule for scenario field ${here}`);
    const ok = checkLeaf(v, here, rule, d, p);
    out[key] = ok === undefined ? structuredClone(d) : ok;
  }
  return out;
}

/** Checks a scalar field by its rule; returns it, or `fallback` after recording a problem. */
export function leaf<T>(value: unknown, path: string, p: Problems, fallback: T, example?: unknown): T {
  const rule = FIELD_RULES[ruleKey(path)];
  if (!rule) throw new Error(`internal: no rule for scenario field ${path}`);
  const ok = checkLeaf(value, path, rule, example ?? fallback, p);
  return (ok === undefined ? fallback : ok) as T;
}

