/**
 * The contracts of an end-to-end text scheme: the text counterpart of
 * ../types.ts's ImageScheme. A transmitter and a receiver that share only
 * models, knowledge and the wire format, with the digital link between them.
 */
import type { Rng } from '../../core/rng.js';
import type { LinkConditions } from '../types.js';

export type { LinkConditions };

/** What one message cost and gave. */
export interface TextOutcome {
  /** The text the receiver shows; empty when nothing usable arrived (see `erased`). */
  readonly output: string;
  /** True when nothing usable arrived (failed CRC without calibration, undecodable code). */
  readonly erased: boolean;
  /** Bits handed to the link (the whole code; the link adds its CRC-24A, counted in channel uses). */
  readonly payloadBits: number;
  /** Complex channel uses spent, padding and pilots included. */
  readonly channelUses: number;
  /** Wall time of the transmitter's and the receiver's own work (ms), link simulation excluded. */
  readonly encodeMs: number;
  readonly decodeMs: number;
  /** Scheme-specific facts (keywords sent, goal, calibrated keyword count, ...). */
  readonly info?: Readonly<Record<string, string | number>>;
}

export interface TextScheme {
  /** Short stable name used in results (`brotli`, `shared-model`, `semantic`, ...). */
  readonly name: string;
  /** Sends every message of the batch under `conditions` (`snrDb` may be +∞: a noiseless link); one outcome per message, in order. */
  transmit(messages: readonly string[], conditions: LinkConditions, rng: Rng): Promise<TextOutcome[]>;
}
