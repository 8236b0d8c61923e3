import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { parseChannelSpec } from '../channel/index.js';
import { createAnalogLink } from './analog-link.js';

describe('analog link', () => {
  it('enforces the average power and adds noise of variance N0 per complex use', () => {
    const link = createAnalogLink({ channel: parseChannelSpec('awgn'), power: 2 });
    const k = 50_000;
    const x = new Float64Array(2 * k);
    const rng = Rng.stream(1);
    for (let i = 0; i < x.length; i++) x[i] = 3 * rng.normal() + 1;
    const rx = link.transmitComplex(x, 10, Rng.stream(2));
    expect(rx.channelUses).toBe(k);
    // Scale makes mean |x s|² = P = 2.
    let e = 0;
    for (let i = 0; i < x.length; i++) e += (x[i] * rx.scale) ** 2;
    expect(e / k).toBeCloseTo(2, 9);
    // Noise in the caller's units: N0 = P / 10 / scale², per complex use.
    expect(rx.n0).toBeCloseTo(0.2 / rx.scale ** 2, 12);
    let v = 0;
    for (let i = 0; i < x.length; i++) v += (rx.y[i] - x[i]) ** 2;
    const measured = v / k;
    // Sample variance of 2k Gaussian draws: relative standard error √(1/k) ≈ 0.0045.
    expect(Math.abs(measured / rx.n0 - 1)).toBeLessThan(0.025);
  });

  it('packs reals two per channel use and returns the input length', () => {
    const link = createAnalogLink({ channel: parseChannelSpec('awgn') });
    const x = Float64Array.from({ length: 7 }, (_, i) => i - 3);
    const rx = link.transmitReal(x, 90, Rng.stream(3));
    expect(rx.channelUses).toBe(4);
    expect(rx.y).toHaveLength(7);
    for (let i = 0; i < 7; i++) expect(rx.y[i]).toBeCloseTo(x[i], 3);
  });

  it('equalizes fading with the receiver estimate (ZF at high SNR recovers x)', () => {
    const link = createAnalogLink({ channel: parseChannelSpec('rayleigh'), equalizer: 'zf' });
    const x = new Float64Array(2000);
    const rng = Rng.stream(4);
    for (let i = 0; i < x.length; i++) x[i] = rng.normal();
    const rx = link.transmitComplex(x, 80, Rng.stream(5));
    expect(rx.hEst).toBeDefined();
    let err = 0;
    for (let i = 0; i < x.length; i++) err = Math.max(err, Math.abs(rx.y[i] - x[i]));
    // Deep fades amplify noise under ZF; at 80 dB the worst of 1000 uses stays small.
    expect(err).toBeLessThan(1e-1);
  });

  it('rejects bad input', () => {
    const link = createAnalogLink({ channel: parseChannelSpec('awgn') });
    expect(() => link.transmitComplex(new Float64Array(3), 10, Rng.stream(1))).toThrow(/even/);
    expect(() => link.transmitComplex(Float64Array.of(1, NaN), 10, Rng.stream(1))).toThrow(/non-finite/);
    expect(() => link.transmitComplex(Float64Array.of(1, 0), Infinity, Rng.stream(1))).toThrow(/finite/);
    expect(() => createAnalogLink({ channel: parseChannelSpec('awgn'), power: 0 })).toThrow(/power/);
  });
});
