/**
 * Computation placement (seed 002 Sec. III-A: local models on devices,
 * semantic encoders on edges, large global models in the cloud; seed 000
 * Sec. VI-C-1, computing resource allocation): where a service's generation
 * step runs, chosen per service from the simulator's estimates of latency and
 * energy for each site.
 */
import { SemcomError } from '../../core/errors.js';
import type { PlacementOption, PlacementPolicy } from './types.js';

/** A NaN estimate counts as never done. */
function latencyOf(o: PlacementOption): number {
  const t = o.latencyS;
  return t === t ? t : Infinity;
}

function energyOf(o: PlacementOption): number {
  const e = o.deviceEnergyJ + o.infraEnergyJ;
  return e === e ? e : Infinity;
}

function deviceEnergyOf(o: PlacementOption): number {
  const e = o.deviceEnergyJ;
  return e === e ? e : Infinity;
}

function checkOptions(options: readonly PlacementOption[], policy: string): void {
  if (options.length === 0) {
    throw new SemcomError('INVALID_ARGUMENT', `placement '${policy}': no placement option to choose from (the simulator must offer at least one site)`);
  }
}

/** Index of the lowest-latency option; ties go to less device energy, then to the first. */
function argminLatency(options: readonly PlacementOption[]): number {
  let best = 0;
  for (let i = 1; i < options.length; i++) {
    const t = latencyOf(options[i]!);
    const tb = latencyOf(options[best]!);
    if (t < tb || (t === tb && deviceEnergyOf(options[i]!) < deviceEnergyOf(options[best]!))) best = i;
  }
  return best;
}

/**
 * Always the given site (seed 002's reference design runs generation in the
 * cloud); if the simulator does not offer it for a service (e.g. a device
 * without a local model), the lowest-latency option.
 */
export function fixedPlacement(where: PlacementOption['where']): PlacementPolicy {
  if (where !== 'device' && where !== 'edge' && where !== 'cloud') {
    throw new SemcomError('INVALID_ARGUMENT', `fixed placement: where must be 'device', 'edge' or 'cloud', got ${String(where)}`);
  }
  return Object.freeze({
    name: where,
    place(options: readonly PlacementOption[]): number {
      checkOptions(options, where);
      for (let i = 0; i < options.length; i++) if (options[i]!.where === where) return i;
      return argminLatency(options);
    },
  });
}

/**
 * Least estimated latency (argmin latencyS), ties to less device energy:
 * freshest results, whatever the energy; helps when deadlines or AoI
 * dominate and the cloud queue or backhaul is the bottleneck at times.
 */
export function minLatencyPlacement(): PlacementPolicy {
  return Object.freeze({
    name: 'min-latency',
    place(options: readonly PlacementOption[]): number {
      checkOptions(options, 'min-latency');
      return argminLatency(options);
    },
  });
}

/**
 * Least total energy (device + infrastructure, J) among the options whose
 * estimated latency meets the deadline (latencyS ≤ deadlineS), ties to lower
 * latency; if none meets it, the lowest-latency option (a late result is
 * worth less than the energy saved). Helps when energy per service matters
 * and deadlines leave slack.
 */
export function minEnergyPlacement(): PlacementPolicy {
  return Object.freeze({
    name: 'min-energy',
    place(options: readonly PlacementOption[], deadlineS: number): number {
      checkOptions(options, 'min-energy');
      let best = -1;
      for (let i = 0; i < options.length; i++) {
        const o = options[i]!;
        if (!(latencyOf(o) <= deadlineS)) continue;
        if (best < 0) {
          best = i;
          continue;
        }
        const e = energyOf(o);
        const eb = energyOf(options[best]!);
        if (e < eb || (e === eb && latencyOf(o) < latencyOf(options[best]!))) best = i;
      }
      return best >= 0 ? best : argminLatency(options);
    },
  });
}
