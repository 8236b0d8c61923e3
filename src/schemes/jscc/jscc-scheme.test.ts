import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { mnistTestItems as imageTestItems } from '../../datasets/mnist.js';
import { psnr } from '../../metrics/index.js';
import { createJsccScheme } from './jscc-scheme.js';

const items = imageTestItems(30);

async function meanPsnr(snrDb: number, channel = 'awgn'): Promise<number> {
  const out = await createJsccScheme({ k: 49 }).transmit(items, { channel, modulation: 'bpsk', snrDb }, Rng.stream(3));
  for (const o of out) {
    expect(o.payloadBits).toBe(0);
    expect(o.channelUses).toBe(49);
    expect(o.erased).toBe(false);
  }
  return out.reduce((s, o, i) => s + psnr(items[i].pixels, o.output), 0) / items.length;
}

describe('learned JSCC scheme', () => {
  it('degrades gracefully: PSNR rises with SNR, with no cliff', async () => {
    const curve = [];
    for (const snr of [0, 5, 10, 20]) curve.push(await meanPsnr(snr));
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThan(curve[i - 1] - 0.1);
    // No cliff: from 20 dB down to 0 dB it loses a few dB, not everything (the model card: 20.66 → 16.81 dB).
    expect(curve[3] - curve[0]).toBeLessThan(6);
    expect(curve[0]).toBeGreaterThan(14);
  });
});
