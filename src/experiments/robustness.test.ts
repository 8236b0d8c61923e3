import { describe, expect, it } from 'vitest';
import { robustnessCells } from './robustness.js';
import type { StoredRow } from './types.js';

function row(scheme: string, snrDb: number, acc: number | null, error?: string): StoredRow {
  return {
    cell: 0, scheme, channel: 'awgn', modulation: 'bpsk', snrDb, items: 10, failedItems: 0, payloadBitsPerItem: 1, channelUsesPerItem: 1,
    psnr: null, ssim: null, semanticAccuracy: acc, encodeMsPerItem: 0, decodeMsPerItem: 0, ...(error ? { error } : {}),
  };
}

describe('robustness table', () => {
  it('gives the mean and the population standard deviation over SNR per scheme, skipping failed cells', () => {
    const rows = [row('a', 0, 0.5), row('a', 10, 0.9), row('a', 20, 1.0), row('b', 0, 0.8), row('b', 10, 0.8), row('b', 20, 0, 'boom')];
    const t = robustnessCells(rows, { id: 'r', title: 'r', metrics: ['semanticAccuracy', 'psnr'] });
    expect(t.rows).toHaveLength(2);
    const [a, b] = t.rows;
    expect(a.slice(0, 4)).toEqual(['a', 'awgn', 'bpsk', '3']);
    // mean 0.8, std sqrt(((0.3)^2 + 0.1^2 + 0.2^2)/3) = 0.216
    expect(Number(a[4])).toBeCloseTo(0.8, 3);
    expect(Number(a[5])).toBeCloseTo(Math.sqrt((0.09 + 0.01 + 0.04) / 3), 3);
    expect(b[3]).toBe('2');
    expect(Number(b[5])).toBe(0);
    expect(a[6]).toBe('—'); // psnr does not apply
  });
});
