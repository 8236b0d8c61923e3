export { type Crc, computeCrc, computeCrcBits, appendCrcBits, checkCrcBits, bytesToBits } from './crc.js';
export {
  type CrcName,
  CRC_NAMES,
  CRC16_CCITT_FALSE,
  CRC16_XMODEM,
  CRC24A,
  CRC24B,
  CRC32,
  CRC_NONE,
  crcByName,
  crc16Ccitt,
  crc16Xmodem,
  crc24a,
  crc32,
} from './catalogue.js';
