/** Names of the constellations {@link createModulation} builds. */
export type ModulationName = 'bpsk' | 'qpsk' | '16qam' | '64qam' | '256qam';

/** The modulation names accepted by `createModulation`, in order of bits per symbol. */
export const MODULATION_NAMES: readonly ModulationName[] = Object.freeze(['bpsk', 'qpsk', '16qam', '64qam', '256qam']);

export type DemapMethod = 'maxlog' | 'exact';

export interface DemapOptions {
  /** 'maxlog' (default): max-log approximation; 'exact': log-sum-exp over the constellation. */
  method?: DemapMethod;
  /**
   * Per-symbol complex channel gains (interleaved re/im, same length as y) for
   * y = h·x + n. Omitted: h = 1. Usually the receiver's estimate ĥ.
   */
  h?: Float64Array;
  /** Per-symbol complex noise variance N0, overriding the scalar `n0` (length = number of symbols). */
  n0PerSymbol?: Float64Array;
}

/**
 * A memoryless constellation with a bit labelling.
 *
 * Model: y = h·x + n, n ~ CN(0, N0) (N0/2 per real dimension), unit average
 * symbol energy E|x|² = 1. Complex arrays are interleaved Float64Array
 * [re0, im0, re1, im1, ...]; bits are Uint8Array of 0/1; LLRs are Float32Array
 * with L = ln P(b = 0 | y) / P(b = 1 | y) (positive favours 0), equiprobable bits.
 */
export interface Modulation {
  readonly name: ModulationName;
  /** m = log2 M, bits per complex symbol. */
  readonly bitsPerSymbol: number;
  /** M, the number of points. */
  readonly order: number;
  /** The M points, interleaved complex; point index = bit label read MSB first (b0 is the MSB). */
  readonly points: Float64Array;
  /** Maps bits (length m·S) to S symbols in `out` (length 2·S). */
  map(bits: Uint8Array, out: Float64Array): void;
  /**
   * Minimum-distance (ML for AWGN) hard decisions of the S symbols in `y` into
   * `outBits` (length m·S); with `h`, decides on y against h·s (coherent detection).
   */
  hardDecide(y: Float64Array, outBits: Uint8Array, h?: Float64Array): void;
  /**
   * Bit LLRs of the S received symbols in `y` into `outLlr` (length m·S), for
   * complex noise variance `n0` (or `options.n0PerSymbol`); metric |y − h·s|²/N0.
   */
  demap(y: Float64Array, n0: number, outLlr: Float32Array, options?: DemapOptions): void;
}
