/**
 * Link adaptation: the transmitter picks a modulation and code rate (an MCS)
 * from the channel state, as seed 002 (Sec. III-B, edge encoder selection by
 * channel state) and every modern link do. The rule is the textbook one: the
 * highest-throughput MCS whose required Es/N0 for a packet error rate of 1 %
 * (plus a margin) is below the reported SNR.
 *
 * The required Es/N0 values were measured with this library's own digital link
 * for a 100-bit payload (CRC-24A, 802.11n (648) codes shortened to fit, layered
 * NMS with at most 20 iterations, max-log demapping), by
 * `npx tsx scripts/measure-mcs-thresholds.ts awgn|rayleigh` on 2026-11-24.
 * Fast Rayleigh fading (perfect CSI) needs 1-3 dB more than AWGN. Block fading
 * and Rician channels use the Rayleigh column, which is conservative for
 * Rician and optimistic for slow block fading (no time diversity within a
 * packet); the transmitter knows the average SNR, not the fade.
 */
import { SemcomError } from '../core/errors.js';
import type { ModulationName } from '../phy/modulation/index.js';

export interface Mcs {
  readonly modulation: ModulationName;
  /** An 802.11n code of length 648 (short packets need no longer codeword). */
  readonly code: string;
  /** Information bits per complex channel use of the mother code (bits per symbol × rate). */
  readonly efficiency: number;
  /** Es/N0 (dB) for packet error rate 1e-2 of a 100-bit payload. */
  readonly requiredSnrDb: { readonly awgn: number; readonly rayleigh: number };
}

export const MCS_TABLE: readonly Mcs[] = [
  { modulation: 'bpsk', code: '80211n:648:1/2', efficiency: 0.5, requiredSnrDb: { awgn: -2.81, rayleigh: -1.67 } },
  { modulation: 'qpsk', code: '80211n:648:1/2', efficiency: 1, requiredSnrDb: { awgn: 0.13, rayleigh: 1.43 } },
  { modulation: 'qpsk', code: '80211n:648:3/4', efficiency: 1.5, requiredSnrDb: { awgn: 2.06, rayleigh: 4.66 } },
  { modulation: '16qam', code: '80211n:648:1/2', efficiency: 2, requiredSnrDb: { awgn: 4.73, rayleigh: 6.81 } },
  { modulation: '16qam', code: '80211n:648:3/4', efficiency: 3, requiredSnrDb: { awgn: 7.38, rayleigh: 10.0 } },
  { modulation: '64qam', code: '80211n:648:2/3', efficiency: 4, requiredSnrDb: { awgn: 10.79, rayleigh: 13.55 } },
  { modulation: '64qam', code: '80211n:648:3/4', efficiency: 4.5, requiredSnrDb: { awgn: 11.95, rayleigh: 15.23 } },
  { modulation: '64qam', code: '80211n:648:5/6', efficiency: 5, requiredSnrDb: { awgn: 13.55, rayleigh: 16.71 } },
];

export interface LinkAdaptationOptions {
  /** Extra Es/N0 (dB) required on top of the table, against estimation error. Default 1 dB. */
  marginDb?: number;
  /** Restrict the choice to these modulations (e.g. only BPSK, to compare with BPSK baselines). */
  modulations?: readonly ModulationName[];
}

/**
 * The MCS for a reported Es/N0 on a channel (spec as in parseChannelSpec). Below
 * every threshold it returns the most robust MCS: the packet is sent anyway,
 * and may be lost.
 */
export function selectMcs(snrDb: number, channel: string, options: LinkAdaptationOptions = {}): Mcs {
  if (!Number.isFinite(snrDb)) throw new SemcomError('INVALID_SNR', `link adaptation needs a finite SNR, got ${snrDb}`);
  const margin = options.marginDb ?? 1;
  const column = channel === 'awgn' ? 'awgn' : 'rayleigh';
  const allowed = MCS_TABLE.filter((m) => !options.modulations || options.modulations.includes(m.modulation));
  if (allowed.length === 0) {
    throw new SemcomError('INVALID_ARGUMENT', `no MCS uses the modulations ${options.modulations?.join(', ')}; the table has bpsk, qpsk, 16qam, 64qam`);
  }
  let best = allowed[0];
  for (const m of allowed) if (m.requiredSnrDb[column] + margin <= snrDb && m.efficiency > best.efficiency) best = m;
  return best;
}
