/**
 * Resource-allocation policies (seed 000 Sec. VI-C; seed 002 Sec. III-B):
 * how a base station shares its bandwidth and power among the transmissions
 * active at one moment, and where a service's generation runs. The simulator
 * calls them at every allocation epoch (a transmission starts or ends in the
 * cell); a new policy plugs in by implementing one of these interfaces and
 * registering it (policies/registry.ts).
 */

/** What a policy may know about one active transmission. Read-only. */
export interface FlowView {
  /** Bits still to send. */
  remainingBits: number;
  /** Receive SNR per watt of transmit power over the whole band, linear (g / (N0·B)); >= 0. */
  snrPerWatt: number;
  /** Spectral efficiency the flow would get at its current SNR with equal power, bit/s/Hz (link adaptation). */
  efficiency: number;
  /** Exponentially averaged rate this flow's device has been served, bit/s (proportional fair). */
  averageRateBps: number;
  /** Semantic importance of the service (scenario), >= 0. */
  importance: number;
  /** Knowledge-matching degree of the receiving end, in [0, 1]. */
  matching: number;
  /** Probability the service's task succeeds if this hop delivers (calibration × knowledge), in [0, 1]. */
  successIfDelivered: number;
  /** Seconds left to the service's deadline (may be negative). */
  slackS: number;
}

/**
 * Shares the band. `shares` has one slot per flow and must receive
 * non-negative numbers that sum to 1 (a policy may give a flow 0 only if
 * another flow gets more than 0). Called often: no allocation per call.
 */
export interface BandwidthPolicy {
  readonly name: string;
  allocate(flows: readonly FlowView[], shares: Float64Array): void;
}

/**
 * Shares the transmit power among the flows of one downlink, given their
 * bandwidth shares. `power` receives watts per flow summing to `totalW`.
 */
export interface PowerPolicy {
  readonly name: string;
  allocate(flows: readonly FlowView[], shares: Float64Array, totalW: number, power: Float64Array): void;
}

/** Where a generation step could run and what it would cost, as the simulator estimates it. */
export interface PlacementOption {
  where: 'device' | 'edge' | 'cloud';
  /** Estimated seconds until the result is back where the downlink starts (queueing + compute + transfers). */
  latencyS: number;
  /** Estimated energy drawn from the device battery, J. */
  deviceEnergyJ: number;
  /** Estimated energy of the infrastructure (edge or cloud compute), J. */
  infraEnergyJ: number;
}

/** Picks one of the options (returns its index). Options are never empty. */
export interface PlacementPolicy {
  readonly name: string;
  place(options: readonly PlacementOption[], deadlineS: number): number;
}
