import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { mnistTestItems as imageTestItems } from '../../datasets/mnist.js';
import { mnistMeanImage } from '../fallback.js';
import { createSourceCodec } from './source-codec.js';
import { createTraditionalScheme } from './traditional-scheme.js';

const codec = createSourceCodec('deflate');

const items = imageTestItems(12);

describe('traditional scheme', () => {
  it('delivers the exact image at high SNR and counts every packet bit', async () => {
    const scheme = createTraditionalScheme();
    const out = await scheme.transmit(items, { channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, Rng.stream(1));
    out.forEach((o, i) => {
      expect(o.erased).toBe(false);
      expect(o.output).toEqual(items[i].pixels);
      // deflate bytes + packet header, field tag/length and CRC-32, all in whole bytes.
      expect(o.payloadBits % 8).toBe(0);
      const overhead = o.payloadBits / 8 - codec.encode(items[i].pixels, 28, 28).length;
      expect(overhead).toBeGreaterThanOrEqual(4 + 2);
      expect(overhead).toBeLessThanOrEqual(12);
      expect(o.channelUses).toBeGreaterThan(o.payloadBits); // rate-1/2 code on BPSK
    });
  });

  it('falls off the cliff: below the waterfall every image is lost and the mean image is shown', async () => {
    const scheme = createTraditionalScheme();
    const out = await scheme.transmit(items, { channel: 'awgn', modulation: 'bpsk', snrDb: -3 }, Rng.stream(2));
    for (const o of out) {
      expect(o.erased).toBe(true);
      expect(o.output).toEqual(mnistMeanImage());
    }
  });

  it('rejects images of the wrong size', async () => {
    const scheme = createTraditionalScheme();
    const bad = [{ pixels: new Uint8Array(100), width: 10, height: 10, label: 1 }];
    await expect(scheme.transmit(bad, { channel: 'awgn', modulation: 'bpsk', snrDb: 10 }, Rng.stream(3))).rejects.toThrow(/28 × 28/);
  });
});
