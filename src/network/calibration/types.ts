/**
 * The calibration table: what the network simulator knows about each
 * link-level scheme, measured once by Monte Carlo with this project's own
 * links and models (`npm run calibrate:network`), so a network of thousands
 * of devices stays fast and consistent with the link level (issue 6).
 *
 * SNR is Es/N0 per complex channel use in dB on an AWGN channel: the network
 * draws each transmission's block fade itself and reads these curves at the
 * faded SNR, so a packet sees AWGN conditioned on its fade.
 */

/** Codeword error rate of one modulation and code on AWGN, against Es/N0. */
export interface McsCalibration {
  /** e.g. "16qam 80211n:648:1/2". */
  name: string;
  modulation: string;
  code: string;
  /** Information bits per complex channel use (bits per symbol × code rate). */
  efficiency: number;
  /** Information bits one codeword carries (k of the code, less CRC where the link adds one). */
  infoBitsPerCodeword: number;
  /** Ascending Es/N0 grid, dB. */
  snrDb: number[];
  /** Codeword (frame) error rate at each grid point; read between points in the log domain. */
  codewordErrorRate: number[];
  /** Frames simulated per point (the confidence behind each number). */
  frames: number[];
}

/** How a scheme's payload crosses one wireless hop. */
export type SchemeTransport = 'digital' | 'analog';

/**
 * Which network pipeline a scheme runs (seed 002 Sec. IV's three schemes):
 * `traditional` sends the content's bits on both hops; `semcom` sends learned
 * semantic features on both hops (relayed by the edge); `generative` sends
 * keywords, a label or latents up, a global generative model regenerates the
 * content, and the edge encodes it for the downlink (GAI-SCN, seed 002 Sec. III-B).
 */
export type SchemeFamily = 'traditional' | 'semcom' | 'generative';

/** One link-level scheme as the network sees it. */
export interface SchemeCalibration {
  /** The link-level scheme's name (e.g. "generative-vae"); services name it. */
  name: string;
  modality: 'image' | 'text';
  family: SchemeFamily;
  transport: SchemeTransport;
  /** Digital: payload bits per item (whole semantic packet, header and CRC) on one hop. 0 for analog. */
  payloadBits: number;
  /** Analog: complex channel uses per item on one hop. 0 for digital (the MCS decides). */
  channelUses: number;
  /**
   * Probability that one item's task succeeds after one hop at each SNR of
   * `snrDb` (image: the evaluator classifier agrees with the true label; text:
   * semantic similarity ≥ the table's threshold). For digital schemes the
   * network uses `cleanTaskSuccess` once the packet is delivered and the MCS
   * codeword error rates for delivery; the curve is kept for reference.
   */
  snrDb: number[];
  taskSuccess: number[];
  /** Task success with an error-free hop (the highest SNR measured, no CRC failure). */
  cleanTaskSuccess: number;
  /** Measured on the calibration machine, for reference (the network uses the scenario's workloads). */
  encodeMsPerItem: number;
  decodeMsPerItem: number;
  /** Whether the receiver's knowledge-matching degree scales task success (only knowledge-based regeneration). */
  knowledgeSensitive: boolean;
  /** Generative schemes: the scheme whose encoder carries regenerated content on the downlink (e.g. "jscc-k49"). */
  downlinkScheme?: string;
  /** Items per SNR point and where the numbers come from. */
  items: number;
  source: string;
}

/**
 * How the receiver's knowledge-matching degree M (weighted Jaccard, seed 000
 * Sec. VI-C) scales the task success of a knowledge-sensitive scheme, and
 * what a knowledge sync costs, from the `knowledge-mismatch` case study.
 */
export interface KnowledgeCalibration {
  /** Ascending matching degrees. */
  matching: number[];
  /** Task success at M divided by task success at M = 1 (1 at M = 1). */
  retention: number[];
  /** Fraction of items regenerated exactly as a receiver with full knowledge would. */
  sameAsFull: number[];
  /** Sync cost: bytes (up + down) = fixedBytes + bytesPerChange × changed records. */
  syncFixedBytes: number;
  syncBytesPerChange: number;
  /** Records of the knowledge base the curves were measured on. */
  records: number;
  source: string;
}

export interface CalibrationTable {
  version: 1;
  /** ISO date of the measurement and the command that produced it. */
  generatedAt: string;
  generator: string;
  conditions: string[];
  /** Margin (dB) link adaptation adds to the 1 % codeword-error threshold when choosing an MCS. */
  linkAdaptationMarginDb: number;
  /** Target codeword error rate of link adaptation. */
  targetCodewordErrorRate: number;
  mcs: McsCalibration[];
  schemes: SchemeCalibration[];
  knowledge: KnowledgeCalibration;
}
