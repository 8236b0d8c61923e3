import { describe, expect, it } from 'vitest';
import { formatDecade, formatLinearTick, linearTicks, logDecades } from './ticks.js';

describe('axis ticks', () => {
  it('makes nice linear ticks that cover the data', () => {
    expect(linearTicks(0, 6).ticks).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(linearTicks(-1.3, 4.2).ticks).toEqual([-2, -1, 0, 1, 2, 3, 4, 5]);
    const a = linearTicks(0.1, 0.7);
    expect(a.ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]); // no 0.30000000000000004
    const b = linearTicks(0, 10);
    expect(b.step).toBe(2);
    const c = linearTicks(0, 2.5, 5);
    expect(c.step).toBe(0.5);
    expect(c.lo).toBeLessThanOrEqual(0);
    expect(c.hi).toBeGreaterThanOrEqual(2.5);
  });

  it('widens a degenerate range', () => {
    const a = linearTicks(3, 3);
    expect(a.lo).toBeLessThan(3);
    expect(a.hi).toBeGreaterThan(3);
  });

  it('spans whole decades of the positive values only', () => {
    expect(logDecades([2.3e-3, 0.4, 0, -1])).toEqual({ kLo: -3, kHi: 0 });
    expect(logDecades([1e-4, 1e-2])).toEqual({ kLo: -4, kHi: -2 });
    expect(logDecades([5e-3])).toEqual({ kLo: -3, kHi: -2 });
    expect(logDecades([])).toEqual({ kLo: -6, kHi: 0 });
  });

  it('formats labels', () => {
    expect(formatDecade(-3)).toBe('1e-3');
    expect(formatDecade(0)).toBe('1');
    expect(formatLinearTick(2.5)).toBe('2.5');
    expect(formatLinearTick(1e-5)).toBe('1e-5');
  });
});
