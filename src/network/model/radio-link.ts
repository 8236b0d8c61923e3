/**
 * One direction (uplink or downlink) of one base station's carrier, as a
 * fluid model: the transmissions active at a moment share the band in the
 * proportions the bandwidth policy gives (generalised processor sharing),
 * each at the rate link adaptation picks for its SNR on its share:
 * rate = share × B × efficiency(SNR) bit/s (analog transmissions: share × B
 * complex channel uses per second, one per hertz). Shares, powers and rates
 * are recomputed at every allocation epoch (a transmission starts or ends),
 * the completion of the earliest transmission is the link's next event. At
 * most `maxScheduled` transmissions are served at once; the others wait for
 * a grant in arrival order (their waiting is latency, not airtime).
 *
 * SNR on a share x with power p over a flow whose whole-band SNR per watt is
 * γ (= g·|h|²/(N0·B)) is p·γ/x: on the downlink the base station's power is
 * split by the power policy (equal power keeps the power spectral density,
 * so SNR = P·γ whatever x); on the uplink each device puts its own power on
 * its share, so a narrower share raises its SNR (power-limited cell edge).
 */
import { codewordErrorRate, mcsThresholdsDb, selectMcsIndex, taskSuccessAt } from '../calibration/lookup.js';
import type { CalibrationTable, SchemeCalibration } from '../calibration/types.js';
import type { BandwidthPolicy, FlowView, PowerPolicy } from '../policies/types.js';

/** What a transmission carries: a service's payload, a device's preparation download, a knowledge sync. */
export const FlowPurpose = { Service: 0, Preparation: 1, SyncUp: 2, SyncDown: 3 } as const;
export type FlowPurpose = (typeof FlowPurpose)[keyof typeof FlowPurpose];

/** One transmission on a link. Implements the policies' read-only view. */
export class Flow implements FlowView {
  remainingBits: number;
  snrPerWatt: number;
  efficiency = 0;
  averageRateBps = 0;
  importance: number;
  matching: number;
  successIfDelivered: number;
  slackS = Infinity;
  /** Allocation: share of the band, watts, rate in bits (or channel uses) per second. */
  share = 0;
  powerW = 0;
  rate = 0;
  /** SNR (dB) and MCS index at the first allocation: delivery and analog quality are judged there. */
  startSnrDb = NaN;
  mcs = -1;
  startS = NaN;
  /** What the transmission carries: payload bits (digital) or channel uses (analog). */
  readonly total: number;
  /** Bits on air: the payload padded to whole codewords once an MCS is chosen (digital); `total` for analog. */
  airBits: number;

  constructor(
    readonly purpose: FlowPurpose,
    /** Service id for service flows, else -1. */
    readonly service: number,
    readonly device: number,
    /** Bits (digital) or complex channel uses (analog). */
    amount: number,
    readonly analog: boolean,
    snrPerWatt: number,
    importance: number,
    matching: number,
    successIfDelivered: number,
    readonly deadlineAtS: number,
  ) {
    this.total = amount;
    this.airBits = amount;
    this.remainingBits = amount;
    this.snrPerWatt = snrPerWatt;
    this.importance = importance;
    this.matching = matching;
    this.successIfDelivered = successIfDelivered;
  }
}

export interface RadioLinkOptions {
  bandwidthHz: number;
  /** Downlink: the base station's total power, W. Uplink: each device's power, W. */
  powerW: number;
  uplink: boolean;
  bandwidthPolicy: BandwidthPolicy;
  /** Downlink only. */
  powerPolicy?: PowerPolicy;
  calibration: CalibrationTable;
  /** Proportional-fair averaging time constant, s. */
  fairnessWindowS: number;
  /** Transmissions served at once; later ones wait in arrival order. */
  maxScheduled: number;
  /** Per-device averaged served rate and the time it was last updated (shared by the links of one direction). */
  averageRate: Float64Array;
  averageAt: Float64Array;
}

/** Below this many bits (or channel uses) a transmission is done: guards float round-off. */
const DONE_EPSILON = 1e-6;

