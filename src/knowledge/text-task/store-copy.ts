/**
 * A copy of a knowledge base's file, for a receiver that starts from the
 * transmitter's knowledge without rebuilding it (a 68,000-record store takes
 * about 5 s to write and 0.1 s to copy here).
 */
import { copyFileSync, existsSync } from 'node:fs';
import { SemcomError } from '../../core/errors.js';

/**
 * Copies the SQLite file at `from` to `to`. The store must be closed (every
 * connection), so its write-ahead log is checkpointed into the file; a log
 * left behind is copied with it. `to` must not exist.
 */
export function copyClosedStore(from: string, to: string): void {
  if (existsSync(to)) throw new SemcomError('INVALID_ARGUMENT', `${to} exists; copy a knowledge base to a new path`);
  try {
    copyFileSync(from, to);
    for (const suffix of ['-wal', '-shm']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot copy the knowledge base ${from} to ${to}: ${(e as Error).message}`, { cause: e });
  }
}
