import { SemcomError } from '../../core/errors.js';
import type { FlowView, PowerPolicy } from './types.js';

/**
 * Water-filling power over frequency-multiplexed flows (parallel Gaussian
 * channels: Cover and Thomas, Elements of Information Theory, 2nd ed.,
 * Sec. 9.4).
 *
 * Flow i holds the share x_i of the band B and sees γ_i = snrPerWatt (SNR per
 * watt over the whole band), so with power p_i its SNR is p_i·γ_i / x_i and
 * its capacity x_i·B·log2(1 + p_i·γ_i / x_i). The policy maximises the sum
 * Σ_i x_i B log2(1 + p_i γ_i / x_i) over p_i ≥ 0 with Σ p_i = P_total. The
 * objective is concave; the KKT conditions give
 *
 *   p_i = x_i · (μ − 1/γ_i)⁺,
 *
 * the water level μ fixed by Σ p_i = P_total: every powered flow has the same
 * marginal utility ∂/∂p_i = (B/ln 2) / (1/γ_i + p_i/x_i) = (B/ln 2)/μ, and an
 * unpowered one has (B/ln 2)·γ_i ≤ (B/ln 2)/μ. μ is exact: flows sorted by
 * 1/γ_i ascending, the first k powered give μ_k = (P + Σ_{j≤k} x_j/γ_j) /
 * Σ_{j≤k} x_j, and k grows while μ_k > 1/γ_{k+1} (O(n log n)).
 *
 * Flows with no band (x_i = 0) or no gain (γ_i = 0) get 0 W. If no flow has
 * both, the power is spread as equal power would (it buys nothing anyway).
 * Scratch index and threshold arrays live in the instance and only grow, so
 * a call allocates nothing once warm.
 */
export function waterFilling(): PowerPolicy {
  let order = new Int32Array(16);
  let threshold = new Float64Array(16);

  /** Restores the max-heap (by threshold) below `root` within order[0..end). */
  function siftDown(root: number, end: number): void {
    for (;;) {
      let child = 2 * root + 1;
      if (child >= end) return;
      if (child + 1 < end && threshold[order[child + 1]!]! > threshold[order[child]!]!) child++;
      if (threshold[order[child]!]! <= threshold[order[root]!]!) return;
      const t = order[root]!;
      order[root] = order[child]!;
      order[child] = t;
      root = child;
    }
  }

  /** In-place heapsort of order[0..m) by threshold ascending (no allocation, O(m log m)). */
  function sortByThreshold(m: number): void {
    for (let start = (m >> 1) - 1; start >= 0; start--) siftDown(start, m);
    for (let end = m - 1; end > 0; end--) {
      const t = order[0]!;
      order[0] = order[end]!;
      order[end] = t;
      siftDown(0, end);
    }
  }

  return Object.freeze({
    name: 'water-filling',
    allocate(flows: readonly FlowView[], shares: Float64Array, totalW: number, power: Float64Array): void {
      if (!(totalW >= 0) || !Number.isFinite(totalW)) {
        throw new SemcomError('INVALID_ARGUMENT', `water-filling: total power must be finite watts ≥ 0, got ${totalW}`);
      }
      const n = flows.length;
      if (n === 0) return;
      if (order.length < n) {
        order = new Int32Array(2 * n);
        threshold = new Float64Array(2 * n);
      }
      let m = 0;
      let shareSum = 0;
      for (let i = 0; i < n; i++) {
        power[i] = 0;
        const x = shares[i]!;
        const g = flows[i]!.snrPerWatt;
        if (x > 0) shareSum += x;
        if (x > 0 && g > 0 && g < Infinity) {
          threshold[i] = 1 / g;
          order[m++] = i;
        }
      }
      if (m === 0) {
        for (let i = 0; i < n; i++) {
          const x = shares[i]!;
          power[i] = shareSum > 0 ? (x > 0 ? (x / shareSum) * totalW : 0) : totalW / n;
        }
        return;
      }
      sortByThreshold(m);
      // Levels are kept relative to the lowest threshold t0 (μ − t0, t_i − t0): with one strong flow
      // μ − t0 is then P/x exactly, where μ − t0 computed from μ would lose the digits of t0.
      const t0 = threshold[order[0]!]!;
      let sumX = 0;
      let sumXT = 0;
      let level = 0;
      let active = m;
      for (let k = 0; k < m; k++) {
        const i = order[k]!;
        sumX += shares[i]!;
        sumXT += shares[i]! * (threshold[i]! - t0);
        level = (totalW + sumXT) / sumX;
        if (k + 1 < m && level <= threshold[order[k + 1]!]! - t0) {
          active = k + 1;
          break;
        }
      }
      for (let k = 0; k < active; k++) {
        const i = order[k]!;
        const depth = level - (threshold[i]! - t0);
        power[i] = depth > 0 ? shares[i]! * depth : 0;
      }
    },
  });
}
