/**
 * The contracts of an end-to-end text scheme: the text counterpart of
 * ../types.ts's ImageScheme. A transmitter and a receiver that share only
 * models, knowledge and the wire format, with the digital link between them.
 */
import type { Rng } from '../../core/rng.js';
import type { LinkConditions, TransmissionCost } from '../types.js';

export type { LinkConditions };

/** What one message cost and gave. */
export interface TextOutcome extends TransmissionCost {
  /** The text the receiver shows; empty when nothing usable arrived (see `erased`). `payloadBits` is the code alone: the link adds its CRC-24A, counted in channel uses. */
  readonly output: string;
}

export interface TextScheme {
  /** Short stable name used in results (`brotli`, `shared-model`, `semantic`, ...). */
  readonly name: string;
  /** Sends every message of the batch under `conditions` (`snrDb` may be +∞: a noiseless link); one outcome per message, in order. */
  transmit(messages: readonly string[], conditions: LinkConditions, rng: Rng): Promise<TextOutcome[]>;
}
