/**
 * The rule of every scalar field of a scenario: its type, its range and its
 * unit, keyed by the field's path with list indices written `[]`
 * (`services[].deadlineMs`). One table drives validation, the error messages
 * and the property tests' generators.
 */
import { bandwidthPolicyNames, placementPolicyNames, powerPolicyNames } from '../policies/registry.js';
import type { BandwidthPolicyName, PlacementName, PowerPolicyName } from './types.js';

export type FieldRule =
  | {
      kind: 'number';
      /** Lower bound, inclusive unless `minOpen`. */
      min?: number;
      minOpen?: boolean;
      /** Upper bound, inclusive. */
      max?: number;
      integer?: boolean;
      /** Unit as the message writes it after the value ("MHz", "s"); '' for none. */
      unit: string;
      /** Why a bound exists, when it is not obvious (appended to the message). */
      why?: string;
    }
  | { kind: 'string' }
  | {
      kind: 'enum';
      /** The names a scenario file may use without anything registered. */
      values: readonly string[];
      /** The names accepted now, when they can grow at run time (policies registered by a user). */
      valuesOf?: () => readonly string[];
    }
  | { kind: 'boolean' };

export const BANDWIDTH_POLICIES = ['equal', 'proportional-fair', 'semantic-importance', 'knowledge-matching'] as const satisfies readonly BandwidthPolicyName[];
export const POWER_POLICIES = ['equal', 'water-filling'] as const satisfies readonly PowerPolicyName[];
export const PLACEMENTS = ['device', 'edge', 'cloud', 'min-latency', 'min-energy'] as const satisfies readonly PlacementName[];
// Compile-time checks that every name of the contracts' unions is listed (a new policy must be added here).
const _allBandwidth: Exclude<BandwidthPolicyName, (typeof BANDWIDTH_POLICIES)[number]> extends never ? true : never = true;
const _allPower: Exclude<PowerPolicyName, (typeof POWER_POLICIES)[number]> extends never ? true : never = true;
const _allPlacements: Exclude<PlacementName, (typeof PLACEMENTS)[number]> extends never ? true : never = true;

/** Largest device count: the simulator keeps per-device state (typed arrays, a queue, freshness meters per class). */
export const MAX_DEVICES = 1_000_000;
/** Largest base-station count: association scans every base station for every device. */
export const MAX_BASE_STATIONS = 100_000;
/** Most services a run may expect (Poisson mean plus trace arrivals): each is an object alive while in flight, and events grow with it. */
export const MAX_EXPECTED_SERVICES = 10_000_000;
/** Most freshness sources (devices × service classes): one AoI and one AoII meter each. */
export const MAX_SOURCES = 10_000_000;

const positive = (unit: string): FieldRule => ({ kind: 'number', min: 0, minOpen: true, unit });
const nonNegative = (unit: string): FieldRule => ({ kind: 'number', min: 0, unit });
const finite = (unit: string): FieldRule => ({ kind: 'number', unit });
const count = (max: number, why: string): FieldRule => ({ kind: 'number', min: 1, max, integer: true, unit: '', why });
const fraction: FieldRule = { kind: 'number', min: 0, max: 1, unit: '' };

