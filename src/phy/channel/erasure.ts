import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';

/** A packet erasure channel: each packet is lost independently with probability p (Bernoulli). */
export interface ErasureChannel {
  readonly name: string;
  readonly p: number;
  /** The packets in order, each replaced by null when erased. */
  transmit<T>(packets: readonly T[], rng: Rng): (T | null)[];
  /** Fills `out` with erasure flags: 1 = erased, 0 = delivered. */
  mask(out: Uint8Array, rng: Rng): void;
}

/** Packet erasure channel with erasure probability `p` ∈ [0, 1]; one uniform draw per packet. */
export function erasureChannel(p: number): ErasureChannel {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new SemcomError('INVALID_ARGUMENT', `erasure probability must be in [0, 1], got ${String(p)}`);
  }
  return Object.freeze({
    name: `erasure:${p}`,
    p,
    transmit<T>(packets: readonly T[], rng: Rng): (T | null)[] {
      return packets.map((pk) => (rng.nextDouble() < p ? null : pk));
    },
    mask(out: Uint8Array, rng: Rng): void {
      for (let i = 0; i < out.length; i++) out[i] = rng.nextDouble() < p ? 1 : 0;
    },
  });
}
