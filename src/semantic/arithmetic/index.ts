/** Binary-exact arithmetic coding against frequency tables that both ends hold (Witten, Neal & Cleary 1987). */
export { ArithmeticEncoder } from './encoder.js';
export { ArithmeticDecoder, type ArithmeticDecoderOptions } from './decoder.js';
export { FrequencyTable } from './frequency-table.js';
export { BitWriter, type CodedBits } from './bit-writer.js';
export { BitReader, checkCodedBits, codedBitsFromBitArray, codedBitsToBitArray } from './bit-reader.js';
export { CODE_BITS, MAX_TOTAL } from './constants.js';