export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  name: { kind: 'string' },
  seed: { kind: 'number', min: 0, max: Number.MAX_SAFE_INTEGER, integer: true, unit: '' },
  durationS: positive('s'),
  warmupS: nonNegative('s'),
  calibration: { kind: 'string' },

  'area.widthM': positive('m'),
  'area.heightM': positive('m'),

  'cloud.computeGflops': positive('GFLOP/s'),
  'cloud.servers': count(100_000, ''),
  'cloud.backhaulDelayMs': nonNegative('ms'),
  'cloud.backhaulRateMbps': positive('Mbit/s'),
  'cloud.joulesPerGflop': nonNegative('J/GFLOP'),

  'baseStations.count': count(MAX_BASE_STATIONS, 'each device is associated by scanning every base station'),
  'baseStations.layout': { kind: 'enum', values: ['grid', 'random'] },
  'baseStations.uplinkBandwidthMHz': positive('MHz'),
  'baseStations.downlinkBandwidthMHz': positive('MHz'),
  'baseStations.txPowerDbm': finite('dBm'),
  'baseStations.antennaHeightM': positive('m'),
  'baseStations.noiseFigureDb': nonNegative('dB'),
  'baseStations.maxScheduled': count(100_000, 'transmissions served at once per carrier and direction'),
  'baseStations.edge.computeGflops': positive('GFLOP/s'),
  'baseStations.edge.servers': count(100_000, ''),
  'baseStations.edge.joulesPerGflop': nonNegative('J/GFLOP'),
  'baseStations.edge.interEdgeDelayMs': nonNegative('ms'),

  'devices.count': count(MAX_DEVICES, 'the simulator keeps state for every device in memory'),
  'devices.computeGflops': positive('GFLOP/s'),
  'devices.computePowerW': nonNegative('W'),
  'devices.txPowerDbm': finite('dBm'),
  'devices.rxPowerW': nonNegative('W'),
  'devices.paEfficiency': { kind: 'number', min: 0, minOpen: true, max: 1, unit: '', why: 'radiated power over power drawn' },
  'devices.noiseFigureDb': nonNegative('dB'),
  'devices.heightM': positive('m'),
  'devices.batteryJ': positive('J'),

  'channel.carrierGHz': positive('GHz'),
  'channel.pathLoss': { kind: 'enum', values: ['uma', 'umi', 'log-distance'] },
  'channel.exponent': positive(''),
  'channel.shadowingDb': nonNegative('dB'),
  'channel.fading': { kind: 'string' },
  'channel.minDistanceM': positive('m'),
  'channel.noiseDensityDbmHz': finite('dBm/Hz'),

  'services[].name': { kind: 'string' },
  'services[].scheme': { kind: 'string' },
  'services[].arrival.process': { kind: 'enum', values: ['poisson', 'trace'] },
  'services[].arrival.ratePerDeviceHz': positive('Hz'),
  'services[].arrival.arrivals[].timeS': nonNegative('s'),
  'services[].arrival.arrivals[].device': { kind: 'number', min: 0, integer: true, unit: '' },
  'services[].deadlineMs': positive('ms'),
  'services[].importance': nonNegative(''),
  'services[].workload.encodeGflop': nonNegative('GFLOP'),
  'services[].workload.generateGflop': nonNegative('GFLOP'),
  'services[].workload.decodeGflop': nonNegative('GFLOP'),

  'policy.bandwidth': { kind: 'enum', values: BANDWIDTH_POLICIES, valuesOf: bandwidthPolicyNames },
  'policy.power': { kind: 'enum', values: POWER_POLICIES, valuesOf: powerPolicyNames },
  'policy.placement': { kind: 'enum', values: PLACEMENTS, valuesOf: placementPolicyNames },
  'policy.fairnessWindowS': positive('s'),

  'workflow.preparation.enabled': { kind: 'boolean' },
  'workflow.preparation.modelBytes': nonNegative('bytes'),
  'workflow.preparation.knowledgeBytes': nonNegative('bytes'),
  'workflow.feedback.bytesPerService': nonNegative('bytes'),
  'workflow.feedback.syncPeriodS': { kind: 'number', min: 0, unit: 's', why: '0 never syncs' },
  'workflow.knowledge.records': count(Number.MAX_SAFE_INTEGER, ''),
  'workflow.knowledge.changeRatePerHour': nonNegative('per hour'),
  'workflow.knowledge.syncPeriodS': { kind: 'number', min: 0, unit: 's', why: '0 never syncs' },
  'workflow.knowledge.initialMatching': fraction,

  'metrics.aoiiPenalty': { kind: 'enum', values: ['linear', 'quadratic', 'threshold'] },
  'metrics.aoiiThresholdS': nonNegative('s'),
  'metrics.voiDecayPerS': nonNegative('per s'),
};

/** The rule key of a concrete path: list indices become `[]`. */
export function ruleKey(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** What a number field accepts, in words: "a number > 0 MHz", "an integer from 1 to 1000000". */
export function acceptsText(rule: Extract<FieldRule, { kind: 'number' }>): string {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const noun = rule.integer ? 'an integer' : 'a number';
  const lo = rule.min === undefined ? '' : `${rule.minOpen ? '>' : '≥'} ${rule.min}`;
  if (rule.max !== undefined && rule.max !== Number.MAX_SAFE_INTEGER && rule.min !== undefined && !rule.minOpen) {
    return `${noun} from ${rule.min} to ${rule.max}${unit}`;
  }
  if (rule.max !== undefined && rule.max !== Number.MAX_SAFE_INTEGER) return `${noun} ${lo} and ≤ ${rule.max}${unit}`;
  return lo ? `${noun} ${lo}${unit}` : `a finite number${unit}`;
}

/** Whether `x` satisfies a number rule (finite, integer where asked, within bounds). */
export function numberOk(rule: Extract<FieldRule, { kind: 'number' }>, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (rule.integer && !Number.isInteger(x)) return false;
  if (rule.min !== undefined && (rule.minOpen ? !(x > rule.min) : !(x >= rule.min))) return false;
  if (rule.max !== undefined && !(x <= rule.max)) return false;
  return true;
}
