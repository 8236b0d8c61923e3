/**
 * What a network simulation reports (issue 6, Metrics): per service class and
 * in aggregate. Counted services are those that arrived after the warm-up;
 * every fraction is over them. Units are in the names.
 */

import type { SampleDistribution } from '../../metrics/percentiles.js';

/** Mean and percentiles of a sample, in the unit of the field's name. */
export type Distribution = SampleDistribution;

/** Outcome of a set of services (a class or all). */
export interface ServiceOutcome {
  /** Services that arrived after the warm-up and before the end. */
  counted: number;
  /** Of those, services whose result reached the receiver before the simulation drained. */
  completed: number;
  /** Fraction of counted services completed within their deadline. */
  deadlineSuccess: number;
  /** Fraction of counted services whose task succeeded (delivered, meaning recovered), whatever the time. */
  taskSuccess: number;
  /** Fraction of counted services whose task succeeded within the deadline. */
  timelyTaskSuccess: number;
  /** End-to-end latency of completed services, ms (arrival at the sender → result at the receiver). */
  latencyMs: Distribution;
  /** Mean bits per counted service on each hop. */
  bitsPerService: { uplink: number; backhaul: number; downlink: number };
  /** Mean complex channel uses per counted service on the wireless hops (digital: whole codewords at the MCS used; analog: the scheme's symbols): the spectrum it cost. */
  channelUsesPerService: { uplink: number; downlink: number };
  /** Mean energy per counted service, J: drawn from device batteries, and by edge and cloud compute. */
  energyPerServiceJ: { device: number; edge: number; cloud: number };
  /** Where the generation step ran (generative services). */
  placement: { device: number; edge: number; cloud: number };
  /** Freshness at each receiver of the sources of this class (seed 000 Sec. V-2), averaged over sources. */
  freshness: {
    /** Time-average Age of Information, s. */
    aoiS: number;
    /** Mean peak AoI (age just before each informative delivery), s. */
    peakAoiS: number;
    /** Time-average Age of Incorrect Information (penalty as the scenario sets it). */
    aoii: number;
    /** Time-average Value of Information, importance × exp(−decay × AoI). */
    voi: number;
  };
}

export interface ClassOutcome extends ServiceOutcome {
  name: string;
  scheme: string;
}

/** Busy fraction of a kind of resource, mean and max over its instances. */
export interface Utilisation {
  mean: number;
  max: number;
}

export interface NetworkResult {
  scenario: string;
  seed: number;
  durationS: number;
  /** Simulated time when the last service finished (the run drains after the arrivals stop), s. */
  endS: number;
  devices: number;
  baseStations: number;
  /** Events the engine processed, and the wall time of the run, ms. */
  events: number;
  wallMs: number;
  all: ServiceOutcome;
  classes: ClassOutcome[];
  /** Stage 1: per device, time from start to ready (model and knowledge downloaded), s; bytes in total. */
  preparation: { readyS: Distribution; bytes: number };
  /** Stage 3: feedback and knowledge synchronisation. */
  synchronisation: {
    feedbackBytes: number;
    knowledgeSyncs: number;
    knowledgeSyncBytes: number;
    /** Time-average knowledge-matching degree over devices. */
    meanMatching: number;
  };
  /** Total bits carried on each kind of link, including preparation and synchronisation. */
  bits: { uplink: number; downlink: number; backhaul: number };
  utilisation: {
    uplink: Utilisation;
    downlink: Utilisation;
    edgeCompute: Utilisation;
    cloudCompute: Utilisation;
    deviceCompute: Utilisation;
  };
  /** Little's law check at each kind of compute queue: time-average number in system L against λW. */
  littlesLaw: { station: string; l: number; lambdaW: number }[];
}
