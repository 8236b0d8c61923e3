/** The semantic level: what crosses the link (the semantic packet) and how latents are quantized for it. */
export * from './types.js';
export { PacketError, type PacketErrorReason } from './errors.js';
export { encodePacket, decodePacket, packetBits, packetLength } from './packet.js';
export {
  quantizeUniform,
  dequantizeUniform,
  quantizerStep,
  QUANTIZER_RANGES,
  isPresetRangeId,
  rangeBounds,
  quantizeLatent,
  latentValues,
} from './quantizer.js';
export { packBits, unpackBits, packedByteLength, bitsToBytes, bytesToBits } from './bits.js';
export { encodeVarint, readVarint, varintSize, writeVarint, MAX_VARINT } from './varint.js';
