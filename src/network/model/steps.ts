/**
 * A service's path through the network as a list of steps (seed 002 Sec.
 * III-B, stage 2): compute at a node, a wireless transmission, a wired
 * transfer, and for generative services the decision of where generation
 * runs. The simulator walks the list one step per event.
 */
import type { FcfsStation } from '../engine/fcfs-station.js';
import type { SchemeCalibration } from '../calibration/types.js';
import type { RadioLink } from './radio-link.js';

export const NodeKind = { Device: 0, Edge: 1, Cloud: 2 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export interface ComputeStep {
  k: 'compute';
  station: FcfsStation;
  node: NodeKind;
  gflop: number;
  /** GFLOP/s of one server of the station. */
  speed: number;
}

export interface FlowStep {
  k: 'flow';
  link: RadioLink;
  uplink: boolean;
  /** Bits (digital) or complex channel uses (analog). */
  amount: number;
  analog: boolean;
  /** The scheme whose quality curve judges an analog hop. */
  scheme: SchemeCalibration;
}

export interface TransferStep {
  k: 'transfer';
  station: FcfsStation;
  bits: number;
  rateBps: number;
  /** Propagation and switching delay after the transfer, s. */
  delayS: number;
}

export interface PlaceStep {
  k: 'place';
}

export type Step = ComputeStep | FlowStep | TransferStep | PlaceStep;
