import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Iblt } from './iblt.js';

const fp = (i: number): Buffer => createHash('sha256').update(`record ${i}`).digest().subarray(0, 8);
const hex = (i: number): string => fp(i).toString('hex');

function table(cells: number, ids: Iterable<number>): Iblt {
  const t = new Iblt(cells);
  for (const i of ids) t.insert(fp(i));
  return t;
}

describe('IBLT set reconciliation', () => {
  it('recovers exactly the elements each side holds alone, with 1.5 d + 30 cells', () => {
    for (const d of [1, 10, 100, 1000]) {
      // Sender: 0..4999 without the first d/2 of a block; receiver: 0..4999 without the other d/2, plus d/4 extras.
      const shared = Array.from({ length: 5000 }, (_, i) => i);
      const onlySender = Array.from({ length: Math.ceil(d / 2) }, (_, i) => 10_000 + i);
      const onlyReceiver = Array.from({ length: Math.floor(d / 2) }, (_, i) => 20_000 + i);
      const cells = 3 * Math.ceil((1.5 * d + 30) / 3);
      const diff = table(cells, [...shared, ...onlySender]).subtract(table(cells, [...shared, ...onlyReceiver])).peel();
      expect(diff).not.toBeNull();
      expect(diff!.plus.sort()).toEqual(onlySender.map(hex).sort());
      expect(diff!.minus.sort()).toEqual(onlyReceiver.map(hex).sort());
    }
  });

  it('reports a table too small for the difference instead of a wrong answer', () => {
    const a = table(30, Array.from({ length: 500 }, (_, i) => i));
    const b = table(30, []);
    expect(a.subtract(b).peel()).toBeNull();
  });

  it('round-trips through bytes and rejects malformed messages', () => {
    const t = table(48, [1, 2, 3]);
    const bytes = t.encode();
    expect(bytes.length).toBe(48 * 16);
    const back = Iblt.decode(bytes);
    expect(back.subtract(t).peel()).toEqual({ plus: [], minus: [] });
    expect(() => Iblt.decode(new Uint8Array(20))).toThrow(/multiple of 48 bytes/);
    expect(() => new Iblt(10)).toThrow(/multiple of 3/);
  });
});
