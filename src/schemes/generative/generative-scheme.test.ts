import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { mnistTestItems as imageTestItems } from '../../datasets/mnist.js';
import { psnr } from '../../metrics/index.js';
import { mnistMeanImage } from '../fallback.js';
import { createGenerativeScheme } from './generative-scheme.js';

const items = imageTestItems(24);
const awgn10 = { channel: 'awgn', modulation: 'bpsk', snrDb: 10 } as const;

describe('generative scheme', () => {
  it('sends 72-bit packets (label + 8 × 2-bit latents, header and CRC) and regenerates recognisable images', async () => {
    const scheme = createGenerativeScheme({ mode: 'vae' });
    const out = await scheme.transmit(items, awgn10, Rng.stream(1));
    let meanPsnr = 0;
    out.forEach((o, i) => {
      expect(o.erased).toBe(false);
      expect(o.payloadBits).toBe(72);
      expect(o.info?.modulation).toBe('bpsk');
      meanPsnr += psnr(items[i].pixels, o.output) / items.length;
    });
    // The model card's held-out figure for 4-bit latents is 17.75 dB; 2 bits lose about 2 dB.
    expect(meanPsnr).toBeGreaterThan(14);
    // The mean image is a much worse guess: the latent carries the digit's shape.
    const meanImage = items.reduce((s, it) => s + psnr(it.pixels, mnistMeanImage()), 0) / items.length;
    expect(meanPsnr).toBeGreaterThan(meanImage + 3);
  });

  it('is deterministic for a seed, and label-only sends 56 bits and samples per seed', async () => {
    const vae = createGenerativeScheme({ mode: 'vae' });
    const a = await vae.transmit(items.slice(0, 4), awgn10, Rng.stream(5));
    const b = await vae.transmit(items.slice(0, 4), awgn10, Rng.stream(5));
    expect(a.map((o) => o.output)).toEqual(b.map((o) => o.output));
    const labelOnly = createGenerativeScheme({ mode: 'label-only' });
    const c = await labelOnly.transmit(items.slice(0, 4), awgn10, Rng.stream(6));
    const d = await labelOnly.transmit(items.slice(0, 4), awgn10, Rng.stream(7));
    expect(c[0].payloadBits).toBe(56);
    expect(c.map((o) => o.output)).not.toEqual(d.map((o) => o.output));
  });

  it('adapts the link to the SNR and loses every packet far below the most robust MCS', async () => {
    const scheme = createGenerativeScheme({ mode: 'vae' });
    const high = await scheme.transmit(items.slice(0, 2), { channel: 'awgn', modulation: '16qam', snrDb: 30 }, Rng.stream(8));
    expect(high[0].info?.modulation).toBe('64qam');
    const low = await scheme.transmit(items.slice(0, 6), { channel: 'awgn', modulation: '16qam', snrDb: -12 }, Rng.stream(9));
    for (const o of low) {
      expect(o.erased).toBe(true);
      expect(o.output).toEqual(mnistMeanImage());
    }
  });

  it('rejects a bad bit depth and a wrongly sized image', async () => {
    expect(() => createGenerativeScheme({ latentBits: 0 })).toThrow(/latentBits/);
    const scheme = createGenerativeScheme();
    await expect(scheme.transmit([{ pixels: new Uint8Array(10), width: 5, height: 2 }], awgn10, Rng.stream(1))).rejects.toThrow(/28 × 28/);
  });
});
