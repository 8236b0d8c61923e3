/**
 * Knowledge sharing between two stores (seed 000 Sec. VI-B2; seed 002
 * Sec. III-C, model and knowledge synchronization): a transmitter and a
 * receiver, or an edge server and a device. Every message is bytes, so the
 * cost of keeping knowledge matched is measured, not assumed.
 *
 * Two protocols:
 * - **since-version**: the receiver holds the sender's version V (its state
 *   hash equals V's). The sender ships the net changes from V to its head
 *   ({@link deltaSince}). Up: the version name; down: the delta.
 * - **reconcile**, for stores that diverged (records lost, stale, or
 *   changed locally), with no shared version to start from. First by
 *   invertible Bloom lookup table (./iblt.ts): the receiver sends its record
 *   count; the sender asks for a table of about 2 × the expected number d
 *   of differing records (at least the difference of the counts); the
 *   receiver sends it (16 bytes a cell); the sender subtracts its own,
 *   peels out the fingerprints only one side holds, and sends the records
 *   the receiver lacks and the fingerprints it should drop. A table too
 *   small to peel is asked for again at twice the size. Cost grows with d,
 *   not with the store. When the table would cost more than listing every
 *   record, the bucket protocol takes over: the receiver sends its 256
 *   bucket hashes (16 bytes each); the sender answers with the buckets that
 *   differ (a 32-byte bitmap); the receiver sends an 8-byte fingerprint of
 *   each of its records in those buckets; the sender sends the delta.
 *
 * A delta carries the base and target state hashes and a SHA-256 digest of
 * its own content. The receiver applies it in one transaction and commits
 * only if its state hash then equals the target: a delta for another base,
 * a tampered delta or a fingerprint collision fails with CONFLICT and leaves
 * the store unchanged. Deltas are canonical JSON compressed with brotli.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { SemcomError } from '../../core/errors.js';
import { addHash, canonicalJson, RECORD_KINDS, sha256, stateHex, type Change, type RecordKind } from './canonical.js';
import type { ApplyResult, KnowledgeBase } from './knowledge-base.js';
import { Iblt } from './iblt.js';
import { diffAsChanges, diffVersions, getVersion, type DiffEntry } from './versions.js';

export const DELTA_FORMAT = 'semcom-kb-delta/1';
export const BUCKETS = 256;
const BUCKET_HASH_BYTES = 16;
const FINGERPRINT_BYTES = 8;

export interface KnowledgeDelta {
  readonly format: typeof DELTA_FORMAT;
  readonly mode: 'since-version' | 'reconcile';
  /** since-version: the state hash the receiver must hold (the sender's at `baseVersion`). */
  readonly base: string;
  readonly baseVersion?: string;
  /** The sender's state hash: the receiver's after applying. */
  readonly target: string;
  readonly changes: readonly Change[];
  /** reconcile: the buckets the delta makes equal, and fingerprints of receiver records to drop. */
  readonly buckets?: readonly number[];
  readonly drop?: readonly string[];
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  readonly digest: string;
}

export interface SyncReport {
  readonly mode: KnowledgeDelta['mode'];
  /** How the difference was found: the version, an IBLT (with its cells in the last round), or bucket fingerprints. */
  readonly method: 'version' | 'iblt' | 'buckets';
  /** Messages from receiver to sender (a request and its answer count as one round each way). */
  readonly rounds: number;
  /** Bytes the receiver sent and received. */
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly changes: number;
  readonly result: ApplyResult;
}

function seal(d: Omit<KnowledgeDelta, 'digest'>): KnowledgeDelta {
  return { ...d, digest: sha256(canonicalJson(d)).toString('hex') };
}

/** The delta from the sender's version `version` to its head. */
export function deltaSince(kb: KnowledgeBase, version: string): KnowledgeDelta {
  return kb.read(() => {
    const v = getVersion(kb, version);
    if (!v) throw new SemcomError('INVALID_ARGUMENT', `no version named ${JSON.stringify(version)} in ${kb.path}: a since-version delta needs a named base`);
    const entries: DiffEntry[] = diffVersions(kb, v.name, 'head');
    return seal({ format: DELTA_FORMAT, mode: 'since-version', base: v.hash, baseVersion: v.name, target: kb.head().hash, changes: diffAsChanges(entries) });
  });
}

