// Measures the Es/N0 at which each MCS of src/schemes/link-adaptation.ts delivers a 100-bit
// payload with packet error rate <= 1e-2 (bisection, 400 packets per probe, CRC-24A, <= 20 layered
// NMS iterations). Usage: npx tsx scripts/measure-mcs-thresholds.ts awgn|rayleigh
import { Rng } from '../src/core/rng.js';
import { createDigitalLink } from '../src/phy/link/digital-link.js';
const MCS = [['bpsk','80211n:648:1/2'],['qpsk','80211n:648:1/2'],['qpsk','80211n:648:3/4'],['16qam','80211n:648:1/2'],['16qam','80211n:648:3/4'],['64qam','80211n:648:2/3'],['64qam','80211n:648:3/4'],['64qam','80211n:648:5/6']] as const;
const channel = process.argv[2] ?? 'awgn';
const bits = 100; const N = 400;
const payload = new Uint8Array(bits); Rng.stream(1).fillBits(payload);
for (const [mod, code] of MCS) {
  const link = createDigitalLink({ code, modulation: mod, channel, maxIterations: 20 });
  const per = (snr: number) => { let e = 0; for (let t = 0; t < N; t++) if (!link.transmit(payload, snr, Rng.stream(2, Math.round(snr*100), t)).payload) e++; return e / N; };
  let lo = -10, hi = 40;
  for (let it = 0; it < 12; it++) { const mid = (lo + hi) / 2; if (per(mid) <= 0.01) hi = mid; else lo = mid; }
  console.log(JSON.stringify({ mod, code, channel, snrDbForPer1e2: Number(hi.toFixed(2)), channelUses: link.channelUses(bits) }));
}
