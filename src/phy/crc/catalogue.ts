/**
 * The CRCs semcom links use, with their parameters and published check values
 * from the CRC catalogue (reveng, https://reveng.sourceforge.io/crc-catalogue/).
 * "check" is the CRC of the ASCII bytes "123456789"; "residue" the register after
 * an error-free codeword, before the output XOR (so the CRC of data + CRC is
 * residue ^ xorOut).
 */
import { SemcomError } from '../../core/errors.js';
import { computeCrc, type Crc } from './crc.js';

/**
 * CRC-16/CCITT-FALSE (catalogue name CRC-16/IBM-3740): poly 0x1021, init 0xFFFF,
 * not reflected, xorOut 0; check 0x29B1, residue 0.
 */
export const CRC16_CCITT_FALSE: Crc = Object.freeze({
  name: 'CRC-16/CCITT-FALSE',
  width: 16,
  poly: 0x1021,
  init: 0xffff,
  refIn: false,
  refOut: false,
  xorOut: 0,
});

/**
 * CRC-16/XMODEM: poly 0x1021, init 0, not reflected; check 0x31C3. Also the
 * gCRC16 of 3GPP TS 38.212 §5.1 (D^16 + D^12 + D^5 + 1, zero init).
 */
export const CRC16_XMODEM: Crc = Object.freeze({
  name: 'CRC-16/XMODEM',
  width: 16,
  poly: 0x1021,
  init: 0,
  refIn: false,
  refOut: false,
  xorOut: 0,
});

/** CRC-24/LTE-A, gCRC24A of 3GPP TS 38.212 §5.1: poly 0x864CFB, init 0; check 0xCDE703. */
export const CRC24A: Crc = Object.freeze({
  name: 'CRC-24/LTE-A',
  width: 24,
  poly: 0x864cfb,
  init: 0,
  refIn: false,
  refOut: false,
  xorOut: 0,
});

/** CRC-24/LTE-B, gCRC24B of 3GPP TS 38.212 §5.1 (code-block CRC): poly 0x800063, init 0; check 0x23EF52. */
export const CRC24B: Crc = Object.freeze({
  name: 'CRC-24/LTE-B',
  width: 24,
  poly: 0x800063,
  init: 0,
  refIn: false,
  refOut: false,
  xorOut: 0,
});

/**
 * CRC-32 (catalogue CRC-32/ISO-HDLC; IEEE 802.3, zlib): poly 0x04C11DB7, init and
 * xorOut 0xFFFFFFFF, reflected; check 0xCBF43926, residue 0xDEBB20E3.
 */
export const CRC32: Crc = Object.freeze({
  name: 'CRC-32/ISO-HDLC',
  width: 32,
  poly: 0x04c11db7,
  init: 0xffffffff,
  refIn: true,
  refOut: true,
  xorOut: 0xffffffff,
});

/** No CRC: width 0, appends nothing, every check passes. */
export const CRC_NONE: Crc = Object.freeze({
  name: 'none',
  width: 0,
  poly: 0,
  init: 0,
  refIn: false,
  refOut: false,
  xorOut: 0,
});

const BY_NAME = {
  crc16: CRC16_CCITT_FALSE,
  'crc16-xmodem': CRC16_XMODEM,
  crc24a: CRC24A,
  crc24b: CRC24B,
  crc32: CRC32,
  none: CRC_NONE,
} as const;

/** Short names accepted by {@link crcByName}. */
export type CrcName = keyof typeof BY_NAME;

/** The names {@link crcByName} accepts. */
export const CRC_NAMES: readonly CrcName[] = Object.freeze(Object.keys(BY_NAME) as CrcName[]);

/** The CRC for a short name: crc16 (CCITT-FALSE), crc16-xmodem, crc24a, crc24b, crc32, none. */
export function crcByName(name: string): Crc {
  if (Object.prototype.hasOwnProperty.call(BY_NAME, name)) return BY_NAME[name as CrcName];
  throw new SemcomError('INVALID_ARGUMENT', `unknown CRC "${name}"; accepted: ${CRC_NAMES.join(', ')}`);
}

/** CRC-16/CCITT-FALSE of `bytes`. */
export function crc16Ccitt(bytes: Uint8Array): number {
  return computeCrc(CRC16_CCITT_FALSE, bytes);
}

/** CRC-16/XMODEM of `bytes`. */
export function crc16Xmodem(bytes: Uint8Array): number {
  return computeCrc(CRC16_XMODEM, bytes);
}

/** CRC-24A (3GPP TS 38.212) of `bytes`. */
export function crc24a(bytes: Uint8Array): number {
  return computeCrc(CRC24A, bytes);
}

/** CRC-32 (IEEE 802.3) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  return computeCrc(CRC32, bytes);
}
