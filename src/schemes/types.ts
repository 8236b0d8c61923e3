/**
 * The contracts of an end-to-end image scheme (DESIGN.md, "One transmission"):
 * a transmitter and a receiver that share only models, knowledge and the
 * packet format, with a link between them. A scheme runs a batch of items
 * under one link condition, so that models run batched.
 */
import type { Rng } from '../core/rng.js';
import type { ModulationName } from '../phy/modulation/index.js';

/** A grey-scale 8-bit image (row-major) and, where known, its class label. */
export interface ImageItem {
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly label?: number;
}

/** Where the transmission happens: a channel spec, a modulation (schemes with link adaptation may choose another) and Es/N0 in dB. */
export interface LinkConditions {
  readonly channel: string;
  readonly modulation: ModulationName;
  readonly snrDb: number;
}

/** What one transmitted item cost, whatever its modality (image and text outcomes extend it). */
export interface TransmissionCost {
  /** True when nothing usable arrived (failed CRC, undecodable packet). */
  readonly erased: boolean;
  /** Bits handed to the link: the whole packet or code, header and CRC included (0 for an analog scheme). */
  readonly payloadBits: number;
  /** Complex channel uses spent, pilots and padding included. */
  readonly channelUses: number;
  /** Wall time of the transmitter's and the receiver's processing (ms), link simulation excluded. */
  readonly encodeMs: number;
  readonly decodeMs: number;
  /** Scheme-specific facts (chosen modulation and code rate, predicted label, keywords sent, ...). */
  readonly info?: Readonly<Record<string, string | number>>;
}

/** What one image cost and gave. */
export interface SchemeOutcome extends TransmissionCost {
  /** The image the receiver shows (for an erasure: what a real receiver shows instead, see `erased`). */
  readonly output: Uint8Array;
}

export interface ImageScheme {
  /** Short stable name used in results (e.g. `traditional-deflate`, `jscc-k49`, `generative-vae`). */
  readonly name: string;
  /** Sends every item of the batch under `conditions`; one outcome per item, in order. */
  transmit(items: readonly ImageItem[], conditions: LinkConditions, rng: Rng): Promise<SchemeOutcome[]>;
}
