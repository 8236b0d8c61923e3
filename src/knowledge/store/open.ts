/**
 * Opening a knowledge-base file: create it with the schema when it is new,
 * refuse anything that is not one of ours (not SQLite, a foreign SQLite
 * database, a newer schema) with an error that names the file and what to
 * do, and load sqlite-vec for vector search.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { SemcomError } from '../../core/errors.js';
import { APPLICATION_ID, REQUIRED_TABLES, REQUIRED_VIEWS, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export interface OpenDatabaseOptions {
  /** Open for reading only (many readers may run beside one writer). */
  readonly readonly?: boolean;
  /** Create the file if it does not exist (default true when writing). */
  readonly create?: boolean;
  /** How long a writer waits for another writer's lock before failing with BUSY, ms (default 5000). */
  readonly busyTimeoutMs?: number;
}

function notOurs(path: string, why: string, cause?: unknown): SemcomError {
  return new SemcomError('MALFORMED_INPUT', `${path} is not a semcom knowledge base (${why}); pass the path of one made by \`semcom kb build\`, or a new path to create one`, cause === undefined ? undefined : { cause });
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** Opens (and, for a new file, creates) the database at `path`, checked to be a semcom knowledge base. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (typeof path !== 'string' || path.trim() === '') throw new SemcomError('INVALID_ARGUMENT', 'a knowledge base needs a file path (--db PATH)');
  const readonly = options.readonly ?? false;
  const size = fileSize(path);
  if (size === null && (readonly || options.create === false)) {
    throw new SemcomError('IO_ERROR', `knowledge base ${path} does not exist; build one first with \`semcom kb build wordnet --db ${path}\``);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly || options.create === false });
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot open knowledge base ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`);
    let appId: number;
    let tables: string[];
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name);
    } catch (e) {
      throw notOurs(path, (e as Error).message, e);
    }
    if (appId === 0 && tables.length === 0) {
      if (readonly) throw notOurs(path, 'the file is empty');
      db.pragma('journal_mode = WAL');
      db.exec('BEGIN IMMEDIATE');
      try {
        db.exec(SCHEMA_SQL);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
        db.prepare("INSERT INTO meta (name, value) VALUES ('state_hash', ?), ('created_at', ?)").run('0'.repeat(64), String(Date.now()));
        db.exec('COMMIT');
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    } else {
      if (appId !== APPLICATION_ID) throw notOurs(path, `its SQLite application_id is ${appId}, not ${APPLICATION_ID}`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new SemcomError('UNSUPPORTED', `knowledge base ${path} has schema version ${version}, newer than this semcom's ${SCHEMA_VERSION}; upgrade semcom`);
      const missing = [...REQUIRED_TABLES, ...REQUIRED_VIEWS].filter((t) => !tables.includes(t));
      if (missing.length > 0) throw notOurs(path, `tables ${missing.join(', ')} are missing`);
      if (!readonly) db.pragma('journal_mode = WAL');
    }
    // FULL: a commit is on disk before apply() returns, so a crash (even of the OS) loses no committed change.
    if (!readonly) db.pragma('synchronous = FULL');
    sqliteVec.load(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Wraps SQLite's busy and corruption errors in SemcomErrors; rethrows the rest. */
export function storeError(path: string, e: unknown): never {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY')) throw new SemcomError('BUSY', `knowledge base ${path} is locked by another writer; wait for it to finish and try again`, { cause: e });
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new SemcomError('MALFORMED_INPUT', `knowledge base ${path} is damaged (${(e as Error).message}); restore it from a copy or rebuild it`, { cause: e });
  if (code === 'SQLITE_READONLY') throw new SemcomError('INVALID_ARGUMENT', `knowledge base ${path} was opened read-only; open it for writing to change it`, { cause: e });
  throw e;
}