export class RadioLink {
  /** Transmissions being served. */
  readonly flows: Flow[] = [];
  /** Transmissions waiting for a grant, in arrival order (from `waitingHead` on). */
  private waiting: Flow[] = [];
  private waitingHead = 0;
  /** Time of the earliest completion under the current allocation (Infinity when idle). */
  nextS = Infinity;
  /** Seconds with at least one active transmission since the last stats reset. */
  busyS = 0;
  private lastS = 0;
  private statsFromS = 0;
  private shares = new Float64Array(16);
  private power = new Float64Array(16);

  /** Linear SNR of the most robust MCS's threshold plus the link-adaptation margin. */
  private readonly minSnr: number;

  constructor(readonly index: number, private readonly o: RadioLinkOptions) {
    this.minSnr = 10 ** ((Math.min(...mcsThresholdsDb(o.calibration)) + o.calibration.linkAdaptationMarginDb) / 10);
  }

  /** Adds a transmission at `now`: served at once if the scheduler has room, else queued; reallocates. */
  add(now: number, flow: Flow): void {
    if (this.flows.length >= this.o.maxScheduled) {
      this.waiting.push(flow);
      return;
    }
    this.advance(now);
    flow.startS = now;
    this.flows.push(flow);
    this.reallocate(now);
  }

  /** Transmissions waiting for a grant. */
  get queued(): number {
    return this.waiting.length - this.waitingHead;
  }

