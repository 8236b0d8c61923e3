/**
 * A knowledge base on SQLite (seed 000 Sec. VI-B; seed 002 Sec. II-C): the
 * records of ../records.ts with provenance and timestamps, an append-only
 * change log, named versions, and derived vectors.
 *
 * Every write goes through {@link KnowledgeBase.apply}: one IMMEDIATE
 * transaction that validates each change (a triple must name known entities
 * and a known relation; an entity or relation still used by a triple cannot
 * be deleted), updates the current state and its projections, appends to the
 * log and updates the state hash. Any error rolls the whole batch back, so a
 * bad batch leaves the store as it was, and a process killed mid-batch
 * leaves either all of it or none (SQLite's WAL journal).
 *
 * Concurrency: one writer at a time (a second waits up to `busyTimeoutMs`,
 * then BUSY); any number of readers, in this or other processes, each
 * seeing a consistent snapshot (WAL).
 */
import type Database from 'better-sqlite3';
import { SemcomError } from '../../core/errors.js';
import type { EntityRecord, ItemRecord, RelationRecord, Scope, TripleRecord } from '../records.js';
import { addHash, bucketOf, canonicalJson, keyOf, normaliseRecord, recordHash, RECORD_KINDS, scopeOf, stateHex, type AnyRecord, type Change, type RecordKind, type RecordOfKind } from './canonical.js';
import { openDatabase, storeError, type OpenDatabaseOptions } from './open.js';
import { REQUIRED_TABLES } from './schema.js';

/** One change to apply: a put of a record, or the deletion of the record with a key. */
export type ChangeInput = { readonly kind: RecordKind; readonly put: unknown } | { readonly kind: RecordKind; readonly delete: string };

export interface KnowledgeBaseOptions extends OpenDatabaseOptions {
  /** Milliseconds since the epoch; injectable so tests and simulations control time (default Date.now). */
  readonly clock?: () => number;
}

export interface ApplyResult {
  /** Sequence number of the last logged change (the store's head). */
  readonly seq: number;
  /** State hash after the batch (hex). */
  readonly hash: string;
  /** Changes that changed something (a put of an identical record is not logged). */
  readonly applied: number;
}

export interface TripleQuery {
  readonly head?: string;
  readonly relation?: string;
  readonly tail?: string;
  readonly scope?: Scope;
  /** Include triples inferred by completion (default false: asserted facts only). */
  readonly includeInferred?: boolean;
  /** Only inferred triples. */
  readonly onlyInferred?: boolean;
  readonly limit?: number;
}

export interface StoreCounts {
  readonly entities: number;
  readonly relations: number;
  readonly triples: number;
  readonly inferred: number;
  readonly items: number;
  readonly logEntries: number;
  readonly versions: number;
  readonly vectors: number;
}

interface RecordRow {
  record: string;
  hash: Buffer;
}

export class KnowledgeBase {
  /** The SQLite connection, for the store's own modules (graph, versions, sync, vectors). @internal */
  readonly db: Database.Database;
  readonly path: string;
  readonly readonly: boolean;
  readonly clock: () => number;
  private readonly stmt: ReturnType<KnowledgeBase['prepare']>;

  private constructor(path: string, db: Database.Database, readonly: boolean, clock: () => number) {
    this.path = path;
    this.db = db;
    this.readonly = readonly;
    this.clock = clock;
    this.stmt = this.prepare();
  }

  /** Opens the knowledge base at `path`, creating it unless `readonly` or `create: false`. */
  static open(path: string, options: KnowledgeBaseOptions = {}): KnowledgeBase {
    const db = openDatabase(path, options);
    return new KnowledgeBase(path, db, options.readonly ?? false, options.clock ?? Date.now);
  }

