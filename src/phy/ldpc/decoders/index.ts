/** LDPC decoders: layered min-sum (TypeScript and wasm SIMD), flooding sum-product, spec strings. */
export { createLayeredMinSumDecoder, type LayeredBackend, type LayeredMinSumOptions } from './layered.js';
export { createLayeredJsDecoder, LAYERED_DEFAULT_ITERATIONS } from './layered-js.js';
export { createLayeredWasmDecoder, wasmKernelAvailable, checkQcMatchesH } from './layered-wasm.js';
export { createFloodingSumProductDecoder, FLOODING_DEFAULT_ITERATIONS, phi } from './flooding-spa.js';
export { createDecoder, DECODER_SPECS, DEFAULT_DECODER_SPEC } from './spec.js';
export {
  resolveMinSumRule,
  DEFAULT_NMS_ALPHA,
  DEFAULT_OMS_BETA,
  type MinSumRule,
  type MinSumVariant,
} from './min-sum-variant.js';
export { LLR_MAX } from './common.js';
