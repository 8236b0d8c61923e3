/**
 * The three min-sum check-node rules and their parameters.
 *
 * With the extrinsic inputs t_j of a check and min1 ≤ min2 the two smallest |t_j|,
 * the message to edge i has sign Π_{j≠i} sign(t_j) and magnitude
 *   min-sum:     m_i                       (m_i = min2 on the argmin edge, min1 elsewhere)
 *   normalized:  α · m_i,        0 < α ≤ 1  (Chen and Fossorier, 2002; α = 0.75 default)
 *   offset:      max(m_i − β, 0), β ≥ 0     (β = 0.15 default, in LLR units)
 */
import { SemcomError } from '../../../core/errors.js';

export type MinSumVariant = 'minsum' | 'normalized' | 'offset';

export const DEFAULT_NMS_ALPHA = 0.75;
export const DEFAULT_OMS_BETA = 0.15;

/** A validated rule: `param` is α (normalized), β (offset) or 1 (plain), rounded to float32. */
export interface MinSumRule {
  readonly variant: MinSumVariant;
  /** 0 plain, 1 normalized, 2 offset: the code the wasm kernel takes. */
  readonly kernelVariant: 0 | 1 | 2;
  readonly param: number;
  /** Decoder name, e.g. "layered-nms:0.75". */
  readonly name: string;
}

export function resolveMinSumRule(variant: unknown, alpha?: number, beta?: number): MinSumRule {
  switch (variant) {
    case 'minsum':
      return { variant, kernelVariant: 0, param: 1, name: 'layered-minsum' };
    case 'normalized': {
      const a = alpha ?? DEFAULT_NMS_ALPHA;
      if (typeof a !== 'number' || !(a > 0 && a <= 1)) {
        throw new SemcomError('INVALID_ARGUMENT', `normalized min-sum needs alpha in (0, 1], got ${String(a)}`);
      }
      return { variant, kernelVariant: 1, param: Math.fround(a), name: `layered-nms:${a}` };
    }
    case 'offset': {
      const b = beta ?? DEFAULT_OMS_BETA;
      if (typeof b !== 'number' || !(b >= 0) || !Number.isFinite(b)) {
        throw new SemcomError('INVALID_ARGUMENT', `offset min-sum needs a finite beta ≥ 0, got ${String(b)}`);
      }
      return { variant, kernelVariant: 2, param: Math.fround(b), name: `layered-oms:${b}` };
    }
    default:
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `min-sum variant must be 'minsum', 'normalized' or 'offset', got ${String(variant)}`,
      );
  }
}
