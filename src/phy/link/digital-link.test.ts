import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { createDigitalLink } from './digital-link.js';

function randomBits(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  Rng.stream(seed).fillBits(b);
  return b;
}

describe('digital link', () => {
  it('delivers a multi-block payload exactly at high SNR and counts its channel uses', () => {
    const link = createDigitalLink({ code: '80211n:648:1/2', modulation: '16qam', channel: 'awgn' });
    const payload = randomBits(5000, 1);
    const rx = link.transmit(payload, 25, Rng.stream(2));
    expect(rx.payload).toEqual(payload);
    // 5000 + 24 CRC bits over k = 324: 16 blocks of 314 info bits, each sending 648 − (324 − 314) = 638 bits.
    expect(rx.codeBlocks).toBe(16);
    expect(rx.channelUses).toBe(Math.ceil((16 * 638) / 4));
    expect(link.channelUses(5000)).toBe(rx.channelUses);
  });

  it('erases (never corrupts) the payload far below the waterfall', () => {
    const link = createDigitalLink({ code: '80211n:1944:1/2', modulation: 'qpsk', channel: 'awgn' });
    const payload = randomBits(900, 3);
    for (let t = 0; t < 5; t++) expect(link.transmit(payload, -8, Rng.stream(4, t)).payload).toBeNull();
  });

  it('still hands a calibrating receiver the decoder\'s hard decisions when the CRC fails', () => {
    const link = createDigitalLink({ code: '80211n:648:1/2', modulation: 'qpsk', channel: 'awgn' });
    const payload = randomBits(300, 5);
    const bad = link.transmit(payload, -6, Rng.stream(6));
    expect(bad.payload).toBeNull();
    expect(bad.decoded.length).toBe(300);
    let errors = 0;
    for (let i = 0; i < 300; i++) errors += bad.decoded[i] ^ payload[i];
    // Corrupted, but better than a coin flip: uncoded QPSK at Es/N0 = −6 dB has BER Q(√(Es/N0)) ≈ 0.31.
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(120);
    const good = link.transmit(payload, 20, Rng.stream(7));
    expect(good.decoded).toEqual(payload);
  });

  it('shows the cliff: delivery probability rises from 0 to 1 across a few dB', () => {
    const link = createDigitalLink({ code: '80211n:648:1/2', modulation: 'bpsk', channel: 'awgn', maxIterations: 20 });
    const payload = randomBits(300, 5);
    const rate = (snr: number) => {
      let ok = 0;
      for (let t = 0; t < 40; t++) if (link.transmit(payload, snr, Rng.stream(6, snr * 100, t)).payload) ok++;
      return ok / 40;
    };
    expect(rate(-4)).toBe(0);
    expect(rate(4)).toBe(1);
  });

  it('carries an uncoded payload with its CRC and detects errors', () => {
    const link = createDigitalLink({ code: 'uncoded', modulation: '64qam', channel: 'awgn' });
    const payload = randomBits(777, 7);
    expect(link.transmit(payload, 40, Rng.stream(8)).payload).toEqual(payload);
    expect(link.transmit(payload, 5, Rng.stream(9)).payload).toBeNull();
    expect(link.channelUses(777)).toBe(Math.ceil((777 + 24) / 6));
  });

  it('works over block Rayleigh fading with perfect CSI', () => {
    const link = createDigitalLink({ code: '80211n:1296:2/3', modulation: 'qpsk', channel: 'rayleigh-block:100' });
    const payload = randomBits(2000, 10);
    let ok = 0;
    for (let t = 0; t < 10; t++) if (link.transmit(payload, 35, Rng.stream(11, t)).payload) ok++;
    expect(ok).toBeGreaterThanOrEqual(9);
  });

  it('rejects an empty payload and an unknown code', () => {
    const link = createDigitalLink({ code: 'uncoded', modulation: 'bpsk', channel: 'awgn' });
    expect(() => link.transmit(new Uint8Array(0), 10, Rng.stream(1))).toThrow(/payload must be/);
    expect(() => createDigitalLink({ code: 'polar:128', modulation: 'bpsk', channel: 'awgn' })).toThrow(/polar/);
  });
});
