/**
 * Identity and content of a record: its key, its canonical JSON (object keys
 * sorted, no whitespace, undefined fields dropped) and the SHA-256 of
 * `kind \0 key \0 json`.
 *
 * The state hash of a store is the sum of its records' hashes modulo 2²⁵⁶:
 * independent of insertion order, updated in O(1) per change (subtract the
 * old record's hash, add the new one's), and equal on two stores exactly when
 * (up to a 2⁻²⁵⁶ accident) they hold the same records. Sync compares it
 * before and after applying a delta. Bucket = the first byte of
 * SHA-256(kind \0 key), for reconciliation by bucket.
 */
import { createHash } from 'node:crypto';
import { SemcomError } from '../../core/errors.js';
import type { EntityRecord, ItemRecord, RelationRecord, Scope, TripleRecord } from '../records.js';

export type RecordKind = 'entity' | 'relation' | 'triple' | 'item';
export const RECORD_KINDS: readonly RecordKind[] = ['entity', 'relation', 'triple', 'item'];

export interface RecordOfKind {
  entity: EntityRecord;
  relation: RelationRecord;
  triple: TripleRecord;
  item: ItemRecord;
}
export type AnyRecord = RecordOfKind[RecordKind];

/** A put (record) or a deletion (null) of the record with this key. */
export interface Change {
  readonly kind: RecordKind;
  readonly key: string;
  readonly record: AnyRecord | null;
}

const MOD = 1n << 256n;

/** JSON with sorted object keys and no undefined fields: the same record gives the same bytes on every node. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new SemcomError('INVALID_ARGUMENT', `a record holds a non-finite number (${value})`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function recordHash(kind: RecordKind, key: string, json: string): Buffer {
  return sha256(`${kind}\0${key}\0${json}`);
}

export function bucketOf(kind: RecordKind, key: string): number {
  return sha256(`${kind}\0${key}`)[0] as number;
}

export function hashToBigInt(h: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(h).toString('hex')}`);
}

export function addHash(state: bigint, h: Uint8Array, sign: 1 | -1): bigint {
  const v = hashToBigInt(h);
  return (((state + (sign === 1 ? v : -v)) % MOD) + MOD) % MOD;
}

export function stateHex(state: bigint): string {
  return state.toString(16).padStart(64, '0');
}

/** The key of a record: ids for entities, relations and items; `scope|head|relation|tail` for a triple. */
export function keyOf(kind: RecordKind, r: AnyRecord): string {
  if (kind === 'triple') {
    const t = r as TripleRecord;
    return `${t.scope ?? 'common'}|${t.head}|${t.relation}|${t.tail}`;
  }
  return (r as { id: string }).id;
}

export function scopeOf(r: AnyRecord): Scope {
  return (r as { scope?: Scope }).scope ?? 'common';
}

const SCOPE = /^(common|user:[^\s|]{1,128})$/u;

function str(v: unknown, what: string, max = 4096): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new SemcomError('INVALID_ARGUMENT', `${what} must be a non-empty string of at most ${max} characters`);
  return v;
}
function key(v: unknown, what: string): string {
  const s = str(v, what, 512);
  if (s.includes('|') || s.trim() !== s) throw new SemcomError('INVALID_ARGUMENT', `${what} ${JSON.stringify(s)} may not contain '|' or surrounding spaces`);
  return s;
}
function strMap(v: unknown, what: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) {
    throw new SemcomError('INVALID_ARGUMENT', `${what} must map names to strings`);
  }
  return { ...(v as Record<string, string>) };
}
function scope(v: unknown, what: string): Scope | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !SCOPE.test(v)) throw new SemcomError('INVALID_ARGUMENT', `${what}.scope must be 'common' or 'user:<name>', got ${JSON.stringify(v)}`);
  return v as Scope;
}
function bool(v: unknown, what: string): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new SemcomError('INVALID_ARGUMENT', `${what} must be true or false`);
  return v;
}
function num(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SemcomError('INVALID_ARGUMENT', `${what} must be a finite number`);
  return v;
}

/**
 * A validated copy of `r` holding only the fields of its kind (unknown fields
 * are an error, so a typo does not vanish silently). `now` stamps a triple
 * without `assertedAt`.
 */
export function normaliseRecord(kind: RecordKind, r: unknown, now: number): AnyRecord {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new SemcomError('INVALID_ARGUMENT', `a ${kind} record must be an object`);
  const o = r as Record<string, unknown>;
  const allowed: Record<RecordKind, readonly string[]> = {
    entity: ['id', 'label', 'kind', 'scope', 'attributes'],
    relation: ['id', 'label', 'functional', 'symmetric', 'inverseOf'],
    triple: ['head', 'relation', 'tail', 'scope', 'source', 'inferred', 'score', 'assertedAt'],
    item: ['id', 'text', 'scope', 'source', 'metadata'],
  };
  for (const k of Object.keys(o)) {
    if (o[k] !== undefined && !allowed[kind].includes(k)) throw new SemcomError('INVALID_ARGUMENT', `a ${kind} record has no field '${k}' (fields: ${allowed[kind].join(', ')})`);
  }
  switch (kind) {
    case 'entity':
      return { id: key(o.id, 'entity.id'), label: str(o.label, `entity ${String(o.id)}: label`), kind: str(o.kind, `entity ${String(o.id)}: kind`, 64), scope: scope(o.scope, 'entity'), attributes: strMap(o.attributes, `entity ${String(o.id)}: attributes`) };
    case 'relation':
      return { id: key(o.id, 'relation.id'), label: str(o.label, `relation ${String(o.id)}: label`), functional: bool(o.functional, 'relation.functional'), symmetric: bool(o.symmetric, 'relation.symmetric'), inverseOf: o.inverseOf === undefined ? undefined : key(o.inverseOf, 'relation.inverseOf') };
    case 'triple': {
      const inferred = bool(o.inferred, 'triple.inferred');
      const score = num(o.score, 'triple.score');
      return {
        head: key(o.head, 'triple.head'),
        relation: key(o.relation, 'triple.relation'),
        tail: key(o.tail, 'triple.tail'),
        scope: scope(o.scope, 'triple'),
        source: o.source === undefined ? undefined : str(o.source, 'triple.source', 256),
        inferred: inferred || undefined,
        score,
        assertedAt: num(o.assertedAt, 'triple.assertedAt') ?? now,
      };
    }
    case 'item':
      return { id: key(o.id, 'item.id'), text: str(o.text, `item ${String(o.id)}: text`, 100_000), scope: scope(o.scope, 'item'), source: o.source === undefined ? undefined : str(o.source, 'item.source', 256), metadata: strMap(o.metadata, `item ${String(o.id)}: metadata`) };
  }
}

/** The record without its bookkeeping (when it was asserted, where from): what two nodes must agree on to share the knowledge. */
export function contentOf(kind: RecordKind, r: AnyRecord): unknown {
  if (kind === 'triple') {
    const { assertedAt: _a, source: _s, ...rest } = r as TripleRecord;
    return rest;
  }
  if (kind === 'item') {
    const { source: _s, ...rest } = r as ItemRecord;
    return rest;
  }
  return r;
}
