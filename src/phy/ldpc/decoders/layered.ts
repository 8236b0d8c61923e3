/**
 * The layered min-sum decoder family: one entry point that picks the SIMD
 * WebAssembly kernel for QC codes and the TypeScript reference otherwise.
 */
import { SemcomError } from '../../../core/errors.js';
import type { LdpcCode, LdpcDecoder } from '../types.js';
import { createLayeredJsDecoder } from './layered-js.js';
import { createLayeredWasmDecoder, wasmKernelAvailable } from './layered-wasm.js';
import { resolveMinSumRule, type MinSumVariant } from './min-sum-variant.js';

export type LayeredBackend = 'wasm' | 'js' | 'auto';

export interface LayeredMinSumOptions {
  /** Check-node rule (default 'normalized', the toolkit's 'layered-nms'). */
  variant?: MinSumVariant;
  /** Normalized min-sum scale α in (0, 1] (default 0.75). */
  alpha?: number;
  /** Offset min-sum offset β ≥ 0 in LLR units (default 0.15). */
  beta?: number;
  /**
   * 'auto' (default): the wasm SIMD kernel for QC codes where the runtime has
   * WebAssembly SIMD, else TypeScript. 'wasm' insists (throws for a non-QC code),
   * 'js' forces the reference. Both give identical hard decisions and iteration counts.
   */
  backend?: LayeredBackend;
}

/**
 * Layered min-sum decoder (horizontal schedule: one row, or one block row of Z
 * rows for QC codes, per layer), float32 messages, syndrome early stop after
 * each full iteration unless `earlyStop: false`. Default 20 iterations.
 * Input: channel LLRs L = ln P(b=0)/P(b=1), clamped to ±1e6.
 */
export function createLayeredMinSumDecoder(code: LdpcCode, options: LayeredMinSumOptions = {}): LdpcDecoder {
  const rule = resolveMinSumRule(options.variant ?? 'normalized', options.alpha, options.beta);
  const backend = options.backend ?? 'auto';
  switch (backend) {
    case 'js':
      return createLayeredJsDecoder(code, rule);
    case 'wasm':
      return createLayeredWasmDecoder(code, rule);
    case 'auto':
      return code.qc && wasmKernelAvailable() ? createLayeredWasmDecoder(code, rule) : createLayeredJsDecoder(code, rule);
    default:
      throw new SemcomError('INVALID_ARGUMENT', `backend must be 'wasm', 'js' or 'auto', got ${String(backend)}`);
  }
}