  /**
   * At `now` (the link's next event or later): moves every transmission on
   * and removes those that are done into `done`, then reallocates.
   */
  complete(now: number, done: Flow[]): void {
    this.advance(now);
    let w = 0;
    for (const f of this.flows) {
      if (f.remainingBits <= DONE_EPSILON || (f.rate > 0 && f.remainingBits / f.rate <= 1e-9)) done.push(f);
      else this.flows[w++] = f;
    }
    this.flows.length = w;
    while (this.flows.length < this.o.maxScheduled && this.waitingHead < this.waiting.length) {
      const f = this.waiting[this.waitingHead++]!;
      f.startS = now;
      this.flows.push(f);
    }
    if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.waitingHead);
      this.waitingHead = 0;
    }
    this.reallocate(now);
  }

  resetStats(now: number): void {
    this.advance(now);
    this.busyS = 0;
    this.statsFromS = now;
  }

  utilisation(now: number): number {
    this.advance(now);
    const elapsed = now - this.statsFromS;
    return elapsed > 0 ? this.busyS / elapsed : 0;
  }

  private advance(now: number): void {
    const dt = now - this.lastS;
    if (dt <= 0) return;
    if (this.flows.length > 0) this.busyS += Math.min(dt, now - this.statsFromS);
    const tau = this.o.fairnessWindowS;
    const { averageRate, averageAt } = this.o;
    const keep = Math.exp(-dt / tau);
    for (const f of this.flows) {
      f.remainingBits -= f.rate * dt;
      // Exponential average of the device's served rate in continuous time: decay over any idle gap, then blend this interval's rate.
      const d = f.device;
      const idle = this.lastS - averageAt[d]!;
      let avg = idle > 0 ? averageRate[d]! * Math.exp(-idle / tau) : averageRate[d]!;
      avg = avg * keep + f.rate * (1 - keep);
      averageRate[d] = avg;
      averageAt[d] = now;
    }
    this.lastS = now;
  }

  /**
   * A device's power is fixed, so a wider uplink share lowers its SNR: no
   * device gets more band than keeps it at the most robust MCS's threshold
   * plus margin (x ≤ P·γ / SNR_min), as an uplink scheduler sizes a
   * power-limited allocation; the band it cannot use goes to the others in
   * proportion to their shares, and is left idle when every flow is capped.
   */
  private capUplinkShares(n: number): void {
    const { powerW } = this.o;
    const shares = this.shares;
    const caps = this.power; // unused on the uplink: scratch for the caps
    for (let i = 0; i < n; i++) caps[i] = (powerW * this.flows[i]!.snrPerWatt) / this.minSnr;
    for (let pass = 0; pass < n; pass++) {
      let excess = 0;
      let free = 0;
      for (let i = 0; i < n; i++) {
        if (shares[i]! > caps[i]!) {
          excess += shares[i]! - caps[i]!;
          shares[i] = caps[i]!;
        } else if (shares[i]! < caps[i]!) free += shares[i]!;
      }
      if (excess <= 1e-12 || free <= 0) return;
      for (let i = 0; i < n; i++) if (shares[i]! < caps[i]!) shares[i] = shares[i]! + (excess * shares[i]!) / free;
    }
  }

  private reallocate(now: number): void {
    const n = this.flows.length;
    if (n === 0) {
      this.nextS = Infinity;
      return;
    }
    if (this.shares.length < n) {
      this.shares = new Float64Array(2 * n);
      this.power = new Float64Array(2 * n);
    }
    const { calibration, bandwidthHz, powerW, uplink } = this.o;
    const table = calibration.mcs;
    // The policies' view: each flow's efficiency with an equal share and equal power.
    for (const f of this.flows) {
      const snr = uplink ? (powerW * f.snrPerWatt * n) : powerW * f.snrPerWatt;
      f.efficiency = f.analog ? 1 : table[selectMcsIndex(calibration, 10 * Math.log10(snr))]!.efficiency;
      f.averageRateBps = this.o.averageRate[f.device]!;
      f.slackS = f.deadlineAtS - now;
    }
    const shares = this.shares;
    this.o.bandwidthPolicy.allocate(this.flows, shares);
    if (uplink) this.capUplinkShares(n);
    else if (this.o.powerPolicy) this.o.powerPolicy.allocate(this.flows, shares, powerW, this.power);
    let next = Infinity;
    for (let i = 0; i < n; i++) {
      const f = this.flows[i]!;
      const x = shares[i]!;
      f.share = x;
      let snr: number;
      if (x <= 0) snr = 0;
      else if (uplink) snr = (powerW * f.snrPerWatt) / x;
      else snr = this.o.powerPolicy ? (this.power[i]! * f.snrPerWatt) / x : powerW * f.snrPerWatt;
      f.powerW = uplink ? powerW : this.o.powerPolicy ? this.power[i]! : x * powerW;
      const snrDb = snr > 0 ? 10 * Math.log10(snr) : -Infinity;
      let eff = 1;
      if (!f.analog) {
        const m = selectMcsIndex(calibration, Number.isFinite(snrDb) ? snrDb : -100);
        eff = table[m]!.efficiency;
        if (f.mcs < 0 && x > 0) {
          // The packet goes out in whole codewords of the MCS chosen when it is first scheduled: the padding is airtime too.
          f.mcs = m;
          const k = table[m]!.infoBitsPerCodeword;
          f.airBits = Math.ceil(f.total / k) * k;
          f.remainingBits += f.airBits - f.total;
        }
      }
      if (Number.isNaN(f.startSnrDb) && x > 0) f.startSnrDb = snrDb;
      f.rate = x * bandwidthHz * eff;
      if (f.rate > 0) next = Math.min(next, now + Math.max(0, f.remainingBits) / f.rate);
    }
    this.nextS = next;
  }
}

/**
 * Probability that a digital transmission of `bits` arrives whole: every
 * codeword of the MCS chosen at its first allocation decoded, at the SNR of
 * that allocation (block fading held over the transmission).
 */
export function deliveryProbability(calibration: CalibrationTable, flow: Flow): number {
  if (flow.analog || flow.mcs < 0) return flow.analog ? 1 : 0;
  const mcs = calibration.mcs[flow.mcs]!;
  const codewords = Math.max(1, Math.ceil(flow.total / mcs.infoBitsPerCodeword));
  const cer = codewordErrorRate(mcs, flow.startSnrDb);
  return (1 - cer) ** codewords;
}

/** Task-success factor of an analog hop at its SNR, relative to an error-free hop. */
export function analogRetention(scheme: SchemeCalibration, snrDb: number): number {
  if (scheme.cleanTaskSuccess <= 0) return 0;
  return Math.min(1, taskSuccessAt(scheme, Number.isFinite(snrDb) ? snrDb : -100) / scheme.cleanTaskSuccess);
}
