/**
 * The on-disk layout of a semcom knowledge base: one SQLite file in WAL mode.
 *
 * - `records` is the current state, one row per record (kind, key) with its
 *   SHA-256 and the log position of its current content (the view `current`
 *   joins in the canonical JSON from `log`, so content is stored once);
 *   `entities`, `triples` and `items` (+ `items_fts`) are projections with
 *   the columns queries need, written in the same transaction.
 * - `log` is the append-only change log (triggers refuse UPDATE and DELETE):
 *   one row per change with the record after it (NULL for a deletion), so
 *   the state at any sequence number is recoverable and versions are just
 *   sequence numbers with a name (seed 000 Sec. VI-B2: "archiving of
 *   significant updates as separate versions ... compare changes and revert").
 * - `vectors` holds embeddings (derived data, not versioned: each node
 *   computes them with its own model), searched with sqlite-vec's distance
 *   functions; `models` holds trained knowledge-representation models.
 *
 * `application_id` marks the file as ours so a foreign SQLite database is
 * refused instead of written into; `user_version` is the schema version.
 */

/** 'SEMK' as a big-endian 32-bit integer. */
export const APPLICATION_ID = 0x53454d4b;
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE records (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  scope TEXT NOT NULL,
  hash BLOB NOT NULL,
  bucket INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  kind TEXT NOT NULL,
  scope TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_label ON entities (label);

CREATE TABLE relations (
  id TEXT PRIMARY KEY,
  functional INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE triples (
  key TEXT PRIMARY KEY,
  head TEXT NOT NULL,
  relation TEXT NOT NULL,
  tail TEXT NOT NULL,
  scope TEXT NOT NULL,
  inferred INTEGER NOT NULL,
  score REAL,
  asserted_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX triples_head ON triples (head, relation);
CREATE INDEX triples_tail ON triples (tail, relation);

CREATE TABLE items (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE VIRTUAL TABLE items_fts USING fts5 (text, content = 'items', content_rowid = 'rowid');
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN INSERT INTO items_fts (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN INSERT INTO items_fts (items_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO items_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TABLE log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  author TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  record TEXT
);
CREATE INDEX log_key ON log (kind, key, seq);
CREATE TRIGGER log_no_update BEFORE UPDATE ON log BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE VIEW current AS SELECT r.kind, r.key, r.scope, r.hash, r.bucket, r.seq, l.record FROM records r JOIN log l ON l.seq = r.seq;

CREATE TABLE versions (
  name TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  at INTEGER NOT NULL,
  note TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE vector_spaces (
  name TEXT PRIMARY KEY,
  dimension INTEGER NOT NULL,
  note TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE vectors (
  space TEXT NOT NULL,
  key TEXT NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (space, key)
) WITHOUT ROWID;

CREATE TABLE models (
  name TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  metrics TEXT NOT NULL,
  at INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** Tables a valid knowledge base has; opening checks them (and the view `current`). */
export const REQUIRED_TABLES = ['meta', 'records', 'entities', 'relations', 'triples', 'items', 'log', 'versions', 'vector_spaces', 'vectors', 'models'] as const;
export const REQUIRED_VIEWS = ['current'] as const;
