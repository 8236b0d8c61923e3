/**
 * Crash safety and concurrency, with real processes: a writer killed with
 * SIGKILL in the middle of its batches, and readers in other processes
 * beside a writer. Each batch adds BATCH items in one apply().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { KnowledgeBase } from './knowledge-base.js';
import { BATCH } from './fixtures/store-process.js';
import { tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const fixture = fileURLToPath(new URL('./fixtures/store-process.ts', import.meta.url));

function start(...args: string[]): { child: ChildProcess; lines: string[]; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('exit', (code, signal) => (code === 0 || signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code ?? signal}: ${err}`))));
  });
  return { child, lines, exited };
}

async function until(cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the child process');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function committed(lines: readonly string[]): number[] {
  return lines.filter((l) => l.startsWith('committed ')).map((l) => Number(l.slice(10)));
}

describe('crash safety (SIGKILL during updates)', () => {
  it('keeps every committed batch and no partial batch, run after run', { timeout: 90_000 }, async () => {
    const path = join(tmp.dir, 'crash.db');
    KnowledgeBase.open(path).close();
    const rng = Rng.stream(2026);
    let next = 0;
    const acknowledged = new Set<number>();
    for (let run = 0; run < 3; run++) {
      const w = start('writer', path, String(next));
      // Let it commit a few batches, then kill it at a random moment.
      await until(() => committed(w.lines).length >= 3);
      await new Promise((r) => setTimeout(r, rng.nextInt(40)));
      w.child.kill('SIGKILL');
      await w.exited;
      for (const n of committed(w.lines)) acknowledged.add(n);
      const kb = KnowledgeBase.open(path);
      expect(kb.verify()).toEqual([]);
      const perBatch = new Map<number, number>();
      for (const id of kb.db.prepare('SELECT id FROM items').pluck().all() as string[]) {
        const n = Number(id.slice(1, id.indexOf('-')));
        perBatch.set(n, (perBatch.get(n) ?? 0) + 1);
      }
      // All or nothing per batch; every acknowledged batch is there.
      for (const [, count] of perBatch) expect(count).toBe(BATCH);
      for (const n of acknowledged) expect(perBatch.get(n)).toBe(BATCH);
      // The log holds exactly the stored changes.
      expect(kb.counts().logEntries).toBe(perBatch.size * BATCH);
      next = Math.max(-1, ...perBatch.keys()) + 1;
      kb.close();
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(9);
  });
});

describe('one writer, many readers', () => {
  it('readers in other processes always see whole batches while a writer writes', { timeout: 90_000 }, async () => {
    const path = join(tmp.dir, 'concurrent.db');
    KnowledgeBase.open(path).close();
    const w = start('writer', path, '0');
    await until(() => committed(w.lines).length >= 2);
    const readers = [start('reader', path, '2500'), start('reader', path, '2500')];
    await Promise.all(readers.map((r) => r.exited));
    const progressed = committed(w.lines).length;
    w.child.kill('SIGKILL');
    await w.exited;
    for (const r of readers) {
      const result = JSON.parse(r.lines.at(-1)!) as { reads: number; violations: number };
      expect(result.violations).toBe(0);
      expect(result.reads).toBeGreaterThan(20);
    }
    expect(progressed).toBeGreaterThan(4);
  });

  it('a second writer waits for the lock, then fails with BUSY and changes nothing', () => {
    const path = join(tmp.dir, 'busy.db');
    KnowledgeBase.open(path).close();
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    const kb = KnowledgeBase.open(path, { busyTimeoutMs: 100 });
    expect(() => kb.apply([{ kind: 'item', put: { id: 'x', text: 'blocked' } }])).toThrow(/locked by another writer/);
    holder.exec('ROLLBACK');
    holder.close();
    expect(kb.item('x')).toBeUndefined();
    kb.apply([{ kind: 'item', put: { id: 'x', text: 'now it goes through' } }]);
    expect(kb.item('x')?.text).toBe('now it goes through');
    kb.close();
  });
});
