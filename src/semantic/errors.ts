import { SemcomError } from '../core/errors.js';

/**
 * Why a byte sequence is not a semantic packet.
 *
 * - `crc`: the check failed: the packet was corrupted on the link (count it as a
 *   block error, request a retransmission).
 * - `header-parity`: a bit error in byte 0 (checked before the CRC, because byte 0
 *   chooses the CRC width).
 * - `version`: a version this decoder does not read.
 * - `truncated`, `length`: the declared length and the bytes present disagree.
 * - `varint`: an overlong, oversized or unterminated LEB128 number.
 * - `limit`: a declared size or count above this decoder's caps.
 * - `unknown-critical`: a field type this version does not know, marked critical.
 * - `field`: a field whose content breaks its type's rules (bad UTF-8, a
 *   length that is not a multiple of 4, a code beyond its bit depth, ...).
 * - `field-count`: the header's field count disagrees with the fields present.
 *
 * All but `crc`, `header-parity` and `truncated`/`length` mean that a packet
 * passed the CRC yet is malformed: the sender is buggy, hostile or newer.
 */
export type PacketErrorReason =
  | 'crc'
  | 'header-parity'
  | 'version'
  | 'truncated'
  | 'length'
  | 'varint'
  | 'limit'
  | 'unknown-critical'
  | 'field'
  | 'field-count';

/**
 * A byte sequence that `decodePacket` rejected: a `SemcomError` with code
 * `MALFORMED_PACKET`, the byte offset where decoding stopped and the reason.
 */
export class PacketError extends SemcomError {
  /** Byte offset (from the packet's first byte) of the offending byte. */
  readonly offset: number;
  readonly reason: PacketErrorReason;
  constructor(reason: PacketErrorReason, offset: number, what: string) {
    super('MALFORMED_PACKET', `semantic packet, byte ${offset}: ${what}`);
    this.name = 'PacketError';
    this.offset = offset;
    this.reason = reason;
  }
}
