import { describe, expect, it } from 'vitest';
import { MCS_TABLE, selectMcs } from './link-adaptation.js';

describe('link adaptation', () => {
  it('orders the table by efficiency and by required SNR', () => {
    for (let i = 1; i < MCS_TABLE.length; i++) {
      expect(MCS_TABLE[i].efficiency).toBeGreaterThan(MCS_TABLE[i - 1].efficiency);
      expect(MCS_TABLE[i].requiredSnrDb.awgn).toBeGreaterThan(MCS_TABLE[i - 1].requiredSnrDb.awgn);
      expect(MCS_TABLE[i].requiredSnrDb.rayleigh).toBeGreaterThanOrEqual(MCS_TABLE[i].requiredSnrDb.awgn);
    }
  });

  it('picks the most efficient MCS that clears its threshold plus the margin', () => {
    expect(selectMcs(-10, 'awgn').modulation).toBe('bpsk');
    expect(selectMcs(5.8, 'awgn')).toMatchObject({ modulation: '16qam', code: '80211n:648:1/2' });
    expect(selectMcs(5.7, 'awgn')).toMatchObject({ modulation: 'qpsk', code: '80211n:648:3/4' });
    expect(selectMcs(30, 'awgn')).toMatchObject({ modulation: '64qam', code: '80211n:648:5/6' });
    expect(selectMcs(5.8, 'rayleigh').efficiency).toBeLessThan(selectMcs(5.8, 'awgn').efficiency);
    expect(selectMcs(30, 'awgn', { modulations: ['bpsk'] }).modulation).toBe('bpsk');
    expect(selectMcs(5.8, 'awgn', { marginDb: 0 }).efficiency).toBeGreaterThanOrEqual(selectMcs(5.8, 'awgn').efficiency);
  });

  it('rejects a non-finite SNR and an empty modulation set', () => {
    expect(() => selectMcs(NaN, 'awgn')).toThrow(/finite/);
    expect(() => selectMcs(10, 'awgn', { modulations: ['256qam'] })).toThrow(/no MCS/);
  });
});
