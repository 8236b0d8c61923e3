import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from './knowledge-base.js';
import { applyDelta, bucketFingerprints, bucketSummary, decodeDelta, deltaSince, differingBuckets, encodeDelta, reconcileDelta, syncKnowledge } from './sync.js';
import { createVersion } from './versions.js';
import { openTemp, smallGraph, steppingClock, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A transmitter at version v1 and a receiver that is a copy of it. */
function pair(name: string): { tx: KnowledgeBase; rx: KnowledgeBase } {
  const tx = openTemp(tmp.dir, `${name}-tx.db`);
  tx.apply(smallGraph());
  createVersion(tx, 'v1');
  tx.close();
  copyFileSync(join(tmp.dir, `${name}-tx.db`), join(tmp.dir, `${name}-rx.db`));
  return { tx: KnowledgeBase.open(join(tmp.dir, `${name}-tx.db`), { clock: steppingClock(1_800_000_000_000) }), rx: openTemp(tmp.dir, `${name}-rx.db`) };
}

const update = [
  { kind: 'entity' as const, put: { id: 'wolf', label: 'wolf', kind: 'concept' } },
  { kind: 'triple' as const, put: { head: 'wolf', relation: 'hypernym', tail: 'canine' } },
  { kind: 'triple' as const, delete: 'common|rex|lives_in|paris' },
  { kind: 'item' as const, put: { id: 's3', text: 'Wolves hunt in packs.' } },
];

describe('sync', () => {
  it('since-version: ships the net changes, and the receiver ends with the sender state', () => {
    const { tx, rx } = pair('since');
    tx.apply(update);
    const report = syncKnowledge(tx, rx, { baseVersion: 'v1' });
    expect(report.mode).toBe('since-version');
    expect(report.changes).toBe(4);
    expect(rx.head().hash).toBe(tx.head().hash);
    expect(report.bytesUp).toBe(2);
    expect(report.bytesDown).toBe(encodeDelta(deltaSince(tx, 'v1')).length);
    expect(report.bytesDown).toBeLessThan(400);
    expect(rx.verify()).toEqual([]);
    // A second sync from the same base no longer applies: the receiver moved on.
    expect(() => applyDelta(rx, deltaSince(tx, 'v1'))).toThrow(/not at the delta's base version v1/);
    tx.close();
    rx.close();
  });

  it('reconcile: repairs a receiver that lost and changed records, sending only the differing buckets', () => {
    const { tx, rx } = pair('reconcile');
    const full = bucketSummary(rx).length;
    rx.apply([
      { kind: 'triple', delete: 'common|cat|hypernym|feline' },
      { kind: 'item', put: { id: 's2', text: 'Carnivores eat meat, mostly.' } },
      { kind: 'item', put: { id: 'local', text: 'A note only the receiver has.' } },
    ]);
    expect(rx.head().hash).not.toBe(tx.head().hash);
    const report = syncKnowledge(tx, rx);
    expect(report).toMatchObject({ mode: 'reconcile', method: 'iblt', rounds: 2, changes: 4 });
    expect(rx.head().hash).toBe(tx.head().hash);
    expect(rx.item('local')).toBeUndefined();
    expect(rx.item('s2')?.text).toBe('Carnivores eat meat.');
    // Up: the record count and one IBLT of 2 · |21 − 21| + 30 = 30 cells of 16 bytes (3 differences: 1 lost, 1 stale, 1 extra).
    expect(report.bytesUp).toBe(4 + 30 * 16);
    expect(rx.verify()).toEqual([]);
    // The bucket protocol, asked for directly: the 4 KiB summary plus 8 bytes per record in the (at most 4) differing buckets.
    rx.apply([{ kind: 'item', delete: 's1' }, { kind: 'item', put: { id: 'local', text: 'again' } }]);
    const bitmap = differingBuckets(tx, bucketSummary(rx));
    const fps = bucketFingerprints(rx, bitmap);
    expect(fps.length).toBeLessThan(8 * 10);
    applyDelta(rx, decodeDelta(encodeDelta(reconcileDelta(tx, bitmap, fps))));
    expect(rx.head().hash).toBe(tx.head().hash);
    expect(full).toBe(4096);
    // Equal stores: nothing differs, nothing is sent but the summary and an empty delta.
    const again = syncKnowledge(tx, rx);
    expect(again.changes).toBe(0);
    tx.close();
    rx.close();
  });

  it('refuses a tampered or malformed delta and leaves the receiver unchanged', () => {
    const { tx, rx } = pair('tamper');
    tx.apply(update);
    const bytes = encodeDelta(deltaSince(tx, 'v1'));
    const json = JSON.parse(brotliDecompressSync(bytes).toString()) as { changes: { record: { text?: string } | null }[] };
    const item = json.changes.find((c) => c.record?.text);
    item!.record!.text = 'Wolves are vegetarians.';
    const tampered = brotliCompressSync(Buffer.from(JSON.stringify(json)));
    const before = rx.head();
    expect(() => decodeDelta(tampered)).toThrow(/does not match its digest/);
    expect(() => decodeDelta(new Uint8Array([1, 2, 3]))).toThrow(/not brotli-compressed JSON/);
    expect(() => decodeDelta(brotliCompressSync(Buffer.from('{"format":"other"}')))).toThrow(/format "other"/);
    // A delta whose digest was recomputed by the attacker still fails the target-hash check.
    const forged = { ...decodeDelta(bytes) };
    const changes = forged.changes.map((c) => (c.kind === 'item' ? { ...c, record: { id: 's3', text: 'Forged.' } } : c));
    expect(() => applyDelta(rx, { ...forged, changes })).toThrow(/not the sender's/);
    expect(rx.head()).toEqual(before);
    expect(rx.verify()).toEqual([]);
    tx.close();
    rx.close();
  });

  it('rejects malformed reconcile messages', () => {
    const { tx, rx } = pair('bad-msg');
    expect(() => differingBuckets(tx, new Uint8Array(10))).toThrow(/bucket summary is 4096 bytes/);
    const bitmap = differingBuckets(tx, bucketSummary(rx));
    expect(() => reconcileDelta(tx, bitmap, new Uint8Array(7))).toThrow(/8-byte units/);
    expect(() => bucketFingerprints(rx, new Uint8Array(3))).toThrow(/bitmap is 32 bytes/);
    tx.close();
    rx.close();
  });
});
