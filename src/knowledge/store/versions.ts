/**
 * Versions of a knowledge base (seed 000 Sec. VI-B2, "Knowledge Update":
 * tracking versions, comparing changes, reverting to prior versions).
 *
 * A version is a name for a position in the append-only log, with the state
 * hash at that position: creating one costs one row, whatever the size of
 * the store. The state at a version is recovered from the log (for each key,
 * its last logged record at or before the version's sequence number), so a
 * diff touches only the keys changed between the two versions, and a revert
 * is that diff applied as new changes: history is never rewritten.
 */
import { SemcomError } from '../../core/errors.js';
import type { AnyRecord, Change, RecordKind } from './canonical.js';
import type { ApplyResult, KnowledgeBase } from './knowledge-base.js';

export interface Version {
  readonly name: string;
  /** Log position: the version holds every change with seq ≤ this. */
  readonly seq: number;
  /** State hash at that position (hex). */
  readonly hash: string;
  /** When it was created, ms since the epoch. */
  readonly at: number;
  readonly note: string;
}

/** One key whose record differs between two versions (null: absent). */
export interface DiffEntry {
  readonly kind: RecordKind;
  readonly key: string;
  readonly before: AnyRecord | null;
  readonly after: AnyRecord | null;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/u;

/** Names the current head as a version. A name is given once (a second time: INVALID_ARGUMENT). */
export function createVersion(kb: KnowledgeBase, name: string, note = ''): Version {
  if (typeof name !== 'string' || !NAME.test(name) || name === 'head' || /^\d+$/u.test(name)) {
    throw new SemcomError('INVALID_ARGUMENT', `version name ${JSON.stringify(name)} must be 1-128 letters, digits, '.', '_', ':' or '-', start with a letter or digit, and not be 'head' or a number`);
  }
  return kb.transaction(() => {
    if (kb.db.prepare('SELECT 1 FROM versions WHERE name = ?').get(name)) throw new SemcomError('INVALID_ARGUMENT', `version ${name} already exists in ${kb.path}; pick another name`);
    const { seq, hash } = kb.head();
    const v: Version = { name, seq, hash, at: kb.clock(), note };
    kb.db.prepare('INSERT INTO versions (name, seq, hash, at, note) VALUES (?, ?, ?, ?, ?)').run(v.name, v.seq, v.hash, v.at, v.note);
    return v;
  });
}

export function listVersions(kb: KnowledgeBase): Version[] {
  return kb.db.prepare('SELECT name, seq, hash, at, note FROM versions ORDER BY seq, name').all() as Version[];
}

export function getVersion(kb: KnowledgeBase, name: string): Version | undefined {
  return kb.db.prepare('SELECT name, seq, hash, at, note FROM versions WHERE name = ?').get(name) as Version | undefined;
}

/** A version name, 'head', or a log sequence number, as a sequence number. */
export function resolveVersion(kb: KnowledgeBase, ref: string | number): number {
  if (ref === 'head') return kb.head().seq;
  if (typeof ref === 'number' || /^\d+$/u.test(ref)) {
    const seq = Number(ref);
    const head = kb.head().seq;
    if (!Number.isSafeInteger(seq) || seq < 0 || seq > head) throw new SemcomError('INVALID_ARGUMENT', `log position ${ref} is outside 0..${head}`);
    return seq;
  }
  const v = getVersion(kb, ref);
  if (!v) {
    const names = listVersions(kb).map((x) => x.name);
    throw new SemcomError('INVALID_ARGUMENT', `no version named ${JSON.stringify(ref)} in ${kb.path} (${names.length ? `versions: ${names.join(', ')}` : 'it has no versions yet; create one with `semcom kb version create NAME`'})`);
  }
  return v.seq;
}

/** The keys whose records differ between log positions `from` and `to`, with the record at each (in key order). */
export function diffVersions(kb: KnowledgeBase, from: string | number, to: string | number): DiffEntry[] {
  return kb.read(() => {
    const a = resolveVersion(kb, from);
    const b = resolveVersion(kb, to);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const touched = kb.db.prepare('SELECT DISTINCT kind, key FROM log WHERE seq > ? AND seq <= ? ORDER BY kind, key').all(lo, hi) as { kind: RecordKind; key: string }[];
    const at = kb.db.prepare('SELECT record FROM log WHERE kind = ? AND key = ? AND seq <= ? ORDER BY seq DESC LIMIT 1').pluck();
    const out: DiffEntry[] = [];
    for (const { kind, key } of touched) {
      const ra = at.get(kind, key, a) as string | null | undefined;
      const rb = at.get(kind, key, b) as string | null | undefined;
      if ((ra ?? null) === (rb ?? null)) continue;
      out.push({ kind, key, before: ra ? (JSON.parse(ra) as AnyRecord) : null, after: rb ? (JSON.parse(rb) as AnyRecord) : null });
    }
    return out;
  });
}

/**
 * The changes that turn a store at `from` into `to`, ordered so that each
 * applies: entities and relations put before the triples that name them,
 * triples deleted before the entities and relations they name.
 */
export function diffAsChanges(entries: readonly DiffEntry[]): Change[] {
  const rank = (e: DiffEntry): number => {
    const structural = e.kind === 'entity' || e.kind === 'relation';
    if (e.after === null) return e.kind === 'triple' || e.kind === 'item' ? 0 : 3;
    return structural ? 1 : 2;
  };
  return [...entries].sort((x, y) => rank(x) - rank(y)).map((e) => ({ kind: e.kind, key: e.key, record: e.after }));
}

/** Makes the current state equal to the state at `version`, as new logged changes (author `revert:<version>`). */
export function revertTo(kb: KnowledgeBase, version: string | number): ApplyResult & { readonly changed: number } {
  const changes = kb.read(() => diffAsChanges(diffVersions(kb, 'head', version)));
  const result = kb.applyChanges(changes, { author: `revert:${version}` });
  return { ...result, changed: changes.length };
}