  private prepare() {
    const db = this.db;
    return {
      getRecord: db.prepare('SELECT record, hash FROM current WHERE kind = ? AND key = ?'),
      putRecord: db.prepare('INSERT INTO records (kind, key, scope, hash, bucket, seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET scope = excluded.scope, hash = excluded.hash, seq = excluded.seq'),
      delRecord: db.prepare('DELETE FROM records WHERE kind = ? AND key = ?'),
      putEntity: db.prepare('INSERT OR REPLACE INTO entities (id, label, kind, scope) VALUES (?, ?, ?, ?)'),
      delEntity: db.prepare('DELETE FROM entities WHERE id = ?'),
      hasEntity: db.prepare('SELECT 1 FROM entities WHERE id = ?').pluck(),
      putRelation: db.prepare('INSERT OR REPLACE INTO relations (id, functional) VALUES (?, ?)'),
      delRelation: db.prepare('DELETE FROM relations WHERE id = ?'),
      hasRelation: db.prepare('SELECT 1 FROM relations WHERE id = ?').pluck(),
      putTriple: db.prepare('INSERT OR REPLACE INTO triples (key, head, relation, tail, scope, inferred, score, asserted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      delTriple: db.prepare('DELETE FROM triples WHERE key = ?'),
      entityUse: db.prepare('SELECT key FROM triples WHERE head = ? OR tail = ? LIMIT 1').pluck(),
      relationUse: db.prepare('SELECT key FROM triples WHERE relation = ? LIMIT 1').pluck(),
      putItem: db.prepare('INSERT INTO items (id, scope, text) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, text = excluded.text'),
      delItem: db.prepare('DELETE FROM items WHERE id = ?'),
      log: db.prepare('INSERT INTO log (at, author, kind, key, record) VALUES (?, ?, ?, ?, ?)'),
      getMeta: db.prepare('SELECT value FROM meta WHERE name = ?').pluck(),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)'),
      headSeq: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'log'").pluck(),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one transaction (IMMEDIATE when writing, so it holds the write lock from the start). */
  transaction<T>(fn: () => T): T {
    try {
      const tx = this.db.transaction(fn);
      return this.readonly ? tx.deferred() : tx.immediate();
    } catch (e) {
      return storeError(this.path, e);
    }
  }

  /** Reads in one snapshot: concurrent writers do not change what `fn` sees. */
  read<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).deferred();
    } catch (e) {
      return storeError(this.path, e);
    }
  }

  /** The last logged sequence number and the current state hash. */
  head(): { seq: number; hash: string } {
    return this.read(() => ({ seq: (this.stmt.headSeq.get() as number | undefined) ?? 0, hash: this.stmt.getMeta.get('state_hash') as string }));
  }

  private checkWritable(): void {
    if (this.readonly) throw new SemcomError('INVALID_ARGUMENT', `knowledge base ${this.path} was opened read-only; open it for writing to change it`);
  }

  /**
   * Applies a batch of changes atomically (see the module doc). Returns the
   * new head; throws (and changes nothing) on the first invalid change.
   */
  apply(changes: readonly ChangeInput[], options: { readonly author?: string } = {}): ApplyResult {
    this.checkWritable();
    if (!Array.isArray(changes)) throw new SemcomError('INVALID_ARGUMENT', 'apply needs an array of changes');
    const author = options.author ?? 'local';
    return this.transaction(() => {
      const now = this.clock();
      let state = BigInt(`0x${this.stmt.getMeta.get('state_hash') as string}`);
      let applied = 0;
      for (const [i, c] of changes.entries()) {
        if (c === null || typeof c !== 'object' || !RECORD_KINDS.includes(c.kind)) {
          throw new SemcomError('INVALID_ARGUMENT', `change ${i}: kind must be one of ${RECORD_KINDS.join(', ')}`);
        }
        const kind = c.kind;
        if ('put' in c) {
          const record = normaliseRecord(kind, c.put, now);
          const key = keyOf(kind, record);
          const json = canonicalJson(record);
          const hash = recordHash(kind, key, json);
          const old = this.stmt.getRecord.get(kind, key) as RecordRow | undefined;
          if (old && old.hash.equals(hash)) continue;
          this.checkReferences(kind, record, i);
          const seq = Number(this.stmt.log.run(now, author, kind, key, json).lastInsertRowid);
          this.stmt.putRecord.run(kind, key, scopeOf(record), hash, bucketOf(kind, key), seq);
          this.project(kind, key, record);
          if (old) state = addHash(state, old.hash, -1);
          state = addHash(state, hash, 1);
        } else if ('delete' in c) {
          const key = c.delete;
          if (typeof key !== 'string') throw new SemcomError('INVALID_ARGUMENT', `change ${i}: delete needs a key string`);
          const old = this.stmt.getRecord.get(kind, key) as RecordRow | undefined;
          if (!old) continue;
          this.checkUnused(kind, key, i);
          this.stmt.log.run(now, author, kind, key, null);
          this.stmt.delRecord.run(kind, key);
          this.unproject(kind, key);
          state = addHash(state, old.hash, -1);
        } else {
          throw new SemcomError('INVALID_ARGUMENT', `change ${i}: needs either put (a record) or delete (a key)`);
        }
        applied++;
      }
      this.stmt.setMeta.run('state_hash', stateHex(state));
      return { seq: (this.stmt.headSeq.get() as number | undefined) ?? 0, hash: stateHex(state), applied };
    });
  }

  /** Applies changes given as records or deletions (sync, diff and revert produce these). */
  applyChanges(changes: readonly Change[], options: { readonly author?: string } = {}): ApplyResult {
    return this.apply(changes.map((c) => (c.record === null ? { kind: c.kind, delete: c.key } : { kind: c.kind, put: c.record })), options);
  }

  private checkReferences(kind: RecordKind, r: AnyRecord, i: number): void {
    if (kind !== 'triple') return;
    const t = r as TripleRecord;
    for (const [role, id] of [['head', t.head], ['tail', t.tail]] as const) {
      if (!this.stmt.hasEntity.get(id)) throw new SemcomError('INVALID_ARGUMENT', `change ${i}: triple (${t.head}, ${t.relation}, ${t.tail}) names unknown ${role} entity ${id}; add the entity first`);
    }
    if (!this.stmt.hasRelation.get(t.relation)) throw new SemcomError('INVALID_ARGUMENT', `change ${i}: triple (${t.head}, ${t.relation}, ${t.tail}) names unknown relation ${t.relation}; add the relation first`);
  }

  private checkUnused(kind: RecordKind, key: string, i: number): void {
    const use = kind === 'entity' ? this.stmt.entityUse.get(key, key) : kind === 'relation' ? this.stmt.relationUse.get(key) : undefined;
    if (use !== undefined) throw new SemcomError('INVALID_ARGUMENT', `change ${i}: ${kind} ${key} is still used by triple ${String(use)}; delete its triples first`);
  }

  private project(kind: RecordKind, key: string, r: AnyRecord): void {
    switch (kind) {
      case 'entity': {
        const e = r as EntityRecord;
        this.stmt.putEntity.run(e.id, e.label, e.kind, scopeOf(e));
        break;
      }
      case 'relation':
        this.stmt.putRelation.run(key, (r as RelationRecord).functional ? 1 : 0);
        break;
      case 'triple': {
        const t = r as TripleRecord;
        this.stmt.putTriple.run(key, t.head, t.relation, t.tail, scopeOf(t), t.inferred ? 1 : 0, t.score ?? null, t.assertedAt);
        break;
      }
      case 'item': {
        const it = r as ItemRecord;
        this.stmt.putItem.run(it.id, scopeOf(it), it.text);
        break;
      }
    }
  }

  private unproject(kind: RecordKind, key: string): void {
    if (kind === 'entity') this.stmt.delEntity.run(key);
    else if (kind === 'relation') this.stmt.delRelation.run(key);
    else if (kind === 'triple') this.stmt.delTriple.run(key);
    else this.stmt.delItem.run(key);
  }

  /** The current record of `kind` with `key`, or undefined. */
  get<K extends RecordKind>(kind: K, key: string): RecordOfKind[K] | undefined {
    const row = this.stmt.getRecord.get(kind, key) as RecordRow | undefined;
    return row ? (JSON.parse(row.record) as RecordOfKind[K]) : undefined;
  }

  entity(id: string): EntityRecord | undefined {
    return this.get('entity', id);
  }
  relation(id: string): RelationRecord | undefined {
    return this.get('relation', id);
  }
  item(id: string): ItemRecord | undefined {
    return this.get('item', id);
  }

  /** Every record of a kind (optionally of one scope), in key order. */
  *records<K extends RecordKind>(kind: K, options: { readonly scope?: Scope } = {}): IterableIterator<RecordOfKind[K]> {
    const rows = options.scope
      ? this.db.prepare('SELECT record FROM current WHERE kind = ? AND scope = ? ORDER BY key').pluck().iterate(kind, options.scope)
      : this.db.prepare('SELECT record FROM current WHERE kind = ? ORDER BY key').pluck().iterate(kind);
    for (const json of rows) yield JSON.parse(json as string) as RecordOfKind[K];
  }

  /** Triples matching the given fields, asserted only unless asked (ordered by key). */
  triples(q: TripleQuery = {}): TripleRecord[] {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [col, v] of [['head', q.head], ['relation', q.relation], ['tail', q.tail], ['scope', q.scope]] as const) {
      if (v !== undefined) {
        where.push(`t.${col} = ?`);
        args.push(v);
      }
    }
    if (q.onlyInferred) where.push('t.inferred = 1');
    else if (!q.includeInferred) where.push('t.inferred = 0');
    const limit = q.limit ?? -1;
    const sql = `SELECT l.record FROM triples t CROSS JOIN records r ON r.kind = 'triple' AND r.key = t.key CROSS JOIN log l ON l.seq = r.seq ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.key LIMIT ?`;
    return this.read(() => (this.db.prepare(sql).pluck().all(...args, limit) as string[]).map((j) => JSON.parse(j) as TripleRecord));
  }

  counts(): StoreCounts {
    return this.read(() => {
      const n = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
      return {
        entities: n('SELECT count(*) FROM entities'),
        relations: n('SELECT count(*) FROM relations'),
        triples: n('SELECT count(*) FROM triples WHERE inferred = 0'),
        inferred: n('SELECT count(*) FROM triples WHERE inferred = 1'),
        items: n('SELECT count(*) FROM items'),
        logEntries: n('SELECT count(*) FROM log'),
        versions: n('SELECT count(*) FROM versions'),
        vectors: n('SELECT count(*) FROM vectors'),
      };
    });
  }

  /**
   * Checks the file and the invariants the store keeps: SQLite's integrity
   * check, the state hash against the records, and the projections against
   * the records. Returns the problems found (empty when consistent).
   */
  verify(): string[] {
    return this.read(() => {
      const problems: string[] = [];
      // Table by table: a whole-file integrity_check also runs FTS5's own
      // check, which in a read-only connection reports corruption that is not
      // there while another process writes (seen with SQLite 3.53; the same
      // index answers MATCH queries consistently). The FTS index is checked
      // with its integrity-check command where this connection may write.
      for (const table of REQUIRED_TABLES) {
        const r = this.db.pragma(`integrity_check(${table})`, { simple: true }) as string;
        if (r !== 'ok') problems.push(`sqlite integrity_check(${table}): ${r}`);
      }
      if (!this.readonly) {
        try {
          this.db.prepare("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')").run();
        } catch (e) {
          problems.push(`full-text index: ${(e as Error).message}`);
        }
      }
      let state = 0n;
      let mismatched = 0;
      for (const r of this.db.prepare('SELECT kind, key, hash, record FROM current').iterate() as Iterable<{ kind: RecordKind; key: string; hash: Buffer; record: string }>) {
        if (!recordHash(r.kind, r.key, r.record).equals(r.hash)) mismatched++;
        state = addHash(state, r.hash, 1);
      }
      if (mismatched > 0) problems.push(`${mismatched} records do not match their hash`);
      const orphans = this.db.prepare('SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM log l WHERE l.seq = r.seq AND l.record IS NOT NULL)').pluck().get() as number;
      if (orphans > 0) problems.push(`${orphans} records point at no logged content`);
      const stored = this.stmt.getMeta.get('state_hash') as string;
      if (stateHex(state) !== stored) problems.push(`state hash ${stored} does not match the records (${stateHex(state)})`);
      const n = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
      for (const [kind, table] of [['entity', 'entities'], ['relation', 'relations'], ['triple', 'triples'], ['item', 'items']] as const) {
        const a = n(`SELECT count(*) FROM records WHERE kind = '${kind}'`);
        const b = n(`SELECT count(*) FROM ${table}`);
        if (a !== b) problems.push(`${a} ${kind} records but ${b} rows in ${table}`);
      }
      const dangling = n('SELECT count(*) FROM triples t WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = t.head) OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = t.tail)');
      if (dangling > 0) problems.push(`${dangling} triples name a missing entity`);
      return problems;
    });
  }
}
