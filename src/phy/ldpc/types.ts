/**
 * The shared representation of a binary LDPC code and the contracts of its
 * encoder and decoders.
 *
 * LLR convention used everywhere in semcom: L = ln(P(b = 0) / P(b = 1)), so a
 * positive LLR favours bit 0 (BPSK maps 0 → +1). LLRs are Float32Array.
 */

/** Quasi-cyclic structure: H is an mb × nb array of z × z circulants. */
export interface QcStructure {
  /** Lifting (expansion) factor Z. */
  readonly z: number;
  readonly mb: number;
  readonly nb: number;
  /** Row-major mb × nb shifts; -1 is the all-zero block, s ≥ 0 the identity cyclically shifted right by s. */
  readonly shifts: Int16Array;
}

/** A sparse parity-check matrix H (m × n) with both row and column indices. */
export interface LdpcCode {
  /** Human-readable name, e.g. "80211n:1944:1/2" or "alist:foo.alist". */
  readonly name: string;
  /** Codeword length. */
  readonly n: number;
  /** Number of information bits (n − rank(H)). */
  readonly k: number;
  /** Number of parity checks (rows of H). */
  readonly m: number;
  /** Row r holds the columns colIdx[rowPtr[r] .. rowPtr[r+1]). Length m + 1. */
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  /** Column c holds the rows rowIdx[colPtr[c] .. colPtr[c+1]). Length n + 1. */
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  /** Positions of the information bits in the codeword (length k); 0..k-1 for systematic 802.11n codes. */
  readonly infoPositions: Int32Array;
  /** Present for quasi-cyclic codes (802.11n, and alist codes where detected is not required). */
  readonly qc?: QcStructure;
}

export interface LdpcEncoder {
  readonly code: LdpcCode;
  /** Writes the n-bit codeword of the k-bit message `info` (bits as 0/1 bytes) into `codeword`. */
  encode(info: Uint8Array, codeword: Uint8Array): void;
}

export interface DecodeOptions {
  /** Maximum number of iterations (default 50 for flooding, 10..50 for layered; see each decoder). */
  maxIterations?: number;
  /** Stop as soon as the hard decision satisfies every parity check (default true). */
  earlyStop?: boolean;
}

export interface DecodeResult {
  /** Iterations actually run. */
  iterations: number;
  /** Whether the final hard decision has a zero syndrome. */
  converged: boolean;
}

export interface LdpcDecoder {
  readonly code: LdpcCode;
  readonly name: string;
  /**
   * Decodes channel LLRs (length n) into hard codeword bits `out` (length n, 0/1).
   * Optionally writes a-posteriori LLRs into `posterior`.
   */
  decode(llr: Float32Array, out: Uint8Array, options?: DecodeOptions, posterior?: Float32Array): DecodeResult;
}
