/**
 * A network scenario, resolved: every field present (defaults applied by
 * `parseScenario`). Units are in the names: seconds (S), milliseconds (Ms),
 * metres (M), hertz (Hz / MHz), watts (W), dBm, joules (J), GFLOP, bytes.
 *
 * The layers follow seed 002 Sec. III-A: terminal devices (mobile layer),
 * base stations each with an edge server (edge layer), one cloud.
 */

/** Where a service's generation step runs (seed 002 Sec. III-A; seed 000 Sec. VI-C-1). */
export type PlacementName = 'device' | 'edge' | 'cloud' | 'min-latency' | 'min-energy';

/** Bandwidth-sharing policy of a base station among its active transmissions. */
export type BandwidthPolicyName = 'equal' | 'proportional-fair' | 'semantic-importance' | 'knowledge-matching';

/** Downlink power policy of a base station among its active transmissions. */
export type PowerPolicyName = 'equal' | 'water-filling';

export interface CloudSpec {
  /** Aggregate compute of the cloud's GAI servers, GFLOP/s per server. */
  computeGflops: number;
  servers: number;
  /** One-way delay edge ↔ cloud, ms. */
  backhaulDelayMs: number;
  /** Rate of each edge's backhaul link to the cloud, Mbit/s. */
  backhaulRateMbps: number;
  /** Energy per GFLOP, J. */
  joulesPerGflop: number;
}

export interface EdgeSpec {
  computeGflops: number;
  servers: number;
  joulesPerGflop: number;
  /** One-way delay between two edges (through the core), ms. */
  interEdgeDelayMs: number;
}

export interface BaseStationSpec {
  count: number;
  /** `grid`: a square-ish grid over the area; `random`: uniform positions (seeded). */
  layout: 'grid' | 'random';
  uplinkBandwidthMHz: number;
  downlinkBandwidthMHz: number;
  txPowerDbm: number;
  antennaHeightM: number;
  noiseFigureDb: number;
  /**
   * Transmissions a carrier serves at once, per direction; later ones wait in
   * arrival order. A scheduler addresses a bounded number of users per
   * transmission interval through its control channel.
   */
  maxScheduled: number;
  edge: EdgeSpec;
}

export interface DeviceSpec {
  count: number;
  /** Local model compute, GFLOP/s. */
  computeGflops: number;
  /** Power drawn while computing, W. */
  computePowerW: number;
  txPowerDbm: number;
  /** Power drawn while receiving, W. */
  rxPowerW: number;
  /** Power amplifier efficiency: radiated / drawn power while transmitting. */
  paEfficiency: number;
  noiseFigureDb: number;
  heightM: number;
  batteryJ: number;
}

export interface ChannelSpec {
  carrierGHz: number;
  /** Large-scale model: 3GPP TR 38.901 UMa or UMi NLOS, or log-distance with `exponent`. */
  pathLoss: 'uma' | 'umi' | 'log-distance';
  exponent: number;
  /** Log-normal shadowing standard deviation, dB (drawn once per device and base station). */
  shadowingDb: number;
  /** Small-scale block fading per transmission, a phy channel spec: 'rayleigh', 'rician:K' or 'none'. */
  fading: string;
  minDistanceM: number;
  /** Thermal noise density, dBm/Hz. */
  noiseDensityDbmHz: number;
}

export type ArrivalSpec =
  | { process: 'poisson'; ratePerDeviceHz: number }
  /** Arrival times (s) of the whole class, each at a device drawn uniformly (seeded), or at `device` when given. */
  | { process: 'trace'; arrivals: { timeS: number; device?: number }[] };

/** A class of services arriving at every device. */
export interface ServiceClassSpec {
  name: string;
  /** A scheme of the calibration table (it fixes modality and family). */
  scheme: string;
  arrival: ArrivalSpec;
  deadlineMs: number;
  /** Semantic importance (seed 000 Sec. VI-C), a weight ≥ 0 for importance-aware policies and VoI. */
  importance: number;
  /** Work of each step, GFLOP per item. */
  workload: {
    /** Local understanding at the sender (keywords, label; or source/semantic encoding). */
    encodeGflop: number;
    /** Global generation (generative family only). */
    generateGflop: number;
    /** Decoding and local semantic calibration at the receiver. */
    decodeGflop: number;
  };
}

/** The name of a policy a user registered (src/network/policies/registry.ts); any string, checked against the registry when the scenario is parsed. */
export type RegisteredPolicyName = string & Record<never, never>;

export interface PolicySpec {
  /** A built-in policy, or one registered with registerBandwidthPolicy (likewise for power and placement). */
  bandwidth: BandwidthPolicyName | RegisteredPolicyName;
  power: PowerPolicyName | RegisteredPolicyName;
  placement: PlacementName | RegisteredPolicyName;
  /** Proportional fair: averaging time constant, s. */
  fairnessWindowS: number;
}

export interface WorkflowSpec {
  /** Stage 1 (seed 002 Sec. III-B): each device downloads its local model and knowledge before serving. */
  preparation: { enabled: boolean; modelBytes: number; knowledgeBytes: number };
  /** Stage 3: each finished service leaves feedback at its edge; edges push it to the cloud every period. */
  feedback: { bytesPerService: number; syncPeriodS: number };
  /** Stage 3: the devices' knowledge drifts from the network's and is re-synced every period (0: never). */
  knowledge: {
    records: number;
    /** Fraction of the records the network's knowledge changes per hour (Poisson record updates). */
    changeRatePerHour: number;
    syncPeriodS: number;
    /** Matching degree when the simulation starts (after preparation). */
    initialMatching: number;
  };
}

export interface MetricsSpec {
  /** Age of Incorrect Information penalty: linear in the time since the monitor became wrong, its square, or 1 past a threshold. */
  aoiiPenalty: 'linear' | 'quadratic' | 'threshold';
  aoiiThresholdS: number;
  /** VoI = importance × exp(−decay × AoI), per second of AoI (seed 000 Sec. V-2). */
  voiDecayPerS: number;
}

export interface Scenario {
  name: string;
  seed: number;
  /** Simulated time of service arrivals, s. */
  durationS: number;
  /** Services arriving before this are served but not counted, s. */
  warmupS: number;
  area: { widthM: number; heightM: number };
  cloud: CloudSpec;
  baseStations: BaseStationSpec;
  devices: DeviceSpec;
  channel: ChannelSpec;
  services: ServiceClassSpec[];
  policy: PolicySpec;
  workflow: WorkflowSpec;
  metrics: MetricsSpec;
  /** Path of a calibration table; absent: the table shipped with semcom. */
  calibration?: string;
}
