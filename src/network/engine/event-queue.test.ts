import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { EventQueue } from './event-queue.js';

function drain(q: EventQueue): { time: number; kind: number; id: number }[] {
  const out = [];
  while (q.pop()) out.push({ time: q.time, kind: q.kind, id: q.id });
  return out;
}

describe('EventQueue', () => {
  it('pops random pushes sorted by time, ties in push order', () => {
    // Times from a small set force many ties; the id records the push order.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: -5, max: 5 })), { maxLength: 300 }), (items) => {
        const q = new EventQueue(1);
        items.forEach(([t, k], i) => q.push(t * 0.25, k, i));
        expect(q.size).toBe(items.length);
        const expected = items.map(([t, k], i) => ({ time: t * 0.25, kind: k, id: i }));
        // Array.prototype.sort is stable: equal times keep push order.
        expected.sort((a, b) => a.time - b.time);
        expect(drain(q)).toEqual(expected);
        expect(q.popped).toBe(items.length);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a sorted-list model under interleaved pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 4 })), { maxLength: 400 }), (ops) => {
        const q = new EventQueue(2);
        const model: { t: number; seq: number }[] = [];
        let seq = 0;
        let now = 0;
        for (const op of ops) {
          if (op < 0) {
            const ok = q.pop();
            expect(ok).toBe(model.length > 0);
            if (!ok) continue;
            let best = 0;
            for (let i = 1; i < model.length; i++) {
              if (model[i].t < model[best].t || (model[i].t === model[best].t && model[i].seq < model[best].seq)) best = i;
            }
            const [e] = model.splice(best, 1);
            expect([q.time, q.id]).toEqual([e.t, e.seq]);
            now = e.t;
          } else {
            const t = now + op * 0.5;
            q.push(t, 0, seq);
            model.push({ t, seq: seq++ });
          }
          expect(q.size).toBe(model.length);
          expect(q.peekTime()).toBe(model.length === 0 ? Infinity : Math.min(...model.map((m) => m.t)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('grows by doubling from capacity 1 and keeps every event', () => {
    const q = new EventQueue(1);
    const rng = Rng.stream(7, 1);
    const n = 20_000;
    for (let i = 0; i < n; i++) q.push(rng.nextDouble() * 100, i & 3, i);
    let prev = -Infinity;
    const seen = new Uint8Array(n);
    let count = 0;
    while (q.pop()) {
      expect(q.time >= prev).toBe(true);
      prev = q.time;
      expect(q.kind).toBe(q.id & 3);
      seen[q.id]++;
      count++;
    }
    expect(count).toBe(n);
    expect(seen.every((s) => s === 1)).toBe(true);
  });

  it('reports empty, peeks and clears', () => {
    const q = new EventQueue();
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
    q.push(3, 1, 2);
    q.push(1, 4, 5);
    expect(q.peekTime()).toBe(1);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.id, q.popped]).toEqual([1, 4, 5, 1]);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.popped).toBe(0);
    // After clear the time floor is gone: an earlier time is accepted again.
    q.push(0, 0, 0);
    expect(q.pop()).toBe(true);
    expect(q.time).toBe(0);
  });

  it('rejects non-finite times, times before the last pop and non-int32 kinds or ids', () => {
    const q = new EventQueue();
    for (const t of [NaN, Infinity, -Infinity]) {
      expect(() => q.push(t, 0, 0)).toThrow(SemcomError);
    }
    q.push(5, 0, 0);
    q.pop();
    try {
      q.push(4.999, 0, 1);
      expect.unreachable();
    } catch (e) {
      expect((e as SemcomError).code).toBe('INVALID_ARGUMENT');
      expect((e as SemcomError).message).toMatch(/earlier than the current simulation time 5/);
    }
    q.push(5, 0, 1); // the current time itself is allowed
    expect(() => q.push(6, 1.5, 0)).toThrow(/integers/);
    expect(() => q.push(6, 0, 2 ** 31)).toThrow(/integers/);
    expect(() => new EventQueue(0)).toThrow(SemcomError);
  });
});
