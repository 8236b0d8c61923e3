import { SemcomError } from '../../core/errors.js';
import type { ChannelOutput } from './types.js';

/** Checks the buffers and N0 of `Channel.apply`; returns the number of symbols. */
export function checkApply(name: string, x: Float64Array, n0: number, out: ChannelOutput): number {
  if (x.length % 2 !== 0) {
    throw new SemcomError('LENGTH_MISMATCH', `${name}: x must be interleaved complex (even length), got ${x.length}`);
  }
  for (const key of ['y', 'h', 'hEst'] as const) {
    const buf = out[key];
    if (buf && buf.length !== x.length) {
      throw new SemcomError('LENGTH_MISMATCH', `${name}: out.${key} has ${buf.length} entries, x has ${x.length}`);
    }
  }
  if (!out.y) throw new SemcomError('INVALID_ARGUMENT', `${name}: out.y is required`);
  if (!(n0 >= 0) || !Number.isFinite(n0)) {
    throw new SemcomError('INVALID_ARGUMENT', `${name}: noise variance N0 must be a finite number ≥ 0, got ${n0}`);
  }
  return x.length >> 1;
}
