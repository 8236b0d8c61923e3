import { SemcomError } from '../../core/errors.js';
import type { FlowView, PowerPolicy } from './types.js';

/**
 * Equal power spectral density: p_i = x_i · P_total, each flow's power in
 * proportion to its band share, so every flow sees SNR = P_total · γ_i
 * whatever its share (γ_i = snrPerWatt over the whole band). The default of
 * an OFDMA downlink without power control. Shares that do not sum exactly to
 * 1 are rescaled so the powers sum to P_total; all-zero shares split it
 * equally.
 */
export function equalPower(): PowerPolicy {
  return Object.freeze({
    name: 'equal',
    allocate(flows: readonly FlowView[], shares: Float64Array, totalW: number, power: Float64Array): void {
      if (!(totalW >= 0) || !Number.isFinite(totalW)) {
        throw new SemcomError('INVALID_ARGUMENT', `equal power: total power must be finite watts ≥ 0, got ${totalW}`);
      }
      const n = flows.length;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const x = shares[i]!;
        if (x > 0) sum += x;
      }
      for (let i = 0; i < n; i++) {
        const x = shares[i]!;
        power[i] = sum > 0 ? (x > 0 ? (x / sum) * totalW : 0) : totalW / n;
      }
    },
  });
}