export function encodeDelta(d: KnowledgeDelta): Uint8Array {
  return brotliCompressSync(Buffer.from(canonicalJson(d)), { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
}

const HEX64 = /^[0-9a-f]{64}$/u;

/** Parses and checks a delta received as bytes: MALFORMED_INPUT for bytes that are not one, CONFLICT for a digest that does not match. */
export function decodeDelta(bytes: Uint8Array): KnowledgeDelta {
  let d: KnowledgeDelta;
  try {
    d = JSON.parse(brotliDecompressSync(bytes).toString('utf8')) as KnowledgeDelta;
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', `the knowledge delta is not brotli-compressed JSON (${(e as Error).message}); ask the sender again`, { cause: e });
  }
  const bad = (what: string): never => {
    throw new SemcomError('MALFORMED_INPUT', `the knowledge delta is malformed: ${what}`);
  };
  if (d === null || typeof d !== 'object') bad('not an object');
  if (d.format !== DELTA_FORMAT) bad(`format ${JSON.stringify(d.format)}, expected ${DELTA_FORMAT}`);
  if (d.mode !== 'since-version' && d.mode !== 'reconcile') bad(`mode ${JSON.stringify(d.mode)}`);
  if (typeof d.target !== 'string' || !HEX64.test(d.target) || typeof d.base !== 'string' || typeof d.digest !== 'string') bad('base, target and digest must be hex hashes');
  if (!Array.isArray(d.changes)) bad('changes must be an array');
  for (const c of d.changes) {
    if (c === null || typeof c !== 'object' || !RECORD_KINDS.includes(c.kind) || typeof c.key !== 'string' || (c.record !== null && typeof c.record !== 'object')) bad('a change needs kind, key and record (an object or null)');
  }
  if (d.mode === 'reconcile') {
    if (!Array.isArray(d.buckets) || !d.buckets.every((b) => Number.isInteger(b) && b >= 0 && b < BUCKETS)) bad('buckets must be bucket numbers');
    if (!Array.isArray(d.drop) || !d.drop.every((f) => typeof f === 'string' && /^[0-9a-f]{16}$/u.test(f))) bad('drop must be 16-hex-digit fingerprints');
  }
  const { digest, ...rest } = d;
  if (sha256(canonicalJson(rest)).toString('hex') !== digest) {
    throw new SemcomError('CONFLICT', 'the knowledge delta does not match its digest (it was altered or damaged in transit); nothing was applied, ask the sender again');
  }
  return d;
}

/** Fingerprint of a stored record: the first 8 bytes of its hash (which covers kind, key and content). */
function fingerprint(hash: Buffer): string {
  return hash.subarray(0, FINGERPRINT_BYTES).toString('hex');
}

/**
 * Applies a delta atomically. since-version: the store must hold the base
 * state; reconcile: the listed buckets are replaced. Either way the store's
 * hash must end equal to the target, or nothing is kept (CONFLICT).
 */
export function applyDelta(kb: KnowledgeBase, delta: KnowledgeDelta, options: { readonly author?: string } = {}): ApplyResult {
  const author = options.author ?? `sync:${delta.mode}`;
  return kb.transaction(() => {
    const before = kb.head().hash;
    let changes: Change[] = [...delta.changes];
    if (delta.mode === 'since-version') {
      if (before !== delta.base) {
        throw new SemcomError('CONFLICT', `${kb.path} is not at the delta's base version ${delta.baseVersion ?? ''} (state hash ${before.slice(0, 12)}… vs ${delta.base.slice(0, 12)}…): it diverged; reconcile instead (semcom kb sync without --since)`);
      }
    } else {
      const put = new Set(changes.map((c) => `${c.kind}\0${c.key}`));
      const drop = new Set(delta.drop);
      const rows = kb.db.prepare(`SELECT kind, key, hash FROM records WHERE bucket IN (${(delta.buckets ?? []).map(() => '?').join(',') || 'NULL'})`).all(...(delta.buckets ?? [])) as { kind: RecordKind; key: string; hash: Buffer }[];
      for (const r of rows) if (drop.has(fingerprint(r.hash)) && !put.has(`${r.kind}\0${r.key}`)) changes.push({ kind: r.kind, key: r.key, record: null });
      changes = diffAsChanges(changes.map((c) => ({ kind: c.kind, key: c.key, before: null, after: c.record })));
    }
    const result = kb.applyChanges(changes, { author });
    if (result.hash !== delta.target) {
      throw new SemcomError('CONFLICT', `after applying the delta ${kb.path} has state hash ${result.hash.slice(0, 12)}…, not the sender's ${delta.target.slice(0, 12)}… (tampered delta or a fingerprint collision); nothing was applied`);
    }
    return result;
  });
}

/** Receiver, round 1: the hash of each bucket (sum of its record hashes mod 2²⁵⁶, first 16 bytes). */
export function bucketSummary(kb: KnowledgeBase): Uint8Array {
  const sums = new Array<bigint>(BUCKETS).fill(0n);
  kb.read(() => {
    for (const r of kb.db.prepare('SELECT bucket, hash FROM records').iterate() as Iterable<{ bucket: number; hash: Buffer }>) sums[r.bucket] = addHash(sums[r.bucket] as bigint, r.hash, 1);
  });
  const out = Buffer.alloc(BUCKETS * BUCKET_HASH_BYTES);
  sums.forEach((s, b) => Buffer.from(stateHex(s), 'hex').copy(out, b * BUCKET_HASH_BYTES, 0, BUCKET_HASH_BYTES));
  return out;
}

/** Sender, round 1: the bitmap of buckets whose hash differs from the receiver's summary. */
export function differingBuckets(kb: KnowledgeBase, summary: Uint8Array): Uint8Array {
  if (!(summary instanceof Uint8Array) || summary.length !== BUCKETS * BUCKET_HASH_BYTES) {
    throw new SemcomError('MALFORMED_INPUT', `a bucket summary is ${BUCKETS * BUCKET_HASH_BYTES} bytes, got ${summary?.length}`);
  }
  const mine = bucketSummary(kb);
  const bitmap = new Uint8Array(BUCKETS / 8);
  for (let b = 0; b < BUCKETS; b++) {
    if (Buffer.compare(Buffer.from(mine.subarray(b * 16, b * 16 + 16)), Buffer.from(summary.subarray(b * 16, b * 16 + 16))) !== 0) bitmap[b >> 3]! |= 1 << (b & 7);
  }
  return bitmap;
}

function bucketsOf(bitmap: Uint8Array): number[] {
  if (!(bitmap instanceof Uint8Array) || bitmap.length !== BUCKETS / 8) throw new SemcomError('MALFORMED_INPUT', `a bucket bitmap is ${BUCKETS / 8} bytes`);
  const out: number[] = [];
  for (let b = 0; b < BUCKETS; b++) if ((bitmap[b >> 3]! >> (b & 7)) & 1) out.push(b);
  return out;
}

function recordsIn(kb: KnowledgeBase, buckets: readonly number[]): { kind: RecordKind; key: string; record: string; hash: Buffer }[] {
  if (buckets.length === 0) return [];
  return kb.db.prepare(`SELECT kind, key, record, hash FROM current WHERE bucket IN (${buckets.map(() => '?').join(',')}) ORDER BY kind, key`).all(...buckets) as { kind: RecordKind; key: string; record: string; hash: Buffer }[];
}

/** Receiver, round 2: the fingerprints of its records in the buckets of `bitmap`. */
export function bucketFingerprints(kb: KnowledgeBase, bitmap: Uint8Array): Uint8Array {
  const rows = kb.read(() => recordsIn(kb, bucketsOf(bitmap)));
  const out = Buffer.alloc(rows.length * FINGERPRINT_BYTES);
  rows.forEach((r, i) => r.hash.copy(out, i * FINGERPRINT_BYTES, 0, FINGERPRINT_BYTES));
  return out;
}

/** Sender, round 2: the delta that makes the receiver's differing buckets equal to the sender's. */
export function reconcileDelta(kb: KnowledgeBase, bitmap: Uint8Array, receiverFingerprints: Uint8Array): KnowledgeDelta {
  if (!(receiverFingerprints instanceof Uint8Array) || receiverFingerprints.length % FINGERPRINT_BYTES !== 0) {
    throw new SemcomError('MALFORMED_INPUT', `fingerprints come in ${FINGERPRINT_BYTES}-byte units`);
  }
  const theirs = new Set<string>();
  for (let i = 0; i < receiverFingerprints.length; i += FINGERPRINT_BYTES) theirs.add(Buffer.from(receiverFingerprints.subarray(i, i + FINGERPRINT_BYTES)).toString('hex'));
  return kb.read(() => {
    const buckets = bucketsOf(bitmap);
    const changes: Change[] = [];
    const mine = new Set<string>();
    for (const r of recordsIn(kb, buckets)) {
      const f = fingerprint(r.hash);
      mine.add(f);
      if (!theirs.has(f)) changes.push({ kind: r.kind, key: r.key, record: JSON.parse(r.record) as Change['record'] });
    }
    const drop = [...theirs].filter((f) => !mine.has(f)).sort();
    return seal({ format: DELTA_FORMAT, mode: 'reconcile', base: '', target: kb.head().hash, changes, buckets, drop });
  });
}

/** The number of records a store holds (what the receiver tells the sender first: 4 bytes). */
export function recordCount(kb: KnowledgeBase): number {
  return kb.db.prepare('SELECT count(*) FROM records').pluck().get() as number;
}

function iblt(kb: KnowledgeBase, cells: number): Iblt {
  const t = new Iblt(cells);
  kb.read(() => {
    for (const h of kb.db.prepare('SELECT hash FROM records').pluck().iterate() as Iterable<Buffer>) t.insert(h);
  });
  return t;
}

/** Receiver: an IBLT of `cells` cells over its record fingerprints. */
export function fingerprintIblt(kb: KnowledgeBase, cells: number): Uint8Array {
  return iblt(kb, cells).encode();
}

/** Sender: the delta read out of the receiver's IBLT, or null when the table is too small for the difference. */
export function ibltDelta(kb: KnowledgeBase, receiverTable: Uint8Array): KnowledgeDelta | null {
  const theirs = Iblt.decode(receiverTable);
  return kb.read(() => {
    const diff = iblt(kb, theirs.cells).subtract(theirs).peel();
    if (!diff) return null;
    const wanted = new Set(diff.plus);
    // Scan the hashes only; read a record's content just for the ones the receiver lacks.
    const found: { kind: RecordKind; key: string }[] = [];
    for (const r of kb.db.prepare('SELECT kind, key, hash FROM records').iterate() as Iterable<{ kind: RecordKind; key: string; hash: Buffer }>) {
      if (wanted.has(fingerprint(r.hash))) found.push({ kind: r.kind, key: r.key });
    }
    const changes: Change[] = found.map((c) => ({ ...c, record: kb.get(c.kind, c.key) ?? null }));
    // A fingerprint the peel produced that the sender does not hold: a checksum accident; give up on this table.
    if (changes.length !== wanted.size) return null;
    const all = Array.from({ length: BUCKETS }, (_, b) => b);
    return seal({ format: DELTA_FORMAT, mode: 'reconcile', base: '', target: kb.head().hash, changes, buckets: all, drop: diff.minus.sort() });
  });
}

/**
 * Cells for an expected difference of `d` records: 2 d + 30, a multiple of
 * 3. Peeling needs about 1.23 d cells for large d; the margin covers the
 * differences the counts do not show (a stale record is one on each side and
 * leaves both counts equal), which would otherwise cost a second round.
 */
function cellsFor(d: number): number {
  return 3 * Math.ceil((2 * d + 30) / 3);
}

/**
 * Brings `receiver` to `sender`'s state, in-process, counting the bytes each
 * way: since-version when `baseVersion` is given and the receiver holds it,
 * reconcile otherwise (or when `mode` says so).
 */
export function syncKnowledge(sender: KnowledgeBase, receiver: KnowledgeBase, options: { readonly baseVersion?: string; readonly mode?: 'since-version' | 'reconcile' } = {}): SyncReport {
  const base = options.baseVersion ? getVersion(sender, options.baseVersion) : undefined;
  if (options.baseVersion && !base) throw new SemcomError('INVALID_ARGUMENT', `the sender has no version named ${JSON.stringify(options.baseVersion)}`);
  const mode = options.mode ?? (base && receiver.head().hash === base.hash ? 'since-version' : 'reconcile');
  if (mode === 'since-version') {
    if (!base) throw new SemcomError('INVALID_ARGUMENT', 'a since-version sync needs baseVersion');
    const up = Buffer.byteLength(base.name);
    const down = encodeDelta(deltaSince(sender, base.name));
    const delta = decodeDelta(down);
    return { mode, method: 'version', rounds: 1, bytesUp: up, bytesDown: down.length, changes: delta.changes.length, result: applyDelta(receiver, delta) };
  }
  const nRx = recordCount(receiver);
  let bytesUp = 4;
  let bytesDown = 0;
  let rounds = 1;
  // Listing every receiver record through the bucket protocol costs about this much; a bigger table is not worth asking for.
  const listingCost = 8 * nRx + BUCKETS * BUCKET_HASH_BYTES;
  for (let cells = cellsFor(Math.abs(recordCount(sender) - nRx)); bytesUp + 16 * cells < listingCost; cells *= 2) {
    bytesDown += 4;
    const table = fingerprintIblt(receiver, cells);
    bytesUp += table.length;
    rounds++;
    const found = ibltDelta(sender, table);
    if (!found) continue;
    const down = encodeDelta(found);
    const delta = decodeDelta(down);
    return { mode, method: 'iblt', rounds, bytesUp, bytesDown: bytesDown + down.length, changes: delta.changes.length + (delta.drop?.length ?? 0), result: applyDelta(receiver, delta) };
  }
  const summary = bucketSummary(receiver);
  const bitmap = differingBuckets(sender, summary);
  const fps = bucketFingerprints(receiver, bitmap);
  const down = encodeDelta(reconcileDelta(sender, bitmap, fps));
  const delta = decodeDelta(down);
  return {
    mode,
    method: 'buckets',
    rounds: rounds + 2,
    bytesUp: bytesUp + summary.length + fps.length,
    bytesDown: bytesDown + bitmap.length + down.length,
    changes: delta.changes.length + (delta.drop?.length ?? 0),
    result: applyDelta(receiver, delta),
  };
}
