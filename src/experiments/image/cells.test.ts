import { describe, expect, it } from 'vitest';
import { createImageCellRunner, imageTestItems } from './cells.js';

describe('image cells', () => {
  it('uses the same class-mixed test items every time', () => {
    const a = imageTestItems(50);
    expect(imageTestItems(50).map((x) => x.label)).toEqual(a.map((x) => x.label));
    expect(new Set(a.map((x) => x.label)).size).toBe(10);
  });

  it('measures a cell deterministically, with lossless delivery scoring PSNR at the cap and SSIM 1', async () => {
    const runner = await createImageCellRunner({ items: 12 });
    const cell = { index: 0, scheme: 'traditional-deflate', channel: 'awgn', modulation: 'bpsk', snrDb: 10 };
    const row = await runner.runCell(cell, 42);
    expect(row.items).toBe(12);
    expect(row.psnr).toBe(100);
    expect(row.ssim).toBe(1);
    expect(row.semanticAccuracy).toBeGreaterThan(0.8);
    expect(row.extra?.erasureRate).toBe(0);
    const again = await runner.runCell(cell, 42);
    expect({ ...again, encodeMsPerItem: 0, decodeMsPerItem: 0, extra: { ...again.extra, msFor10Images: 0 } }).toEqual({
      ...row,
      encodeMsPerItem: 0,
      decodeMsPerItem: 0,
      extra: { ...row.extra, msFor10Images: 0 },
    });
  });

  it('names an unknown scheme', async () => {
    const runner = await createImageCellRunner({ items: 2 });
    await expect(runner.runCell({ index: 0, scheme: 'carrier-pigeon', channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, 1)).rejects.toThrow(/unknown image scheme/);
  });
});

describe('image cells with failing items', () => {
  it('retries a failed batch item by item and counts only the bad items as failed', async () => {
    const fragile = {
      name: 'fragile',
      async transmit(items: readonly { pixels: Uint8Array; label?: number }[]) {
        // Fails on any batch that holds a digit 7, as a model would on an input it cannot handle.
        if (items.some((it) => it.label === 7)) throw new Error('cannot handle a 7');
        return items.map((it) => ({ output: it.pixels, erased: false, payloadBits: 8, channelUses: 4, encodeMs: 0, decodeMs: 0 }));
      },
    };
    const runner = await createImageCellRunner({ items: 40, createScheme: () => fragile });
    const sevens = imageTestItems(40).filter((x) => x.label === 7).length;
    expect(sevens).toBeGreaterThan(0);
    const row = await runner.runCell({ index: 0, scheme: 'fragile', channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, 1);
    expect(row.items).toBe(40);
    expect(row.failedItems).toBe(sevens);
    expect(row.psnr).toBe(100); // the items that went through came back exactly
  });

  it('fails the cell when every item fails', async () => {
    const broken = { name: 'broken', transmit: async () => Promise.reject(new Error('model file is corrupt')) };
    const runner = await createImageCellRunner({ items: 3, createScheme: () => broken });
    await expect(runner.runCell({ index: 0, scheme: 'broken', channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, 1)).rejects.toThrow(/corrupt/);
  });
});
