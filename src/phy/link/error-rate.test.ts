import { describe, expect, it } from 'vitest';
import { clopperPearson } from '../montecarlo/confidence.js';
import { theoreticalBer } from '../theory/index.js';
import { simulateErrorRate } from './error-rate.js';

/**
 * The whole sweep path (frame simulator, engine, CI) against closed forms:
 * uncoded Gray-labelled constellations over AWGN (Cho–Yoon exact BER), BPSK and
 * 16-QAM over Rayleigh, 16-QAM over Rician. Uncoded bit errors are independent
 * across symbols, so the exact binomial interval on bits is the right one here.
 * A 99 % interval is used so that the 22 checks together fail by chance with
 * probability ≈ 0.2 even before seeding makes the outcome fixed; a bias of a
 * few percent in the noise variance (≈ 0.1-0.2 dB) moves the estimate outside it.
 */
const cases = [
  { modulation: 'bpsk', channel: 'awgn', ebN0Db: [2, 5, 7] },
  { modulation: 'qpsk', channel: 'awgn', ebN0Db: [2, 5, 7] },
  { modulation: '16qam', channel: 'awgn', ebN0Db: [4, 7, 10] },
  { modulation: '64qam', channel: 'awgn', ebN0Db: [8, 11, 13] },
  { modulation: '256qam', channel: 'awgn', ebN0Db: [12, 15] },
  { modulation: 'bpsk', channel: 'rayleigh', ebN0Db: [5, 15, 25] },
  { modulation: '16qam', channel: 'rayleigh', ebN0Db: [10, 20] },
  { modulation: '16qam', channel: 'rician:4', ebN0Db: [8, 14] },
  { modulation: 'qpsk', channel: 'rayleigh-block:81', ebN0Db: [10] },
] as const;

describe('uncoded BER through simulateErrorRate matches theory', () => {
  it.each(cases)('$modulation over $channel', async ({ modulation, channel, ebN0Db }) => {
    const result = await simulateErrorRate({
      code: 'uncoded',
      modulation,
      channel,
      ebN0Db: [...ebN0Db],
      minFrameErrors: Number.MAX_SAFE_INTEGER,
      // Block fading needs many blocks (frames) for the average to converge; 1944 bits per frame.
      maxFrames: channel.includes('block') ? 3000 : 400,
      workers: 0,
      seed: 17,
    });
    expect(result.points).toHaveLength(ebN0Db.length);
    for (const p of result.points) {
      const theory = theoreticalBer(modulation, channel, p.ebN0Db);
      expect(theory).not.toBeNull();
      expect(p.bitErrors).toBeGreaterThan(100);
      if (channel.includes('block')) {
        // Within a block the errors are correlated; judge by blocks: 3000 frames × 12 blocks of 81 QPSK symbols; the relative standard error of the mean is ≈ 1.7 %, so ±5 % is about 3σ.
        expect(Math.abs(p.ber / theory! - 1)).toBeLessThan(0.05);
        continue;
      }
      const [lo, hi] = clopperPearson(p.bitErrors, p.bits, 0.01);
      expect(theory!).toBeGreaterThanOrEqual(lo);
      expect(theory!).toBeLessThanOrEqual(hi);
    }
  });
});
