import type { Rng } from '../../core/rng.js';

/** Buffers a channel writes: received symbols, and on fading channels the gains and the receiver's estimate. */
export interface ChannelOutput {
  /** Received symbols y = h·x + n, interleaved complex, same length as x (may be x itself). */
  y: Float64Array;
  /** True per-symbol gains h (interleaved complex); written when present (all 1 on AWGN). */
  h?: Float64Array;
  /** The receiver's estimate ĥ (interleaved complex): h with perfect CSI, h + e with pilots; written when present. */
  hEst?: Float64Array;
}

/**
 * How long a fading gain stays constant: 'fast' draws an independent gain per
 * symbol; a number L draws one per block of L consecutive symbols, blocks
 * starting at the first symbol of each `apply` call (each call is a new frame).
 */
export type Coherence = 'fast' | number;

/**
 * Channel state information at the receiver: 'perfect' (ĥ = h), or a
 * least-squares estimate from `pilots` unit-energy pilots per coherence block
 * (per symbol under fast fading) sent at the same N0: ĥ = (1/Np)·Σ y_p/x_p = h + e,
 * e ~ CN(0, N0/Np). The pilots are not part of x; `Channel.pilotOverhead` counts them.
 */
export type Csi = 'perfect' | { pilots: number };

/** What a channel is, as data (for theory, reports and round-tripping specs). */
export type ChannelModel =
  | { kind: 'awgn' }
  | { kind: 'rayleigh'; coherence: Coherence; csi: Csi }
  | { kind: 'rician'; /** Linear K factor (LOS power over scattered power). */ k: number; coherence: Coherence; csi: Csi };

/**
 * A memoryless-per-symbol complex baseband channel y = h·x + n with
 * n ~ CN(0, N0) (N0/2 per real dimension) and E|h|² = 1, so that Es/N0 at the
 * receiver equals Es/N0 at the transmitter on average.
 */
export interface Channel {
  /** Canonical spec string, accepted by `parseChannelSpec` (e.g. "rayleigh-block:64,pilots:2"). */
  readonly name: string;
  /** Whether h varies (true for Rayleigh and Rician). */
  readonly fading: boolean;
  readonly model: ChannelModel;
  /** Passes the interleaved complex symbols `x` through the channel at complex noise variance `n0` ≥ 0. */
  apply(x: Float64Array, n0: number, rng: Rng, out: ChannelOutput): void;
  /** Pilot channel uses a frame of `symbols` data symbols needs on top of them (0 without pilots). */
  pilotOverhead(symbols: number): number;
}
